"""The command line `kam`: a thin layer over the core."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kamdocs import __version__
from kamdocs.config import Config, ConfigError, load_config, parse_date
from kamdocs.report import FORMATS, render
from kamdocs.schema import SchemaLoadError
from kamdocs.validate import PathNotFound, discover, validate_files

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class EnvironmentProblem(click.ClickException):
    """Usage or environment error: one line, exit 2."""

    exit_code = EXIT_USAGE


def _config(config_file: Path | None, as_of: str | None) -> Config:
    try:
        config = load_config(config_file)
        return config.with_overrides(as_of=parse_date(as_of, "--as-of") if as_of else None)
    except ConfigError as err:
        raise EnvironmentProblem(str(err)) from None


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="pyproject.toml with a [tool.kam] table. Default: the nearest one from the current folder upwards.",
)
as_of_option = click.option("--as-of", metavar="YYYY-MM-DD", help="Date to judge deadlines against. Default: as_of in [tool.kam], else today.")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kam")
def main() -> None:
    """kamdocs: key account plans as YAML in Git, checked and published.

    Plans live in accounts/<account-id>/<year>.yaml. Run a command with --help
    for its options and examples.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Processes to use. Default: one per core for 200 plans or more.")
@config_option
@as_of_option
def validate(paths: tuple[Path, ...], fmt: str, jobs: int | None, config_file: Path | None, as_of: str | None) -> None:
    """Check plans against the schema and the rules in code.

    PATHS are plan files or folders; default: the accounts folder of
    [tool.kam]. Each problem is printed as FILE:LINE:COL: severity [rule]
    key.path: message. Exit code 0: all valid, 1: problems found, 2: usage
    or environment error.

    \b
    Examples:
      kam validate
      kam validate accounts/nordwerk/2026.yaml
      kam validate --format github accounts/
      kam validate --format junit > validation.xml
    """
    config = _config(config_file, as_of)
    targets = list(paths) or [config.accounts]
    if not paths and not config.accounts.is_dir():
        raise EnvironmentProblem(f"{config.accounts}: accounts folder not found (set accounts in [tool.kam] or give paths)")
    try:
        files = discover(targets)
        results = validate_files(files, config.schema, config.as_of, Path.cwd().resolve(), jobs)
    except (PathNotFound, SchemaLoadError) as err:
        raise EnvironmentProblem(str(err)) from None
    click.echo(render(results, fmt, click.style), nl=False)
    sys.exit(EXIT_OK if all(r.ok for r in results) else EXIT_PROBLEMS)
