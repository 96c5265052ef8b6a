"""The command line `kam`: a thin layer over the core."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click

from kamdocs import __version__
from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import (
    EDITIONS,
    Config,
    ConfigError,
    Thresholds,
    load_config,
    parse_date,
)
from kamdocs.core.files import WriteRefused, write_atomic, write_folder
from kamdocs.core.formats import CURRENT
from kamdocs.core.problem import Severity
from kamdocs.core.schema import SchemaLoadError, load_schema
from kamdocs.core.validate import (
    FileResult,
    PathNotFound,
    discover,
    display_name,
    parallel_map,
    validate_files,
)
from kamdocs.figures.assessment import (
    Context,
    assess,
    checklists_path,
    prepare,
    summarise_accounts,
)
from kamdocs.figures.classify import classify as classify_customers
from kamdocs.figures.classify import read_customers
from kamdocs.figures.portfolio import account_row
from kamdocs.figures.portfolio import build as build_portfolio
from kamdocs.history.git_source import GitError, changed_files, is_plan_path, top_level, uncommitted
from kamdocs.history.migrate import migrate_files
from kamdocs.history.new_plan import new_plan_text
from kamdocs.history.pairs import PairingError, account_folders, checked, file_pair, git_pairs, plans_by_year, with_history, year_pair
from kamdocs.history.rollover import roll_file, unified
from kamdocs.render.outputs.calendar import calendar_events, calendar_ics
from kamdocs.render.outputs.classify import render_classification
from kamdocs.render.outputs.diff import render_diff
from kamdocs.render.outputs.portfolio import portfolio_xlsx, render_portfolio
from kamdocs.render.outputs.report import FORMATS, problem_line, render
from kamdocs.render.outputs.show import render_show
from kamdocs.render.pages.agenda import agenda_page
from kamdocs.render.pages.agenda_file import agenda_html
from kamdocs.render.site.folder import MARKER, FolderError, export_site
from kamdocs.view.account import view_plans
from kamdocs.view.compare import compare
from kamdocs.view.gates import gate_result
from kamdocs.view.reader import Reader, UnknownLanguage, require_language

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


class EnvironmentProblem(click.ClickException):
    """Usage or environment error: one line, exit 2."""

    exit_code = EXIT_USAGE


def _config(config_file: Path | None, as_of: str | None, **overrides: object) -> Config:
    try:
        config = load_config(config_file).with_overrides(as_of=parse_date(as_of, "--as-of") if as_of else None, **overrides)
        require_language(config)
    except (ConfigError, UnknownLanguage) as err:
        raise EnvironmentProblem(str(err)) from None
    return config


def _reader(config: Config) -> Reader:
    """The reader the options ask for: edition and language decided here, once."""
    try:
        return Reader.of(config, Confidentiality.of(load_schema(config.schema)))
    except SchemaLoadError as err:
        raise EnvironmentProblem(str(err)) from None


ACCOUNT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
"""An account id as the schema has it: the name of its folder under the accounts folder."""


def _account_folder(config: Config, account: str) -> Path:
    """The folder of an account id; a path (`../x`, `/abs`) is refused, so no command reads outside the accounts folder."""
    if not ACCOUNT_ID.fullmatch(account):
        raise EnvironmentProblem(f"{account!r} is not an account id: use lower-case letters, digits and hyphens, e.g. acme-tools")
    return config.accounts / account


def _summarise(
    config: Config, summarise: Callable[[Context], Callable[[list[Any]], T]], paths: Sequence[Path] = (), jobs: int | None = None
) -> tuple[list[FileResult], list[T]]:
    """Validate the plans (and the checklists) and summarise each account; environment errors exit 2."""
    if not paths and not config.accounts.is_dir():
        raise EnvironmentProblem(f"{config.accounts}: accounts folder not found (set accounts in [tool.kam] or give paths)")
    base = Path.cwd().resolve()
    try:
        context, checked = prepare(config, base)
        results, summaries = summarise_accounts(config, summarise(context), base, paths, jobs)
    except (PathNotFound, SchemaLoadError) as err:
        raise EnvironmentProblem(str(err)) from None
    return [checked, *results], summaries


def _require_valid(results: Sequence[FileResult]) -> None:
    """Figures are computed from valid plans only: otherwise print the problems and exit 1."""
    if not all(r.ok for r in results):
        click.echo(render([r for r in results if r.problems], "text", click.style), nl=False, err=True)
        click.echo("Fix these problems first (kam validate shows them too).", err=True)
        sys.exit(EXIT_PROBLEMS)


def _emit(content: str | bytes, output: Path | None, force: bool) -> None:
    if output is None:
        if isinstance(content, bytes):
            raise EnvironmentProblem("this format is binary: give a file with -o/--output")
        click.echo(content, nl=False)
        return
    try:
        write_atomic(output, content, force)
    except WriteRefused as err:
        raise EnvironmentProblem(str(err)) from None
    click.echo(f"wrote {output}", err=True)


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="pyproject.toml with a [tool.kam] table. Default: the nearest one from the current folder upwards.",
)
as_of_option = click.option(
    "--as-of", metavar="YYYY-MM-DD", help="Date to judge deadlines against. Default: as_of in [tool.kam], else today."
)
edition_option = click.option(
    "--edition",
    type=click.Choice(EDITIONS),
    help="shared: no confidential value (prices, costs, margins, judgements of people); internal: everything. Default: edition in [tool.kam], else shared.",
)
language_option = click.option(
    "--language",
    metavar="LANG",
    help="The language of labels, words, numbers and dates: en, de, or any language a catalogue of [tool.kam] locales "
    "adds. Default: language in [tool.kam].",
)
output_option = click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file instead of the terminal (atomically)."
)
force_option = click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")


F = TypeVar("F", bound=Callable[..., Any])


def reader_options(command: F) -> F:
    """--edition, --language, --config and --as-of: what decides the reader's view."""
    return edition_option(language_option(config_option(as_of_option(command))))


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
@click.option(
    "--changed-since",
    metavar="REV",
    help="Only the plans changed since this Git revision (all of them when the schema, "
    "the checklists or pyproject.toml changed): for pre-commit hooks and pull requests.",
)
@config_option
@as_of_option
def validate(
    paths: tuple[Path, ...], fmt: str, jobs: int | None, changed_since: str | None, config_file: Path | None, as_of: str | None
) -> None:
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
      kam validate --changed-since origin/main
    """
    config = _config(config_file, as_of)
    targets = list(paths) or [config.accounts]
    if changed_since:
        if paths:
            raise click.UsageError("give either PATHS or --changed-since, not both")
        targets = _changed_targets(config, changed_since)
        if not targets:
            click.echo("No plan changed.")
            return
    if not paths and not config.accounts.is_dir():
        raise EnvironmentProblem(f"{config.accounts}: accounts folder not found (set accounts in [tool.kam] or give paths)")
    base = Path.cwd().resolve()
    try:
        files = discover(targets)
        with _progress(len(files), "Validating") as advance:
            results = validate_files(files, config.schema, config.as_of, base, jobs, progress=advance, accounts=config.accounts)
        if not paths:
            results.append(prepare(config, base)[1])
    except (PathNotFound, SchemaLoadError) as err:
        raise EnvironmentProblem(str(err)) from None
    click.echo(render(results, fmt, click.style), nl=False)
    sys.exit(EXIT_OK if all(r.ok for r in results) else EXIT_PROBLEMS)


@main.command()
@click.argument("account")
@click.option("--year", type=int, help="Plan year. Default: the account's latest plan.")
@click.option("--format", "fmt", type=click.Choice(("text", "json", "markdown")), default="text", show_default=True)
@reader_options
def show(
    account: str, year: int | None, fmt: str, edition: str | None, language: str | None, config_file: Path | None, as_of: str | None
) -> None:
    """Figures, checklist completeness and alerts of one plan.

    ACCOUNT is the account id (its folder under accounts/). The figures are
    explained on the site's Figures page; a figure without its inputs is
    shown as "not computable" with the reason.

    \b
    Examples:
      kam show meridian-stores
      kam show nordwerk --year 2025 --language de
      kam show meridian-stores --format json --edition internal
    """
    config = _config(config_file, as_of, edition=edition, language=language)
    folder = _account_folder(config, account)
    if not folder.is_dir():
        known = [p.name for p in account_folders(config.accounts)]
        raise EnvironmentProblem(f"{folder}: no such account (known: {', '.join(known) or 'none'})")
    years = sorted(plans_by_year(folder))
    if year is not None and year not in years:
        raise EnvironmentProblem(f"{folder}: no plan for {year} (plans: {', '.join(map(str, years)) or 'none'})")
    results, found = _summarise(
        config, lambda context: partial(view_plans, context=context, reader=Reader.of(config, context.secrets), year=year), [folder]
    )
    _require_valid(results)
    if not found:
        raise EnvironmentProblem(f"{folder}: holds no plan")
    view = found[0]
    click.echo(render_show(view, _reader(config).in_currency(view.currency), fmt), nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "--min-completeness", type=click.FloatRange(0, 1), help="Minimum checklist completeness, 0-1. Default: thresholds.min_completeness."
)
@click.option("--stale-days", type=click.IntRange(0, 36_500), help="A plan not reviewed for longer fails. Default: thresholds.stale_days.")
@click.option(
    "--notice-days",
    type=click.IntRange(0, 3_650),
    help="Fail when a notice deadline is this close. Default: thresholds.notice_warning_days.",
)
@edition_option
@config_option
@as_of_option
def check(
    paths: tuple[Path, ...],
    fmt: str,
    min_completeness: float | None,
    stale_days: int | None,
    notice_days: int | None,
    edition: str | None,
    config_file: Path | None,
    as_of: str | None,
) -> None:
    """Quality gates for CI, on each account's latest plan.

    A plan fails when it does not validate, its checklists are less complete
    than the minimum, it was not reviewed for too long (stale), an action is
    overdue, a contract notice deadline is near, the relationship is
    single-threaded, or an open question has no owner. Other findings (no
    decision maker known, few contacts, overdue milestones...) are warnings.
    Exit code 1 when a gate fails.

    \b
    Examples:
      kam check
      kam check --format github --stale-days 90
      kam check --min-completeness 0.8 accounts/nordwerk
    """
    config = _config(config_file, as_of, edition=edition)
    limits = config.thresholds
    config = config.with_overrides(
        thresholds=Thresholds(
            min_completeness=limits.min_completeness if min_completeness is None else min_completeness,
            key_account_score=limits.key_account_score,
            stale_days=limits.stale_days if stale_days is None else stale_days,
            notice_warning_days=limits.notice_warning_days if notice_days is None else notice_days,
        )
    )
    checked, gates = _summarise(
        config, lambda context: partial(gate_result, context=context, reader=Reader.of(config, context.secrets)), paths
    )
    results = [r for r in checked if not r.ok] + sorted(gates, key=lambda r: r.file)
    click.echo(render(results, fmt, click.style), nl=False)
    sys.exit(EXIT_OK if all(r.ok for r in results) else EXIT_PROBLEMS)


@main.command()
@click.option("--year", type=int, help="Plan year. Default: the latest year with plans.")
@click.option(
    "--by",
    type=click.Choice(("account", "owner")),
    default="account",
    show_default=True,
    help="One row per account, or per key account manager (plan.owner).",
)
@click.option("--format", "fmt", type=click.Choice(("text", "markdown", "json", "csv", "xlsx")), default="text", show_default=True)
@output_option
@force_option
@reader_options
def portfolio(
    year: int | None,
    by: str,
    fmt: str,
    output: Path | None,
    force: bool,
    edition: str | None,
    language: str | None,
    config_file: Path | None,
    as_of: str | None,
) -> None:
    """All key accounts side by side, with totals and concentration.

    One row per account with a plan for the year: tier, revenue of the last
    year, growth, forecast, margin (internal edition only), NPS, checklist
    completeness, next deadline, risk exposure and failed gates. Then totals,
    the retention of last year's key accounts, the share of the largest 1, 3
    and 5 accounts, and the HHI. With --by owner, one row per key account
    manager: accounts, revenue, forecast, average completeness, overdue actions.

    \b
    Examples:
      kam portfolio
      kam portfolio --format xlsx -o portfolio.xlsx --edition internal
      kam portfolio --year 2025 --format csv > portfolio-2025.csv
      kam portfolio --by owner
    """
    config = _config(config_file, as_of, edition=edition, language=language)
    years = sorted({year for folder in account_folders(config.accounts) for year in plans_by_year(folder)})
    chosen = year or max(years, default=0)
    results, rows = _summarise(config, lambda context: partial(account_row, year=chosen, context=context))
    _require_valid(results)
    if not years:
        raise EnvironmentProblem(f"{config.accounts}: no plans found")
    result = build_portfolio(
        [r for _, r, _ in rows if r is not None],
        chosen,
        [a for a, r, _ in rows if r is None],
        [a for a, r, last_year in rows if r is None and last_year],
        config.currency,
        config.rates,
    )
    if fmt == "xlsx":
        _emit(portfolio_xlsx(result, _reader(config), by), output, force)
    else:
        _emit(render_portfolio(result, _reader(config), fmt, by), output, force)


@main.command()
@click.argument("account")
@click.option("--year", type=click.IntRange(1900, 2200), help="Plan year. Default: the year of the as-of date (today).")
@click.option("--name", help="Company name of the customer. Default: the account id.")
@click.option("--owner", default="Your Name", show_default=True, help="The key account manager.")
@force_option
@language_option
@config_option
@as_of_option
def new(
    account: str,
    year: int | None,
    name: str | None,
    owner: str,
    force: bool,
    language: str | None,
    config_file: Path | None,
    as_of: str | None,
) -> None:
    """Start the plan of a new key account: accounts/ACCOUNT/YEAR.yaml.

    The plan has every section, with short guiding comments (English or
    German, from [tool.kam] language or --language), and validates as
    written. Never overwrites an existing plan without --force.

    \b
    Examples:
      kam new acme-tools --name "Acme Tools Ltd" --owner "Ada Lovelace"
      kam new nordwerk-gmbh --year 2027 --language de
    """
    config = _config(config_file, as_of, language=language)
    folder = _account_folder(config, account)
    for option, value in (("--name", name), ("--owner", owner)):
        if value is not None and not _is_utf8(value):
            raise EnvironmentProblem(f"{option}: not UTF-8 text (set the terminal to UTF-8)")
    chosen = year or config.as_of.year
    target = folder / f"{chosen}.yaml"
    text = new_plan_text(account, chosen, account if name is None else name, owner, config.language)
    _, problems = checked(text.encode("utf-8"), str(target), target, config.schema, config.accounts, config.as_of, path_rules=True)
    if problems:
        # what is wrong with the plan is wrong with an option: name the option
        raise EnvironmentProblem("; ".join(dict.fromkeys(f"{_NEW_OPTIONS.get(p.path, p.path)}: {p.message}" for p in problems)))
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _emit(text, target, force)
    finally:
        if created and not target.exists():
            folder.rmdir()


_NEW_OPTIONS = {"account.name": "--name", "plan.owner": "--owner", "team[0].name": "--owner"}
"""Where `kam new` puts its options in the plan."""


def _is_utf8(text: str) -> bool:
    """Arguments that are not UTF-8 reach Python as lone surrogates, which no file can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@main.command()
@click.argument("accounts", nargs=-1)
@click.option("--to", "year", type=click.IntRange(1900, 2200), required=True, help="The new plan year.")
@click.option("--dry-run", is_flag=True, help="Print what would be written, as a diff against the latest plan; write nothing.")
@force_option
@config_option
@as_of_option
def rollover(accounts: tuple[str, ...], year: int, dry_run: bool, force: bool, config_file: Path | None, as_of: str | None) -> None:
    """Start next year's plans: copy each account's latest plan to --to YEAR.

    Comments and key order are kept. The copy gets the new year and status
    draft; done and cancelled actions, reached milestones, closed risks,
    answered questions, won and lost opportunities, the committed revenue, the
    run-rate estimate and the meetings held stay behind; this year's review moves into earlier_reviews; the survey
    counts start empty. Sales history and everything else is kept. Writes
    atomically, never over an existing plan without --force.

    \b
    Examples:
      kam rollover --to 2027 --dry-run
      kam rollover nordwerk meridian-stores --to 2027
    """
    config = _config(config_file, as_of)
    folders = [_account_folder(config, a) for a in accounts] or account_folders(config.accounts) if config.accounts.is_dir() else []
    if not folders:
        raise EnvironmentProblem(f"{config.accounts}: no accounts to roll over")
    sources: list[Path] = []
    for folder in folders:
        plans = {y: p for y, p in plans_by_year(folder).items() if y < year}
        if not plans:
            raise EnvironmentProblem(f"{folder}: no plan before {year} to roll over")
        sources.append(plans[max(plans)])
    try:
        results = validate_files(sources, config.schema, config.as_of, Path.cwd().resolve(), accounts=config.accounts)
    except SchemaLoadError as err:
        raise EnvironmentProblem(str(err)) from None
    _require_valid(results)
    # all or nothing: every target is checked before the first is written
    targets = [source.with_name(f"{year}.yaml") for source in sources]
    conflicts = [target for target in targets if (target.exists() or target.is_symlink()) and not force]
    rolled = parallel_map(partial(roll_file, year=year), sources, len(sources))
    if dry_run:
        for source, target, text in zip(sources, targets, rolled, strict=True):
            click.echo(unified(source.read_text(encoding="utf-8-sig"), text, str(source), str(target)), nl=False)
        for target in conflicts:
            click.echo(f"{target}: exists; the rollover would stop here without --force", err=True)
        sys.exit(EXIT_PROBLEMS if conflicts else EXIT_OK)
    if conflicts:
        listed = ", ".join(map(str, conflicts[:5])) + (f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else "")
        raise EnvironmentProblem(f"{listed}: exists; use --force to overwrite (nothing written)")
    for target, text in zip(targets, rolled, strict=True):
        _emit(text, target, force)


def _migration_targets(config: Config, targets: tuple[str, ...]) -> list[Path]:
    """Plan files of the accounts or paths given; default: every plan of the accounts folder."""
    if not targets:
        if not config.accounts.is_dir():
            raise EnvironmentProblem(f"{config.accounts}: accounts folder not found (set accounts in [tool.kam] or give paths)")
        return discover([config.accounts])
    found: list[Path] = []
    for target in targets:
        folder = config.accounts / target
        if re.fullmatch(r"[a-z0-9][a-z0-9-]*", target) and folder.is_dir():
            found += discover([folder])
        elif Path(target).exists():
            found += discover([Path(target)])
        else:
            raise EnvironmentProblem(f"{target}: neither an account in {config.accounts} nor a plan file or folder")
    return list(dict.fromkeys(found))


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff; write nothing.")
@click.option("--force", is_flag=True, help="Migrate plans with changes that are not committed, or outside a Git repository.")
@language_option
@config_option
@as_of_option
def migrate(
    targets: tuple[str, ...], dry_run: bool, force: bool, language: str | None, config_file: Path | None, as_of: str | None
) -> None:
    """Carry plans from plan format 1 to format 2, in place.

    TARGETS are account ids, plan files or folders; default: every plan of
    the accounts folder. Comments, key order, x- keys and every value are
    kept: a value moves (buying_role into the list buying_roles, a care
    measure's frequency into an interval, or into occasion when it names
    none), and a rewritten value keeps its old text as a comment. All or
    nothing: when one plan cannot be migrated, none is written. Plans
    already in format 2 are left as they are, so running it twice changes
    nothing. A plan is rewritten only where Git holds its text in a commit,
    so the migration is a diff of its own and the plan before it stays in
    the history; --force migrates uncommitted plans too. Review the result
    with git diff.

    \b
    Examples:
      kam migrate --dry-run
      kam migrate nordwerk meridian-stores
      kam migrate tests/fixtures
    """
    config = _config(config_file, as_of, language=language)
    reader = _reader(config)
    files = _migration_targets(config, targets)
    try:
        done = migrate_files(files, config.schema, config.as_of, Path.cwd().resolve())
    except SchemaLoadError as err:
        raise EnvironmentProblem(str(err)) from None
    problems = [p for d in done for p in d.problems]
    if problems:
        click.echo(render([FileResult(d.display, d.problems) for d in done if d.problems], "text", click.style), nl=False, err=True)
        click.echo("Nothing was migrated: fix these problems first, then run kam migrate again.", err=True)
        sys.exit(EXIT_PROBLEMS)
    changed = [d for d in done if d.migration and d.migration.changes]
    unwritable = [d.display for d in changed if not dry_run and not os.access(d.path.parent, os.W_OK)]
    if unwritable:
        raise EnvironmentProblem(f"{unwritable[0]}: its folder is not writable; nothing was migrated")
    if changed and not (dry_run or force):
        _refuse_uncommitted([d.path for d in changed], {d.path: d.display for d in changed})
    for plan in changed:
        assert plan.migration is not None
        if dry_run:
            click.echo(unified(plan.migration.old, plan.migration.new, plan.display, plan.display), nl=False)
            continue
        try:
            write_atomic(plan.path, plan.migration.new, force=True)
        except (WriteRefused, OSError) as err:
            raise EnvironmentProblem(f"{plan.display}: cannot write: {err}") from None
        click.echo(f"migrated {plan.display} to format {CURRENT}:")
        for change in plan.migration.changes:
            click.echo(f"  {change.path}: {reader.reason(change.message)}")
    verb = "would migrate" if dry_run else "migrated"
    click.echo(f"{len(files)} plans checked: {verb} {len(changed)}, {len(files) - len(changed)} already in format {CURRENT}.", err=dry_run)


def _refuse_uncommitted(paths: list[Path], display: dict[Path, str]) -> None:
    """Stop before rewriting a plan whose current text only the working tree holds: Git must keep the plan as it was."""
    try:
        loose = uncommitted(paths)
    except GitError as err:
        raise EnvironmentProblem(
            f"{display[paths[0]]}: not in a Git repository ({err}), where the plan as it was would stay; "
            "use --force to migrate anyway; nothing was migrated"
        ) from None
    if loose:
        raise EnvironmentProblem(
            f"{display[loose[0]]}: has changes that are not committed; commit them first, so that the migration is a diff "
            "of its own (or use --force); nothing was migrated"
        )


@main.command()
@click.argument("account")
@click.option("--year", type=int, help="Plan year. Default: the account's latest plan.")
@output_option
@force_option
@reader_options
def agenda(
    account: str,
    year: int | None,
    output: Path | None,
    force: bool,
    edition: str | None,
    language: str | None,
    config_file: Path | None,
    as_of: str | None,
) -> None:
    """The annual review agenda of one account, ready to print.

    The six preparation points and the five agenda parts (status, planned
    activities, cooperation proposals, conditions, future topics), filled
    from the plan, and the information checklist with its values. The same
    page is in the site. Writes Markdown, or HTML when the output file ends
    in .html; proposals on conditions only in the internal edition.

    \b
    Examples:
      kam agenda meridian-stores
      kam agenda nordwerk --language de -o agenda-nordwerk.html
      kam agenda meridian-stores --edition internal -o review.md
    """
    config = _config(config_file, as_of, edition=edition, language=language)
    folder = _account_folder(config, account)
    if not folder.is_dir():
        raise EnvironmentProblem(f"{folder}: no such account")
    results, found = _summarise(
        config, lambda context: partial(view_plans, context=context, reader=Reader.of(config, context.secrets), year=year), [folder]
    )
    _require_valid(results)
    if not found:
        raise EnvironmentProblem(f"{folder}: no plan" + (f" for {year}" if year else ""))
    source = agenda_page(found[0], _reader(config))
    html = output is not None and output.suffix.lower() in (".html", ".htm")
    _emit(agenda_html(source, config.language) if html else source.document(), output, force)


@main.command()
@output_option
@force_option
@reader_options
def calendar(
    output: Path | None, force: bool, edition: str | None, language: str | None, config_file: Path | None, as_of: str | None
) -> None:
    """Review dates and deadlines of every current plan as iCalendar (.ics).

    Annual reviews, open actions and milestones, open questions, care
    improvements, contract notice deadlines and contract ends, one all-day
    event each, with stable ids so that a subscribed calendar updates.

    \b
    Examples:
      kam calendar -o deadlines.ics
      kam calendar --language de > termine.ics
    """
    config = _config(config_file, as_of, edition=edition, language=language)
    results, found = _summarise(config, lambda context: partial(view_plans, context=context, reader=Reader.of(config, context.secrets)))
    _require_valid(results)
    events = (calendar_events(view) for view in sorted(found, key=lambda view: view.account))
    _emit(calendar_ics(events, _reader(config)).decode("utf-8"), output, force)


PROGRESS_FROM = 500
"""Fewer plans are checked too fast for a progress bar to help."""


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on standard error, only on a terminal and only for long work."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


def _changed_targets(config: Config, revision: str) -> list[Path]:
    """The plans changed since `revision`, or the whole accounts folder when what checks them changed."""
    try:
        root = top_level(Path.cwd())
        changed = changed_files(root, revision, None)
        accounts = config.accounts.resolve().relative_to(root).as_posix()
    except (GitError, ValueError) as err:
        raise EnvironmentProblem(f"git: {err}") from None
    rules = {config.schema.resolve(), checklists_path(config).resolve(), *([config.source.resolve()] if config.source else [])}
    if any((root / path).resolve() in rules for path in changed):
        return [config.accounts]
    return [root / path for path in changed if is_plan_path(path, accounts) and (root / path).is_file()]


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--from", "from_year", type=int, help="With ACCOUNT: the older year. Default: the second latest.")
@click.option("--to", "to_year", type=int, help="With ACCOUNT: the newer year. Default: the latest.")
@click.option("--base", help="Compare every plan changed since this Git revision (e.g. origin/main).")
@click.option("--head", help="With --base: the newer revision. Default: the working tree.")
@click.option("--format", "fmt", type=click.Choice(("text", "json", "markdown")), default="text", show_default=True)
@reader_options
def diff(
    targets: tuple[str, ...],
    from_year: int | None,
    to_year: int | None,
    base: str | None,
    head: str | None,
    fmt: str,
    edition: str | None,
    language: str | None,
    config_file: Path | None,
    as_of: str | None,
) -> None:
    """What changed between two plans: fields and derived figures.

    Semantic, not textual: list items are matched by their id (a reordered
    list is no change), numbers show old → new with the difference, added and
    removed entries are listed as such. The shared edition shows no
    confidential value, old or new. Three forms:

    Two loose files are checked without the rules on file and folder names,
    so that the form also serves as a Git difftool.

    \b
      kam diff OLD.yaml NEW.yaml
      kam diff ACCOUNT [--from 2025 --to 2026]       (default: its last two years)
      kam diff --base origin/main [--head HEAD]      (every plan changed; Git is read, nothing checked out)

    \b
    Examples:
      kam diff nordwerk
      kam diff --base origin/main --format markdown > pr-comment.md
    """
    config = _config(config_file, as_of, edition=edition, language=language)
    base_dir = Path.cwd().resolve()
    try:
        context, checked_schema = prepare(config, base_dir)
    except SchemaLoadError as err:
        raise EnvironmentProblem(str(err)) from None
    _require_valid([checked_schema])
    reader = Reader.of(config, context.secrets)
    if base and targets:
        raise click.UsageError("give either --base or files/an account, not both")
    if not base and len(targets) not in (1, 2):
        raise click.UsageError("give OLD.yaml NEW.yaml, an ACCOUNT, or --base REV")
    try:
        if base:
            pairs = git_pairs(base_dir, config.accounts, base, head)
        elif len(targets) == 2:
            pairs = [file_pair(Path(targets[0]), Path(targets[1]), base_dir)]
        else:
            pairs = [year_pair(_account_folder(config, targets[0]), from_year, to_year, base_dir)]
    except PairingError as err:
        raise EnvironmentProblem(str(err)) from None
    diffs, problems = [], []
    for pair in pairs:
        old_name = f"{display_name(pair.old_path, base_dir)} (old)"
        try:
            old, old_problems = checked(
                pair.old_text, old_name, pair.old_path, config.schema, config.accounts, config.as_of, not pair.loose
            )
            new, new_problems = checked(
                pair.new_text, pair.file, pair.new_path, config.schema, config.accounts, config.as_of, not pair.loose
            )
        except SchemaLoadError as err:
            raise EnvironmentProblem(str(err)) from None
        # an old side that does not validate does not stop the diff (a pull request that fixes a plan): it is
        # reported as invalid, and its problems stay unsaid here (the new side is what the reader is asked about)
        problems += new_problems
        sides = [
            assess(with_history(doc, path, pair.loose), context) if doc else None
            for doc, path in ((old, pair.old_path), (new, pair.new_path))
        ]
        if old or new:
            invalid = any(p.severity is Severity.ERROR for p in old_problems)
            diffs.append(compare(sides[0], sides[1], reader, pair.file, old_invalid=invalid))
    _require_valid([FileResult("diff", tuple(problems))])
    click.echo(render_diff(diffs, reader, fmt, click.style), nl=False)


@main.command()
@click.argument("customers", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--year", type=int, help="Revenue year (column revenue_YYYY). Default: the latest column.")
@click.option(
    "--limits",
    nargs=2,
    type=click.FloatRange(0, 1),
    metavar="A B",
    help="Cumulative revenue shares that close class A and B. Default: figures.abc_limits, else 0.8 0.95.",
)
@click.option("--top", type=click.IntRange(min=1), help="Show only the largest N customers (text and markdown).")
@click.option("--format", "fmt", type=click.Choice(("text", "markdown", "json", "csv")), default="text", show_default=True)
@output_option
@force_option
@language_option
@config_option
def classify(
    customers: Path | None,
    year: int | None,
    limits: tuple[float, float] | None,
    top: int | None,
    fmt: str,
    output: Path | None,
    force: bool,
    language: str | None,
    config_file: Path | None,
) -> None:
    """Stock-taking of all customers: Pareto/ABC analysis by revenue.

    Reads CUSTOMERS (default: customers.csv in the accounts folder) with the
    columns customer_id, name and revenue_YYYY (one per year). Ranks the
    customers by revenue, classes them A/B/C by cumulative share, says which
    share of the customers makes 80 % of revenue, and lists the class A
    customers that have no plan yet (no folder under accounts/).

    \b
    Examples:
      kam classify
      kam classify --top 20 --language de
      kam classify other.csv --year 2024 --limits 0.7 0.9 --format csv
    """
    config = _config(config_file, None, language=language)
    limits = limits or config.figures.abc_limits
    if not limits[0] < limits[1]:
        raise EnvironmentProblem(f"--limits {limits[0]} {limits[1]}: the first limit must be below the second")
    path = customers or config.accounts / "customers.csv"
    if not path.is_file():
        raise EnvironmentProblem(f"{path}: customer file not found")
    found, chosen, problems = read_customers(path, year, display_name(path, Path.cwd().resolve()))
    if problems:
        click.echo(render([FileResult(problems[0].file, tuple(problems))], "text", click.style), nl=False, err=True)
        sys.exit(EXIT_PROBLEMS)
    planned = {p.name for p in account_folders(config.accounts)}
    result = classify_customers(found, chosen, limits, planned)
    _emit(render_classification(result, _reader(config), fmt, top), output, force)


@main.group()
def site() -> None:
    """The site for a site generator that runs no kam plugin (Zensical and what comes next).

    MkDocs and ProperDocs build the site with the kam plugin from mkdocs.yml;
    Zensical ignores the plugin and would build a site without any account.
    """


@site.command("pages")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Replace FOLDER if an earlier run of this command wrote it.")
@click.option(
    "--site-config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The site's mkdocs.yml. Default: mkdocs.yml beside the pyproject.toml of [tool.kam].",
)
@reader_options
def pages(
    folder: Path,
    force: bool,
    site_config: Path | None,
    edition: str | None,
    language: str | None,
    config_file: Path | None,
    as_of: str | None,
) -> None:
    """Write the whole site as files into FOLDER, for `zensical build`.

    FOLDER gets docs/ (the hand-written pages and every generated page, the
    calendar, the reference pages and the assets) and mkdocs.yml (the site's,
    with the dashboard in the navigation and without the kam plugin). The
    kam plugin's edition, language and on_invalid in mkdocs.yml apply, as
    in the MkDocs build; --edition and --language override them. Never
    writes into docs/, accounts/ or the schema folder.

    \b
    Examples:
      kam site pages build/zensical && cd build/zensical && zensical build
      kam site pages build/intern --edition internal --force
    """
    config = _config(config_file, as_of)
    try:
        export = export_site(config, site_config or config.root / "mkdocs.yml", Path.cwd().resolve(), edition, language)
    except (FolderError, PathNotFound, SchemaLoadError) as err:
        raise EnvironmentProblem(str(err)) from None
    for problem in export.problems:
        click.echo(problem_line(problem, click.style), err=True)
    if export.stop:
        click.echo("Plans do not validate: fix them, or set on_invalid: warn for the kam plugin in mkdocs.yml.", err=True)
        sys.exit(EXIT_PROBLEMS)
    try:
        write_folder(folder, export.files, MARKER, force, export.protected)
    except WriteRefused as err:
        raise EnvironmentProblem(str(err)) from None
    click.echo(f"wrote {len(export.files)} files into {folder}: build them with `zensical build` there", err=True)
