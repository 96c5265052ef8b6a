"""Contract deadlines: end, last notice day, renewal decision."""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from kamdocs.figures.derive.base import Deriver, parse_date
from kamdocs.figures.figure import because


def contract(d: Deriver) -> None:
    """notice deadline = contract end − notice period; days to notice = deadline − as-of date;
    renewal due when the deadline lies within the configured warning days."""
    contract = d.plan.get("contract", {})
    end = parse_date(contract.get("end"))
    inputs = [("contract",)]
    d.put("contract_end", end.isoformat() if end else None, "date", inputs, because("no contract end"))
    if end is None or "notice_period_months" not in contract:
        for key, unit in (("notice_deadline", "date"), ("days_to_notice", "days"), ("renewal_due", "flag")):
            d.put(key, None, unit, inputs, because("needs contract.end and contract.notice_period_months"))
        return
    deadline = end - relativedelta(months=contract["notice_period_months"])
    days = (deadline - d.as_of).days
    d.put("notice_deadline", deadline.isoformat(), "date", inputs)
    d.put("days_to_notice", days, "days", inputs)
    d.put("renewal_due", 0 <= days <= d.config.thresholds.notice_warning_days, "flag", inputs)
