"""Which plans `kam diff` compares: two files, two years of an account, or every plan a Git range changed; each side
read and validated like any other plan. The commands share this; the CLI only parses the arguments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kamdocs.core.formats import upgrade
from kamdocs.core.loader import Document, load_file, parse_bytes
from kamdocs.core.problem import Problem, Severity
from kamdocs.core.validate import check_document, discover, display_name, path_problem
from kamdocs.history.git_source import GitError, changed_files, is_plan_path, read_at, top_level


class PairingError(Exception):
    """The arguments name no pair of plans; the message says what to give instead."""


@dataclass(frozen=True, slots=True)
class PlanPair:
    file: str
    """The name the comparison is shown under."""
    old_path: Path
    new_path: Path
    old_text: bytes | None
    """None: the plan is added."""
    new_text: bytes | None
    """None: the plan is removed."""
    loose: bool = False
    """Two files from anywhere: the rules on file and folder names do not apply."""


def account_folders(accounts: Path) -> list[Path]:
    """The account folders of the accounts folder (none when it is missing)."""
    return sorted(p for p in accounts.iterdir() if p.is_dir()) if accounts.is_dir() else []


def plans_by_year(folder: Path) -> dict[int, Path]:
    """The plan files of an account folder by year (a misnamed one is found too, for validation to name it)."""
    return {int(p.stem): p for p in discover([folder]) if p.stem.isdigit()} if folder.is_dir() else {}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise PairingError(f"{path}: cannot read: {err.strerror}") from None


def file_pair(old: Path, new: Path, base: Path) -> PlanPair:
    for path in (old, new):
        if not path.is_file():
            raise PairingError(f"{path}: no such file")
    return PlanPair(display_name(new, base), old, new, _read(old), _read(new), loose=True)


def year_pair(folder: Path, from_year: int | None, to_year: int | None, base: Path) -> PlanPair:
    """Two years of one account: by default its last two."""
    plans = plans_by_year(folder)
    years = sorted(plans)
    if len(years) < 2 and not (from_year and to_year):
        raise PairingError(f"{folder}: needs two plans to compare (found: {', '.join(map(str, years)) or 'none'})")
    old_year, new_year = from_year or years[-2], to_year or years[-1]
    for year in (old_year, new_year):
        if year not in years:
            raise PairingError(f"{folder}: no plan for {year} (plans: {', '.join(map(str, years))})")
    old, new = plans[old_year], plans[new_year]
    return PlanPair(display_name(new, base), old, new, _read(old), _read(new))


def git_pairs(base: Path, accounts: Path, revision: str, head: str | None) -> list[PlanPair]:
    """Every plan changed from `revision` to `head` (default: the working tree); Git is read, nothing checked out."""
    try:
        root = top_level(base)
        under = accounts.resolve().relative_to(root).as_posix()
        return [
            PlanPair(path, root / path, root / path, read_at(root, revision, path), read_at(root, head, path))
            for path in changed_files(root, revision, head, under)
            if is_plan_path(path, under)
        ]
    except (GitError, ValueError) as err:
        raise PairingError(f"git: {err}") from None


def checked(
    raw: bytes | None, file: str, path: Path, schema: Path, accounts: Path, as_of: dt.date, path_rules: bool
) -> tuple[Document | None, list[Problem]]:
    """A plan read from Git or disk, validated like any other: the document (None if missing or invalid) and its problems.
    A plan file that resolves outside the accounts folder is not read."""
    if raw is None:
        return None, []
    refused = path_problem(path, file, accounts)
    if refused:
        return None, [refused]
    loaded = parse_bytes(raw, file)
    if isinstance(loaded, Problem):
        return None, [loaded]
    problems = check_document(loaded, schema, as_of, path.resolve(), path_rules)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    # an older format is compared as the current one reads it: a migration changes no meaning
    return Document(loaded.file, loaded.text, upgrade(loaded.data)), problems


def with_history(document: Document, path: Path, loose: bool) -> list[Document]:
    """`document` after the account's plans of earlier years on disk (they carry the sales history the figures read),
    as the site assesses it; a loose file stands alone."""
    if loose:
        return [document]
    year = document.data["plan"]["year"]
    siblings = discover([path.parent]) if path.parent.is_dir() else []
    earlier = [load_file(p) for p in siblings if p.stem.isdigit() and int(p.stem) < year]
    return [*(Document(d.file, d.text, upgrade(d.data)) for d in earlier if isinstance(d, Document)), document]
