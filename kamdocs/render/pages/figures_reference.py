"""The Figures and Checklists pages, written from the code's docstrings and from checklists.yaml."""

from __future__ import annotations

import inspect

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.figures.checklists import Checklist, Condition
from kamdocs.figures.derive import explained
from kamdocs.figures.portfolio import by_owner, retention
from kamdocs.render.pages.render import PageSource
from kamdocs.view.labels import label

TEXT = {
    "en": {
        "figures": "Figures",
        "by_owner": "Per key account manager (kam portfolio --by owner)",
        "figures_intro": "Every figure kamdocs derives from a plan, computed in one place (`kamdocs/derive.py`) and shown "
        'the same way by `kam show`, `kam portfolio` and this site. "Last year" is the year before the plan year. A figure '
        "whose inputs are missing is shown as *not computable* with the reason, never as 0. Figures marked confidential are "
        "derived from confidential fields and appear only in the internal edition.",
        "confidential": "confidential",
        "keys": "Keys",
        "checklists": "Checklists",
        "checklists_intro": "The checklists of Key Account Management, from `schema/checklists.yaml`. An item is done when its "
        "condition holds; `kam show` lists the key paths still to fill in. Completeness is done items / all items.",
        "done_when": "Done when",
        "item": "Item",
        "present": "is filled in",
        "at_least": "has at least {n} entries",
        "computable": "figure {f} can be computed",
        "and": " and ",
        "or": " or ",
    },
    "de": {
        "figures": "Kennzahlen",
        "by_owner": "Je Key-Account-Manager (kam portfolio --by owner)",
        "figures_intro": "Alle Kennzahlen, die kamdocs aus einem Plan ableitet, berechnet an einer Stelle (`kamdocs/derive.py`) "
        "und gleich gezeigt von `kam show`, `kam portfolio` und dieser Website. „Vorjahr“ ist das Jahr vor dem Planjahr. Fehlen "
        "Eingaben, heißt die Kennzahl *nicht berechenbar*, mit Grund, nie 0. Vertrauliche Kennzahlen stammen aus vertraulichen "
        "Feldern und erscheinen nur in der internen Ausgabe.",
        "confidential": "vertraulich",
        "keys": "Schlüssel",
        "checklists": "Checklisten",
        "checklists_intro": "Die Checklisten des Key Account Managements aus `schema/checklists.yaml`. Ein Punkt ist erledigt, "
        "wenn seine Bedingung erfüllt ist; `kam show` nennt die noch zu füllenden Schlüssel. Vollständigkeit = erledigte / alle Punkte.",
        "done_when": "Erledigt, wenn",
        "item": "Punkt",
        "present": "ausgefüllt ist",
        "at_least": "mindestens {n} Einträge hat",
        "computable": "Kennzahl {f} berechenbar ist",
        "and": " und ",
        "or": " oder ",
    },
}


def render_figures_reference(config: Config, secrets: Confidentiality, language: str = "en") -> PageSource:
    words = TEXT[language]
    out = [f"# {words['figures']}", "", words["figures_intro"], ""]
    for doc, figures in explained(config, secrets):
        names = ", ".join(label(f.key, language) + (f" *({words['confidential']})*" if f.confidential else "") for f in figures)
        out += [f"## {names}", "", "```text", doc, "```", "", f"{words['keys']}: " + ", ".join(f"`{f.key}`" for f in figures), ""]
    for function, keys in ((retention, ("key_account_retention",)), (by_owner, ())):
        heading = ", ".join(label(k, language) for k in keys) or words["by_owner"]
        out += [f"## {heading}", "", "```text", inspect.getdoc(function) or "", "```", ""]
        out += [f"{words['keys']}: " + ", ".join(f"`{k}`" for k in keys), ""] if keys else []
    return PageSource(words["figures"], "\n".join(out))


def _condition_text(condition: Condition, language: str) -> str:
    words = TEXT[language]
    if "path" in condition:
        needed = condition.get("min")
        return f"`{condition['path']}` " + (words["at_least"].format(n=needed) if needed else words["present"])
    if "figure" in condition:
        return words["computable"].format(f=f"`{condition['figure']}`")
    kind = "all" if "all" in condition else "any"
    parts = [_condition_text(child, language) for child in condition[kind]]
    joined = words["and" if kind == "all" else "or"].join(parts)
    return f"({joined})" if len(parts) > 1 else joined


def render_checklists_reference(checklists: tuple[Checklist, ...], language: str = "en") -> PageSource:
    words = TEXT[language]
    out = [f"# {words['checklists']}", "", words["checklists_intro"], ""]
    for checklist in checklists:
        out += [
            f"## {checklist.label[language]}",
            "",
            f"| {words['item']} | English | Deutsch | {words['done_when']} |",
            "|---|---|---|---|",
        ]
        out += [
            f"| `{item.id}` | {item.label['en']} | {item.label['de']} | {_condition_text(item.done, language).replace('|', '/')} |"
            for item in checklist.items
        ]
        out.append("")
    return PageSource(words["checklists"], "\n".join(out))
