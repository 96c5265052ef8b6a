"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself on a temporary plans repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import FIXTURES, ROOT


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=t@e.com", "-c", "user.name=T", *args], check=True, capture_output=True)


def test_hooks_are_declared() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["kam-validate"]["entry"] == "kam validate" and hooks["kam-check"]["pass_filenames"] is False


def test_kam_validate_hook_passes_good_plans_and_stops_bad_ones(tmp_path: Path) -> None:
    repo = tmp_path / "plans"
    repo.mkdir()
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    shutil.copytree(ROOT / "schema", repo / "schema")
    shutil.copytree(FIXTURES / "accounts", repo / "accounts")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "kam-validate", "--all-files"]
    good = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "kam validate (key account plans)" in good.stdout and "Passed" in good.stdout
    plan = repo / "accounts" / "acme-tools" / "2026.yaml"
    plan.write_text(plan.read_text().replace("status: draft", "status: finished"))
    git(repo, "add", ".")
    bad = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert "accounts/acme-tools/2026.yaml:" in bad.stdout and "[schema.enum] plan.status" in bad.stdout
