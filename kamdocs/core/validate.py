"""Validation of plan files: strict loading, the schema, then the rules in code."""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from kamdocs.core.formats import CURRENT, schema_for, upgrade
from kamdocs.core.loader import Document, load_file
from kamdocs.core.positions import to_problems
from kamdocs.core.problem import Finding, Problem, Severity
from kamdocs.core.rules import RuleContext, rule_findings
from kamdocs.core.schema import load_schema, schema_findings

T = TypeVar("T")
R = TypeVar("R")

PLAN_SUFFIX = ".yaml"
REFUSED_SUFFIXES = (".yml",)
"""Found and refused with a message, so that a plan saved as .yml is never silently left out."""
PARALLEL_FROM = 200
"""Below this many files a second process costs more than it saves."""


class PathNotFound(Exception):
    """A path given to validate does not exist."""


@dataclass(frozen=True, slots=True)
class FileResult:
    file: str
    problems: tuple[Problem, ...]
    document: Document | None = None
    """The loaded plan, when asked for and free of errors."""
    kind: str = "plan"
    """What the file is: a plan, or another file the toolkit checks (the checklists)."""

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def _is_plan(path: Path) -> bool:
    return path.suffix in (PLAN_SUFFIX, *REFUSED_SUFFIXES) and not path.name.startswith((".", "_"))


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([path, folder]) == str(folder)


def path_problem(path: Path, file: str, accounts: Path | None) -> Problem | None:
    """Why a plan file is refused before it is read: a .yml name, or a link out of the accounts folder.

    A link is refused before anything of the file it points to is read, so that no message can echo it.
    """
    if path.suffix in REFUSED_SUFFIXES:
        return Problem(file, 1, 1, "", "file-name", f"plan files end in {PLAN_SUFFIX}: rename {path.name} to {path.stem}{PLAN_SUFFIX}")
    if accounts is not None:
        folder = Path(os.path.abspath(accounts))
        if _inside(Path(os.path.abspath(path)), folder) and not _inside(path.resolve(), folder.resolve()):
            return Problem(
                file, 1, 1, "", "link", "is a link to a file outside the accounts folder: a plan must lie in it, the file is not read"
            )
    return None


def discover(paths: Sequence[Path]) -> list[Path]:
    """Plan files under the given files and folders, sorted, each once."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and _is_plan(child) and not any(part.startswith((".", "_")) for part in relative):
                    found[child] = None
        elif path.is_file():
            found[path] = None
        else:
            raise PathNotFound(f"{path}: no such file or folder")
    return list(found)


def display_name(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base))
    except ValueError:
        return str(path)


FORMAT_RULE = "format"


def _later_plan_exists(path: Path) -> bool:
    return path.stem.isdigit() and any(p.stem.isdigit() and int(p.stem) > int(path.stem) for p in path.parent.glob("*.y*ml"))


def _format_finding(plan_format: Any, path: Path, path_rules: bool) -> Finding | None:
    """What a plan in an older format must hear: migrate. An earlier year may wait (a warning), and so may a plan
    read only to be compared (a file from elsewhere or from Git: `path_rules` off); an account's latest plan may not."""
    if plan_format == CURRENT or not isinstance(plan_format, int) or plan_format > CURRENT:
        return None
    waits = not path_rules or _later_plan_exists(path)
    return Finding(
        ("kamdocs",),
        FORMAT_RULE,
        f"plan format {plan_format}: run `kam migrate {path.parent.name}` to carry it to format {CURRENT}"
        + (" (read in its own format until then)" if waits else ""),
        Severity.WARNING if waits else Severity.ERROR,
    )


def check_document(document: Document, schema_path: Path, as_of: dt.date, path: Path, path_rules: bool = True) -> list[Problem]:
    """Schema findings, or, for a schema-valid plan, the rule findings; a plan in format 1 is checked by the
    format-1 schema, and told to migrate."""
    plan_format = document.data.get("kamdocs")
    own = schema_for(schema_path, plan_format) if plan_format != CURRENT else None
    schema = load_schema(own if own is not None and own.is_file() else schema_path)
    findings = schema_findings(schema, document.data)
    if not findings:
        findings = rule_findings(document.data, RuleContext(file=path, schema=schema, as_of=as_of), path_rules)
    told = _format_finding(plan_format, path, path_rules)
    return to_problems(document, [told, *findings] if told else findings)


def validate_file(
    item: tuple[Path, str], schema_path: Path, as_of: dt.date, keep: bool = False, accounts: Path | None = None
) -> FileResult:
    """One plan file checked; `accounts` is the folder whose plans must not link out of it. With `keep`, the valid
    plan too, read as the current format."""
    path, display = item
    refused = path_problem(path, display, accounts)
    if refused:
        return FileResult(display, (refused,))
    loaded = load_file(path, display)
    if isinstance(loaded, Problem):
        return FileResult(display, (loaded,))
    problems = tuple(check_document(loaded, schema_path, as_of, path.resolve()))
    valid = not any(p.severity is Severity.ERROR for p in problems)
    kept = Document(loaded.file, loaded.text, upgrade(loaded.data)) if keep and valid else None
    return FileResult(display, problems, kept)


Progress = Callable[[int], None]
"""Called with the number of items done since the last call."""


def parallel_map(
    work: Callable[[T], R],
    items: Sequence[T],
    plans: int,
    jobs: int | None = None,
    progress: Progress | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> list[R]:
    """`work` over `items`, in one process per core when there are `plans` enough to pay for it."""
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 8) if plans >= parallel_from else 1
    if jobs <= 1 or len(items) < 2:
        return _collect(map(work, items), progress)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    chunk = max(1, min(64, len(items) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_gc) as pool:
        return _collect(pool.map(work, items, chunksize=chunk), progress)


def _collect(results: Iterable[R], progress: Progress | None) -> list[R]:
    done = []
    for result in results:
        done.append(result)
        if progress:
            progress(1)
    return done


def _worker_gc() -> None:
    """A worker builds many short-lived objects and few cycles: the collector's default thresholds made it
    walk the inherited heap again and again (about 7 % of the workers' time); it now runs far less often."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def validate_files(
    files: Iterable[Path],
    schema_path: Path,
    as_of: dt.date,
    base: Path,
    jobs: int | None = None,
    keep: bool = False,
    progress: Progress | None = None,
    accounts: Path | None = None,
) -> list[FileResult]:
    """Validate each file; with many files, in one process per core. `keep` returns the valid plans too."""
    load_schema(schema_path)  # fail early, and let forked workers inherit the compiled validator
    items = [(path, display_name(path, base)) for path in files]
    work = partial(validate_file, schema_path=schema_path, as_of=as_of, keep=keep, accounts=accounts)
    return parallel_map(work, items, len(items), jobs, progress)
