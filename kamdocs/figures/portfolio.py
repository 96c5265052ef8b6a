"""All key accounts side by side: one row per account, totals and concentration."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from kamdocs.core.loader import Document
from kamdocs.figures.assessment import Assessment, Context, assess_year
from kamdocs.figures.deadlines import upcoming
from kamdocs.figures.figure import Figure, because

SHARES = ("top_1_share", "top_3_share", "top_5_share")
COLUMNS = ("tier", "revenue", "revenue_growth", "forecast", "margin_pct", "nps", "completeness", "next_deadline", "risk_exposure", "alerts")


@dataclass(frozen=True, slots=True)
class Row:
    account: str
    name: str
    year: int
    cells: dict[str, Figure]
    currency: str = "EUR"
    """The currency of the row's amounts (the plan's)."""


@dataclass(frozen=True, slots=True)
class Portfolio:
    year: int
    rows: tuple[Row, ...]
    totals: dict[str, Figure]
    concentration: dict[str, Figure]
    without_plan: tuple[str, ...]
    """Accounts that have plans, but none for this year."""


def _sum(key: str, figures: Sequence[Figure], reason: str) -> Figure:
    known = [f for f in figures if f.computable]
    confidential = any(f.confidential for f in figures)
    if not known:
        return Figure(key, None, "currency", confidential, reason)
    return Figure(key, sum(f.value for f in known), "currency", confidential, detail={"accounts": len(known), "of": len(figures)})


def row(assessment: Assessment) -> Row:
    figures = assessment.figures
    events = upcoming(list(assessment.deadlines), assessment.as_of)
    nxt = events[0] if events else None
    cells = {key: figures[key] for key in ("tier", "revenue", "revenue_growth", "forecast", "margin_pct", "nps", "risk_exposure")}
    cells["completeness"] = Figure("completeness", assessment.completeness, "percent")
    cells["next_deadline"] = (
        Figure("next_deadline", nxt.date.isoformat(), "date", detail={"kind": nxt.kind, "title": nxt.title})
        if nxt
        else Figure("next_deadline", None, "date", reason=because("no open deadline"))
    )
    cells["alerts"] = Figure("alerts", sum(a.blocking for a in assessment.alerts), "count")
    return Row(assessment.account, assessment.name, assessment.year, {key: cells[key] for key in COLUMNS}, assessment.currency)


def account_row(history: list[Document], year: int, context: Context) -> tuple[str, Row | None] | None:
    """The account's row for `year`; (account, None) when it has earlier plans but none for `year`;
    None when its plans all come later."""
    if not any(d.data["plan"]["year"] <= year for d in history):
        return None
    assessment = assess_year(history, context, year)
    return history[-1].data["account"]["id"], row(assessment) if assessment else None


def _in(currency: str, rates: Mapping[str, float], row: Row, key: str) -> Figure:
    """The row's figure in the portfolio's currency."""
    figure = row.cells[key]
    if row.currency == currency or not figure.computable:
        return figure
    return replace(figure, value=figure.value * rates[row.currency])


def build(
    rows: Sequence[Row], year: int, without_plan: Sequence[str] = (), currency: str = "EUR", rates: Mapping[str, float] | None = None
) -> Portfolio:
    """Figures over the accounts' plans of one year, in `currency`: a plan in another currency counts at its rate
    in [tool.kam.rates]; without a rate for each, nothing is added up (amounts in different currencies never are).

    Concentration: share of the largest 1, 3 and 5 accounts in the total revenue, and the
    Herfindahl-Hirschman index HHI = Σ (revenue share × 100)², 10,000 for a single account.
    """
    rates = rates or {}
    unconverted = sorted({r.currency for r in rows if r.currency != currency and r.currency not in rates})
    if unconverted:
        why = because(
            "the portfolio holds plans in {currencies}: amounts in different currencies are not added (set [tool.kam.rates])",
            currencies=", ".join(sorted({currency, *unconverted})),
        )
        return Portfolio(
            year,
            tuple(sorted(rows, key=lambda r: -(r.cells["revenue"].value or 0))),
            {key: Figure(key, None, "currency", reason=why) for key in ("revenue", "forecast", "risk_exposure")},
            {key: Figure(key, None, "number" if key == "hhi" else "percent", reason=why) for key in (*SHARES, "hhi")},
            tuple(without_plan),
        )
    rows = tuple(sorted(rows, key=lambda r: -(_in(currency, rates, r, "revenue").value or 0)))
    totals = {
        key: _sum(key, [_in(currency, rates, r, key) for r in rows], f"no account has {key.replace('_', ' ')}")
        for key in ("revenue", "forecast", "risk_exposure")
    }
    revenues = [f.value for f in (_in(currency, rates, r, "revenue") for r in rows) if f.computable]
    total = sum(revenues)
    concentration: dict[str, Figure] = {}
    for top, key in zip((1, 3, 5), SHARES, strict=True):
        concentration[key] = (
            Figure(key, sum(revenues[:top]) / total, "percent") if total else Figure(key, None, "percent", reason="no revenue")
        )
    concentration["hhi"] = (
        Figure("hhi", sum((value / total * 100) ** 2 for value in revenues), "number")
        if total
        else Figure("hhi", None, "number", reason="no revenue")
    )
    return Portfolio(year, rows, totals, concentration, tuple(without_plan))
