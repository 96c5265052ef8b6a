from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kamdocs.history.git_source import GitError, changed_files, is_plan_path, read_at, top_level


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "T")
    (tmp_path / "accounts" / "a").mkdir(parents=True)
    (tmp_path / "accounts" / "a" / "2025.yaml").write_text("one\n")
    (tmp_path / "README.md").write_text("r\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def test_changes_between_revisions_and_the_working_tree(repo: Path) -> None:
    (repo / "accounts" / "a" / "2025.yaml").write_text("two\n")
    (repo / "accounts" / "b").mkdir()
    (repo / "accounts" / "b" / "2026.yaml").write_text("new\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "second")
    (repo / "accounts" / "a" / "2025.yaml").write_text("three\n")
    assert changed_files(repo, "HEAD~1", "HEAD", "accounts") == ["accounts/a/2025.yaml", "accounts/b/2026.yaml"]
    assert changed_files(repo, "HEAD", None, "accounts") == ["accounts/a/2025.yaml"]
    assert read_at(repo, "HEAD~1", "accounts/a/2025.yaml") == b"one\n"
    assert read_at(repo, "HEAD~1", "accounts/b/2026.yaml") is None
    assert read_at(repo, None, "accounts/a/2025.yaml") == b"three\n"


def test_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    with pytest.raises(GitError, match=r"unknown revision|bad revision"):
        changed_files(repo, "nope", None)
    with pytest.raises(GitError):
        read_at(repo, "nope", "accounts/a/2025.yaml")
    with pytest.raises(GitError, match="not a git repository"):
        top_level(tmp_path_factory.mktemp("plain"))


def test_plan_paths() -> None:
    assert is_plan_path("accounts/a/2026.yaml", "accounts")
    assert not is_plan_path("accounts/customers.csv", "accounts")
    assert not is_plan_path("accounts/a/_draft.yaml", "accounts")
    assert not is_plan_path("docs/a/2026.yaml", "accounts")
