"""Our position at the customer: share of wallet, revenue against comparable customers, whitespace potential."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver, month_ranges, months_of, months_recorded, sales_rows, within_months, year_of
from kamdocs.figures.figure import because


def position(d: Deriver) -> None:
    """share of wallet = our revenue / the customer's total spend in our categories, last year; with spend
    recorded by quarter or month, over the months on record (our revenue of the same months);
    vs. comparable = revenue / average revenue of comparable customers;
    whitespace potential = Σ potential per year of the whitespace cells (buying unit × offering) that are relevant,
    not computable where no cell has a potential."""
    revenue = d.value("revenue")
    spend_rows = [s for s in d.plan.get("key_figures", {}).get("customer_spend", []) if year_of(s["period"]) == d.last_year]
    inputs = [("key_figures", "customer_spend"), ("sales", ANY, "revenue")]
    months = months_recorded(spend_rows)
    ours = within_months(sales_rows(d.history, "revenue").get(d.last_year, []), months)
    spend = sum(s["amount"] for s in spend_rows)
    if revenue is None or not spend:
        d.put(
            "share_of_wallet", None, "percent", inputs, because("needs revenue and the customer's total spend for {year}", year=d.last_year)
        )
    elif ours is None or sum(len(months_of(s["period"])) for s in spend_rows) != len(months):
        d.put(
            "share_of_wallet",
            None,
            "percent",
            inputs,
            because("the customer's spend and our sales of {year} are recorded by periods that do not match", year=d.last_year),
        )
    else:
        partly = months != frozenset(range(1, 13))
        note = because("months {months} of {year}", months=month_ranges(months), year=d.last_year) if partly else None
        d.put("share_of_wallet", sum(r["revenue"] for r in ours) / spend, "percent", inputs, note=note)
    comparable = d.plan.get("key_figures", {}).get("comparable_customers_revenue")
    inputs = [("key_figures", "comparable_customers_revenue"), ("sales", ANY, "revenue")]
    if revenue is None or not comparable:
        d.put("vs_comparable", None, "ratio", inputs, because("needs revenue and the average revenue of comparable customers"))
    else:
        d.put("vs_comparable", revenue / comparable, "ratio", inputs)
    cells = [c for c in d.plan.get("whitespace", []) if c["status"] != "not_relevant" and "potential" in c]
    inputs = [("whitespace", ANY, "potential"), ("whitespace", ANY, "status")]
    if cells:
        d.put("whitespace_potential", sum(c["potential"] for c in cells), "currency", inputs, detail=len(cells))
    else:
        d.put("whitespace_potential", None, "currency", inputs, because("no whitespace cell with a potential"))
