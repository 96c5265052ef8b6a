"""`kam show`: one plan's figures, completeness and alerts as text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from kamdocs.render.outputs.tables import table
from kamdocs.view.account import AccountView
from kamdocs.view.reader import Reader


def show_data(view: AccountView, reader: Reader) -> dict[str, Any]:
    """Everything `kam show` knows that the edition may show; the JSON output."""
    plan = view.plan["plan"]
    return {
        "account": view.account,
        "name": view.name,
        "year": view.year,
        "file": view.file,
        "owner": plan["owner"],
        "status": plan["status"],
        "status_label": reader.enum(reader.node("plan", "status"), plan["status"]),
        "as_of": view.as_of.isoformat(),
        "edition": reader.edition.value,
        "currency": reader.currency,
        "forecast_sentence": view.forecast_sentence,
        "figures": {line.key: {"label": line.label, "text": line.text, **line.figure.to_dict()} for line in view.lines},
        "completeness": view.completeness,
        "checklists": [
            {
                "id": c.id,
                "label": c.label,
                "completeness": c.completeness,
                "done": c.done,
                "items": c.items,
                "missing": [{"id": m.id, "label": m.label, "fill_in": list(m.fill_in), "paths": list(m.paths)} for m in c.missing],
            }
            for c in view.checklists
        ],
        "alerts": [{"gate": a.gate, "blocking": a.blocking, "path": a.path, "message": a.message} for a in view.alerts],
    }


def render_show(view: AccountView, reader: Reader, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(show_data(view, reader), indent=2, ensure_ascii=False, default=str) + "\n"
    word = reader.word

    def heading(text: str) -> str:
        return f"## {text}" if fmt == "markdown" else text.upper()

    title = f"{view.name} ({view.account}), {word('year')} {view.year}"
    plan = view.plan["plan"]
    out = [f"# {title}" if fmt == "markdown" else title, ""]
    out.append(
        f"{word('owner')}: {plan['owner']} · {word('status')}: {reader.enum(reader.node('plan', 'status'), plan['status'])} · {view.file}"
    )
    out += ["", view.forecast_sentence, ""] if view.forecast_sentence else [""]
    out += [heading(word("figures")), ""]
    out.append(table([word("figures"), ""], [[line.label, line.text] for line in view.lines], fmt))
    out += [heading(word("checklists")), "", f"{word('completeness')}: {reader.percent(view.completeness)}", ""]
    rows = [[c.label, f"{c.done}/{c.items}", reader.percent(c.completeness)] for c in view.checklists]
    out.append(table([word("checklists"), "", word("completeness")], rows, fmt, right=(1, 2)))
    out += [f"- {c.label} / {m.label}: {'; '.join(m.fill_in)}" for c in view.checklists for m in c.missing]
    out += ["", heading(word("alerts")), ""]
    out += [f"- {a.message}" for a in view.alerts] or [f"- {word('none')}"]
    return "\n".join(out).rstrip() + "\n"
