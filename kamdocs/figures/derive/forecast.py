"""The forecast: what revenue this year, with what probability."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kamdocs.core.dates import day
from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive.base import ANY, Deriver
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


SECURED = ("committed_revenue", "recurring_revenue", "run_rate_revenue")
"""The secured base of the forecast: one-time revenue already contracted, recurring revenue, run-rate business."""


def forecast(d: Deriver) -> None:
    """secured base = committed revenue + recurring revenue + run-rate business (those recorded; a missing one is
    never taken as 0); expected = secured base + Σ(value × probability) of the opportunities not lost;
    worst = secured base + won; best = secured base + every opportunity not lost;
    weighted pipeline = Σ(value × probability) of the opportunities not lost;
    probability of beating last year = P(secured base + Σ won values ≥ revenue of last year), opportunities won
    independently; when last year has only some months on record, the last full year's revenue.
    Each won deal counts once: a won opportunity marked in_committed_revenue is already in committed revenue.
    An opportunity whose probability is not known yet is left out, and the forecast says so. Open opportunities
    whose expected close date has passed are stale: counted, and shown apart (stale pipeline, their weighted value)
    until they are updated or closed."""
    potential = d.plan.get("potential", {})
    inputs: list[KeyPath] = [
        *(("potential", key) for key in SECURED),
        *(
            ("potential", "opportunities", ANY, key)
            for key in ("id", "value", "probability", "stage", "expected_close", "in_committed_revenue")
        ),
    ]
    not_lost = [o for o in potential.get("opportunities", []) if o.get("stage") != "lost" and not o.get("in_committed_revenue")]
    live = [o for o in not_lost if o["probability"] != "unknown"]
    unknown = [o["id"] for o in not_lost if o["probability"] == "unknown"]
    stale = [o for o in live if o["probability"] < 1 and o.get("expected_close") and day(o["expected_close"]) < d.as_of]
    secured = {key.removesuffix("_revenue"): potential.get(key) for key in SECURED}
    recorded = [value for value in secured.values() if value is not None]
    if not recorded and not live:
        why = (
            because("no secured revenue recorded (committed, recurring or run-rate) and no opportunity with a known probability")
            if unknown
            else because("no secured revenue recorded (committed, recurring or run-rate) and no opportunities")
        )
        for key in ("forecast", "forecast_worst", "forecast_best", "weighted_pipeline", "forecast_beats_last_year"):
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
            "stale_pipeline": sum(o["value"] * o["probability"] for o in stale),
            "stale": [o["id"] for o in stale],
        },
    )
    d.put("forecast_worst", base + won, "currency", inputs)
    d.put("forecast_best", base + sum(o["value"] for o in live), "currency", inputs)
    d.put("weighted_pipeline", weighted, "currency", inputs)
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
