"""The dashboard: the portfolio, concentration, the Pareto curve, the next 90 days, failing gates."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from kamdocs.core.problem import Problem
from kamdocs.figures.classify import Classification
from kamdocs.figures.figure import Figure
from kamdocs.figures.portfolio import Portfolio, Row
from kamdocs.render.markup import escape
from kamdocs.render.pages import charts
from kamdocs.render.pages.html import Cell, block, code, html_link, link, md, one_block, table
from kamdocs.render.pages.render import PageSource, admonition, slug
from kamdocs.render.pages.summary import AccountSummary
from kamdocs.view.account import DeadlineLine
from kamdocs.view.portfolio import column_label, columns, rows
from kamdocs.view.reader import Reader


def _number(figure: Figure) -> float | None:
    value = figure.value
    return value if figure.computable and isinstance(value, int | float) and not isinstance(value, bool) else None


def _cell(figure: Figure, reader: Reader, scale: int | None = None) -> str | Cell:
    """A figure of a table; numbers sort as numbers. With a `scale`, an amount is compact (€4.0M) and the exact
    amount is its tooltip: the portfolio's ten columns fit a laptop's screen."""
    number = _number(figure)
    if scale and number is not None and figure.unit == "currency":
        return Cell(f'<span class="kam-num" title="{escape(reader.amount(number))}">{escape(reader.compact(number, scale))}</span>', number)
    text = escape("–" if not figure.computable else reader.value(figure, note=False))
    return Cell(text, number) if number is not None or not figure.computable else text


def _difference(row: Row, reader: Reader, scale: int) -> Cell:
    """The forecast against last year's revenue, signed, as a share (comparable across accounts of any size) with the
    amount as its tooltip: where the account is heading."""
    forecast, revenue = _number(row.cells["forecast"]), _number(row.cells["revenue"])
    if forecast is None or revenue is None or not revenue:
        return Cell("–", None)
    change = forecast / revenue - 1
    sign = "+" if change > 0 else ""
    amount = ("+" if forecast > revenue else "") + reader.compact(forecast - revenue, scale)
    return Cell(f'<span class="kam-num" title="{escape(amount)}">{escape(sign + reader.percent(change))}</span>', change)


def _scale(values: Sequence[float]) -> int:
    """Millions where any amount of the column reaches a million, else thousands."""
    return 1_000_000 if any(abs(v) >= 1_000_000 for v in values) else 1_000


def _portfolio_table(portfolio: Portfolio, members: set[str] | None, reader: Reader) -> str:
    """The portfolio's rows (those of `members` only, if given), sortable; the figures the edition may show,
    amounts compact, and the forecast's difference to last year where both are shown."""
    keys = columns(portfolio, reader)
    shown = [r for r in rows(portfolio, reader) if members is None or r.account in members]
    amounts = [n for r in shown for k in keys if (n := _number(r.cells[k])) is not None and r.cells[k].unit == "currency"]
    scale = _scale(amounts)
    difference = "forecast" in keys and "revenue" in keys
    at = keys.index("forecast") + 1 if difference else len(keys)
    headers = [column_label(k, reader) for k in keys]
    if difference:
        headers.insert(at, reader.text("forecast_difference"))
    body = []
    for r in shown:
        cells: list[str | Cell] = [_cell(r.cells[k], reader.in_currency(r.currency), scale) for k in keys]
        if difference:
            cells.insert(at, _difference(r, reader, scale))
        body.append([html_link(r.name, f"{r.account}/index.md"), *cells])
    left = {"tier", "next_deadline"}
    right = tuple(i + 1 for i, k in enumerate([*keys[:at], "difference", *keys[at:]] if difference else keys) if k not in left)
    return table([reader.text("account"), *headers], body, right, sortable=True, css="kam-table kam-portfolio")


def _events_table(events: Sequence[tuple[dt.date, AccountSummary, DeadlineLine]], reader: Reader) -> str:
    rows = [
        [escape(reader.date(d)), html_link(a.name, f"{a.account}/index.md"), escape(e.kind_label), escape(e.title)] for d, a, e in events
    ]
    return table([reader.text("date"), reader.text("account"), reader.text("kind"), reader.text("what")], rows) or reader.text("none")


def _tile(label: str, value: str, note: str = "", title: str = "") -> str:
    hint = f' title="{escape(title)}"' if title else ""
    extra = f'<span class="kam-tile-note">{note}</span>' if note else ""
    return f'<div class="kam-tile"><span class="kam-tile-label">{escape(label)}</span><span class="kam-tile-value"{hint}>{value}</span>{extra}</div>'


def key_figures(portfolio: Portfolio, accounts: Sequence[AccountSummary], reader: Reader, as_of: dt.date, base: str = "") -> str:
    """The portfolio at a glance, for the dashboard and the home page: revenue last year, the forecast and its
    difference to it, the weighted pipeline, the accounts that fail a gate, the next deadlines. `base`: the path from
    the page to the dashboard's folder. Only what the edition may show."""
    totals = portfolio.totals
    tiles = []
    revenue, forecast = totals["revenue"], totals["forecast"]
    scale = _scale([n for n in (_number(revenue), _number(forecast)) if n is not None])
    for figure in (revenue, forecast):
        number = _number(figure)
        if number is None or not reader.sees(figure):
            continue
        note = ""
        if figure is forecast and _number(revenue) is not None and reader.sees(revenue) and revenue.value:
            change = number / revenue.value - 1
            note = escape(reader.say("{change} against last year").format(change=("+" if change > 0 else "") + reader.percent(change)))
        tiles.append(_tile(column_label(figure.key, reader), escape(reader.compact(number, scale)), note, reader.amount(number)))
    pipeline = [
        r.cells["forecast"].detail.get("weighted_pipeline", 0.0) for r in portfolio.rows if _number(r.cells["forecast"]) is not None
    ]
    if pipeline and all(reader.sees(r.cells["forecast"]) for r in portfolio.rows):
        total = float(sum(pipeline))
        tiles.append(_tile(reader.text("weighted"), escape(reader.compact(total, scale)), "", reader.amount(total)))
    failing = [a for a in accounts if a.failing]
    names = ", ".join(html_link(a.name, f"{base}{a.account}/index.md") for a in failing[:3]) + (" …" if len(failing) > 3 else "")
    tiles.append(
        _tile(
            reader.text("failing"),
            f'<a href="{base}index.md#{slug(reader.text("failing"), set())}">{len(failing)}</a>' if failing else "0",
            names,
        )
    )
    soon = sorted(((e.date, a, e) for a in accounts for e in a.events if e.date >= as_of), key=lambda x: (x[0], x[1].account))[:3]
    if soon:
        items = "".join(
            f"<li><time>{escape(reader.date(d))}</time> {html_link(a.name, f'{base}{a.account}/index.md')}: {escape(e.title)}</li>"
            for d, a, e in soon
        )
        tiles.append(
            f'<div class="kam-tile kam-tile-wide"><span class="kam-tile-label">{escape(reader.text("next_deadlines"))}</span><ul>{items}</ul></div>'
        )
    return f'<div class="kam-tiles">{"".join(tiles)}</div>'


def home_summary(portfolio: Portfolio, accounts: Sequence[AccountSummary], reader: Reader, as_of: dt.date, dashboard: str) -> str:
    """The key figures for the top of the site's home page (`dashboard`: its path from there), as one HTML block."""
    base = dashboard.rsplit("/", 1)[0] + "/"
    heading = f'<h2 id="kam-at-a-glance"><a href="{escape(dashboard)}">{escape(reader.text("at_a_glance"))} {portfolio.year}</a></h2>'
    return one_block(f'<div class="kam-home">{heading}{key_figures(portfolio, accounts, reader, as_of, base)}</div>')


HEALTHY = 60.0
"""The health score from which a relationship counts as strong in the portfolio matrix."""


def portfolio_matrix(accounts: Sequence[AccountSummary], reader: Reader, tier_a: float) -> str:
    """Every account with both scores as a point: attractiveness (the key-account score, split where tier A begins)
    against relationship health (split at HEALTHY), the four fields named as the strategic-account grid names them."""
    points = [
        (a.name, float(health.value), float(score.value), reader.value(health, note=False), reader.value(score, note=False))
        for a in accounts
        if a.position is not None
        for score, health in [a.position]
        if score.computable and health.computable and reader.sees(score) and reader.sees(health)
    ]
    fields = (reader.text("field_repair"), reader.text("field_grow"), reader.text("field_serve"), reader.text("field_maintain"))
    # the scales close in on the accounts (and the splits), so that accounts close together stand apart
    xs, ys = [p[1] for p in points] + [HEALTHY], [p[2] for p in points] + [tier_a]
    ranges = (
        (max(0, (min(xs) - 10) // 10 * 10), min(100, -(-(max(xs) + 10) // 10) * 10)),
        (max(0, math.floor(min(ys) * 2 - 1) / 2), min(5, math.ceil(max(ys) * 2 + 1) / 2)),
    )
    return charts.matrix(
        reader.text("matrix_title"),
        points,
        ranges,
        (HEALTHY, tier_a),
        fields,
        (reader.label("health"), reader.label("ka_score")),
        (reader.text("account"), reader.text("field")),
        lambda value: reader.number(value, 0 if float(value).is_integer() else 1),
    )


def pareto_chart(shares: Sequence[float], title: str, reader: Reader, limit: float) -> str:
    """Cumulative revenue share over the share of customers, largest first."""
    count = len(shares)
    if count < 2:
        return ""
    points = [(0.0, 0.0)]
    cumulative = 0.0
    for index, share in enumerate(shares, start=1):
        cumulative += share
        points.append((index / count, cumulative))
    marks = [(reader.percent(x), reader.percent(y)) for x, y in points[1 :: max(1, count // 10)]]
    return charts.line(
        title,
        points,
        (0, 1),
        (0, 1),
        marks,
        (reader.text("customers_share"), reader.text("revenue_share")),
        guide=limit,
        x_ticks=[reader.percent(share) for share in (0, 0.25, 0.5, 0.75, 1)],
        y_ticks=[(share, reader.percent(share)) for share in (0, 0.5, 1)],
        guide_label=reader.percent(limit),
    )


def dashboard_page(
    portfolio: Portfolio,
    accounts: Sequence[AccountSummary],
    classification: Classification | None,
    reader: Reader,
    as_of: dt.date,
    problems: Sequence[Problem] = (),
    tier_a: float = 3.5,
) -> PageSource:
    by_id = {a.account: a for a in accounts}
    title = f"{reader.text('dashboard')} {portfolio.year}"
    out = [f"# {title}", ""]
    if problems:
        items = "".join(f"<li>{code(f'{p.file}:{p.line}:{p.column}')} {code(p.rule)} {escape(p.message)}</li>" for p in problems)
        out.append(admonition("failure", reader.text("problems"), f"<p>{escape(reader.text('invalid_intro'))}</p><ul>{items}</ul>"))
    out += [block(key_figures(portfolio, accounts, reader, as_of)), ""]
    out += [f"## {reader.text('portfolio')}", "", _portfolio_table(portfolio, None, reader), ""]
    drawn = portfolio_matrix([a for a in accounts if a.year == portfolio.year], reader, tier_a)
    if drawn:
        out += [f"## {reader.text('matrix')}", "", block(drawn), ""]
    totals = [[escape(column_label(k, reader)), _cell(f, reader)] for k, f in portfolio.totals.items() if reader.sees(f)]
    out += [f"## {reader.text('totals')}", "", table([reader.text("figure"), reader.text("value")], totals, right=(1,)), ""]
    concentration = [[escape(reader.word(k)), _cell(f, reader)] for k, f in portfolio.concentration.items() if reader.sees(f)]
    out += [f"## {reader.text('concentration')}", "", table([reader.text("figure"), reader.text("value")], concentration, right=(1,))]
    if classification is not None:
        chart = pareto_chart([r.share for r in classification.ranked], reader.text("pareto"), reader, classification.limits[0])
    else:
        revenues = sorted(
            (r.cells["revenue"].value for r in portfolio.rows if r.cells["revenue"].computable and reader.sees(r.cells["revenue"])),
            reverse=True,
        )
        chart = pareto_chart([v / sum(revenues) for v in revenues] if revenues else [], reader.text("pareto_accounts"), reader, 0.8)
    out += [block(chart), ""]
    soon = sorted(
        ((e.date, a, e) for a in accounts for e in a.events if 0 <= (e.date - as_of).days <= 90), key=lambda x: (x[0], x[1].account)
    )
    out += [f"## {reader.text('next_90')}", "", _events_table(soon, reader), ""]
    failing = [a for a in accounts if a.failing]
    out += [f"## {reader.text('failing')}", ""]
    out += [f"- {link(a.name, f'{a.account}/index.md')}: " + "; ".join(md(m) for m in a.failing) for a in failing] or [reader.text("none")]
    if portfolio.without_plan:
        out += [
            "",
            f"**{reader.text('without_plan')}:** "
            + ", ".join(link(by_id[a].name, f"{a}/index.md") if a in by_id else md(a) for a in portfolio.without_plan),
        ]
    return PageSource(title, "\n".join(out) + "\n", hide=("navigation", "toc"))


def tier_page(tier: str, portfolio: Portfolio, accounts: Sequence[AccountSummary], reader: Reader) -> PageSource:
    """The accounts of one tier: the nav lists tiers, not accounts, so that every page stays small."""
    members = {a.account for a in accounts if a.tier == tier}
    others = [
        link(a.name, f"{a.account}/index.md") for a in accounts if a.tier == tier and a.account not in {r.account for r in portfolio.rows}
    ]
    title = f"{reader.text('tier')} {tier}"
    out = [f"# {title}", "", _portfolio_table(portfolio, members, reader)]
    if others:
        out += ["", f"**{reader.text('without_plan')}:** " + ", ".join(others)]
    return PageSource(title, "\n".join(out) + "\n", hide=("navigation", "toc"))


def calendar_page(accounts: Sequence[AccountSummary], reader: Reader, as_of: dt.date) -> PageSource:
    events = sorted(((e.date, a, e) for a in accounts for e in a.events if e.date >= as_of), key=lambda x: (x[0], x[1].account))
    out = [
        f"# {reader.text('calendar')}",
        "",
        f"{reader.text('calendar_intro')} [calendar.ics](calendar.ics).",
        "",
        _events_table(events, reader),
    ]
    return PageSource(reader.text("calendar"), "\n".join(out) + "\n")
