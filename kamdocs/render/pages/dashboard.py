"""The dashboard: the portfolio, concentration, the Pareto curve, the next 90 days, failing gates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kamdocs.core.problem import Problem
from kamdocs.figures.classify import Classification
from kamdocs.figures.deadlines import KINDS, Deadline
from kamdocs.figures.figure import Figure
from kamdocs.figures.portfolio import Portfolio
from kamdocs.render.markup import escape
from kamdocs.render.pages import charts
from kamdocs.render.pages.html import Cell, block, code, html_link, link, md, table
from kamdocs.render.pages.render import PageSource, admonition
from kamdocs.render.pages.summary import AccountSummary
from kamdocs.view.labels import label, reason_text, word
from kamdocs.view.numbers import percent, value_text, visible
from kamdocs.view.portfolio import column_label, columns
from kamdocs.view.words import t


def _cell(figure: Figure, language: str, currency: str) -> str | Cell:
    """A figure of the portfolio table; numbers sort as numbers."""
    text = escape("–" if not figure.computable else value_text(figure, language, currency, note=False))
    number = figure.value if figure.computable and isinstance(figure.value, int | float) and not isinstance(figure.value, bool) else None
    return Cell(text, number) if number is not None or not figure.computable else text


def _portfolio_table(portfolio: Portfolio, members: set[str] | None, edition: str, language: str, currency: str) -> str:
    """The portfolio's rows (those of `members` only, if given), sortable; the figures the edition may show."""
    keys = columns(portfolio, edition)
    rows = [
        [html_link(r.name, f"{r.account}/index.md"), *(_cell(r.cells[k], language, currency) for k in keys)]
        for r in portfolio.rows
        if members is None or r.account in members
    ]
    right = tuple(i + 1 for i, k in enumerate(keys) if k not in ("tier", "next_deadline"))
    return table([t("account", language), *(column_label(k, language) for k in keys)], rows, right, sortable=True)


def _events_table(events: Sequence[tuple[dt.date, AccountSummary, Deadline]], language: str) -> str:
    rows = [
        [escape(d.isoformat()), html_link(a.name, f"{a.account}/index.md"), escape(label(e.kind, language, KINDS)), escape(e.title)]
        for d, a, e in events
    ]
    return table([t("date", language), t("account", language), t("kind", language), t("what", language)], rows) or t("none", language)


def pareto_chart(shares: Sequence[float], title: str, language: str, limit: float) -> str:
    """Cumulative revenue share over the share of customers, largest first."""
    count = len(shares)
    if count < 2:
        return ""
    points = [(0.0, 0.0)]
    cumulative = 0.0
    for index, share in enumerate(shares, start=1):
        cumulative += share
        points.append((index / count, cumulative))
    marks = [(percent(x, language), percent(y, language)) for x, y in points[1 :: max(1, count // 10)]]
    return charts.line(
        title,
        points,
        (0, 1),
        (0, 1),
        marks,
        (t("customers_share", language), t("revenue_share", language)),
        guide=limit,
        x_ticks=["0 %", "25 %", "50 %", "75 %", "100 %"],
    )


def dashboard_page(
    portfolio: Portfolio,
    accounts: Sequence[AccountSummary],
    classification: Classification | None,
    edition: str,
    language: str,
    currency: str,
    as_of: dt.date,
    problems: Sequence[Problem] = (),
) -> PageSource:
    by_id = {a.account: a for a in accounts}
    title = f"{t('dashboard', language)} {portfolio.year}"
    out = [f"# {title}", ""]
    if problems:
        items = "".join(f"<li>{code(f'{p.file}:{p.line}:{p.column}')} {code(p.rule)} {escape(p.message)}</li>" for p in problems)
        out.append(admonition("failure", t("problems", language), f"<p>{escape(t('invalid_intro', language))}</p><ul>{items}</ul>"))
    out += [f"## {t('portfolio', language)}", "", _portfolio_table(portfolio, None, edition, language, currency), ""]
    totals = [[escape(column_label(k, language)), _cell(f, language, currency)] for k, f in portfolio.totals.items() if visible(f, edition)]
    out += [f"## {t('totals', language)}", "", table([t("figure", language), t("value", language)], totals, right=(1,)), ""]
    concentration = [[escape(word(k, language)), _cell(f, language, currency)] for k, f in portfolio.concentration.items()]
    out += [f"## {t('concentration', language)}", "", table([t("figure", language), t("value", language)], concentration, right=(1,))]
    if classification is not None:
        chart = pareto_chart([r.share for r in classification.ranked], t("pareto", language), language, classification.limits[0])
    else:
        revenues = sorted((r.cells["revenue"].value for r in portfolio.rows if r.cells["revenue"].computable), reverse=True)
        chart = pareto_chart([v / sum(revenues) for v in revenues] if revenues else [], t("pareto_accounts", language), language, 0.8)
    out += [block(chart), ""]
    soon = sorted(
        ((e.date, a, e) for a in accounts for e in a.events if 0 <= (e.date - as_of).days <= 90), key=lambda x: (x[0], x[1].account)
    )
    out += [f"## {t('next_90', language)}", "", _events_table(soon, language), ""]
    failing = [a for a in accounts if a.failing]
    out += [f"## {t('failing', language)}", ""]
    out += [
        f"- {link(a.name, f'{a.account}/index.md')}: " + "; ".join(md(reason_text(m, language)) for m in a.failing) for a in failing
    ] or [t("none", language)]
    if portfolio.without_plan:
        out += [
            "",
            f"**{t('without_plan', language)}:** "
            + ", ".join(link(by_id[a].name, f"{a}/index.md") if a in by_id else md(a) for a in portfolio.without_plan),
        ]
    return PageSource(title, "\n".join(out) + "\n")


def tier_page(
    tier: str, portfolio: Portfolio, accounts: Sequence[AccountSummary], edition: str, language: str, currency: str
) -> PageSource:
    """The accounts of one tier: the nav lists tiers, not accounts, so that every page stays small."""
    members = {a.account for a in accounts if a.tier == tier}
    others = [
        link(a.name, f"{a.account}/index.md") for a in accounts if a.tier == tier and a.account not in {r.account for r in portfolio.rows}
    ]
    title = f"{t('tier', language)} {tier}"
    out = [f"# {title}", "", _portfolio_table(portfolio, members, edition, language, currency)]
    if others:
        out += ["", f"**{t('without_plan', language)}:** " + ", ".join(others)]
    return PageSource(title, "\n".join(out) + "\n")


def calendar_page(accounts: Sequence[AccountSummary], language: str, as_of: dt.date) -> PageSource:
    events = sorted(((e.date, a, e) for a in accounts for e in a.events if e.date >= as_of), key=lambda x: (x[0], x[1].account))
    out = [
        f"# {t('calendar', language)}",
        "",
        f"{t('calendar_intro', language)} [calendar.ics](calendar.ics).",
        "",
        _events_table(events, language),
    ]
    return PageSource(t("calendar", language), "\n".join(out) + "\n")
