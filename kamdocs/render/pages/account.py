"""An account's plan page: every section readable, figures with history, checklists, alerts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from kamdocs.core.dates import day
from kamdocs.render.markup import escape, render_inline
from kamdocs.render.pages import charts
from kamdocs.render.pages.html import block, html_link, html_table, table
from kamdocs.render.pages.plan_view import PlanView
from kamdocs.render.pages.render import PageSource, admonition
from kamdocs.view.account import AccountView
from kamdocs.view.reader import Reader

SPECIAL = ("kamdocs", "contacts", "actions", "milestones", "risks", "contract")
ROLE_ORDER = ("decision_maker", "champion", "influencer", "gatekeeper", "user", "opponent")


def revenue_chart(view: AccountView, reader: Reader) -> str:
    if not view.revenue_by_year:
        return ""
    years, values = zip(*view.revenue_by_year, strict=True)
    return charts.bars(
        reader.text("revenue_by_year"),
        [str(y) for y in years],
        list(values),
        [reader.amount(v) for v in values],
        (reader.text("year"), reader.label("revenue")),
    )


def nps_chart(view: AccountView, reader: Reader) -> str:
    """NPS by year on a scale that closes in on the values (in steps of ten, zero always shown): a change of a few
    points is a change one sees, not a flat line on −100…100."""
    points = list(view.nps_by_year)
    if len(points) < 2:
        return ""
    years = [p[0] for p in points]
    values = [p[1] for p in points]
    low = max(-100, min(0, math.floor(min(values) / 10) * 10 - 10))
    high = min(100, max(0, math.ceil(max(values) / 10) * 10 + 10))
    return charts.line(
        reader.text("nps_history"),
        points,
        (min(years), max(years)),
        (low, high),
        [(str(y), reader.number(v, 1)) for y, v in points],
        (reader.text("year"), "NPS"),
        guide=0,
        x_ticks=[str(y) for y in range(min(years), max(years) + 1)],
        y_ticks=[(v, reader.number(v)) for v in sorted({low, 0, high})],
    )


def forecast_chart(view: AccountView, reader: Reader) -> str:
    if not view.shows("forecast"):
        return ""
    f = view.figures
    detail = f["forecast"].detail
    # a missing secured base is no bar of 0: it is left out
    secured = [] if detail["committed"] is None else [(reader.text("committed"), detail["committed"], reader.amount(detail["committed"]))]
    parts = [*secured, (reader.text("weighted"), detail["weighted_pipeline"], reader.amount(detail["weighted_pipeline"]))]
    marks = [
        (reader.text(key), f[fig].value, reader.amount(f[fig].value))
        for key, fig in (("worst", "forecast_worst"), ("best", "forecast_best"))
    ]
    if view.shows("revenue"):
        marks.append((reader.label("revenue"), f["revenue"].value, reader.amount(f["revenue"].value)))
    return charts.stacked(reader.text("forecast_composition"), parts, marks, (reader.text("figure"), reader.text("value")))


def completeness_chart(view: AccountView, reader: Reader) -> str:
    return charts.hbars(
        reader.text("completeness"),
        [c.label for c in view.checklists],
        [c.completeness for c in view.checklists],
        [reader.percent(c.completeness) for c in view.checklists],
        (reader.text("checklists"), reader.text("completeness")),
    )


def figures_table(view: AccountView, reader: Reader) -> str:
    return table(
        [reader.text("figure"), reader.text("value")], [[escape(line.label), escape(line.text)] for line in view.lines], right=(1,)
    )


def checklists_section(view: AccountView, reader: Reader) -> str:
    missing = [
        f"<li><strong>{escape(c.label)}</strong> / {escape(m.label)}: "
        + "; ".join(f'<span title="{escape(path)}">{escape(words)}</span>' for words, path in zip(m.fill_in, m.paths, strict=True))
        + "</li>"
        for c in view.checklists
        for m in c.missing
    ]
    listed = (
        f'<details class="kam-fold" data-search-exclude><summary>{escape(reader.text("missing"))} ({len(missing)})</summary><ul>{"".join(missing)}</ul></details>'
        if missing
        else ""
    )
    return block(completeness_chart(view, reader)) + listed


def alerts_section(view: AccountView, reader: Reader) -> str:
    items = "".join(f'<li title="{escape(a.path)}">{escape(a.message)}</li>' for a in view.alerts)
    return f"<ul>{items}</ul>" if items else none(reader)


def none(reader: Reader) -> str:
    return f"<p>{escape(reader.text('none'))}</p>"


def stakeholders(plan: PlanView, view: AccountView, reader: Reader) -> str:
    """The relationship map: a lane per buying role, a card per contact with our owner of the relationship (and,
    where the edition shows them, influence, attitude and notes); a warning where one person carries it all."""
    contacts = plan.plan.get("contacts", [])
    if not contacts:
        return none(reader)
    role_node = plan.reader.resolved(plan.node("contacts", "buying_roles").get("items", {}))
    roles = role_node.get("enum", ROLE_ORDER)
    lanes = []
    for role in sorted(roles, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else 99):
        people = [c for c in contacts if role in c["buying_roles"]]  # a person with several roles appears under each
        if not people:
            continue
        cards = "".join(_card(c, plan, reader) for c in people)
        lanes.append(f'<div class="kam-lane"><h4>{escape(reader.enum(role_node, role))}</h4>{cards}</div>')
    warning = ""
    single = view.figures.get("single_threaded")
    if single is not None and single.computable and single.value:
        warning = admonition("warning", reader.label("single_threaded"), f"<p>{escape(reader.reason(single.detail))}</p>")
    return warning + block(f'<div class="kam-map">{"".join(lanes)}</div>') + influence_grid(plan, reader)


def influence_grid(plan: PlanView, reader: Reader) -> str:
    """The active contacts placed by influence (rows, high first) against attitude (columns, critics first), each
    with our owner of the relationship. Only where the edition shows both: the shared edition leaves them out."""
    placed = [c for c in plan.plan.get("contacts", []) if "influence" in c and "attitude" in c and not c.get("left_on")]
    if not placed:
        return ""
    attitude_node = plan.node("contacts", "attitude")
    influence_node = plan.node("contacts", "influence")
    attitudes = list(reversed(plan.reader.resolved(attitude_node).get("enum", [])))
    owner_node = plan.node("contacts", "owner")

    def person(contact: dict[str, Any]) -> str:
        owner = (
            f'<br><span class="kam-card-position">{escape(plan.label(owner_node, "owner"))}: {plan.value(owner_node, contact["owner"])}</span>'
            if "owner" in contact
            else ""
        )
        return f"<li><strong>{escape(contact['name'])}</strong>{owner}</li>"

    rows = []
    for level in range(int(plan.reader.resolved(influence_node).get("maximum", 5)), 0, -1):
        cells = ["".join(person(c) for c in placed if c["influence"] == level and c["attitude"] == a) for a in attitudes]
        rows.append(
            [f"<strong>{escape(reader.number(level))}</strong>", *(f'<ul class="kam-grid-people">{c}</ul>' if c else "" for c in cells)]
        )
    corner = f"{plan.label(influence_node, 'influence')} ↓ · {plan.label(attitude_node, 'attitude')} →"
    headers = [corner, *(reader.enum(attitude_node, a) for a in attitudes)]
    title = reader.text("influence_grid")
    return block(f'<h3 id="kam-influence-grid">{escape(title)}</h3>') + block(html_table(headers, rows, "kam-table kam-influence"))


def _card(contact: dict[str, Any], plan: PlanView, reader: Reader) -> str:
    left = f" <em>({escape(reader.text('left'))} {escape(reader.date(contact['left_on']))})</em>" if contact.get("left_on") else ""
    lines = [f"<strong>{escape(contact['name'])}</strong>{left}"]
    if "position" in contact:
        lines.append(f'<span class="kam-card-position">{plan.value(plan.node("contacts", "position"), contact["position"])}</span>')
    badges = [
        f'<span class="kam-badge">{escape(plan.label(plan.node("contacts", k), k))}: {plan.value(plan.node("contacts", k), contact[k])}</span>'
        for k in ("influence", "attitude")
        if k in contact
    ]
    if badges:
        lines.append(" ".join(badges))
    if "owner" in contact:
        lines.append(
            f"{escape(plan.label(plan.node('contacts', 'owner'), 'owner'))}: {plan.value(plan.node('contacts', 'owner'), contact['owner'])}"
        )
    if contact.get("notes"):
        lines.append(f'<span class="kam-card-notes">{plan.value(plan.node("contacts", "notes"), contact["notes"])}</span>')
    gone = " kam-card-left" if contact.get("left_on") else ""
    return f'<div class="kam-card{gone}">{"<br>".join(lines)}</div>'


def action_timeline(plan: PlanView, reader: Reader) -> str:
    actions = plan.plan.get("actions", [])
    milestones = [
        {"title": m["title"], "due": m["due"], "status": "reached" if "reached_on" in m else "milestone", "milestone": True}
        for m in plan.plan.get("milestones", [])
    ]
    items = sorted([*actions, *milestones], key=lambda a: str(day(a["due"])) if "due" in a else "9999")
    if not items:
        return none(reader)
    status_node = plan.node("actions", "status")
    rows = []
    for item in items:
        status = item["status"]
        shown = reader.text(status) if item.get("milestone") else reader.enum(status_node, status)
        owner = plan.value(plan.node("actions", "owner"), item["owner"]) if "owner" in item else ""
        marker = "◆ " if item.get("milestone") else ""
        due = f'<time datetime="{escape(item["due"])}">{escape(reader.date(item["due"]))}</time> ' if item.get("due") else ""
        rows.append(
            f'<li class="kam-{escape(status)}">{due}{marker}'
            f'<strong>{render_inline(item["title"])}</strong> <span class="kam-badge">{escape(shown)}</span> {owner}</li>'
        )
    return block(f'<ol class="kam-timeline">{"".join(rows)}</ol>')


def risks_section(plan: PlanView, reader: Reader) -> str:
    risks = plan.plan.get("risks", [])
    if not risks:
        return none(reader)
    node = plan.node("risks", "status")
    rows = [
        [
            render_inline(r["title"]),
            escape(reader.enum(node, r["status"])),
            escape(reader.percent(r["probability"])) if "probability" in r else "",
            escape(reader.amount(r["impact"])) if "impact" in r else "",
            escape(reader.amount(r["probability"] * r["impact"])) if "probability" in r and "impact" in r else "",
            plan.value(plan.node("risks", "retention_measures"), r.get("retention_measures", [])),
        ]
        for r in sorted(risks, key=lambda r: -(r.get("probability", 0) * r.get("impact", 0)))
    ]
    headers = [plan.label(plan.node("risks", k), k) for k in ("title", "status", "probability", "impact")]
    return block(
        html_table([*headers, reader.text("exposure"), plan.label(plan.node("risks", "retention_measures"), "")], rows, "kam-table")
    )


def contract_section(plan: PlanView, view: AccountView, reader: Reader) -> str:
    extra = [
        f"<strong>{escape(line.label)}:</strong> {escape(line.text)}"
        for line in view.lines
        if line.key in ("notice_deadline", "days_to_notice") and line.figure.computable
    ]
    return (f"<p>{'<br>'.join(extra)}</p>" if extra else "") + block(plan.section("contract"))


def whitespace_matrix(plan: PlanView, view: AccountView, reader: Reader) -> str:
    """Buying units down, offerings across, each cell coloured by its status and saying it in words (colour alone
    says nothing to a screen reader or on a grey printout), with its potential per year where the plan states it."""
    cells = {(c["buying_unit"], c["offering"]): c for c in plan.plan.get("whitespace", [])}
    units = list(dict.fromkeys(unit for unit, _ in cells))
    offerings = list(dict.fromkeys(offering for _, offering in cells))
    unit_node = plan.node("whitespace", "buying_unit")
    rows = [[plan.value(unit_node, unit), *(_whitespace_cell(cells.get((unit, o)), plan, reader) for o in offerings)] for unit in units]
    table = block(html_table([plan.label(unit_node, "buying_unit"), *offerings], rows, "kam-table kam-whitespace"))
    if not any("potential" in cell for cell in cells.values()):
        return table
    label = plan.label(plan.node("whitespace", "potential"), "potential")
    total = (
        f" · {escape(reader.label('whitespace_potential'))}: <strong>{escape(reader.value(view.figures['whitespace_potential']))}</strong>"
        if view.shows("whitespace_potential")
        else ""
    )
    return table + block(f'<p class="kam-ws-note"><span class="kam-ws-potential">+ …</span> {escape(label)}{total}</p>')


def _whitespace_cell(cell: dict[str, Any] | None, plan: PlanView, reader: Reader) -> str:
    if cell is None:
        return ""
    status = f'<span class="kam-ws kam-ws-{escape(cell["status"])}">{escape(reader.enum(plan.node("whitespace", "status"), cell["status"]))}</span>'
    if "potential" not in cell:
        return status
    label = plan.label(plan.node("whitespace", "potential"), "potential")
    amount = escape(reader.amount(cell["potential"]))
    return f'{status}<br><span class="kam-ws-potential"><span class="kam-sr-only">{escape(label)}: </span>+{amount}</span>'


def summary_tiles(view: AccountView, reader: Reader) -> str:
    """The account at a glance, before anything else: tier, revenue, forecast and its difference, completeness,
    the next deadline; only what the edition shows (the exact amounts, not compact: one account has the room)."""
    f = view.figures
    tiles = []
    if view.shows("tier"):
        tiles.append(tile(reader.label("tier"), escape(str(f["tier"].value))))
    if view.shows("revenue"):
        tiles.append(tile(reader.label("revenue"), escape(reader.amount(f["revenue"].value))))
    if view.shows("forecast"):
        note = ""
        if view.shows("revenue") and f["revenue"].value:
            change = f["forecast"].value / f["revenue"].value - 1
            note = escape(reader.say("{change} against last year").format(change=("+" if change > 0 else "") + reader.percent(change)))
        tiles.append(tile(reader.label("forecast"), escape(reader.amount(f["forecast"].value)), note))
    if view.shows("health"):
        tiles.append(tile(reader.label("health"), escape(reader.value(f["health"], note=False))))
    tiles.append(tile(reader.text("completeness"), escape(reader.percent(view.completeness))))
    upcoming = [d for d in view.deadlines if d.date >= view.as_of]
    if upcoming:
        first = upcoming[0]
        tiles.append(
            tile(
                reader.word("next_deadline"),
                f"<time>{escape(reader.date(first.date))}</time>",
                escape(f"{first.kind_label}: {first.title}"),
            )
        )
    return f'<div class="kam-tiles">{"".join(tiles)}</div>'


def tile(label: str, value: str, note: str = "") -> str:
    extra = f'<span class="kam-tile-note">{note}</span>' if note else ""
    return (
        f'<div class="kam-tile"><span class="kam-tile-label">{escape(label)}</span><span class="kam-tile-value">{value}</span>{extra}</div>'
    )


def folded(body: str, reader: Reader) -> str:
    """A long section, folded: opens with a click, without JavaScript; printed open (kamdocs.css, kamdocs.js)."""
    return f'<details class="kam-fold"><summary>{escape(reader.text("show_section"))}</summary>{body}</details>'


def account_page(history: Sequence[AccountView], reader: Reader, links: Sequence[tuple[str, str]]) -> PageSource:
    """The page of the last plan in `history`; `links` are (text, target) to the account's other pages. Summary
    first: the figures at a glance, the alerts, then the sections; the rest of the plan folded."""
    view = history[-1]
    plan = PlanView(view.plan, reader)
    meta = [f"<strong>{escape(reader.text('owner'))}:</strong> {escape(view.plan['plan']['owner'])}"]
    if "deputy" in view.plan["plan"]:
        meta.append(f"<strong>{escape(reader.text('deputy'))}:</strong> {escape(view.plan['plan']['deputy'])}")
    meta.append(
        f"<strong>{escape(reader.text('status'))}:</strong> {escape(reader.enum(reader.node('plan', 'status'), view.plan['plan']['status']))}"
    )
    if "last_reviewed" in view.plan["plan"]:
        meta.append(f"<strong>{escape(reader.text('last_reviewed'))}:</strong> {escape(reader.date(view.plan['plan']['last_reviewed']))}")
    crumbs = f'<p class="kam-crumbs">{html_link(reader.text("dashboard"), "../index.md")} ›</p>'
    out = [crumbs, f"<h1>{escape(view.name)} · {view.year}</h1>", f"<p>{' · '.join(meta)}</p>"]
    if links:
        out.append(f"<p>{' · '.join(html_link(text, target) for text, target in links)}</p>")
    out.append(summary_tiles(view, reader))
    if view.forecast_sentence:
        out.append(admonition("abstract", reader.text("forecast"), f"<p>{escape(view.forecast_sentence)}</p>"))
    drawn = revenue_chart(view, reader) + forecast_chart(view, reader) + nps_chart(view, reader)
    sections = [
        (reader.text("alerts"), alerts_section(view, reader)),
        (reader.text("figures"), block(drawn) + figures_table(view, reader)),
        (reader.text("checklists"), checklists_section(view, reader)),
        (reader.text("stakeholders"), stakeholders(plan, view, reader)),
        (reader.text("action_plan"), action_timeline(plan, reader)),
        (reader.text("risks"), risks_section(plan, reader)),
        (reader.text("contract"), contract_section(plan, view, reader)),
    ]
    for key in reader.schema["properties"]:
        if key in SPECIAL or key not in view.plan:
            continue
        if key == "whitespace":
            sections.append((plan.label(plan.node(key), key), whitespace_matrix(plan, view, reader)))
            continue
        body = plan.section(key)
        if body:
            sections.append((plan.label(plan.node(key), key), block(folded(body, reader))))
    out += [f"<h2>{escape(heading)}</h2>\n{body}" for heading, body in sections]
    latest = not links or links[0][1] != "index.md"
    # the site navigation gives way to the wide tables of a plan; the page's own contents stay on the right
    return PageSource(
        view.name if latest else f"{view.name} {view.year}", "\n".join(out), searchable=latest, is_html=True, hide=("navigation",)
    )
