"""What every figure family shares: the plan and its history, the settings, and `put`, which records a figure.

`history` is every plan of the account up to and including the plan's year,
oldest first; sales figures of a year come from the newest plan that lists
that year. "Last year" is the year before the plan year: the last full year.
A figure whose inputs are missing has value None and a reason, never a 0.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, overload

from dateutil.relativedelta import relativedelta

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.dates import day
from kamdocs.core.problem import KeyPath
from kamdocs.core.schema import WILDCARD as ANY
from kamdocs.figures.figure import Figure

Plan = dict[str, Any]
Figures = dict[str, Figure]

OPEN_ACTION = ("planned", "in_progress", "unknown")
"""Statuses of an action still to do: one whose status is not known yet counts as open."""

__all__ = [
    "ANY",
    "OPEN_ACTION",
    "Deriver",
    "Figures",
    "Plan",
    "add_months",
    "by_category",
    "growth",
    "month_ranges",
    "months_of",
    "months_recorded",
    "parse_date",
    "sales_by_year",
    "sales_rows",
    "within_months",
    "year_of",
]

_MONTHS_OF_PART = {"Q": 3, "H": 6}


def year_of(period: str | int) -> int:
    return int(str(period)[:4])


def months_of(period: str | int) -> frozenset[int]:
    """The months (1–12) a period covers: 2025 all twelve, 2025-Q2 April to June, 2025-H2 July to December, 2025-03 March."""
    part = str(period)[5:]
    if not part:
        return frozenset(range(1, 13))
    if part[0] in _MONTHS_OF_PART:
        size = _MONTHS_OF_PART[part[0]]
        first = (int(part[1:]) - 1) * size + 1
        return frozenset(range(first, first + size))
    return frozenset({int(part)})


def add_months(day: dt.date, months: int) -> dt.date:
    """Month arithmetic as contracts count it: from the end of a month to the end of a month
    (30 June − 3 months = 31 March), any other day to the same day (clipped to the month's end)."""
    moved = day + relativedelta(months=months)
    month_end = (day + dt.timedelta(days=1)).day == 1
    return moved + relativedelta(day=31) if month_end else moved


@overload
def parse_date(text: str) -> dt.date: ...
@overload
def parse_date(text: str | None) -> dt.date | None: ...
def parse_date(text: str | None) -> dt.date | None:
    """A plan's date; a quarter (2026-Q3) as a due or close date means its last day."""
    return day(text) if text else None


def sales_rows(history: Sequence[Plan], field: str) -> dict[int, list[dict[str, Any]]]:
    """year -> the sales rows with `field` of that year, each year from the newest plan that lists it."""
    result: dict[int, list[dict[str, Any]]] = {}
    for plan in reversed(history):
        years: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in plan.get("sales", []):
            if field in row:
                years[year_of(row["period"])].append(row)
        for year, rows in years.items():
            result.setdefault(year, rows)
    return result


def by_category(rows: Iterable[dict[str, Any]], field: str) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for row in rows:
        totals[row["category"]] += row[field]
    return dict(totals)


def sales_by_year(history: Sequence[Plan], field: str) -> dict[int, dict[str, float]]:
    """year -> category -> sum of `field`, each year from the newest plan that lists it."""
    return {year: by_category(rows, field) for year, rows in sales_rows(history, field).items()}


def months_recorded(rows: Iterable[dict[str, Any]]) -> frozenset[int]:
    """The months of a year that the rows cover."""
    return frozenset().union(*(months_of(row["period"]) for row in rows))


def within_months(rows: Iterable[dict[str, Any]], months: frozenset[int]) -> list[dict[str, Any]] | None:
    """The rows that lie within `months`; None when a row lies partly inside (a year's figure cannot be split)."""
    inside = []
    for row in rows:
        covered = months_of(row["period"])
        if covered <= months:
            inside.append(row)
        elif covered & months:
            return None
    return inside


def month_ranges(months: frozenset[int]) -> str:
    """1, 2, 3, 7 -> '1–3, 7'."""
    ranges: list[list[int]] = []
    for month in sorted(months):
        if ranges and ranges[-1][-1] == month - 1:
            ranges[-1].append(month)
        else:
            ranges.append([month])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in ranges)


def growth(new: float, old: float) -> float | None:
    return new / old - 1 if old else None


class Deriver:
    """The figures of one plan as they are computed, family by family (see STEPS)."""

    def __init__(self, history: Sequence[Plan], config: Config, secrets: Confidentiality) -> None:
        self.plan = history[-1]
        self.history = history
        self.config = config
        self.secrets = secrets
        self.year: int = self.plan["plan"]["year"]
        self.last_year = self.year - 1
        self.as_of = config.as_of
        self.figures: Figures = {}
        self.completeness: float | None = None
        """The share of checklist items done, for the figures that come after the checklists (AFTER_CHECKLISTS)."""

    def put(
        self,
        key: str,
        value: Any,
        unit: str,
        inputs: Iterable[KeyPath],
        reason: str | None = None,
        detail: Any = None,
        note: str | None = None,
    ) -> None:
        """Record a figure; it is confidential when any of its inputs is."""
        confidential = any(self.secrets.touches(path) for path in inputs)
        if value is None and reason is None:
            raise ValueError(f"figure {key} has neither value nor reason")
        self.figures[key] = Figure(
            key, value, unit, confidential, None if value is not None else reason, detail, note if value is not None else None
        )

    def value(self, key: str) -> Any:
        return self.figures[key].value
