"""One plan assessed: its figures, checklist completeness, alerts and deadlines, from the core alone."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kamdocs.alerts import Alert, alerts
from kamdocs.checklists import Checklist, ChecklistResult, completeness, load_checklists, overall
from kamdocs.config import Config
from kamdocs.deadlines import Deadline, deadlines
from kamdocs.derive import Figures, derive
from kamdocs.figure import Confidentiality
from kamdocs.loader import Document
from kamdocs.problem import Problem
from kamdocs.schema import load_schema
from kamdocs.validate import FileResult, discover, validate_files


@dataclass(frozen=True, slots=True)
class Assessment:
    account: str
    name: str
    year: int
    as_of: dt.date
    document: Document
    figures: Figures
    checklists: tuple[ChecklistResult, ...]
    completeness: float
    alerts: tuple[Alert, ...]
    deadlines: tuple[Deadline, ...]


@dataclass(frozen=True, slots=True)
class Workspace:
    """Everything a command needs to assess plans: settings, checklists, and the loaded plans."""

    config: Config
    checklists: tuple[Checklist, ...]
    secrets: Confidentiality
    plans: dict[str, dict[int, Document]]
    """account id -> year -> valid plan"""
    results: tuple[FileResult, ...]
    """validation results of every file read, including the checklists file"""

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.results for p in r.problems]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    def assess(self, account: str, year: int) -> Assessment:
        history = [doc for y, doc in sorted(self.plans[account].items()) if y <= year]
        return assess(history, self.config, self.secrets, self.checklists)


def assess(history: Sequence[Document], config: Config, secrets: Confidentiality, checklists: tuple[Checklist, ...]) -> Assessment:
    """Assess the last plan of `history` (one account's plans, oldest first)."""
    plan = history[-1].data
    figures = derive([doc.data for doc in history], config, secrets)
    results = completeness(checklists, plan, figures)
    share = overall(results)
    return Assessment(
        account=plan["account"]["id"],
        name=plan["account"]["name"],
        year=plan["plan"]["year"],
        as_of=config.as_of,
        document=history[-1],
        figures=figures,
        checklists=results,
        completeness=share,
        alerts=tuple(alerts(plan, figures, share, config)),
        deadlines=tuple(deadlines(plan, figures)),
    )


def checklists_path(config: Config) -> Path:
    return config.schema.parent / "checklists.yaml"


def open_workspace(config: Config, paths: Sequence[Path] = (), base: Path | None = None, jobs: int | None = None) -> Workspace:
    """Validate and load the plans under `paths` (default: the accounts folder) and the checklists."""
    base = base or Path.cwd().resolve()
    schema = load_schema(config.schema)
    checklist_file = checklists_path(config)
    checklists, checklist_problems = load_checklists(checklist_file, schema, display_of(checklist_file, base))
    results = validate_files(discover(list(paths) or [config.accounts]), config.schema, config.as_of, base, jobs, keep=True)
    plans: dict[str, dict[int, Document]] = defaultdict(dict)
    for result in results:
        if result.document is not None:
            data = result.document.data
            plans[data["account"]["id"]][data["plan"]["year"]] = result.document
    checked = FileResult(display_of(checklist_file, base), tuple(checklist_problems), kind="checklists")
    return Workspace(config, checklists, Confidentiality.of(schema), dict(plans), (checked, *results))


def display_of(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base))
    except ValueError:
        return str(path)
