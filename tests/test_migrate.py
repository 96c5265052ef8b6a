"""kam migrate: every format-1 plan (the examples and the fixtures, as they were) carried to format 2, valid,
comments kept, no value lost, and a second run changes nothing."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import AS_OF, FIXTURES, ROOT, SCHEMA, git

from kamdocs.app.cli import main
from kamdocs.core.formats import interval_of, upgrade
from kamdocs.core.loader import Document, parse_text
from kamdocs.core.problem import Severity
from kamdocs.core.validate import check_document
from kamdocs.history.migrate import NotMigratable, migrate_text

FORMAT1 = FIXTURES / "format1"
PLANS = sorted(p for p in FORMAT1.rglob("*.yaml"))


def data(text: str, name: str = "plan.yaml") -> dict[str, Any]:
    parsed = parse_text(text, name)
    assert isinstance(parsed, Document), parsed
    return parsed.data


def leaves(node: Any) -> Counter[Any]:
    """Every scalar value of a plan, counted (keys left out: a key may be renamed, a value may not vanish)."""
    found: Counter[Any] = Counter()
    if isinstance(node, dict):
        for value in node.values():
            found += leaves(value)
    elif isinstance(node, list):
        for value in node:
            found += leaves(value)
    else:
        found[repr(node)] += 1
    return found


def comments(text: str) -> list[str]:
    return [match.group(0).strip() for match in re.finditer(r"(?:^|\s)#.*$", text, re.MULTILINE)]


def test_there_are_format1_plans_of_the_examples_and_the_fixtures() -> None:
    # 19 example plans and the 5 plan fixtures (acme-tools, globex 2025 and 2026, canary, evil-corp)
    assert len([p for p in PLANS if "accounts" == p.relative_to(FORMAT1).parts[0]]) == 19
    assert len(PLANS) == 24
    assert all(data(p.read_text(encoding="utf-8"))["kamdocs"] == 1 for p in PLANS)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: str(p.relative_to(FORMAT1)))
def test_migration_keeps_every_plan(path: Path) -> None:
    old = path.read_text(encoding="utf-8")
    migration = migrate_text(old)
    new = migration.new
    # valid in format 2, rules included (the file still lies in a folder named after its account and year)
    document = parse_text(new, str(path))
    assert isinstance(document, Document)
    errors = [p for p in check_document(document, SCHEMA, AS_OF, path) if p.severity is Severity.ERROR]
    assert errors == []
    assert document.data["kamdocs"] == 2
    # comments kept, in order; new comments only where a value was rewritten ("format 1: ...")
    added = [c for c in comments(new) if c not in comments(old)]
    assert [c for c in comments(new) if c not in added] == comments(old)
    assert all(c.startswith("# format 1: ") for c in added)
    # no value lost: what left is the format marker and rewritten frequencies, whose old text is a comment
    before, after = leaves(data(old)), leaves(document.data)
    gone = before - after
    assert gone["1"] == 1
    del gone["1"]
    for value, _count in gone.items():
        text = eval(value)  # a repr of a str: the frequency as written in format 1
        assert isinstance(text, str) and interval_of(text) is not None
        assert f"# format 1: {text}" in new
    # the file means what the in-memory reading of the format-1 plan means
    assert document.data == upgrade(data(old))
    # idempotent
    again = migrate_text(new)
    assert again.new == new and again.changes == ()


def test_the_diff_is_only_what_changed() -> None:
    old = (FORMAT1 / "accounts" / "nordwerk" / "2026.yaml").read_text(encoding="utf-8")
    new = migrate_text(old).new
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [
        ("kamdocs: 1", "kamdocs: 2"),
        ("  buying_role: decision_maker", "  buying_roles: [decision_maker]"),
        ("  buying_role: gatekeeper", "  buying_roles: [gatekeeper]"),
        ("  buying_role: decision_maker", "  buying_roles: [decision_maker]"),
        ("  buying_role: champion", "  buying_roles: [champion]"),
        ("  buying_role: influencer", "  buying_roles: [influencer]"),
        ("    frequency: vierteljährlich", "    frequency: quarterly  # format 1: vierteljährlich"),
        ("    frequency: monatlich", "    frequency: monthly  # format 1: monatlich"),
        ("    frequency: zweimonatlich", "    frequency: {every: 2, unit: months}  # format 1: zweimonatlich"),
    ]


FLOW = """# a comment
kamdocs: 1  # the format
account: {id: x, name: X}
plan: {year: 2026, owner: O, status: draft}
team: [{id: me, name: Me}]
contacts:
  - {id: a, name: A, buying_role: "user", x-mood: calm}   # quoted value
care:
  measures:
    - {id: m1, name: Visit, frequency: after each delivery, owner: me}
    - id: m2
      name: Call
      frequency: every 3 weeks  # keep this comment
    - {id: m3, name: Report, frequency: "Monthly"}
x-company: {kept: true}
"""


def test_flow_style_quotes_extensions_and_an_occasion() -> None:
    migration = migrate_text(FLOW)
    assert migration.new == (
        FLOW.replace("kamdocs: 1", "kamdocs: 2")
        .replace('buying_role: "user"', "buying_roles: [user]")
        .replace("frequency: after each delivery", "occasion: after each delivery")
        .replace("frequency: every 3 weeks", "frequency: {every: 3, unit: weeks}")
        .replace('frequency: "Monthly"}', "frequency: monthly}  # format 1: Monthly")
    )
    assert [c.path for c in migration.changes] == [
        "kamdocs",
        "contacts[0].buying_roles",
        "care.measures[0].occasion",
        "care.measures[1].frequency",
        "care.measures[2].frequency",
    ]
    assert migration.changes[2].message == "frequency 'after each delivery' names no regular interval: moved to occasion"


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(NotMigratable, match="kamdocs: 7 is no plan format"):
        migrate_text("kamdocs: 7\naccount: {id: x, name: X}\n")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch):
    def invoke(*args: str, cwd: Path):
        monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    shutil.copytree(FORMAT1 / "accounts" / "nordwerk", tmp_path / "accounts" / "nordwerk")
    shutil.copytree(FORMAT1 / "accounts" / "quillsoft", tmp_path / "accounts" / "quillsoft")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "format 1 plans")
    return tmp_path


def texts(folder: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yaml"))}


def test_validate_tells_format1_plans_to_migrate(run, workspace: Path) -> None:
    result = run("validate", "--as-of", "2026-11-24", cwd=workspace)
    assert result.exit_code == 1
    assert (
        "accounts/nordwerk/2026.yaml:3:10: error [format] kamdocs: plan format 1: run `kam migrate nordwerk` to carry it to format 2"
        in result.output
    )
    # an earlier year is read in its own format: a warning, no schema error
    assert "accounts/nordwerk/2025.yaml:3:10: warning [format]" in result.output
    assert "(read in its own format until then)" in result.output
    assert "schema." not in result.output


def test_kam_migrate_dry_run_then_migrate_then_nothing_to_do(run, workspace: Path) -> None:
    before = texts(workspace)
    dry = run("migrate", "--dry-run", cwd=workspace)
    assert dry.exit_code == 0, dry.output
    assert "+  buying_roles: [decision_maker]" in dry.output
    assert texts(workspace) == before
    done = run("migrate", "nordwerk", cwd=workspace)
    assert done.exit_code == 0, done.output
    assert "migrated accounts/nordwerk/2026.yaml to format 2:" in done.output
    assert (
        "  care.measures[2].frequency: frequency 'zweimonatlich' became {every: 2, unit: months} (the old text stays as a comment)"
        in done.output
    )
    assert "3 plans checked: migrated 3, 0 already in format 2." in done.output
    assert all("kamdocs: 1" in t for p, t in texts(workspace).items() if "quillsoft" in str(p))
    run("migrate", cwd=workspace)
    assert run("validate", "--as-of", "2026-11-24", cwd=workspace).exit_code == 0
    again = run("migrate", cwd=workspace)
    assert "5 plans checked: migrated 0, 5 already in format 2." in again.output


def test_kam_migrate_is_all_or_nothing(run, workspace: Path) -> None:
    broken = workspace / "accounts" / "quillsoft" / "2026.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: ", "status: done #", 1), encoding="utf-8")
    before = texts(workspace)
    result = run("migrate", cwd=workspace)
    assert result.exit_code == 1
    assert "accounts/quillsoft/2026.yaml:" in result.output and "[schema.enum] plan.status" in result.output
    assert "Nothing was migrated" in result.output
    assert texts(workspace) == before


def test_kam_migrate_rewrites_only_what_git_holds_unless_forced(run, workspace: Path) -> None:
    edited = workspace / "accounts" / "quillsoft" / "2026.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# a note not yet committed\n", encoding="utf-8")
    before = texts(workspace)
    refused = run("migrate", cwd=workspace)
    assert refused.exit_code == 2
    assert "accounts/quillsoft/2026.yaml: has changes that are not committed; commit them first" in refused.output
    assert "nothing was migrated" in refused.output and texts(workspace) == before
    # the other account's plans are committed: they may be migrated alone
    assert run("migrate", "nordwerk", cwd=workspace).exit_code == 0
    forced = run("migrate", "--force", cwd=workspace)
    assert forced.exit_code == 0, forced.output
    assert "# a note not yet committed" in edited.read_text(encoding="utf-8")


def test_kam_migrate_outside_git_needs_force(run, workspace: Path) -> None:
    shutil.rmtree(workspace / ".git")
    before = texts(workspace)
    refused = run("migrate", cwd=workspace)
    assert refused.exit_code == 2 and "not in a Git repository" in refused.output and "use --force" in refused.output
    assert texts(workspace) == before
    assert run("migrate", "--force", cwd=workspace).exit_code == 0


def test_kam_migrate_unknown_target(run, workspace: Path) -> None:
    result = run("migrate", "nowhere", cwd=workspace)
    assert result.exit_code == 2
    assert "nowhere: neither an account" in result.output


def test_kam_migrate_refuses_a_folder_it_cannot_write(run, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    locked = (workspace / "accounts" / "quillsoft").resolve()
    real = os.access
    # as if the folder were read-only (chmod does not stop root, who runs these tests in CI containers)
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path).resolve() == locked else real(path, mode))
    before = texts(workspace)
    result = run("migrate", cwd=workspace)
    assert result.exit_code == 2
    assert "its folder is not writable; nothing was migrated" in result.output
    assert texts(workspace) == before


def test_kam_diff_reads_a_format1_plan_as_format_2(run, workspace: Path) -> None:
    old = FORMAT1 / "accounts" / "nordwerk" / "2026.yaml"
    new = workspace / "nordwerk-2026.yaml"
    new.write_text(migrate_text(old.read_text(encoding="utf-8")).new, encoding="utf-8")
    result = run("diff", str(old), str(new), "--as-of", "2026-11-24", cwd=workspace)
    assert result.exit_code == 0, result.output
    # a format-1 plan is read as format 2: against its own migration nothing changed
    assert "0 changes, 0 figures changed" in result.output
