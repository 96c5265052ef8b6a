"""The annual review agenda: the six preparation points and the five agenda parts, filled from the plan."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.rules import walk
from kamdocs.figures.assessment import Assessment
from kamdocs.figures.checklists import Condition, parse_path
from kamdocs.figures.derive import year_of
from kamdocs.render.markup import escape, render_markdown
from kamdocs.render.pages.html import html_table, md, one_block, table
from kamdocs.render.pages.plan_view import PlanView
from kamdocs.render.pages.render import PageSource
from kamdocs.view.labels import label
from kamdocs.view.numbers import amount, number, value_text, visible
from kamdocs.view.words import t

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


def _per_category(plan: dict[str, Any], field: str, year: int, language: str, currency: str | None) -> str:
    totals: dict[str, float] = defaultdict(float)
    units: dict[str, str] = {}
    for row in plan.get("sales", []):
        if year_of(row["period"]) == year and field in row:
            totals[row["category"]] += row[field]
            units[row["category"]] = row.get("unit", "")
    shown = [f"{c}: {amount(v, language, currency) if currency else number(v, language) + ' ' + units[c]}" for c, v in totals.items()]
    return "; ".join(shown)


def _leaves(condition: Condition) -> list[Condition]:
    if "all" in condition or "any" in condition:
        return [leaf for child in condition.get("all", condition.get("any", [])) for leaf in _leaves(child)]
    return [condition]


def information_values(
    assessment: Assessment, view: PlanView, secrets: Confidentiality, edition: str, language: str, currency: str
) -> list[list[str]]:
    """The information checklist with each item's value from the plan or the figures."""
    checklist = next((r for r in assessment.checklists if r.checklist.id == "information"), None)
    if checklist is None:
        return []
    last = assessment.year - 1
    special = {
        "sales_volume": lambda: _per_category(view.plan, "volume", last, language, None),
        "revenue": lambda: _per_category(view.plan, "revenue", last, language, currency),
        "returns": lambda: _per_category(view.plan, "returns", last, language, currency),
        "costs": lambda: "; ".join(
            filter(None, (_per_category(view.plan, k, last, language, currency) for k in ("direct_costs", "indirect_costs")))
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
                    figure = assessment.figures[leaf["figure"]]
                    if figure.computable and visible(figure, edition):
                        parts.append(escape(value_text(figure, language, currency)))
                else:
                    path = parse_path(leaf["path"])
                    node = view.node(*(p for p in path if p != "*"))
                    parts += [view.value(node, value) for _, value in walk(view.plan, path) if value not in (None, "", [], {})]
            text = " · ".join(p for p in parts if p)
        leaves = _leaves(item.done)
        hidden = any(
            secrets.covers(parse_path(leaf["path"])) if "path" in leaf else assessment.figures[leaf["figure"]].confidential
            for leaf in leaves
        )
        if not text and hidden and edition != "internal":
            text = f"<em>{escape(t('internal_only', language))}</em>"
        rows.append([escape(item.label[language]), text or f"<em>{escape(t('not_set', language))}</em>"])
    return rows


def agenda_page(assessment: Assessment, view: PlanView, secrets: Confidentiality, edition: str, language: str, currency: str) -> PageSource:
    """Markdown for the agenda; raw HTML only where plan text is rendered (safely) or tables are needed."""
    review = view.plan.get("annual_review", {})
    f = assessment.figures
    out = [f"# {t('agenda', language)}: {md(assessment.name)} · {assessment.year}", ""]
    where = [
        f"**{t('date', language)}:** {md(review.get('date', t('not_set', language)))}",
        f"**{t('place', language)}:** {md(review.get('place', t('not_set', language)))}",
    ]
    alternatives = ", ".join(f"{a['date']} {a.get('place', '')}".strip() for a in review.get("alternatives", []))
    if alternatives:
        where.append(f"**{t('alternatives', language)}:** {md(alternatives)}")
    out += [" · ".join(where), ""]

    out += [f"## {t('preparation', language)}", ""]
    opening = review.get("preparation", {}).get("opening", {})
    earlier = "".join(f"<li>{escape(r['date'])}: {render_markdown(r.get('summary', ''))}</li>" for r in review.get("earlier_reviews", []))
    points = [
        ("retrospective", _text(view, "annual_review", "preparation", "retrospective") + (f"<ul>{earlier}</ul>" if earlier else "")),
        ("goals", _text(view, "annual_review", "preparation", "goals")),
        ("topic_plan", _text(view, "annual_review", "preparation", "topic_plan")),
        ("date_and_place", _paragraph(" · ".join(filter(None, (review.get("date"), review.get("place"), alternatives))))),
        ("opening", view.mapping(view.node("annual_review", "preparation", "opening"), opening) if opening else ""),
        ("presentation_folder", _text(view, "annual_review", "preparation", "presentation_folder")),
    ]
    preparation = next((r for r in assessment.checklists if r.checklist.id == "preparation"), None)
    titles = {i.item.id: i.item.label[language] for i in preparation.items} if preparation else {}
    for number_, (key, body) in enumerate(points, start=1):
        out += [f"### {number_}. {md(titles.get(key, key))}", _html(body) or f"*{t('not_set', language)}*", ""]

    out += [f"## {t('agenda_parts', language)}", ""]
    agenda = review.get("agenda", {})
    parts = view.node("annual_review", "agenda").get("properties", {})
    done = [a for a in view.plan.get("actions", []) if a["status"] == "done"]
    open_ = [a for a in view.plan.get("actions", []) if a["status"] != "done"]
    for number_, key in enumerate(("status", "planned_activities", "cooperation_proposals", "conditions", "future_topics"), start=1):
        out += [f"### {number_}. {md(view.label(parts.get(key, {}), key))}", ""]
        if key == "conditions" and key not in agenda and edition != "internal":
            out += [f"*{t('internal_only', language)}*", ""]
            continue
        out.append(_html(render_markdown(agenda[key]) if agenda.get(key) else ""))
        if key == "status":
            rows = [
                [escape(label(k, language)), escape(value_text(f[k], language, currency))]
                for k in STATUS_FIGURES
                if f[k].computable and visible(f[k], edition)
            ]
            out.append(table([t("figure", language), t("value", language)], rows, right=(1,)))
            out += [
                f"**{t('done_measures', language)}:** " + (", ".join(md(a["title"]) for a in done) or t("none", language)),
                "",
                f"**{t('open_measures', language)}:** "
                + (", ".join(f"{md(a['title'])} ({md(a['status'])})" for a in open_) or t("none", language)),
                "",
            ]
        if key == "planned_activities":
            opportunities = view.plan.get("potential", {}).get("opportunities", [])
            live = [o for o in opportunities if o.get("stage") not in ("won", "lost")]
            if live:
                out += [f"**{t('opportunities', language)}:** " + ", ".join(md(o["title"]) for o in live), ""]
    out += [
        f"## {t('information', language)}",
        "",
        _html(
            html_table(
                [t("item", language), t("value", language)],
                information_values(assessment, view, secrets, edition, language, currency),
                "kam-table",
            )
        ),
    ]
    return PageSource(f"{t('agenda', language)}: {assessment.name} {assessment.year}", "\n".join(out), searchable=False)
