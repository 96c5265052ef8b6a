"""Plan reviews: days since the last one, days to the annual review."""

from __future__ import annotations

from kamdocs.figures.derive.base import Deriver, parse_date
from kamdocs.figures.figure import because


def dates(d: Deriver) -> None:
    """days since review = as-of date − plan.last_reviewed (stale above the configured days);
    days to the annual review = annual_review.date − as-of date (a date passed is shown as overdue by so many days)."""
    reviewed = parse_date(d.plan["plan"].get("last_reviewed"))
    days = (d.as_of - reviewed).days if reviewed else None
    d.put("days_since_review", days, "days", [("plan", "last_reviewed")], because("{path} is not set", path="plan.last_reviewed"))
    d.put("stale", days is None or days > d.config.thresholds.stale_days, "flag", [("plan", "last_reviewed")])
    review = parse_date(d.plan.get("annual_review", {}).get("date"))
    d.put(
        "days_to_review",
        (review - d.as_of).days if review else None,
        "days_to",
        [("annual_review", "date")],
        because("{path} is not set", path="annual_review.date"),
    )
