"""`kam show`: one plan's figures, completeness and alerts as text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from kamdocs.core.problem import format_path
from kamdocs.figures.assessment import Assessment
from kamdocs.render.outputs.tables import table
from kamdocs.view.forecast import forecast_sentence
from kamdocs.view.labels import label, reason_text, word
from kamdocs.view.numbers import percent, value_text, visible


def show_data(assessment: Assessment, edition: str, language: str, currency: str) -> dict[str, Any]:
    """Everything `kam show` knows, minus what the edition must not show; the JSON output."""
    plan = assessment.document.data["plan"]
    return {
        "account": assessment.account,
        "name": assessment.name,
        "year": assessment.year,
        "file": assessment.document.file,
        "owner": plan["owner"],
        "status": plan["status"],
        "as_of": assessment.as_of.isoformat(),
        "edition": edition,
        "currency": currency,
        "forecast_sentence": forecast_sentence(assessment, language, currency),
        "figures": {
            key: {"label": label(key, language), **fig.to_dict()} for key, fig in assessment.figures.items() if visible(fig, edition)
        },
        "completeness": assessment.completeness,
        "checklists": [
            {
                "id": result.checklist.id,
                "label": result.checklist.label[language],
                "completeness": result.completeness,
                "done": result.done,
                "items": len(result.items),
                "missing": [
                    {"id": i.item.id, "label": i.item.label[language], "fill_in": [reason_text(m, language) for m in i.missing]}
                    for i in result.items
                    if not i.done
                ],
            }
            for result in assessment.checklists
        ],
        "alerts": [
            {"gate": a.gate, "blocking": a.blocking, "path": format_path(a.path), "message": reason_text(a.message, language)}
            for a in assessment.alerts
            if edition == "internal" or not a.confidential
        ],
    }


def render_show(assessment: Assessment, fmt: str, edition: str, language: str, currency: str) -> str:
    data = show_data(assessment, edition, language, currency)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    heading = f"{assessment.name} ({assessment.account}), {word('year', language)} {assessment.year}"
    out = [f"# {heading}" if fmt == "markdown" else heading, ""]
    out.append(f"{word('owner', language)}: {data['owner']} · {word('status', language)}: {data['status']} · {data['file']}")
    out += ["", data["forecast_sentence"], ""]
    rows = [[label(key, language), value_text(fig, language, currency)] for key, fig in assessment.figures.items() if visible(fig, edition)]
    out += [f"## {word('figures', language)}" if fmt == "markdown" else word("figures", language).upper(), ""]
    out.append(table([word("figures", language), ""], rows, fmt))
    overall_line = f"{word('completeness', language)}: {percent(assessment.completeness, language)}"
    out += [f"## {word('checklists', language)}" if fmt == "markdown" else word("checklists", language).upper(), "", overall_line, ""]
    checklist_rows = [[c["label"], f"{c['done']}/{c['items']}", percent(c["completeness"], language)] for c in data["checklists"]]
    out.append(table([word("checklists", language), "", word("completeness", language)], checklist_rows, fmt, right=(1, 2)))
    for c in data["checklists"]:
        for item in c["missing"]:
            out.append(f"- {c['label']} / {item['label']}: {'; '.join(item['fill_in'])}")
    out += ["", f"## {word('alerts', language)}" if fmt == "markdown" else word("alerts", language).upper(), ""]
    out += [f"- [{a['gate']}] {a['message']}" for a in data["alerts"]] or [f"- {word('none', language)}"]
    return "\n".join(out).rstrip() + "\n"
