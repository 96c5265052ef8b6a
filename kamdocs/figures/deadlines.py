"""Every dated event of a plan: reviews, action and milestone due dates, contract deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.dates import day
from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive import OPEN_ACTION, Figures


@dataclass(frozen=True, slots=True)
class Deadline:
    date: dt.date
    kind: str
    title: str
    path: KeyPath
    confidential: bool = False
    """Its date or its title comes from a confidential field."""


def deadlines(plan: dict[str, Any], figures: Figures, secrets: Confidentiality) -> list[Deadline]:
    """Open events of the plan, by date; done actions, reached milestones and answered questions are left out."""
    found: list[Deadline] = []

    def add(date: str | None, kind: str, title: str, path: KeyPath, title_path: KeyPath, secret: bool = False) -> None:
        if date:
            confidential = secret or secrets.covers(path) or secrets.covers(title_path)
            found.append(Deadline(day(date), kind, title, path, confidential))

    review = plan.get("annual_review", {})
    add(review.get("date"), "annual_review", review.get("place", ""), ("annual_review", "date"), ("annual_review", "place"))
    for index, action in enumerate(plan.get("actions", [])):
        if action["status"] in OPEN_ACTION:
            add(action.get("due"), "action", action["title"], ("actions", index, "due"), ("actions", index, "title"))
    for index, milestone in enumerate(plan.get("milestones", [])):
        if "reached_on" not in milestone:
            add(milestone["due"], "milestone", milestone["title"], ("milestones", index, "due"), ("milestones", index, "title"))
    for index, question in enumerate(plan.get("open_questions", [])):
        if not question.get("answer"):
            add(
                question.get("due"),
                "question",
                question["question"],
                ("open_questions", index, "due"),
                ("open_questions", index, "question"),
            )
    for index, weak in enumerate(plan.get("care", {}).get("weak_points", [])):
        add(
            weak.get("due"),
            "care",
            weak["description"],
            ("care", "weak_points", index, "due"),
            ("care", "weak_points", index, "description"),
        )
    reference = plan.get("contract", {}).get("reference", "")
    for kind, path in (("notice_deadline", ("contract", "notice_period_months")), ("contract_end", ("contract", "end"))):
        figure = figures[kind]
        add(figure.value, kind, reference, path, ("contract", "reference"), figure.confidential)
    return sorted(found, key=lambda d: (d.date, d.kind))


def upcoming(events: list[Deadline], as_of: dt.date, days: int | None = None) -> list[Deadline]:
    """Events from the as-of date on, within `days` if given."""
    return [e for e in events if e.date >= as_of and (days is None or (e.date - as_of).days <= days)]
