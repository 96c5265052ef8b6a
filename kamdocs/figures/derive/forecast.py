"""The forecast: what revenue this year, with what probability."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kamdocs.figures.derive.base import Deriver
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


SECURED = ("committed_revenue", "recurring_revenue", "run_rate_revenue")
"""The secured base of the forecast: one-time revenue already contracted, recurring revenue, run-rate business."""


def forecast(d: Deriver) -> None:
    """secured base = committed revenue + recurring revenue + run-rate business (those recorded; a missing one is
    never taken as 0); expected = secured base + Σ(value × probability) of the opportunities not lost;
    worst = secured base + won; best = secured base + every opportunity not lost;
    probability of beating last year = P(secured base + Σ won values ≥ revenue of last year), opportunities won
    independently. An opportunity whose probability is not known yet is left out, and the forecast says so."""
    potential = d.plan.get("potential", {})
    inputs = [("potential",)]
    not_lost = [o for o in potential.get("opportunities", []) if o.get("stage") != "lost"]
    live = [o for o in not_lost if o["probability"] != "unknown"]
    unknown = [o["id"] for o in not_lost if o["probability"] == "unknown"]
    secured = {key.removesuffix("_revenue"): potential.get(key) for key in SECURED}
    recorded = [value for value in secured.values() if value is not None]
    if not recorded and not live:
        why = (
            because("no secured revenue recorded (committed, recurring or run-rate) and no opportunity with a known probability")
            if unknown
            else because("no secured revenue recorded (committed, recurring or run-rate) and no opportunities")
        )
        for key in ("forecast", "forecast_worst", "forecast_best", "forecast_beats_last_year"):
            d.put(key, None, "percent" if key == "forecast_beats_last_year" else "currency", inputs, why)
        return
    base = sum(recorded)
    weighted = sum(o["value"] * o["probability"] for o in live)
    won = sum(o["value"] for o in live if o["probability"] == 1)
    d.put(
        "forecast",
        base + weighted,
        "currency",
        inputs,
        detail={
            # None, not 0, when nothing secured is recorded: the reader must not read "0 committed"
            "committed": base if recorded else None,
            "secured": secured,
            "weighted_pipeline": weighted,
            "opportunities": len(live),
            "left_out": [{"id": ident, "reason": because("probability not known yet: left out of the forecast")} for ident in unknown],
        },
    )
    d.put("forecast_worst", base + won, "currency", inputs)
    d.put("forecast_best", base + sum(o["value"] for o in live), "currency", inputs)
    target = d.value("revenue")
    if target is None:
        d.put("forecast_beats_last_year", None, "percent", inputs, because("no revenue for {year} to compare with", year=d.last_year))
    else:
        step = max(1.0, (base + sum(o["value"] for o in live)) / 10_000)
        distribution = forecast_distribution(base, ((o["value"], o["probability"]) for o in live), step)
        d.put(
            "forecast_beats_last_year",
            sum(p for total, p in distribution.items() if total >= target),
            "percent",
            inputs,
            detail={"target": target},
        )
