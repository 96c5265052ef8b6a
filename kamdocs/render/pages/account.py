"""An account's plan page: every section readable, figures with history, checklists, alerts."""

from __future__ import annotations

from collections.abc import Sequence

from kamdocs.core.dates import day
from kamdocs.figures.assessment import Assessment
from kamdocs.figures.derive import sales_by_year
from kamdocs.render.markup import escape, render_inline
from kamdocs.render.pages import charts
from kamdocs.render.pages.html import block, code, html_link, html_table, table
from kamdocs.render.pages.plan_view import PlanView
from kamdocs.render.pages.render import PageSource, admonition
from kamdocs.view.forecast import forecast_sentence
from kamdocs.view.labels import label, reason_text
from kamdocs.view.numbers import amount, number, percent, value_text, visible
from kamdocs.view.words import t

SPECIAL = ("kamdocs", "contacts", "actions", "milestones", "risks", "contract")
ROLE_ORDER = (
    "decision_maker",
    "economic_buyer",
    "champion",
    "coach",
    "technical_evaluator",
    "influencer",
    "buyer",
    "gatekeeper",
    "user",
    "opponent",
    "blocker",
)


def revenue_chart(history: Sequence[Assessment], language: str, currency: str) -> str:
    series = sales_by_year([a.document.data for a in history], "revenue")
    years = sorted(y for y in series if y < history[-1].year)
    values = [sum(series[y].values()) for y in years]
    return charts.bars(
        t("revenue_by_year", language),
        [str(y) for y in years],
        values,
        [amount(v, language, currency) for v in values],
        (t("year", language), label("revenue", language)),
    )


def nps_chart(history: Sequence[Assessment], language: str) -> str:
    points = [(a.year, a.figures["nps"].value) for a in history if a.figures["nps"].computable]
    if len(points) < 2:
        return ""
    years = [p[0] for p in points]
    return charts.line(
        t("nps_history", language),
        points,
        (min(years), max(years)),
        (-100, 100),
        [(str(y), number(v, language, 1)) for y, v in points],
        (t("year", language), "NPS"),
        guide=0,
        x_ticks=[str(y) for y in range(min(years), max(years) + 1)],
    )


def forecast_chart(assessment: Assessment, language: str, currency: str) -> str:
    f = assessment.figures
    if not f["forecast"].computable:
        return ""
    detail = f["forecast"].detail
    parts = [
        (t("committed", language), detail["committed"], amount(detail["committed"], language, currency)),
        (t("weighted", language), detail["weighted_pipeline"], amount(detail["weighted_pipeline"], language, currency)),
    ]
    parts = [part for part in parts if part[1] is not None]  # nothing secured recorded: no bar, never a 0
    marks = [
        (t(key, language), f[fig].value, amount(f[fig].value, language, currency))
        for key, fig in (("worst", "forecast_worst"), ("best", "forecast_best"))
    ]
    if f["revenue"].computable:
        marks.append((label("revenue", language), f["revenue"].value, amount(f["revenue"].value, language, currency)))
    return charts.stacked(t("forecast_composition", language), parts, marks, (t("figure", language), t("value", language)))


def completeness_chart(assessment: Assessment, language: str) -> str:
    results = assessment.checklists
    return charts.hbars(
        t("completeness", language),
        [r.checklist.label[language] for r in results],
        [r.completeness for r in results],
        [percent(r.completeness, language) for r in results],
        (t("checklists", language), t("completeness", language)),
    )


def figures_table(assessment: Assessment, edition: str, language: str, currency: str) -> str:
    rows = [
        [escape(label(k, language)), escape(value_text(f, language, currency))]
        for k, f in assessment.figures.items()
        if visible(f, edition)
    ]
    return table([t("figure", language), t("value", language)], rows, right=(1,))


def checklists_section(assessment: Assessment, language: str) -> str:
    missing = [
        f"<li><strong>{escape(r.checklist.label[language])}</strong> / {escape(i.item.label[language])}: "
        + "; ".join(code(reason_text(m, language)) for m in i.missing)
        + "</li>"
        for r in assessment.checklists
        for i in r.items
        if not i.done
    ]
    listed = f"<p><strong>{escape(t('missing', language))}:</strong></p><ul>{''.join(missing)}</ul>" if missing else ""
    return block(completeness_chart(assessment, language)) + listed


def alerts_section(assessment: Assessment, edition: str, language: str) -> str:
    shown = [a for a in assessment.alerts if edition == "internal" or not a.confidential]
    return f"<ul>{''.join(f'<li>{code(a.gate)} {escape(a.message)}</li>' for a in shown)}</ul>" if shown else none(language)


def none(language: str) -> str:
    return f"<p>{escape(t('none', language))}</p>"


def stakeholders(view: PlanView, language: str) -> str:
    contacts = view.plan.get("contacts", [])
    if not contacts:
        return none(language)
    role_node = view.node("contacts", "buying_roles").get("items", {})
    roles = role_node.get("enum", ROLE_ORDER)
    out = []
    for role in sorted(roles, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else 99):
        people = [c for c in contacts if role in c["buying_roles"]]  # a person with several roles appears under each
        if not people:
            continue
        rows = [
            [
                escape(c["name"]) + (f" <em>({escape(t('left', language))} {escape(c['left_on'])})</em>" if c.get("left_on") else ""),
                escape(c.get("position", "")),
                escape(c.get("influence", "")),
                escape(c.get("attitude", "")),
                view.value(view.node("contacts", "owner"), c["owner"]) if "owner" in c else "",
                view.value(view.node("contacts", "notes"), c["notes"]) if "notes" in c else "",
            ]
            for c in people
        ]
        out.append(
            f"<h4>{escape(view.value(role_node, role).replace('_', ' '))}</h4>"
            + html_table(
                [
                    t("contact", language),
                    t("position", language),
                    t("influence", language),
                    t("attitude", language),
                    t("relationship_owner", language),
                    view.label(view.node("contacts", "notes"), "notes"),
                ],
                rows,
                "kam-table",
            )
        )
    return block("".join(out))


def action_timeline(view: PlanView, language: str) -> str:
    actions = view.plan.get("actions", [])
    milestones = [
        {"title": m["title"], "due": m["due"], "status": "reached" if "reached_on" in m else "milestone", "milestone": True}
        for m in view.plan.get("milestones", [])
    ]
    # a quarter (2026-Q3) sorts as its last day
    items = sorted([*actions, *milestones], key=lambda a: str(day(a["due"])) if "due" in a else "9999")
    if not items:
        return none(language)
    rows = []
    for item in items:
        status = item["status"]
        owner = view.value(view.node("actions", "owner"), item["owner"]) if "owner" in item else ""
        marker = "◆ " if item.get("milestone") else ""
        rows.append(
            f'<li class="kam-{escape(status)}"><time>{escape(item.get("due", ""))}</time> {marker}'
            f'<strong>{render_inline(item["title"])}</strong> <span class="kam-badge">{escape(status)}</span> {owner}</li>'
        )
    return block(f'<ol class="kam-timeline">{"".join(rows)}</ol>')


def risks_section(view: PlanView, language: str, currency: str) -> str:
    risks = view.plan.get("risks", [])
    if not risks:
        return none(language)
    rows = [
        [
            render_inline(r["title"]),
            escape(r["status"]),
            escape(percent(r["probability"], language)) if "probability" in r else "",
            escape(amount(r["impact"], language, currency)) if "impact" in r else "",
            escape(amount(r["probability"] * r["impact"], language, currency)) if "probability" in r and "impact" in r else "",
            view.value(view.node("risks", "retention_measures"), r.get("retention_measures", [])),
        ]
        for r in sorted(risks, key=lambda r: -(r.get("probability", 0) * r.get("impact", 0)))
    ]
    headers = [view.label(view.node("risks", k), k) for k in ("title", "status", "probability", "impact")]
    return block(
        html_table([*headers, t("exposure", language), view.label(view.node("risks", "retention_measures"), "")], rows, "kam-table")
    )


def contract_section(view: PlanView, assessment: Assessment, language: str, currency: str) -> str:
    f = assessment.figures
    extra = [
        f"<strong>{escape(label(k, language))}:</strong> {escape(value_text(f[k], language, currency))}"
        for k in ("notice_deadline", "days_to_notice")
        if f[k].computable
    ]
    return (f"<p>{'<br>'.join(extra)}</p>" if extra else "") + block(view.section("contract"))


def account_page(
    history: Sequence[Assessment], view: PlanView, edition: str, language: str, currency: str, links: Sequence[tuple[str, str]]
) -> PageSource:
    """The page of the last plan in `history`; `links` are (text, target) to the account's other pages."""
    assessment = history[-1]
    plan = view.plan
    meta = [f"<strong>{escape(t('owner', language))}:</strong> {escape(plan['plan']['owner'])}"]
    for key in ("deputy", "status", "last_reviewed"):
        if key in plan["plan"]:
            meta.append(f"<strong>{escape(t(key, language))}:</strong> {escape(plan['plan'][key])}")
    out = [f"<h1>{escape(assessment.name)} · {assessment.year}</h1>", f"<p>{' · '.join(meta)}</p>"]
    if links:
        out.append(f"<p>{' · '.join(html_link(text, target) for text, target in links)}</p>")
    out.append(admonition("abstract", t("forecast", language), f"<p>{escape(forecast_sentence(assessment, language, currency))}</p>"))
    charts_ = revenue_chart(history, language, currency) + forecast_chart(assessment, language, currency) + nps_chart(history, language)
    sections = [
        (t("figures", language), block(charts_) + figures_table(assessment, edition, language, currency)),
        (t("checklists", language), checklists_section(assessment, language)),
        (t("alerts", language), alerts_section(assessment, edition, language)),
        (t("stakeholders", language), stakeholders(view, language)),
        (t("action_plan", language), action_timeline(view, language)),
        (t("risks", language), risks_section(view, language, currency)),
        (t("contract", language), contract_section(view, assessment, language, currency)),
    ]
    for key in view.schema.raw["properties"]:
        if key in SPECIAL or key not in plan:
            continue
        body = view.section(key)
        if body:
            sections.append((view.label(view.node(key), key), block(body)))
    out += [f"<h2>{escape(heading)}</h2>\n{body}" for heading, body in sections]
    latest = not links or links[0][1] != "index.md"
    return PageSource(
        assessment.name if latest else f"{assessment.name} {assessment.year}", "\n".join(out), searchable=latest, is_html=True
    )
