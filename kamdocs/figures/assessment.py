"""Plans assessed account by account: figures, checklist completeness, alerts and deadlines."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.loader import Document
from kamdocs.core.schema import load_schema
from kamdocs.core.validate import (
    PARALLEL_FROM,
    FileResult,
    discover,
    display_name,
    parallel_map,
    validate_file,
)
from kamdocs.figures.alerts import Alert, alerts
from kamdocs.figures.checklists import (
    Checklist,
    ChecklistResult,
    completeness,
    load_checklists,
    overall,
)
from kamdocs.figures.deadlines import Deadline, deadlines
from kamdocs.figures.derive import Figures, derive

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Context:
    """What assessing a plan needs besides the plan: settings, checklists, confidential paths."""

    config: Config
    checklists: tuple[Checklist, ...]
    secrets: Confidentiality


@dataclass(frozen=True, slots=True)
class Assessment:
    account: str
    name: str
    year: int
    currency: str
    """The plan's currency: plan.currency, else the currency of [tool.kam]."""
    as_of: dt.date
    document: Document
    figures: Figures
    checklists: tuple[ChecklistResult, ...]
    completeness: float
    alerts: tuple[Alert, ...]
    deadlines: tuple[Deadline, ...]
    plan_years: tuple[int, ...] = ()
    """The years of the account's plans up to this one."""


def checklists_path(config: Config) -> Path:
    return config.schema.parent / "checklists.yaml"


def prepare(config: Config, base: Path) -> tuple[Context, FileResult]:
    """The context, and the validation result of the checklists file it read."""
    schema = load_schema(config.schema)
    path = checklists_path(config)
    checklists, problems = load_checklists(path, schema, display_name(path, base))
    return Context(config, checklists, Confidentiality.of(schema)), FileResult(display_name(path, base), tuple(problems), kind="checklists")


def assess(history: Sequence[Document], context: Context) -> Assessment:
    """Assess the last plan of `history` (one account's plans, oldest first)."""
    plan = history[-1].data
    # a plan of a past year is judged as of the end of its year: its deadlines as they stood, not as they stand today
    end_of_year = dt.date(plan["plan"]["year"], 12, 31)
    config = context.config if context.config.as_of <= end_of_year else replace(context.config, as_of=end_of_year)
    measured: list[tuple[ChecklistResult, ...]] = []

    def measure(figures: Figures) -> float:
        measured.append(completeness(context.checklists, plan, figures))
        return overall(measured[-1])

    figures = derive([doc.data for doc in history], config, context.secrets, measure)
    results = measured[-1]
    share = overall(results)
    return Assessment(
        account=plan["account"]["id"],
        name=plan["account"]["name"],
        year=plan["plan"]["year"],
        currency=plan["plan"].get("currency", config.currency),
        as_of=config.as_of,
        document=history[-1],
        figures=figures,
        checklists=results,
        completeness=share,
        alerts=tuple(alerts(plan, figures, share, config)),
        deadlines=tuple(deadlines(plan, figures, context.secrets)),
        plan_years=tuple(doc.data["plan"]["year"] for doc in history),
    )


def up_to(history: Sequence[Document], year: int | None) -> list[Document]:
    """The plans up to `year` (all without a year); empty unless the last one is of `year`."""
    chosen = [d for d in history if year is None or d.data["plan"]["year"] <= year]
    return chosen if chosen and (year is None or chosen[-1].data["plan"]["year"] == year) else []


def assess_year(history: list[Document], context: Context, year: int | None = None) -> Assessment | None:
    """The assessment of the plan of `year` (default: the latest), or None when there is none."""
    chosen = up_to(history, year)
    return assess(chosen, context) if chosen else None


def _summarise_account(
    paths: list[Path], schema_path: Path, as_of: dt.date, base: Path, summarise: Callable[[list[Document]], T], accounts: Path
) -> tuple[tuple[FileResult, ...], T | None]:
    results = [validate_file((path, display_name(path, base)), schema_path, as_of, keep=True, accounts=accounts) for path in paths]
    documents = sorted((r.document for r in results if r.document is not None), key=lambda d: d.data["plan"]["year"])
    summary = summarise(documents) if documents and all(r.ok for r in results) else None
    return tuple(replace(r, document=None) for r in results), summary


def summarise_accounts(
    config: Config,
    summarise: Callable[[list[Document]], T],
    base: Path,
    paths: Sequence[Path] = (),
    jobs: int | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> tuple[list[FileResult], list[T]]:
    """Validate each account's plans and summarise the valid ones, account by account.

    An account is a folder of plans. Only the summaries travel back from the
    worker processes, so memory stays flat however many plans there are.
    `summarise` gets one account's plans, oldest first; it must be picklable
    (a module-level function or a partial of one). None summaries are dropped.
    """
    load_schema(config.schema)
    groups: dict[Path, list[Path]] = defaultdict(list)
    for path in discover(list(paths) or [config.accounts]):
        groups[path.parent].append(path)
    work = partial(
        _summarise_account, schema_path=config.schema, as_of=config.as_of, base=base, summarise=summarise, accounts=config.accounts
    )
    done = parallel_map(work, list(groups.values()), sum(map(len, groups.values())), jobs, parallel_from=parallel_from)
    return [r for results, _ in done for r in results], [summary for _, summary in done if summary is not None]
