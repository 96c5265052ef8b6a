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


OWNER_COLUMNS = ("accounts", "revenue", "forecast", "completeness", "overdue_actions")


@dataclass(frozen=True, slots=True)
class Row:
    account: str
    name: str
    year: int
    cells: dict[str, Figure]
    owner: str = ""
    overdue_actions: int = 0
    key_account_last_year: bool = False
    """The account had a plan for the year before, too."""
    currency: str = "EUR"
    """The currency of the row's amounts (the plan's)."""


@dataclass(frozen=True, slots=True)
class OwnerRow:
    """One key account manager's accounts: the seed's performance of the key account staff."""

    owner: str
    cells: dict[str, Figure]


@dataclass(frozen=True, slots=True)
class Portfolio:
    year: int
    rows: tuple[Row, ...]
    totals: dict[str, Figure]
    concentration: dict[str, Figure]
    without_plan: tuple[str, ...]
    """Accounts that have plans, but none for this year."""
    owners: tuple[OwnerRow, ...] = ()


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
    return Row(
        assessment.account,
        assessment.name,
        assessment.year,
        {key: cells[key] for key in COLUMNS},
        assessment.document.data["plan"]["owner"],
        figures["overdue_actions"].value,
        assessment.year - 1 in assessment.plan_years,
        assessment.currency,
    )


def account_row(history: list[Document], year: int, context: Context) -> tuple[str, Row | None, bool] | None:
    """The account's row for `year` and whether it had a plan the year before; (account, None, …) when it
    has earlier plans but none for `year`; None when its plans all come later."""
    if not any(d.data["plan"]["year"] <= year for d in history):
        return None
    assessment = assess_year(history, context, year)
    last_year = any(d.data["plan"]["year"] == year - 1 for d in history)
    return history[-1].data["account"]["id"], row(assessment) if assessment else None, last_year


def retention(rows: Sequence[Row], year: int, dropped: Sequence[str]) -> Figure:
    """Retention of key accounts: of the accounts with a plan for last year (the key accounts of last year),
    the share that have a plan this year = kept / (kept + dropped)."""
    kept = sum(r.key_account_last_year for r in rows)
    before = kept + len(dropped)
    if not before:
        return Figure("key_account_retention", None, "percent", reason=because("no key account had a plan for {year}", year=year - 1))
    return Figure("key_account_retention", kept / before, "percent", detail={"kept": kept, "of": before, "dropped": sorted(dropped)})


def by_owner(rows: Sequence[Row], currency: str = "EUR", rates: Mapping[str, float] | None = None) -> tuple[OwnerRow, ...]:
    """Per key account manager: accounts, revenue and forecast (sums), completeness (average), overdue actions (sum)."""
    owners: dict[str, list[Row]] = {}
    for r in rows:
        owners.setdefault(r.owner, []).append(r)
    result = []
    for owner, mine in sorted(owners.items()):
        cells = {
            "accounts": Figure("accounts", len(mine), "count"),
            "revenue": _sum("revenue", [_in(currency, rates or {}, r, "revenue") for r in mine], because("no account has revenue")),
            "forecast": _sum("forecast", [_in(currency, rates or {}, r, "forecast") for r in mine], because("no account has a forecast")),
            "completeness": Figure("completeness", sum(r.cells["completeness"].value for r in mine) / len(mine), "percent"),
            "overdue_actions": Figure("overdue_actions", sum(r.overdue_actions for r in mine), "count"),
        }
        result.append(OwnerRow(owner, cells))
    return tuple(result)


def _in(currency: str, rates: Mapping[str, float], row: Row, key: str) -> Figure:
    """The row's figure in the portfolio's currency."""
    figure = row.cells[key]
    if row.currency == currency or not figure.computable:
        return figure
    return replace(figure, value=figure.value * rates[row.currency])


def build(
    rows: Sequence[Row],
    year: int,
    without_plan: Sequence[str] = (),
    dropped: Sequence[str] = (),
    currency: str = "EUR",
    rates: Mapping[str, float] | None = None,
) -> Portfolio:
    """Figures over the accounts' plans of one year, in `currency`: a plan in another currency counts at its rate
    in [tool.kam.rates]; without a rate for each, nothing is added up (amounts in different currencies never are).

    Concentration: share of the largest 1, 3 and 5 accounts in the total revenue, and the
    Herfindahl-Hirschman index HHI = Σ (revenue share × 100)², 10,000 for a single account.
    `dropped`: the accounts with a plan for last year and none for this year.
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
            tuple(sorted(rows, key=lambda r: r.name)),
            {key: Figure(key, None, "currency", reason=why) for key in ("revenue", "forecast", "risk_exposure")},
            {key: Figure(key, None, "number" if key == "hhi" else "percent", reason=why) for key in (*SHARES, "hhi")},
            tuple(without_plan),
        )
    rows = tuple(sorted(rows, key=lambda r: -(_in(currency, rates, r, "revenue").value or 0)))
    totals = {
        key: _sum(key, [_in(currency, rates, r, key) for r in rows], because("no account has this figure"))
        for key in ("revenue", "forecast", "risk_exposure")
    }
    totals["key_account_retention"] = retention(rows, year, dropped)
    revenues = [f.value for f in (_in(currency, rates, r, "revenue") for r in rows) if f.computable]
    # shares of revenue are as confidential as the revenue they come from
    secret = any(r.cells["revenue"].confidential for r in rows)
    total = sum(revenues)
    none = because("no revenue")
    concentration: dict[str, Figure] = {}
    for top, key in zip((1, 3, 5), SHARES, strict=True):
        concentration[key] = (
            Figure(key, sum(revenues[:top]) / total, "percent", secret) if total else Figure(key, None, "percent", secret, none)
        )
    concentration["hhi"] = (
        Figure("hhi", sum((value / total * 100) ** 2 for value in revenues), "number", secret)
        if total
        else Figure("hhi", None, "number", secret, none)
    )
    return Portfolio(year, rows, totals, concentration, tuple(without_plan), by_owner(rows, currency, rates))
