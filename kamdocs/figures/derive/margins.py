"""Contribution margins, cost ratio and the cost/benefit of the instruments (confidential inputs)."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver, year_of
from kamdocs.figures.figure import because


def margins(d: Deriver) -> None:
    """contribution margin = revenue − direct costs − indirect costs (last year);
    margin % = contribution margin / revenue; cost ratio = costs / revenue."""
    inputs = [("sales", ANY, "revenue"), ("sales", ANY, "direct_costs"), ("sales", ANY, "indirect_costs")]
    rows = [r for r in d.plan.get("sales", []) if year_of(r["period"]) == d.last_year]
    lacking = sorted({r["category"] for r in rows if "direct_costs" not in r or "indirect_costs" not in r})
    revenue = sum(r["revenue"] for r in rows)
    if not rows or lacking:
        reason = (
            because("no sales figures for {year}", year=d.last_year)
            if not rows
            else because("costs missing for {categories} in {year}", categories=", ".join(lacking), year=d.last_year)
        )
        for key, unit in (("contribution_margin", "currency"), ("margin_pct", "percent"), ("cost_ratio", "percent")):
            d.put(key, None, unit, inputs, reason)
        return
    costs = sum(r["direct_costs"] + r["indirect_costs"] for r in rows)
    per_category = {r["category"]: r["revenue"] - r["direct_costs"] - r["indirect_costs"] for r in rows}
    d.put("contribution_margin", revenue - costs, "currency", inputs, detail=per_category)
    d.put("margin_pct", (revenue - costs) / revenue if revenue else None, "percent", inputs, because("revenue is 0"))
    d.put("cost_ratio", costs / revenue if revenue else None, "percent", inputs, because("revenue is 0"))


def instruments(d: Deriver) -> None:
    """cost/benefit ratio = cost / expected benefit, per instrument and in total; above the configured limit is flagged."""
    inputs = [("instruments", ANY, "cost"), ("instruments", ANY, "expected_benefit")]
    priced = [i for i in d.plan.get("instruments", []) if "cost" in i and i.get("expected_benefit")]
    if not priced:
        d.put("instrument_ratio", None, "ratio", inputs, because("needs instruments with cost and expected benefit"))
        return
    limit = d.config.figures.instrument_cost_ratio_max
    detail = {
        i["id"]: {"ratio": i["cost"] / i["expected_benefit"], "above_limit": i["cost"] / i["expected_benefit"] > limit} for i in priced
    }
    total = sum(i["cost"] for i in priced) / sum(i["expected_benefit"] for i in priced)
    d.put("instrument_ratio", total, "ratio", inputs, detail={"limit": limit, "instruments": detail})
