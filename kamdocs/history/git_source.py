"""Plan files as Git has them at a revision, read with `git show`: nothing is checked out."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath


class GitError(Exception):
    """Git could not answer: not a repository, an unknown revision."""


def _git_bytes(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(stderr.splitlines()[-1] if stderr else f"git {' '.join(args)} failed")
    return done.stdout


def _git(root: Path, *args: str) -> str:
    return _git_bytes(root, *args).decode("utf-8", "surrogateescape")


def top_level(folder: Path) -> Path:
    return Path(_git(folder, "rev-parse", "--show-toplevel").strip())


def is_plan_path(path: str, accounts: str) -> bool:
    parts = PurePosixPath(path).parts
    prefix = PurePosixPath(accounts).parts
    rest = parts[len(prefix) :]
    return (
        parts[: len(prefix)] == prefix
        and len(rest) == 2
        and rest[1].endswith((".yaml", ".yml"))
        and not any(p.startswith((".", "_")) for p in rest)
    )


def changed_files(root: Path, base: str, head: str | None, under: str = ".") -> list[str]:
    """Paths (relative to the repository) changed from `base` to `head`, or to the working tree without `head`."""
    revisions = [base] if head is None else [base, head]
    listing = _git(root, "diff", "--name-only", "--no-renames", *revisions, "--", under)
    return sorted(line for line in listing.splitlines() if line)


def uncommitted(paths: list[Path]) -> list[Path]:
    """The files among `paths` whose current text Git does not hold in a commit: changed, staged or untracked.
    GitError where they are not in a repository."""
    if not paths:
        return []
    root = top_level(paths[0].parent)
    listing = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *(str(p.resolve()) for p in paths))
    # -z: "XY path" entries separated by NUL; a rename adds its old path as the next entry
    entries = listing.split("\0")
    found: set[Path] = set()
    index = 0
    while index < len(entries):
        entry = entries[index]
        if len(entry) > 3:
            found.add((root / entry[3:]).resolve())
        index += 2 if entry[:1] in ("R", "C") else 1
    return [path for path in paths if path.resolve() in found]


def read_at(root: Path, revision: str | None, path: str) -> bytes | None:
    """The file's bytes at `revision` (the working tree without one), or None where it does not exist.

    Bytes: the loader decodes them and says where a file is not UTF-8.
    """
    if revision is None:
        target = root / path
        return target.read_bytes() if target.is_file() else None
    try:
        return _git_bytes(root, "show", f"{revision}:{path}")
    except GitError:
        _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        return None
