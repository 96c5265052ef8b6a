"""Revenue and sales volume: last year's figures, growth, CAGR."""

from __future__ import annotations

from collections.abc import Sequence

from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive.base import (
    ANY,
    Deriver,
    Plan,
    by_category,
    growth,
    month_ranges,
    months_recorded,
    sales_by_year,
    sales_rows,
    within_months,
    year_of,
)
from kamdocs.figures.figure import because

FULL_YEAR = frozenset(range(1, 13))


def revenue(d: Deriver) -> None:
    """revenue = Σ sales.revenue of last year; growth = revenue / revenue of the year before − 1,
    like for like when the two years have different months on record: the months both have
    (year to date against the same months of the year before), and it says so;
    CAGR = (revenue of the last full year / revenue of the first full year on file)^(1 / years between) − 1."""
    inputs = [("sales", ANY, "revenue"), ("sales", ANY, "period")]
    rows = sales_rows(d.history, "revenue")
    this_rows, before_rows = rows.get(d.last_year, []), rows.get(d.last_year - 1, [])
    this, before = by_category(this_rows, "revenue"), by_category(before_rows, "revenue")
    missing = because("no sales figures for {year}", year=d.last_year)
    recorded = months_recorded(this_rows)
    partial = because("sales recorded for months {months} of {year} only", months=month_ranges(recorded), year=d.last_year)
    d.put(
        "revenue",
        sum(this.values()) if this else None,
        "currency",
        inputs,
        missing,
        this or None,
        partial if recorded != FULL_YEAR else None,
    )
    if not this or not before:
        d.put(
            "revenue_growth", None, "percent", inputs, missing if not this else because("no sales figures for {year}", year=d.last_year - 1)
        )
    else:
        growth_figure(d, this_rows, before_rows, inputs)
    years = sorted(y for y, r in rows.items() if y <= d.last_year and months_recorded(r) == FULL_YEAR and sum(x["revenue"] for x in r) > 0)
    if len(years) >= 2:
        first, last = (sum(x["revenue"] for x in rows[y]) for y in (years[0], years[-1]))
        d.put(
            "revenue_cagr",
            (last / first) ** (1 / (years[-1] - years[0])) - 1,
            "percent",
            inputs,
            detail={"from": years[0], "to": years[-1]},
        )
    else:
        d.put("revenue_cagr", None, "percent", inputs, because("needs sales figures of at least two full years"))


def growth_figure(d: Deriver, this_rows: list[Plan], before_rows: list[Plan], inputs: Sequence[KeyPath]) -> None:
    common = months_recorded(this_rows) & months_recorded(before_rows)
    note = None
    if common != months_recorded(this_rows) or common != months_recorded(before_rows):
        this_same, before_same = within_months(this_rows, common), within_months(before_rows, common)
        if not this_same or not before_same:
            d.put(
                "revenue_growth",
                None,
                "percent",
                inputs,
                because(
                    "{year} and {before} are recorded by different periods: no like-for-like comparison",
                    year=d.last_year,
                    before=d.last_year - 1,
                ),
            )
            return
        this_rows, before_rows = this_same, before_same
        note = because(
            "like for like: months {months} of {year} against the same months of {before}",
            months=month_ranges(common),
            year=d.last_year,
            before=d.last_year - 1,
        )
    this, before = by_category(this_rows, "revenue"), by_category(before_rows, "revenue")
    d.put(
        "revenue_growth",
        growth(sum(this.values()), sum(before.values())),
        "percent",
        inputs,
        because("revenue of {year} is 0", year=d.last_year - 1),
        {c: growth(v, before.get(c, 0.0)) for c, v in this.items()},
        note,
    )


def full_year_revenue(d: Deriver) -> tuple[float, int, str | None] | None:
    """The revenue a full year's forecast is compared with: last year's, or, when last year has only some
    months on record, the last full year's (and a note that says so); None without one."""
    rows = sales_rows(d.history, "revenue")
    full = [y for y, r in rows.items() if y <= d.last_year and months_recorded(r) == FULL_YEAR]
    if not full:
        return None
    year = max(full)
    note = None
    if year != d.last_year and d.last_year in rows:
        note = because(
            "{year} has sales for months {months} only: compared with {full}, the last full year",
            year=d.last_year,
            months=month_ranges(months_recorded(rows[d.last_year])),
            full=year,
        )
    elif year != d.last_year:
        return None
    return sum(r["revenue"] for r in rows[year]), year, note


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
