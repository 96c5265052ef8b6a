"""Contribution margins, cost ratio and the cost/benefit of the instruments (confidential inputs)."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver, year_of
from kamdocs.figures.figure import because


def margins(d: Deriver) -> None:
    """contribution margin I (DB I) = revenue − direct costs; contribution margin II (DB II) = DB I − indirect costs
    (the costs the customer causes: care, visits, service, logistics), last year, per category and in total;
    margin % = margin / revenue; cost ratio = (direct + indirect costs) / revenue.
    Overheads allocated by key (sales.allocated_overheads) are no customer cost: no margin subtracts them."""
    inputs = [("sales", ANY, "revenue"), ("sales", ANY, "direct_costs"), ("sales", ANY, "indirect_costs")]
    rows = [r for r in d.plan.get("sales", []) if year_of(r["period"]) == d.last_year]
    revenue = sum(r["revenue"] for r in rows)
    stages = (
        (("contribution_margin_1", "margin_1_pct"), ("direct_costs",)),
        (("contribution_margin", "margin_pct", "cost_ratio"), ("direct_costs", "indirect_costs")),
    )
    for keys, costs in stages:
        lacking = sorted({r["category"] for r in rows if any(c not in r for c in costs)})
        if not rows or lacking:
            reason = (
                because("no sales figures for {year}", year=d.last_year)
                if not rows
                else because("costs missing for {categories} in {year}", categories=", ".join(lacking), year=d.last_year)
            )
            for key in keys:
                d.put(key, None, "currency" if key.startswith("contribution") else "percent", inputs, reason)
            continue
        spent = sum(r[c] for r in rows for c in costs)
        per_category = {r["category"]: r["revenue"] - sum(r[c] for c in costs) for r in rows}
        d.put(keys[0], revenue - spent, "currency", inputs, detail=per_category)
        d.put(keys[1], (revenue - spent) / revenue if revenue else None, "percent", inputs, because("revenue is 0"))
        if len(keys) > 2:
            d.put(keys[2], spent / revenue if revenue else None, "percent", inputs, because("revenue is 0"))


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
