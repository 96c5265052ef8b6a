"""Alerts on a plan: the quality gates of `kam check` and the warnings of `kam show`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kamdocs.core.config import Config
from kamdocs.core.dates import QUARTER, after_interval, day
from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive import OPEN_ACTION, Figures, parse_date
from kamdocs.figures.figure import Amount, Share, because

GATES = ("completeness", "stale", "approval", "overdue", "notice", "single-threaded", "question-owner")
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
            Alert(
                "completeness",
                (),
                because(
                    "checklists {completeness} complete, below the minimum of {minimum}",
                    completeness=Share(completeness),
                    minimum=Share(limits.min_completeness),
                ),
            )
        )
    days = figures["days_since_review"].value
    if days is None:
        found.append(Alert("stale", ("plan",), because("the plan was never reviewed: set {path}", path="plan.last_reviewed")))
    elif days > limits.stale_days:
        found.append(
            Alert(
                "stale",
                ("plan", "last_reviewed"),
                because("last reviewed {days} days ago, more than {limit}", days=days, limit=limits.stale_days),
            )
        )
    found += _approval(plan, days, completeness, config)
    for index, action in enumerate(plan.get("actions", [])):
        due = parse_date(action.get("due"))
        if action["status"] in OPEN_ACTION and due and due < config.as_of:
            found.append(
                Alert(
                    "overdue",
                    ("actions", index, "due"),
                    because("action '{id}' was due {due}", id=action["id"], due=due),
                )
            )
    notice = figures["days_to_notice"].value
    if notice is not None and 0 <= notice <= limits.notice_warning_days:
        found.append(
            Alert(
                "notice",
                ("contract", "end"),
                because(
                    "notice deadline {deadline} is in {days} days: decide on renewal",
                    deadline=figures["notice_deadline"].value,
                    days=notice,
                ),
            )
        )
    single = figures["single_threaded"]
    if single.value:
        found.append(
            Alert("single-threaded", ("contacts",), because("single-threaded relationship: {why}", why=single.detail), single.confidential)
        )
    found += _care_overdue(plan, config)
    found += _contacts_overdue(figures)
    for index, question in enumerate(plan.get("open_questions", [])):
        if not question.get("owner") and not question.get("answer"):
            found.append(
                Alert("question-owner", ("open_questions", index), because("open question '{id}' has no owner", id=question["id"]))
            )
    for index, milestone in enumerate(plan.get("milestones", [])):
        due = parse_date(milestone["due"])
        if "reached_on" not in milestone and due < config.as_of:
            found.append(
                Alert(
                    "overdue-milestone",
                    ("milestones", index, "due"),
                    because("milestone '{id}' was due {due}", id=milestone["id"], due=due),
                )
            )
    found += _forecast(plan, figures)
    if not figures["decision_maker_known"].value:
        found.append(Alert("no-decision-maker", ("contacts",), because("no decision maker known among the active contacts")))
    active = figures["active_contacts"].value
    if 1 < active < 3:
        found.append(
            Alert("few-contacts", ("contacts",), because("{count} active contacts: know at least three key players", count=active))
        )
    supporter = figures["supporter_among_deciders"]
    if supporter.value is False and figures["decision_maker_known"].value:
        found.append(Alert("no-supporter", ("contacts",), because("no supporter among the decision makers"), supporter.confidential))
    ratio = figures["instrument_ratio"]
    if ratio.computable:
        for ident, entry in ratio.detail["instruments"].items():
            if entry["above_limit"]:
                found.append(
                    Alert(
                        "instrument-cost",
                        ("instruments",),
                        because(
                            "instrument '{id}' costs {ratio} of its benefit, above {limit}",
                            id=ident,
                            ratio=Share(entry["ratio"]),
                            limit=Share(ratio.detail["limit"]),
                        ),
                        ratio.confidential,
                    )
                )
    return found


def _approval(plan: dict[str, Any], days_since_review: int | None, completeness: float, config: Config) -> list[Alert]:
    """An approved plan must be complete enough and reviewed: otherwise its status says more than it is."""
    if plan["plan"]["status"] != "approved":
        return []
    found = []
    minimum = config.thresholds.min_completeness
    if completeness < minimum:
        found.append(
            Alert(
                "approval",
                ("plan", "status"),
                because(
                    "the plan is approved, but its checklists are {completeness} complete, below the minimum of {minimum}: "
                    "complete it or set the plan back to review",
                    completeness=Share(completeness),
                    minimum=Share(minimum),
                ),
            )
        )
    if days_since_review is None:
        found.append(
            Alert(
                "approval",
                ("plan", "status"),
                because(
                    "the plan is approved, but was never reviewed: set {path} or set the plan back to review", path="plan.last_reviewed"
                ),
            )
        )
    return found


def _forecast(plan: dict[str, Any], figures: Figures) -> list[Alert]:
    """Opportunities past their close date, and a forecast below last year's revenue."""
    forecast, chance = figures["forecast"], figures["forecast_beats_last_year"]
    found = []
    stale = set(forecast.detail["stale"]) if forecast.computable else set()
    for index, opportunity in enumerate(plan.get("potential", {}).get("opportunities", [])):
        if opportunity["id"] in stale:
            close = opportunity["expected_close"]
            # a quarter stays a quarter: "was to close in Q3 2026", not on a day nobody named
            message = (
                because(
                    "opportunity '{id}' was to close in {date}: close date passed: update or close it", id=opportunity["id"], date=close
                )
                if QUARTER.match(close)
                else because(
                    "opportunity '{id}' was to close on {date}: close date passed: update or close it",
                    id=opportunity["id"],
                    date=dt.date.fromisoformat(close),
                )
            )
            found.append(
                Alert("stale-opportunity", ("potential", "opportunities", index, "expected_close"), message, forecast.confidential)
            )
    if forecast.computable and chance.computable and forecast.value < chance.detail["target"]:
        found.append(
            Alert(
                "forecast-below-last-year",
                ("potential",),
                because(
                    "the forecast of {forecast} is below the revenue of {year}, {target}",
                    forecast=Amount(forecast.value),
                    year=chance.detail["year"],
                    target=Amount(chance.detail["target"]),
                ),
                forecast.confidential or chance.confidential,
            )
        )
    return found
