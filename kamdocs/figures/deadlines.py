"""Every dated event of a plan: reviews, action and milestone due dates, contract deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kamdocs.core.dates import day
from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive import OPEN_ACTION, Figures

KINDS: dict[str, tuple[str, str]] = {
    "annual_review": ("Annual review", "Jahresgespräch"),
    "action": ("Action due", "Maßnahme fällig"),
    "milestone": ("Milestone due", "Meilenstein fällig"),
    "notice_deadline": ("Contract notice deadline", "Kündigungsfrist endet"),
    "contract_end": ("Contract ends", "Vertrag endet"),
    "question": ("Open question due", "Offene Frage fällig"),
    "care": ("Care improvement due", "Verbesserung der Kundenpflege fällig"),
}


@dataclass(frozen=True, slots=True)
class Deadline:
    date: dt.date
    kind: str
    title: str
    path: KeyPath


def deadlines(plan: dict[str, Any], figures: Figures) -> list[Deadline]:
    """Open events of the plan, by date; done actions, reached milestones and answered questions are left out."""
    found: list[Deadline] = []

    def add(date: str | None, kind: str, title: str, path: KeyPath) -> None:
        if date:
            found.append(Deadline(day(date), kind, title, path))

    review = plan.get("annual_review", {})
    add(review.get("date"), "annual_review", review.get("place", ""), ("annual_review", "date"))
    for index, action in enumerate(plan.get("actions", [])):
        if action["status"] in OPEN_ACTION:
            add(action.get("due"), "action", action["title"], ("actions", index, "due"))
    for index, milestone in enumerate(plan.get("milestones", [])):
        if "reached_on" not in milestone:
            add(milestone["due"], "milestone", milestone["title"], ("milestones", index, "due"))
    for index, question in enumerate(plan.get("open_questions", [])):
        if not question.get("answer"):
            add(question.get("due"), "question", question["question"], ("open_questions", index, "due"))
    for index, weak in enumerate(plan.get("care", {}).get("weak_points", [])):
        add(weak.get("due"), "care", weak["description"], ("care", "weak_points", index, "due"))
    reference = plan.get("contract", {}).get("reference", "")
    add(figures["notice_deadline"].value, "notice_deadline", reference, ("contract", "notice_period_months"))
    add(figures["contract_end"].value, "contract_end", reference, ("contract", "end"))
    return sorted(found, key=lambda d: (d.date, d.kind))


def upcoming(events: list[Deadline], as_of: dt.date, days: int | None = None) -> list[Deadline]:
    """Events from the as-of date on, within `days` if given."""
    return [e for e in events if e.date >= as_of and (days is None or (e.date - as_of).days <= days)]
