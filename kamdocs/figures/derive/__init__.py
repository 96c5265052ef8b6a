"""Derived figures of one plan, computed once here and shown everywhere from here: one module per family."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.figures.derive import (
    action_plan,
    contract,
    forecast,
    health,
    kpis,
    margins,
    position,
    relationship,
    revenue,
    reviews,
    score,
    targets,
)
from kamdocs.figures.derive.base import OPEN_ACTION, Deriver, Figures, Plan, parse_date, sales_by_year, year_of
from kamdocs.figures.figure import Figure

__all__ = [
    "AFTER_CHECKLISTS",
    "OPEN_ACTION",
    "STEPS",
    "Figures",
    "Plan",
    "derive",
    "explained",
    "figure_keys",
    "parse_date",
    "sales_by_year",
    "year_of",
]

STEPS: tuple[Callable[[Deriver], None], ...] = (
    revenue.revenue,
    revenue.volume,
    margins.margins,
    margins.instruments,
    position.position,
    forecast.forecast,
    kpis.kpis,
    kpis.clv,
    targets.adoption,
    targets.targets,
    action_plan.action_plan,
    action_plan.risks,
    relationship.relationship,
    contract.contract,
    score.score,
    reviews.dates,
)
"""In order: a later step may read the figures of an earlier one. The checklists may read any of them."""
AFTER_CHECKLISTS: tuple[Callable[[Deriver], None], ...] = (health.health,)
"""Steps that read the checklists' completeness, which reads the figures of STEPS: no checklist item can name theirs."""

_MINIMAL: Plan = {"kamdocs": 2, "account": {"id": "x", "name": "X"}, "plan": {"year": 2000, "owner": "O", "status": "draft"}}


def explained(
    config: Config, secrets: Confidentiality, steps: Sequence[Callable[[Deriver], None]] = (*STEPS, *AFTER_CHECKLISTS)
) -> list[tuple[str, list[Figure]]]:
    """Each computation's docstring (its formulas) with the figures it produces."""
    deriver = Deriver([_MINIMAL], config, secrets)
    out = []
    for step in steps:
        before = set(deriver.figures)
        step(deriver)
        out.append((inspect.getdoc(step) or "", [f for k, f in deriver.figures.items() if k not in before]))
    return out


@cache
def figure_keys(*, before_checklists: bool = False) -> tuple[str, ...]:
    """Every figure `derive` computes, in order; with `before_checklists` only those a checklist item may name."""
    folder = Path(".")
    steps = STEPS if before_checklists else (*STEPS, *AFTER_CHECKLISTS)
    return tuple(f.key for _, figures in explained(Config(folder, folder, folder), Confidentiality(), steps) for f in figures)


def derive(
    history: Sequence[Plan], config: Config, secrets: Confidentiality, completeness: Callable[[Figures], float] | None = None
) -> Figures:
    """Every derived figure of the last plan in `history` (the account's plans, oldest first).

    `completeness` measures the checklists on the figures so far; without it the figures that need it are not computable."""
    deriver = Deriver(history, config, secrets)
    for step in STEPS:
        step(deriver)
    if completeness is not None:
        deriver.completeness = completeness(deriver.figures)
    for step in AFTER_CHECKLISTS:
        step(deriver)
    return deriver.figures
