"""Alerts on a plan: the quality gates of `kam check` and the warnings of `kam show`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kamdocs.core.config import Config
from kamdocs.core.dates import after_interval, day
from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive import OPEN_ACTION, Figures, parse_date
from kamdocs.figures.figure import because

GATES = ("completeness", "stale", "overdue", "notice", "single-threaded", "question-owner")
"""Gates fail `kam check`; the other alerts are warnings."""


@dataclass(frozen=True, slots=True)
class Alert:
    gate: str
    path: KeyPath
    message: str
    confidential: bool = False

    @property
    def blocking(self) -> bool:
        return self.gate in GATES


def _care_overdue(plan: dict[str, Any], config: Config) -> list[Alert]:
    """A care measure with an interval not done within it since it was last done."""
    found = []
    for index, measure in enumerate(plan.get("care", {}).get("measures", [])):
        if "frequency" in measure and "last_done" in measure:
            due = after_interval(day(measure["last_done"]), measure["frequency"])
            if due < config.as_of:
                message = because(
                    "care measure '{id}' is overdue: last done {last}, next was due {due}",
                    id=measure["id"],
                    last=measure["last_done"],
                    due=str(due),
                )
                found.append(Alert("care-overdue", ("care", "measures", index, "last_done"), message))
    return found


def _contacts_overdue(figures: Figures) -> list[Alert]:
    overdue = figures["contacts_overdue"]
    found = []
    for entry in overdue.detail or []:
        message = (
            because("contact '{id}' is overdue for a meeting: due {due} by the planned cadence", id=entry["id"], due=entry["due"])
            if entry["due"]
            else because("contact '{id}' has a planned cadence but no last contact recorded", id=entry["id"])
        )
        found.append(Alert("contact-overdue", ("contacts",), message, overdue.confidential))
    return found


def alerts(plan: dict[str, Any], figures: Figures, completeness: float, config: Config) -> list[Alert]:
    limits = config.thresholds
    found: list[Alert] = []
    if completeness < limits.min_completeness:
        found.append(
            Alert("completeness", (), f"checklists {completeness:.0%} complete, below the minimum of {limits.min_completeness:.0%}")
        )
    days = figures["days_since_review"].value
    if days is None:
        found.append(Alert("stale", ("plan",), "the plan was never reviewed: set plan.last_reviewed"))
    elif days > limits.stale_days:
        found.append(Alert("stale", ("plan", "last_reviewed"), f"last reviewed {days} days ago, more than {limits.stale_days}"))
    for index, action in enumerate(plan.get("actions", [])):
        due = parse_date(action.get("due"))
        if action["status"] in OPEN_ACTION and due and due < config.as_of:
            found.append(Alert("overdue", ("actions", index, "due"), f"action '{action['id']}' was due {due}, status {action['status']}"))
    notice = figures["days_to_notice"].value
    if notice is not None and 0 <= notice <= limits.notice_warning_days:
        found.append(
            Alert(
                "notice", ("contract", "end"), f"notice deadline {figures['notice_deadline'].value} is in {notice} days: decide on renewal"
            )
        )
    single = figures["single_threaded"]
    if single.value:
        found.append(Alert("single-threaded", ("contacts",), f"single-threaded relationship: {single.detail}", single.confidential))
    found += _care_overdue(plan, config)
    found += _contacts_overdue(figures)
    for index, question in enumerate(plan.get("open_questions", [])):
        if not question.get("owner") and not question.get("answer"):
            found.append(Alert("question-owner", ("open_questions", index), f"open question '{question['id']}' has no owner"))
    for index, milestone in enumerate(plan.get("milestones", [])):
        due = parse_date(milestone["due"])
        if "reached_on" not in milestone and due < config.as_of:
            found.append(Alert("overdue-milestone", ("milestones", index, "due"), f"milestone '{milestone['id']}' was due {due}"))
    if not figures["decision_maker_known"].value:
        found.append(Alert("no-decision-maker", ("contacts",), "no decision maker known among the active contacts"))
    active = figures["active_contacts"].value
    if 1 < active < 3:
        found.append(Alert("few-contacts", ("contacts",), f"{active} active contacts: know at least three key players"))
    supporter = figures["supporter_among_deciders"]
    if supporter.value is False and figures["decision_maker_known"].value:
        found.append(Alert("no-supporter", ("contacts",), "no supporter among the decision makers", supporter.confidential))
    ratio = figures["instrument_ratio"]
    if ratio.computable:
        for ident, entry in ratio.detail["instruments"].items():
            if entry["above_limit"]:
                found.append(
                    Alert(
                        "instrument-cost",
                        ("instruments",),
                        f"instrument '{ident}' costs {entry['ratio']:.2f} of its benefit, above {ratio.detail['limit']:.2f}",
                        ratio.confidential,
                    )
                )
    return found
