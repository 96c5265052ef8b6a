"""The forecast: what revenue this year, with what probability."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive.base import ANY, Deriver, parse_date
from kamdocs.figures.derive.revenue import full_year_revenue
from kamdocs.figures.figure import because


def forecast_distribution(committed: float, opportunities: Iterable[tuple[float, float]], step: float) -> dict[float, float]:
    """Revenue -> probability, opportunities won independently (values rounded to `step`)."""
    distribution = {round(committed / step) * step: 1.0}
    for value, probability in opportunities:
        amount = round(value / step) * step
        merged: dict[float, float] = defaultdict(float)
        for total, chance in distribution.items():
            merged[total] += chance * (1 - probability)
            merged[total + amount] += chance * probability
        distribution = {total: chance for total, chance in merged.items() if chance > 1e-12}
    return distribution


def forecast(d: Deriver) -> None:
    """expected = committed revenue + Σ(value × probability) of the opportunities not lost;
    worst = committed + won; best = committed + every opportunity not lost;
    probability of beating last year = P(committed + Σ won values ≥ revenue of last year),
    opportunities won independently; when last year has only some months on record, the last full year's revenue.
    Each won deal counts once: a won opportunity marked in_committed_revenue is already in committed revenue.
    Open opportunities whose expected close date has passed are stale: counted, and shown apart
    (stale pipeline, their weighted value) until they are updated or closed."""
    potential = d.plan.get("potential", {})
    inputs: list[KeyPath] = [("potential",)]
    live = [o for o in potential.get("opportunities", []) if o.get("stage") != "lost" and not o.get("in_committed_revenue")]
    stale = [o for o in live if o["probability"] < 1 and o.get("expected_close") and parse_date(o["expected_close"]) < d.as_of]
    committed = potential.get("committed_revenue")
    if committed is None and not live:
        for key in ("forecast", "forecast_worst", "forecast_best", "forecast_beats_last_year"):
            d.put(
                key,
                None,
                "percent" if key == "forecast_beats_last_year" else "currency",
                inputs,
                because("needs committed revenue or opportunities"),
            )
        return
    base = committed or 0.0
    weighted = sum(o["value"] * o["probability"] for o in live)
    won = sum(o["value"] for o in live if o["probability"] == 1)
    d.put(
        "forecast",
        base + weighted,
        "currency",
        inputs,
        detail={
            "committed": base,
            "weighted_pipeline": weighted,
            "opportunities": len(live),
            "stale_pipeline": sum(o["value"] * o["probability"] for o in stale),
            "stale": [o["id"] for o in stale],
        },
    )
    d.put("forecast_worst", base + won, "currency", inputs)
    d.put("forecast_best", base + sum(o["value"] for o in live), "currency", inputs)
    compared = full_year_revenue(d)
    # the chance is judged against last year's revenue: it is as confidential as that revenue
    inputs = [*inputs, ("sales", ANY, "revenue")]
    if compared is None:
        d.put("forecast_beats_last_year", None, "percent", inputs, because("no revenue for {year} to compare with", year=d.last_year))
    else:
        target, year, note = compared
        step = max(1.0, (base + sum(o["value"] for o in live)) / 10_000)
        distribution = forecast_distribution(base, ((o["value"], o["probability"]) for o in live), step)
        d.put(
            "forecast_beats_last_year",
            sum(p for total, p in distribution.items() if total >= target),
            "percent",
            inputs,
            detail={"target": target, "year": year},
            note=note,
        )
