"""Contract deadlines: end, last notice day, renewal decision."""

from __future__ import annotations

from kamdocs.figures.derive.base import Deriver, add_months, parse_date
from kamdocs.figures.figure import because


def contract(d: Deriver) -> None:
    """contract end = contract.end; with renewal automatic, a passed end rolls forward by the renewal term
    until it lies on or after the as-of date (end 30 June 2026, 12 months, as of 25 November 2026 → 30 June 2027);
    last notice day = contract end − notice period, month arithmetic from the end of the month
    (30 June − 3 months = 31 March); days to notice = last notice day − as-of date (shown as overdue once passed);
    renewal due when the last notice day lies within the configured warning days.
    renewal none: the contract ends on its end date, there is no notice to give and no renewal to decide."""
    contract = d.plan.get("contract", {})
    end = parse_date(contract.get("end"))
    renewal = contract.get("renewal")
    inputs = [("contract", key) for key in ("end", "notice_period_months", "renewal", "renewal_term_months")]
    detail: dict[str, str] | None = None
    term = contract.get("renewal_term_months", 0)
    if end is not None and renewal == "automatic" and term > 0 and end < d.as_of:
        rolled, renewals = end, 0
        while rolled < d.as_of:
            renewals += 1
            rolled = add_months(end, term * renewals)
        detail, end = {"renewal": renewal, "rolled_from": end.isoformat()}, rolled
    elif renewal:
        detail = {"renewal": renewal}
    d.put("contract_end", end.isoformat() if end else None, "date", inputs, because("no contract end"), detail)
    if end is not None and renewal == "none":
        ends = because("the contract ends on {end} without renewal: no notice to give", end=end)
        d.put("notice_deadline", None, "date", inputs, ends)
        d.put("days_to_notice", None, "days_to", inputs, ends)
        d.put("renewal_due", False, "flag", inputs)
        return
    if end is None or "notice_period_months" not in contract:
        for key, unit in (("notice_deadline", "date"), ("days_to_notice", "days_to"), ("renewal_due", "flag")):
            d.put(
                key, None, unit, inputs, because("needs {first} and {second}", first="contract.end", second="contract.notice_period_months")
            )
        return
    deadline = add_months(end, -contract["notice_period_months"])
    days = (deadline - d.as_of).days
    d.put("notice_deadline", deadline.isoformat(), "date", inputs)
    d.put("days_to_notice", days, "days_to", inputs)
    d.put("renewal_due", 0 <= days <= d.config.thresholds.notice_warning_days, "flag", inputs)
