"""Our position at the customer: share of wallet, revenue against comparable customers."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver
from kamdocs.figures.figure import because


def position(d: Deriver) -> None:
    """share of wallet = revenue / customer's total spend (last year);
    vs. comparable = revenue / average revenue of comparable customers."""
    revenue = d.value("revenue")
    spend = sum(s["amount"] for s in d.plan.get("key_figures", {}).get("customer_spend", []) if str(s["period"]) == str(d.last_year))
    inputs = [("key_figures", "customer_spend"), ("sales", ANY, "revenue")]
    if revenue is None or not spend:
        d.put(
            "share_of_wallet", None, "percent", inputs, because("needs revenue and the customer's total spend for {year}", year=d.last_year)
        )
    else:
        d.put("share_of_wallet", revenue / spend, "percent", inputs)
    comparable = d.plan.get("key_figures", {}).get("comparable_customers_revenue")
    inputs = [("key_figures", "comparable_customers_revenue"), ("sales", ANY, "revenue")]
    if revenue is None or not comparable:
        d.put("vs_comparable", None, "ratio", inputs, because("needs revenue and the average revenue of comparable customers"))
    else:
        d.put("vs_comparable", revenue / comparable, "ratio", inputs)
