"""Revenue and sales volume: last year's figures, growth, CAGR."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver, growth, sales_by_year, year_of
from kamdocs.figures.figure import because


def revenue(d: Deriver) -> None:
    """revenue = Σ sales.revenue of last year; growth = revenue / revenue of the year before − 1;
    CAGR = (revenue of the last year / revenue of the first year on file)^(1 / years between) − 1."""
    inputs = [("sales", ANY, "revenue"), ("sales", ANY, "period")]
    series = sales_by_year(d.history, "revenue")
    this, before = series.get(d.last_year), series.get(d.last_year - 1)
    missing = because("no sales figures for {year}", year=d.last_year)
    d.put("revenue", sum(this.values()) if this else None, "currency", inputs, missing, this)
    if this and before:
        per_category = {c: growth(v, before.get(c, 0.0)) for c, v in this.items()}
        d.put(
            "revenue_growth",
            growth(sum(this.values()), sum(before.values())),
            "percent",
            inputs,
            because("revenue of {year} is 0", year=d.last_year - 1),
            per_category,
        )
    else:
        d.put(
            "revenue_growth", None, "percent", inputs, missing if not this else because("no sales figures for {year}", year=d.last_year - 1)
        )
    years = sorted(y for y in series if y <= d.last_year and sum(series[y].values()) > 0)
    if len(years) >= 2:
        first, last = sum(series[years[0]].values()), sum(series[years[-1]].values())
        d.put(
            "revenue_cagr",
            (last / first) ** (1 / (years[-1] - years[0])) - 1,
            "percent",
            inputs,
            detail={"from": years[0], "to": years[-1]},
        )
    else:
        d.put("revenue_cagr", None, "percent", inputs, because("needs sales figures of at least two years"))


def volume(d: Deriver) -> None:
    """volume growth per category = volume of last year / volume of the year before − 1;
    the total only where all categories count in the same unit."""
    inputs = [("sales", ANY, "volume")]
    series = sales_by_year(d.history, "volume")
    this, before = series.get(d.last_year, {}), series.get(d.last_year - 1, {})
    per_category = {c: growth(v, before[c]) for c, v in this.items() if c in before}
    units = {row.get("unit") for row in d.plan.get("sales", []) if "volume" in row and year_of(row["period"]) == d.last_year}
    if not per_category:
        d.put(
            "volume_growth",
            None,
            "percent",
            inputs,
            because("needs sales volumes of {before} and {year}", before=d.last_year - 1, year=d.last_year),
        )
    elif len(units) > 1:
        d.put("volume_growth", None, "percent", inputs, because("categories count in different units: see per category"), per_category)
    else:
        shared = [c for c in per_category]
        d.put(
            "volume_growth",
            growth(sum(this[c] for c in shared), sum(before[c] for c in shared)),
            "percent",
            inputs,
            "volume of the year before is 0",
            per_category,
        )
