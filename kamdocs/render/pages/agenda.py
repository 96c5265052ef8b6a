"""The annual review agenda: the six preparation points and the five agenda parts, filled from the plan."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kamdocs.core.rules import walk
from kamdocs.figures.checklists import Condition, parse_path
from kamdocs.figures.derive import year_of
from kamdocs.render.markup import escape, render_markdown
from kamdocs.render.pages.html import html_table, md, one_block, table
from kamdocs.render.pages.plan_view import PlanView
from kamdocs.render.pages.render import PageSource
from kamdocs.view.account import AccountView
from kamdocs.view.reader import Reader

STATUS_FIGURES = ("revenue", "revenue_growth", "share_of_wallet", "forecast", "nps", "csat", "actions_done", "milestones_reached")


def _text(view: PlanView, *path: str) -> str:
    value: Any = view.plan
    for part in path:
        value = value.get(part, {}) if isinstance(value, dict) else {}
    return render_markdown(value) if isinstance(value, str) and value else ""


def _paragraph(text: str) -> str:
    """Plain text as HTML of its own: bare, it would be read as Markdown (a relative link would break the build)."""
    return f"<p>{escape(text)}</p>" if text else ""


def _html(content: str) -> str:
    return "\n\n" + one_block(content).strip() + "\n\n" if content else ""


def _per_category(plan: dict[str, Any], field: str, year: int, reader: Reader, money: bool) -> str:
    totals: dict[str, float] = defaultdict(float)
    units: dict[str, str] = {}
    for row in plan.get("sales", []):
        if year_of(row["period"]) == year and field in row:
            totals[row["category"]] += row[field]
            units[row["category"]] = row.get("unit", "")
    shown = [f"{c}: {reader.amount(v) if money else reader.number(v) + ' ' + units[c]}" for c, v in totals.items()]
    return "; ".join(shown)


def _leaves(condition: Condition) -> list[Condition]:
    if "all" in condition or "any" in condition:
        return [leaf for child in condition.get("all", condition.get("any", [])) for leaf in _leaves(child)]
    return [condition]


def information_values(account: AccountView, view: PlanView, reader: Reader) -> list[list[str]]:
    """The information checklist with each item's value from the plan or the figures the edition may show."""
    checklist = next((r for r in account.results if r.checklist.id == "information"), None)
    if checklist is None:
        return []
    last = account.year - 1
    special = {
        "sales_volume": lambda: _per_category(view.plan, "volume", last, reader, False),
        "revenue": lambda: _per_category(view.plan, "revenue", last, reader, True),
        "returns": lambda: _per_category(view.plan, "returns", last, reader, True),
        "costs": lambda: "; ".join(
            filter(None, (_per_category(view.plan, k, last, reader, True) for k in ("direct_costs", "indirect_costs")))
        ),
    }
    rows = []
    for result in checklist.items:
        item = result.item
        if item.id in special:
            text = escape(special[item.id]())
        else:
            parts = []
            for leaf in _leaves(item.done):
                if "figure" in leaf:
                    if account.shows(leaf["figure"]):
                        parts.append(escape(reader.value(account.figures[leaf["figure"]])))
                else:
                    path = parse_path(leaf["path"])
                    node = view.node(*(p for p in path if p != "*"))
                    parts += [view.brief(node, value) for _, value in walk(view.plan, path) if value not in (None, "", [], {})]
            text = " · ".join(p for p in parts if p)
        hidden = any(
            not reader.sees_path(parse_path(leaf["path"])) if "path" in leaf else leaf["figure"] not in account.figures
            for leaf in _leaves(item.done)
        )
        if not text and hidden:
            text = f"<em>{escape(reader.text('internal_only'))}</em>"
        rows.append([escape(reader.own(item.label)), text or f"<em>{escape(reader.text('not_set'))}</em>"])
    return rows


def agenda_page(account: AccountView, reader: Reader) -> PageSource:
    """Markdown for the agenda; raw HTML only where plan text is rendered (safely) or tables are needed."""
    view = PlanView(account.plan, reader)
    review = view.plan.get("annual_review", {})
    f = account.figures
    out = [f"# {reader.text('agenda')}: {md(account.name)} · {account.year}", ""]
    where = [
        f"**{reader.text('date')}:** {md(reader.date(review['date']) if review.get('date') else reader.text('not_set'))}",
        f"**{reader.text('place')}:** {md(review.get('place', reader.text('not_set')))}",
    ]
    alternatives = ", ".join(f"{reader.date(a['date'])} {a.get('place', '')}".strip() for a in review.get("alternatives", []))
    if alternatives:
        where.append(f"**{reader.text('alternatives')}:** {md(alternatives)}")
    out += [" · ".join(where), ""]

    out += [f"## {reader.text('preparation')}", ""]
    opening = review.get("preparation", {}).get("opening", {})
    earlier = "".join(
        f"<li>{escape(reader.date(r['date']))}: {render_markdown(r.get('summary', ''))}</li>" for r in review.get("earlier_reviews", [])
    )
    points = [
        ("retrospective", _text(view, "annual_review", "preparation", "retrospective") + (f"<ul>{earlier}</ul>" if earlier else "")),
        ("goals", _text(view, "annual_review", "preparation", "goals")),
        ("topic_plan", _text(view, "annual_review", "preparation", "topic_plan")),
        (
            "date_and_place",
            _paragraph(" · ".join(filter(None, (review.get("date") and reader.date(review["date"]), review.get("place"), alternatives)))),
        ),
        ("opening", view.mapping(view.node("annual_review", "preparation", "opening"), opening) if opening else ""),
        ("presentation_folder", _text(view, "annual_review", "preparation", "presentation_folder")),
    ]
    preparation = next((r for r in account.results if r.checklist.id == "preparation"), None)
    titles = {i.item.id: reader.own(i.item.label) for i in preparation.items} if preparation else {}
    for number_, (key, body) in enumerate(points, start=1):
        out += [f"### {number_}. {md(titles.get(key, key))}", _html(body) or f"*{reader.text('not_set')}*", ""]

    out += [f"## {reader.text('agenda_parts')}", ""]
    agenda = review.get("agenda", {})
    parts = view.node("annual_review", "agenda").get("properties", {})
    done = [a for a in view.plan.get("actions", []) if a["status"] == "done"]
    open_ = [a for a in view.plan.get("actions", []) if a["status"] != "done"]
    for number_, key in enumerate(("status", "planned_activities", "cooperation_proposals", "conditions", "future_topics"), start=1):
        out += [f"### {number_}. {md(view.label(parts.get(key, {}), key))}", ""]
        if key == "conditions" and key not in agenda and not reader.sees_path(("annual_review", "agenda", "conditions")):
            out += [f"*{reader.text('internal_only')}*", ""]
            continue
        out.append(_html(render_markdown(agenda[key]) if agenda.get(key) else ""))
        if key == "status":
            rows = [[escape(reader.label(k)), escape(reader.value(f[k]))] for k in STATUS_FIGURES if account.shows(k)]
            out.append(table([reader.text("figure"), reader.text("value")], rows, right=(1,)))
            out += [
                f"**{reader.text('done_measures')}:** " + (", ".join(md(a["title"]) for a in done) or reader.text("none")),
                "",
                f"**{reader.text('open_measures')}:** "
                + (
                    ", ".join(f"{md(a['title'])} ({md(reader.enum(reader.node('actions', 'status'), a['status']))})" for a in open_)
                    or reader.text("none")
                ),
                "",
            ]
        if key == "planned_activities":
            opportunities = view.plan.get("potential", {}).get("opportunities", [])
            live = [o for o in opportunities if o.get("stage") not in ("won", "lost")]
            if live:
                out += [f"**{reader.text('opportunities')}:** " + ", ".join(md(o["title"]) for o in live), ""]
    out += [
        f"## {reader.text('information')}",
        "",
        _html(
            html_table(
                [reader.text("item"), reader.text("value")],
                information_values(account, view, reader),
                "kam-table",
            )
        ),
    ]
    return PageSource(f"{reader.text('agenda')}: {account.name} {account.year}", "\n".join(out), searchable=False)
