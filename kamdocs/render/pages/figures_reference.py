"""The Figures and Checklists pages, written from the code's docstrings and from checklists.yaml."""

from __future__ import annotations

import inspect

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.figures.checklists import Checklist, Condition
from kamdocs.figures.derive import explained
from kamdocs.figures.portfolio import by_owner, retention
from kamdocs.render.pages.render import PageSource
from kamdocs.view.i18n import N_
from kamdocs.view.reader import Reader

TEXT: dict[str, str] = {
    "figures": N_("Figures"),
    "by_owner": N_("Per key account manager (kam portfolio --by owner)"),
    "figures_intro": N_(
        'Every figure kamdocs derives from a plan, computed in one place (`kamdocs/figures/derive/`) and shown the same way by `kam show`, `kam portfolio` and this site. "Last year" is the year before the plan year. A figure whose inputs are missing is shown as *not computable* with the reason, never as 0. Figures marked confidential are derived from confidential fields and appear only in the internal edition.'
    ),
    "confidential": N_("confidential"),
    "keys": N_("Keys"),
    "checklists": N_("Checklists"),
    "checklists_intro": N_(
        "The checklists of Key Account Management, from `schema/checklists.yaml`. An item is done when its condition holds; `kam show` lists the key paths still to fill in. Completeness is done items / all items."
    ),
    "done_when": N_("Done when"),
    "item": N_("Item"),
    "present": N_("is filled in"),
    "at_least": N_("has at least {n} entries"),
    "computable": N_("figure {f} can be computed"),
    "and": N_(" and "),
    "or": N_(" or "),
}


def render_figures_reference(config: Config, secrets: Confidentiality, reader: Reader) -> PageSource:
    words = {key: reader.say(text) for key, text in TEXT.items()}
    out = [f"# {words['figures']}", "", words["figures_intro"], ""]
    for doc, figures in explained(config, secrets):
        names = ", ".join(reader.label(f.key) + (f" *({words['confidential']})*" if f.confidential else "") for f in figures)
        out += [f"## {names}", "", "```text", doc, "```", "", f"{words['keys']}: " + ", ".join(f"`{f.key}`" for f in figures), ""]
    for function, keys in ((retention, ("key_account_retention",)), (by_owner, ())):
        heading = ", ".join(reader.label(k) for k in keys) or words["by_owner"]
        out += [f"## {heading}", "", "```text", inspect.getdoc(function) or "", "```", ""]
        out += [f"{words['keys']}: " + ", ".join(f"`{k}`" for k in keys), ""] if keys else []
    return PageSource(words["figures"], "\n".join(out))


def _condition_text(condition: Condition, reader: Reader) -> str:
    words = {key: reader.say(text) for key, text in TEXT.items()}
    if "path" in condition:
        needed = condition.get("min")
        return f"`{condition['path']}` " + (words["at_least"].format(n=needed) if needed else words["present"])
    if "figure" in condition:
        return words["computable"].format(f=f"`{condition['figure']}`")
    kind = "all" if "all" in condition else "any"
    parts = [_condition_text(child, reader) for child in condition[kind]]
    joined = words["and" if kind == "all" else "or"].join(parts)
    return f"({joined})" if len(parts) > 1 else joined


def render_checklists_reference(checklists: tuple[Checklist, ...], reader: Reader) -> PageSource:
    words = {key: reader.say(text) for key, text in TEXT.items()}
    out = [f"# {words['checklists']}", "", words["checklists_intro"], ""]
    for checklist in checklists:
        out += [
            f"## {reader.own(checklist.label)}",
            "",
            f"| {words['item']} | English | Deutsch | {words['done_when']} |",
            "|---|---|---|---|",
        ]
        out += [
            f"| `{item.id}` | {item.label['en']} | {item.label['de']} | {_condition_text(item.done, reader).replace('|', '/')} |"
            for item in checklist.items
        ]
        out.append("")
    return PageSource(words["checklists"], "\n".join(out))
