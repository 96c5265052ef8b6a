from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, SCHEMA, write_plan

from kamdocs.core.validate import PathNotFound, discover, validate_files


def test_example_portfolio_is_valid() -> None:
    files = discover([ROOT / "accounts"])
    assert len(files) >= 16 and len({f.parent for f in files}) >= 8
    results = validate_files(files, SCHEMA, AS_OF, ROOT)
    assert [p for r in results for p in r.problems] == []


def test_discover_skips_hidden_and_underscore_files_and_other_suffixes(tmp_path: Path) -> None:
    for name in ("a/2026.yaml", "a/2025.yml", "a/_draft.yaml", "a/.hidden.yaml", "_templates/2026.yaml", "a/notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == ["a/2025.yml", "a/2026.yaml"]


def test_discover_takes_files_and_folders_once(tmp_path: Path) -> None:
    plan = tmp_path / "a" / "2026.yaml"
    plan.parent.mkdir()
    plan.write_text("x: 1\n")
    assert discover([plan, tmp_path, plan]) == [plan]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PathNotFound, match="no-such: no such file or folder"):
        discover([tmp_path / "no-such"])


def test_problems_name_the_file_relative_to_the_base(tmp_path: Path, acme) -> None:
    acme["plan"]["status"] = "finished"
    path = write_plan(tmp_path, acme)
    [result] = validate_files([path], SCHEMA, AS_OF, tmp_path)
    [problem] = result.problems
    assert not result.ok
    assert (problem.file, problem.path, problem.rule) == ("accounts/acme-tools/2026.yaml", "plan.status", "schema.enum")
    assert problem.line == path.read_text().splitlines().index("  status: finished") + 1


def test_rules_see_the_real_folder_and_file_name(tmp_path: Path, acme) -> None:
    path = write_plan(tmp_path, acme, account="other", year=2025)
    [result] = validate_files([path], SCHEMA, AS_OF, tmp_path)
    assert sorted(p.rule for p in result.problems) == ["account-folder", "file-name"]


def test_parallel_and_sequential_give_the_same_results(tmp_path: Path, acme) -> None:
    paths = []
    for index in range(12):
        plan = {**acme, "account": {**acme["account"], "id": f"acct-{index}"}}
        if index % 3 == 0:
            plan = {**plan, "plan": {**plan["plan"], "status": "bogus"}}
        paths.append(write_plan(tmp_path, plan, account=f"acct-{index}"))
    sequential = validate_files(paths, SCHEMA, AS_OF, tmp_path, jobs=1)
    parallel = validate_files(paths, SCHEMA, AS_OF, tmp_path, jobs=2)
    assert sequential == parallel
    assert sum(not r.ok for r in parallel) == 4


def test_validation_never_changes_a_file(tmp_path: Path) -> None:
    path = tmp_path / "accounts" / "x" / "2026.yaml"
    path.parent.mkdir(parents=True)
    raw = b"kamdocs: 1\nkamdocs: 2\n"
    path.write_bytes(raw)
    validate_files([path], SCHEMA, AS_OF, tmp_path)
    assert path.read_bytes() == raw


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_counts_every_file(tmp_path: Path, acme, jobs: int) -> None:
    paths = [write_plan(tmp_path, {**acme, "account": {**acme["account"], "id": f"a{i}"}}, account=f"a{i}") for i in range(5)]
    done: list[int] = []
    validate_files(paths, SCHEMA, AS_OF, tmp_path, jobs=jobs, progress=done.append)
    assert sum(done) == 5
