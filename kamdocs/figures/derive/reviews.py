"""Plan reviews: days since the last one, days to the annual review."""

from __future__ import annotations

from kamdocs.figures.derive.base import Deriver, parse_date
from kamdocs.figures.figure import because


def dates(d: Deriver) -> None:
    """days since review = as-of date − plan.last_reviewed (stale above the configured days);
    days to the annual review = annual_review.date − as-of date (a date passed is shown as overdue by so many days);
    once the review has an outcome it has taken place: nothing is due, and the figure says when it was held."""
    reviewed = parse_date(d.plan["plan"].get("last_reviewed"))
    days = (d.as_of - reviewed).days if reviewed else None
    d.put("days_since_review", days, "days", [("plan", "last_reviewed")], because("{path} is not set", path="plan.last_reviewed"))
    d.put("stale", days is None or days > d.config.thresholds.stale_days, "flag", [("plan", "last_reviewed")])
    annual = d.plan.get("annual_review", {})
    review = parse_date(annual.get("date"))
    inputs = [("annual_review", "date"), ("annual_review", "outcome")]
    if review and annual.get("outcome") and review <= d.as_of:
        d.put("days_to_review", None, "days_to", inputs, because("the annual review took place on {date}", date=review))
        return
    d.put(
        "days_to_review",
        (review - d.as_of).days if review else None,
        "days_to",
        inputs,
        because("{path} is not set", path="annual_review.date"),
    )
