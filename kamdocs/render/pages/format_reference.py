"""The plan format reference, written from the schema itself so that it never drifts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kamdocs.render.pages.render import PageSource
from kamdocs.view.i18n import N_
from kamdocs.view.reader import Reader

HEADINGS: dict[str, Any] = {
    "title": N_("Plan format reference"),
    "intro": N_(
        "Every field of a key account plan (format {format}), generated from `schema/account-plan.schema.json`. Amounts are numbers in the plan's currency (`plan.currency`, else the configured one); probabilities and shares are fractions from 0 to 1; dates are written `YYYY-MM-DD`. Keys starting with `x-` are free for company extensions. Fields marked confidential never appear in the shared edition."
    ),
    "columns": (N_("Key"), N_("Type"), N_("English"), N_("Deutsch"), N_("Description")),
    "required": N_("required"),
    "confidential": N_("confidential"),
    "list_of": N_("list of"),
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type(node: dict[str, Any], words: dict[str, Any], defs: dict[str, Any] | None = None) -> str:
    if "anyOf" in node:
        # several ways to write it (a date or a quarter, a probability or `unknown`, an interval)
        return str(node.get("x-kam-hint") or " / ".join(_type(_resolve(branch, defs or {}), words, defs) for branch in node["anyOf"]))
    if "enum" in node:
        return " / ".join(f"`{value}`" for value in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    if node.get("format") == "date":
        return "date"
    if node.get("x-kam-markdown"):
        return "Markdown"
    if node.get("x-kam-unit") == "currency":
        return "amount"
    kind = node.get("type", "")
    if kind == "array":
        item = node.get("items", {})
        return f"{words['list_of']} {'objects' if item.get('type') == 'object' else _type(item, words)}"
    if isinstance(kind, list):
        return " / ".join(kind)
    return str(kind)


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {**defs.get(ref.removeprefix("#/$defs/"), {}), **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _rows(node: dict[str, Any], prefix: str, defs: dict[str, Any], words: dict[str, Any]) -> Iterator[str]:
    required = set(node.get("required", ()))
    for name, raw in node.get("properties", {}).items():
        child = _resolve(raw, defs)
        key = f"{prefix}{name}"
        marks = [words["required"]] if name in required else []
        if child.get("x-kam-confidential"):
            marks.append(words["confidential"])
        note = f" *({', '.join(marks)})*" if marks else ""
        yield (
            f"| `{key}` | {_cell(_type(child, words, defs))} | {_cell(child.get('title', ''))} | "
            f"{_cell(child.get('x-kam-label-de', ''))} | {_cell(child.get('description', ''))}{note} |"
        )
        if child.get("type") == "object":
            yield from _rows(child, f"{key}.", defs, words)
        item = child.get("items", {})
        if child.get("type") == "array" and item.get("type") == "object":
            yield from _rows(item, f"{key}[].", defs, words)


def render_format_reference(schema: dict[str, Any], reader: Reader) -> PageSource:
    """One section per top-level key, one table row per field."""
    words = {key: tuple(map(reader.say, text)) if isinstance(text, tuple) else reader.say(text) for key, text in HEADINGS.items()}
    defs = schema.get("$defs", {})
    header = "| " + " | ".join(words["columns"]) + " |\n|" + "---|" * len(words["columns"])
    plan_format = schema.get("properties", {}).get("kamdocs", {}).get("const", "")
    out = [f"# {words['title']}", "", words["intro"].format(format=plan_format), ""]
    for name, raw in schema.get("properties", {}).items():
        node = _resolve(raw, defs)
        title = reader.field(node, name)
        out += [f"## {title} (`{name}`)", "", node.get("description", ""), "", header]
        out += list(_rows({"properties": {name: raw}, "required": schema.get("required", [])}, "", defs, words))
        out.append("")
    return PageSource(words["title"], "\n".join(out))
