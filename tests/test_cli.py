from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, git, load_plan, write_plan

from kamdocs.app.cli import main


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


def test_show_prints_figures_checklists_and_alerts(run) -> None:
    result = run("show", "meridian-stores", "--as-of", "2026-11-24", cwd=ROOT)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Meridian Stores plc (meridian-stores), Plan year 2026"
    assert any(line.startswith("In 2026 we expect ") for line in lines)
    assert any(line.startswith("Revenue last year ") and line.endswith(" €4,003,800") for line in lines)
    assert "Completeness: 100.0%" in lines
    assert not any(line.startswith("Contribution margin") for line in lines), "shared edition by default"


def test_show_json_is_complete_and_internal_adds_margins(run) -> None:
    shared = json.loads(run("show", "nordwerk", "--format", "json", "--as-of", "2026-11-24", cwd=ROOT).output)
    internal = json.loads(run("show", "nordwerk", "--format", "json", "--edition", "internal", "--as-of", "2026-11-24").output)
    assert shared["year"] == 2026 and shared["edition"] == "shared"
    assert "contribution_margin" not in shared["figures"] and "contribution_margin" in internal["figures"]
    assert internal["figures"]["contribution_margin"]["confidential"] is True
    assert set(internal["figures"]) - set(shared["figures"]) == {k for k, f in internal["figures"].items() if f["confidential"]}
    assert [c["id"] for c in shared["checklists"]][:3] == ["information", "preparation", "agenda"]


def test_show_in_german(run) -> None:
    result = run("show", "nordwerk", "--year", "2025", "--language", "de", "--as-of", "2026-11-24", cwd=ROOT)
    assert result.output.startswith("Nordwerk Antriebstechnik GmbH (nordwerk), Planjahr 2025")
    assert "Für 2025 erwarten wir " in result.output and "Umsatz Vorjahr" in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("show", "nobody"), "no such account (known: acme-tools)"),
        (("show", "acme-tools", "--year", "2020"), "no plan for 2020 (plans: 2026)"),
    ],
)
def test_show_usage_errors(run, workspace: Path, args: tuple[str, ...], words: str) -> None:
    result = run(*args, cwd=workspace)
    assert result.exit_code == 2 and words in result.output


def test_show_refuses_an_invalid_plan(run, workspace: Path, acme) -> None:
    acme["plan"]["status"] = "bogus"
    write_plan(workspace, acme)
    result = run("show", "acme-tools", cwd=workspace)
    assert result.exit_code == 1
    assert "error [schema.enum] plan.status" in result.output


def test_check_gates_and_exit_codes(run) -> None:
    result = run("check", "--as-of", "2026-11-24", cwd=ROOT)
    assert result.exit_code == 1
    assert "accounts/vela-foods/2026.yaml:" in result.output and "error [gate.completeness]" in result.output
    # the model account fails no gate (its stale opportunities and low forecast are warnings)
    assert not [line for line in result.output.splitlines() if "meridian-stores" in line and "error" in line]
    relaxed = run("check", "accounts/meridian-stores", "accounts/nordwerk", "--as-of", "2026-11-24")
    assert relaxed.exit_code == 0, relaxed.output


def test_check_thresholds_as_options(run, workspace: Path) -> None:
    strict = run("check", "--as-of", "2026-11-24", cwd=workspace)
    assert "error [gate.stale] plan.last_reviewed: last reviewed 313 days ago, more than 180" in strict.output
    relaxed = run("check", "--as-of", "2026-11-24", "--stale-days", "400")
    assert "gate.stale" not in relaxed.output
    assert "gate.completeness" in run("check", "--min-completeness", "0.99").output


def test_portfolio_formats(run, tmp_path: Path) -> None:
    text = run("portfolio", "--as-of", "2026-11-24", cwd=ROOT).output
    assert text.startswith("Key account portfolio 2026")
    assert "Contribution margin II %" not in text
    internal = run("portfolio", "--as-of", "2026-11-24", "--edition", "internal").output
    assert "Contribution margin II %" in internal
    rows = run("portfolio", "--format", "csv", "--as-of", "2026-11-24").output.splitlines()
    assert rows[0].startswith("account,name,tier,revenue,") and len(rows) == 9
    data = json.loads(run("portfolio", "--format", "json", "--year", "2025", "--as-of", "2026-11-24").output)
    # caldera-therapeutics is in its first year as a key account: no 2025 plan
    assert data["year"] == 2025 and len(data["accounts"]) == 7 and "caldera-therapeutics" not in {a["account"] for a in data["accounts"]}
    assert run("portfolio", "--format", "xlsx").exit_code == 2


def test_portfolio_xlsx_is_a_real_sheet(run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "p.xlsx"
    assert run("portfolio", "--format", "xlsx", "-o", str(target), "--as-of", "2026-11-24", cwd=ROOT).exit_code == 0
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Account" and sheet["A1"].font.bold
    assert sheet["D2"].value == 4_003_800 and "EUR" in sheet["D2"].number_format
    before = target.read_bytes()
    refused = run("portfolio", "--format", "xlsx", "-o", str(target))
    assert refused.exit_code == 2 and "exists; use --force" in refused.output
    assert target.read_bytes() == before
    assert run("portfolio", "--format", "xlsx", "-o", str(target), "--force").exit_code == 0


def test_classify(run) -> None:
    result = run("classify", "--top", "3", cwd=ROOT)
    assert result.exit_code == 0
    assert result.output.startswith("ABC analysis 2025: 204 customers")
    assert "Key-account candidates without a plan: c-" in result.output
    data = json.loads(run("classify", "--format", "json").output)
    assert data["classes"]["A"] + data["classes"]["B"] + data["classes"]["C"] == 204
    assert "meridian-stores" not in data["candidates"]


def test_classify_bad_rows_exit_1(run, tmp_path: Path) -> None:
    from conftest import FIXTURES

    result = run("classify", str(FIXTURES / "customers" / "bad.csv"), cwd=tmp_path)
    assert result.exit_code == 1
    assert "bad.csv:4:5: error [customers] revenue_2025 'lots' is not a number" in result.output


def test_classify_limits(run) -> None:
    assert run("classify", "--limits", "0.9", "0.5", cwd=ROOT).exit_code == 2
    data = json.loads(run("classify", "--limits", "0.5", "0.9", "--format", "json").output)
    assert data["limits"] == [0.5, 0.9]


def test_agenda_markdown_and_html(run, tmp_path: Path) -> None:
    result = run("agenda", "nordwerk", "--as-of", "2026-11-24", cwd=ROOT)
    assert result.exit_code == 0
    assert "# Annual review agenda: Nordwerk Antriebstechnik GmbH · 2026" in result.output
    assert "*in the internal edition only*" in result.output
    internal = run("agenda", "nordwerk", "--edition", "internal", "--as-of", "2026-11-24").output
    assert "3 % Rahmenbonus ab 1,5 Mio. EUR" in internal
    target = tmp_path / "agenda.html"
    assert run("agenda", "nordwerk", "--language", "de", "-o", str(target), "--as-of", "2026-11-24").exit_code == 0
    page = target.read_text()
    assert page.startswith("<!DOCTYPE html>") and '<html lang="de">' in page and "@media print" in page
    assert '<h2 id="vorbereitung">Vorbereitung' in page
    # the front matter is the site's, not text of the document
    assert "title:" not in page and "exclude" not in page and "<hr" not in page
    assert run("agenda", "nordwerk", "-o", str(target)).exit_code == 2


def test_calendar_ics(run, tmp_path: Path) -> None:
    from icalendar import Calendar

    target = tmp_path / "deadlines.ics"
    result = run("calendar", "-o", str(target), "--as-of", "2026-11-24", cwd=ROOT)
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    summaries = {str(e["SUMMARY"]) for e in events}
    # renewal: none: the contract simply ends, there is no notice deadline
    assert "Caldera Therapeutics AG: Contract ends – CT-2025-014" in summaries
    assert "Caldera Therapeutics AG: Contract notice deadline – CT-2025-014" not in summaries
    assert len({str(e["UID"]) for e in events}) == len(events)
    again = run("calendar", "--as-of", "2026-11-24").output
    assert again.replace("\r\n", "\n") == target.read_text().replace("\r\n", "\n")


@pytest.mark.parametrize("language", ["en", "de"])
def test_new_plan_is_valid_and_never_overwritten(run, workspace: Path, language: str) -> None:
    result = run(
        "new",
        "globex-ag",
        "--name",
        'Globex "Intl": AG',
        "--owner",
        "Hank Scorpio",
        "--year",
        "2027",
        "--language",
        language,
        cwd=workspace,
    )
    assert result.exit_code == 0, result.output
    plan = workspace / "accounts" / "globex-ag" / "2027.yaml"
    text = plan.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schema/account-plan.schema.json")
    assert ("muss dem Ordnernamen entsprechen" in text) == (language == "de")
    assert run("validate", str(plan), "--as-of", "2027-01-01").output == "1 plan checked: all valid.\n"
    from kamdocs.core.loader import load_file

    assert load_file(plan).data["account"]["name"] == 'Globex "Intl": AG'
    plan.write_text(text + "# my edits\n")
    again = run("new", "globex-ag", "--year", "2027")
    assert again.exit_code == 2 and "exists; use --force" in again.output
    assert plan.read_text().endswith("# my edits\n")


def test_new_refuses_a_bad_account_id(run, workspace: Path) -> None:
    result = run("new", "Acme Tools", cwd=workspace)
    assert result.exit_code == 2 and "is not an account id" in result.output
    assert not (workspace / "accounts" / "Acme Tools").exists()


def test_diff_of_an_account_and_of_two_files(run) -> None:
    by_account = run("diff", "kestrel-freight", "--as-of", "2026-11-24", cwd=ROOT)
    assert by_account.exit_code == 0, by_account.output
    assert by_account.output.startswith("accounts/kestrel-freight/2026.yaml (Kestrel Freight Ltd, 2025 → 2026): 50 changes, ")
    assert "  + Contact persons › jv › Left on: May 31, 2026" in by_account.output
    files = run(
        "diff", "accounts/kestrel-freight/2024.yaml", "accounts/kestrel-freight/2025.yaml", "--format", "json", "--as-of", "2026-11-24"
    )
    [entry] = json.loads(files.output)
    assert (entry["old_year"], entry["new_year"], entry["status"]) == (2024, 2025, "changed")
    assert run("diff", "kestrel-freight", "--from", "2019").exit_code == 2
    assert run("diff").exit_code == 2


def test_diff_against_git_revisions(run, workspace: Path, acme) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(workspace), *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.email=t@e.com", "-c", "user.name=T", "add", ".")
    git("-c", "user.email=t@e.com", "-c", "user.name=T", "commit", "-q", "-m", "plans")
    acme["plan"]["status"] = "approved"
    write_plan(workspace, acme)
    other = {**acme, "account": {**acme["account"], "id": "initech"}}
    write_plan(workspace, other, account="initech")
    write_plan(workspace, {**acme, "plan": {**acme["plan"], "year": 2027}}, year=2027)
    git("add", ".")
    git("-c", "user.email=t@e.com", "-c", "user.name=T", "commit", "-q", "-m", "change")
    result = run("diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "markdown", "--as-of", "2026-11-24", cwd=workspace)
    assert result.exit_code == 0, result.output
    assert "| `accounts/acme-tools/2026.yaml` | 2026 → 2026 | changed | 1 |" in result.output
    assert "| `accounts/initech/2026.yaml` | — → 2026 | new plan | 0 |" in result.output
    assert "| `accounts/acme-tools/2027.yaml` | — → 2027 | new plan | 0 |" in result.output
    assert "Plan › Status: Draft → Approved" in result.output
    assert run("diff", "--base", "HEAD").output == "No plan changed.\n"
    bad = run("diff", "--base", "no-such-rev")
    assert bad.exit_code == 2 and bad.output.startswith("Error: git:")
    (workspace / "accounts" / "initech" / "2026.yaml").unlink()
    (workspace / "accounts" / "initech").rmdir()
    removed = run("diff", "--base", "HEAD", "--format", "json", "--as-of", "2026-11-24")
    assert [(d["file"], d["status"]) for d in json.loads(removed.output)] == [("accounts/initech/2026.yaml", "removed")]


def test_validate_changed_since(run, workspace: Path, acme) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(workspace), "-c", "user.email=t@e.com", "-c", "user.name=T", *args], check=True, capture_output=True
        )

    git("init", "-q", "-b", "main")
    other = {**acme, "account": {**acme["account"], "id": "initech"}}
    write_plan(workspace, other, account="initech")
    git("add", ".")
    git("commit", "-q", "-m", "plans")
    assert run("validate", "--changed-since", "HEAD", cwd=workspace).output == "No plan changed.\n"
    acme["plan"]["status"] = "bogus"
    write_plan(workspace, acme)
    result = run("validate", "--changed-since", "HEAD")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "1 plan and 1 other file checked: 1 error in 1 file."
    pyproject = workspace / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n")
    assert run("validate", "--changed-since", "HEAD").output.splitlines()[-1] == "2 plans and 1 other file checked: 1 error in 1 file."
    assert run("validate", "--changed-since", "nope").exit_code == 2


def test_rollover_writes_valid_plans_and_never_overwrites(run, tmp_path: Path) -> None:
    import shutil

    for name in ("pyproject.toml",):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    shutil.copytree(ROOT / "accounts" / "nordwerk", tmp_path / "accounts" / "nordwerk")
    dry = run("rollover", "--to", "2027", "--dry-run", cwd=tmp_path)
    assert dry.exit_code == 0 and "+  year: 2027" in dry.output
    assert not (tmp_path / "accounts" / "nordwerk" / "2027.yaml").exists()
    assert run("rollover", "nordwerk", "--to", "2027").exit_code == 0
    target = tmp_path / "accounts" / "nordwerk" / "2027.yaml"
    assert run("validate", str(target), "--as-of", "2027-01-10").output == "1 plan checked: all valid.\n"
    target.write_text(target.read_text() + "# edited\n")
    again = run("rollover", "nordwerk", "--to", "2027")
    assert again.exit_code == 2 and "exists; use --force" in again.output
    assert target.read_text().endswith("# edited\n")
    assert run("rollover", "nordwerk", "--to", "2027", "--force").exit_code == 0
    assert run("rollover", "nordwerk", "--to", "2020").exit_code == 2


# What the toolkit promises about bad input and confidential files (README: "What kamdocs promises").


def test_promise_kam_new_writes_only_valid_plans_and_leaves_nothing_on_failure(run, workspace: Path) -> None:
    for args in (("--owner", ""), ("--name", ""), ("--owner", "Ada \udcff")):
        result = run("new", "globex", *args, cwd=workspace)
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"Error: {args[0]}:") and "Traceback" not in result.output
        assert not (workspace / "accounts" / "globex").exists()


@pytest.mark.parametrize("command", ["show", "agenda", "rollover", "diff"])
@pytest.mark.parametrize("account", ["../../etc", "/etc", "acme-tools/../acme-tools"])
def test_promise_account_arguments_are_account_ids(run, workspace: Path, command: str, account: str) -> None:
    result = run(command, account, *(("--to", "2027") if command == "rollover" else ()), cwd=workspace)
    assert result.exit_code == 2 and "is not an account id" in result.output, result.output


def test_promise_plans_that_link_out_of_the_accounts_folder_are_never_read(run, workspace: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "2027.yaml").write_text("aws_secret_access_key: ghp_CANARY\n")
    (workspace / "accounts" / "acme-tools" / "2027.yaml").symlink_to(outside / "2027.yaml")
    (workspace / "accounts" / "evil").symlink_to(outside, target_is_directory=True)
    for args in (("validate",), ("validate", "accounts"), ("show", "evil"), ("portfolio",), ("diff", "acme-tools")):
        result = run(*args, cwd=workspace)
        assert result.exit_code == 1, (args, result.output)
        assert "is a link to a file outside the accounts folder" in result.output
        assert "CANARY" not in result.output and "aws_secret" not in result.output


def test_promise_yml_plans_are_refused_everywhere_with_a_message(run, workspace: Path) -> None:
    folder = workspace / "accounts" / "acme-tools"
    (folder / "2026.yaml").rename(folder / "2026.yml")
    for args in (("validate",), ("show", "acme-tools"), ("portfolio",), ("calendar",)):
        result = run(*args, cwd=workspace)
        assert result.exit_code == 1, (args, result.output)
        assert "plan files end in .yaml: rename 2026.yml to 2026.yaml" in result.output
    (folder / "2025.yaml").write_text((folder / "2026.yml").read_text().replace("year: 2026", "year: 2025"))
    result = run("diff", "acme-tools", cwd=workspace)
    assert result.exit_code == 1 and "rename 2026.yml to 2026.yaml" in result.output


def test_promise_a_pull_request_that_fixes_a_broken_plan_still_gets_its_comment(run, workspace: Path) -> None:
    plan = workspace / "accounts" / "acme-tools" / "2026.yaml"
    good = plan.read_text()
    git(workspace, "init", "-q", "-b", "main")
    plan.write_text(good.replace("status: draft", "status: dnoe"))
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "broken")
    plan.write_text(good)
    result = run("diff", "--base", "HEAD", "--format", "markdown", "--as-of", "2026-11-24", cwd=workspace)
    assert result.exit_code == 0, result.output
    assert "| `accounts/acme-tools/2026.yaml` | — → 2026 | old plan was invalid |" in result.output
    git(workspace, "commit", "-q", "-am", "fixed")
    plan.write_text(good.replace("status: draft", "status: dnoe"))
    still = run("diff", "--base", "HEAD", cwd=workspace)
    assert still.exit_code == 1 and "[schema.enum]" in still.output


def test_promise_plan_text_in_a_pull_request_comment_is_not_html(run, workspace: Path) -> None:
    plan = workspace / "accounts" / "acme-tools" / "2026.yaml"
    good = plan.read_text()
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "plans")
    hostile = "<img src=x onerror=alert(1)> ![t](https://evil.example/t.png)\\n</details><script>x</script>"
    plan.write_text(good.replace("name: Acme Tools Ltd", f'name: "{hostile}"'))
    result = run("diff", "--base", "HEAD", "--format", "markdown", "--as-of", "2026-11-24", cwd=workspace)
    assert result.exit_code == 0, result.output
    assert "<img" not in result.output and "<script" not in result.output and "[t](https" not in result.output
    assert result.output.count("</details>") == 1


def _two_accounts(tmp_path: Path) -> Path:
    import shutil

    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    for account in ("kestrel-freight", "nordwerk"):
        shutil.copytree(ROOT / "accounts" / account, tmp_path / "accounts" / account)
    return tmp_path


def test_promise_rollover_writes_all_plans_or_none(run, tmp_path: Path) -> None:
    repo = _two_accounts(tmp_path)
    taken = repo / "accounts" / "nordwerk" / "2027.yaml"
    taken.write_text("# mine\n")
    result = run("rollover", "--to", "2027", cwd=repo)
    assert result.exit_code == 2 and "nordwerk/2027.yaml: exists" in result.output
    assert not (repo / "accounts" / "kestrel-freight" / "2027.yaml").exists() and taken.read_text() == "# mine\n"
    dry = run("rollover", "--to", "2027", "--dry-run", cwd=repo)
    assert dry.exit_code == 1 and "+++ " in dry.output and "nordwerk/2027.yaml: exists" in dry.output
    assert not (repo / "accounts" / "kestrel-freight" / "2027.yaml").exists()


@pytest.mark.parametrize("schema", ["", "{not json", None])
def test_promise_a_missing_or_broken_schema_is_a_message(run, workspace: Path, schema: str | None) -> None:
    path = workspace / "schema" / "account-plan.schema.json"
    if schema is None:
        path.unlink()
    else:
        path.write_text(schema)
    (workspace / "accounts" / "acme-tools" / "2025.yaml").write_text(
        (workspace / "accounts" / "acme-tools" / "2026.yaml").read_text().replace("year: 2026", "year: 2025")
    )
    for args in (("rollover", "--to", "2027"), ("diff", "acme-tools")):
        result = run(*args, cwd=workspace)
        assert result.exit_code == 2 and "schema" in result.output and "Traceback" not in result.output, (args, result.output)


def test_portfolio_never_adds_different_currencies(run, workspace: Path) -> None:
    plan = load_plan()
    plan["account"] = {**plan["account"], "id": "dollar-co", "name": "Dollar Co"}
    plan["plan"] = {**plan["plan"], "currency": "USD"}
    write_plan(workspace, plan, account="dollar-co")
    refused = run("portfolio", "--as-of", "2026-11-24", cwd=workspace)
    assert refused.exit_code == 0, refused.output
    assert "not computable (the portfolio holds plans in EUR, USD: amounts in different currencies are not added" in refused.output
    pyproject = workspace / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n[tool.kam.rates]\nUSD = 0.5\n", encoding="utf-8")
    summed = run("portfolio", "--as-of", "2026-11-24", "--format", "json", cwd=workspace)
    data = json.loads(summed.output)
    revenue = {a["account"]: a["revenue"]["value"] for a in data["accounts"]}
    assert data["totals"]["revenue"]["value"] == revenue["acme-tools"] + 0.5 * revenue["dollar-co"]
