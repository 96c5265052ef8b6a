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

__all__ = ["ANY", "OPEN_ACTION", "Deriver", "Figures", "Plan", "growth", "parse_date", "sales_by_year", "year_of"]


def year_of(period: str | int) -> int:
    return int(str(period)[:4])


@overload
def parse_date(text: str) -> dt.date: ...
@overload
def parse_date(text: str | None) -> dt.date | None: ...
def parse_date(text: str | None) -> dt.date | None:
    """A plan's date; a quarter (2026-Q3) as a due or close date means its last day."""
    return day(text) if text else None


def sales_by_year(history: Sequence[Plan], field: str) -> dict[int, dict[str, float]]:
    """year -> category -> sum of `field`, each year from the newest plan that lists it."""
    result: dict[int, dict[str, float]] = {}
    for plan in reversed(history):
        years: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for row in plan.get("sales", []):
            if field in row:
                years[year_of(row["period"])][row["category"]] += row[field]
        for year, categories in years.items():
            result.setdefault(year, dict(categories))
    return result


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

    def put(self, key: str, value: Any, unit: str, inputs: Iterable[KeyPath], reason: str | None = None, detail: Any = None) -> None:
        """Record a figure; it is confidential when any of its inputs is."""
        confidential = any(self.secrets.covers(path) for path in inputs)
        if value is None and reason is None:
            raise ValueError(f"figure {key} has neither value nor reason")
        self.figures[key] = Figure(key, value, unit, confidential, None if value is not None else reason, detail)

    def value(self, key: str) -> Any:
        return self.figures[key].value
