from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, write_plan
from kamdocs.cli import main


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch):
    def invoke(*args: str, cwd: Path | None = None):
        if cwd:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_validate_example_portfolio_from_the_repo(run) -> None:
    result = run("validate", "--as-of", "2026-11-24", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("plans and 1 other file checked: all valid.\n")


def test_validate_finds_the_config_from_a_subfolder(run, workspace: Path) -> None:
    result = run("validate", cwd=workspace / "accounts" / "acme-tools")
    assert result.exit_code == 0, result.output
    assert result.output == "1 plan and 1 other file checked: all valid.\n"


def test_problems_exit_1_with_position(run, workspace: Path, acme) -> None:
    acme["actions"][0]["owner"] = "zed"
    write_plan(workspace, acme)
    result = run("validate", cwd=workspace)
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    assert line.startswith("accounts/acme-tools/2026.yaml:")
    assert ": error [reference] actions[0].owner: 'zed' is not an id in team" in line
    assert result.output.splitlines()[-1] == "1 plan and 1 other file checked: 1 error in 1 file."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("kamdocs: 1\nkamdocs: 1\n", "2:1: error [yaml] duplicate key 'kamdocs' (first at line 1)"),
        ("a: &x 1\nb: *x\n", "2:4: error [yaml] aliases"),
        ("a: !!python/name:os.system x\n", "1:4: error [yaml] tag"),
        ("- 1\n", "1:1: error [top-level]"),
        ("", "1:1: error [empty]"),
    ],
)
def test_bad_yaml_is_one_line_without_traceback(run, workspace: Path, text: str, words: str) -> None:
    path = workspace / "accounts" / "acme-tools" / "2026.yaml"
    path.write_text(text)
    result = run("validate", cwd=workspace)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"accounts/acme-tools/2026.yaml:{words}")
    assert "Traceback" not in result.output
    assert path.read_text() == text


def test_formats(run, workspace: Path, acme) -> None:
    acme["plan"]["status"] = "bogus"
    write_plan(workspace, acme)
    as_json = json.loads(run("validate", "--format", "json", cwd=workspace).output)
    assert as_json["summary"]["errors"] == 1
    github = run("validate", "--format", "github").output
    assert github.startswith("::error file=accounts/acme-tools/2026.yaml,line=")
    junit = run("validate", "--format", "junit").output
    assert junit.startswith('<?xml version="1.0" encoding="UTF-8"?>') and "<failure" in junit


def test_paths_may_be_files_and_folders(run, workspace: Path) -> None:
    result = run("validate", "accounts/acme-tools/2026.yaml", "accounts", cwd=workspace)
    assert result.output == "1 plan checked: all valid.\n"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("validate", "no-such-folder"), "no-such-folder: no such file or folder"),
        (("validate", "--format", "xml"), "Invalid value for '--format'"),
        (("validate", "--as-of", "2026-13-01"), "--as-of: '2026-13-01' is not a date YYYY-MM-DD"),
        (("validate", "--config", "missing.toml"), "missing.toml: config file not found"),
    ],
)
def test_usage_errors_exit_2(run, workspace: Path, args: tuple[str, ...], words: str) -> None:
    result = run(*args, cwd=workspace)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output


def test_missing_accounts_folder_exits_2(run, workspace: Path) -> None:
    (workspace / "accounts" / "acme-tools" / "2026.yaml").unlink()
    (workspace / "accounts" / "acme-tools").rmdir()
    (workspace / "accounts").rmdir()
    result = run("validate", cwd=workspace)
    assert result.exit_code == 2
    assert "accounts: accounts folder not found" in result.output


def test_broken_schema_exits_2(run, workspace: Path) -> None:
    (workspace / "schema" / "account-plan.schema.json").write_text("{")
    result = run("validate", cwd=workspace)
    assert result.exit_code == 2
    assert "schema is not valid JSON" in result.output


def test_config_option_points_elsewhere(run, workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run("validate", "--config", str(workspace / "pyproject.toml"), cwd=elsewhere)
    assert result.exit_code == 0 and result.output == "1 plan and 1 other file checked: all valid.\n"


def test_as_of_judges_last_reviewed(run, workspace: Path) -> None:
    result = run("validate", "--as-of", "2026-01-01", cwd=workspace)
    assert result.exit_code == 1
    assert "last_reviewed 2026-01-15 lies in the future (as of 2026-01-01)" in result.output


def test_help_has_examples(run) -> None:
    result = run("validate", "--help")
    assert result.exit_code == 0
    assert "kam validate --format github accounts/" in result.output
    assert "Exit code 0" in result.output
