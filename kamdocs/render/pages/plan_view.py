"""Any part of a plan, readable: labels from the schema, Markdown rendered safely, ids shown as names."""

from __future__ import annotations

from typing import Any

from kamdocs.render.markup import escape, render_inline, render_markdown
from kamdocs.render.pages.html import html_table
from kamdocs.view.names import names_in
from kamdocs.view.reader import Reader

WIDE = 7
"""Columns from which a table is set smaller and tighter, so that it fits beside the page's contents."""


class PlanView:
    """A plan as the reader may see it (already redacted), as HTML in the reader's words."""

    def __init__(self, plan: dict[str, Any], reader: Reader) -> None:
        self.plan = plan
        self.reader = reader
        self.names = names_in(plan)

    def node(self, *path: str) -> dict[str, Any]:
        """The schema of a property path (list items by their property name)."""
        return self.reader.node(*path)

    def label(self, node: dict[str, Any], fallback: str) -> str:
        return self.reader.field(node, fallback)

    def value(self, node: dict[str, Any], value: Any) -> str:
        """One value as HTML."""
        node = self.reader.resolved(node)
        if isinstance(value, dict):
            return self.mapping(node, value)
        if isinstance(value, list):
            items = node.get("items", {})
            if any(isinstance(v, dict) for v in value):
                return self.table(items, value)
            ref = node.get("x-kam-ref")
            return (
                ", ".join(escape(self.names.get(ref, {}).get(str(v), v)) for v in value)
                if ref
                else ("<ul>" + "".join(f"<li>{self.value(items, v)}</li>" for v in value) + "</ul>")
            )
        if node.get("x-kam-markdown") and isinstance(value, str):
            return render_markdown(value)
        if "x-kam-ref" in node:
            return escape(self.names.get(node["x-kam-ref"], {}).get(str(value), value))
        if node.get("format") == "date" and isinstance(value, str):
            return f'<time datetime="{escape(value)}">{escape(self.reader.date(value))}</time>'
        return escape(self.reader.plain(node, value))

    def brief(self, node: dict[str, Any], value: Any) -> str:
        """One value in a line or a short list, for a table cell: a mapping as "label: value" pairs, a list of
        mappings one item per line (a table inside a table would not fit the page)."""
        node = self.reader.resolved(node)
        if isinstance(value, dict):
            properties = node.get("properties", {})
            return " · ".join(
                f"{escape(self.label(properties.get(k, {}), k))}: {self.brief(properties.get(k, {}), v)}"
                for k, v in value.items()
                if not k.startswith("x-") and not isinstance(v, (dict, list)) and v not in (None, "")
            )
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            items = node.get("items", {})
            return "<ul>" + "".join(f"<li>{self.brief(items, v)}</li>" for v in value) + "</ul>"
        if isinstance(value, str) and node.get("x-kam-markdown"):
            return render_inline(" ".join(value.split()))
        return self.value(node, value)

    def mapping(self, node: dict[str, Any], data: dict[str, Any]) -> str:
        properties = node.get("properties", {})
        rows = [
            f"<dt>{escape(self.label(properties.get(k, {}), k))}</dt><dd>{self.value(properties.get(k, {}), v)}</dd>"
            for k, v in data.items()
            if not k.startswith("x-") and v not in (None, "", [], {})
        ]
        return f'<dl class="kam-fields">{"".join(rows)}</dl>' if rows else ""

    def table(self, item: dict[str, Any], rows: list[dict[str, Any]]) -> str:
        item = self.reader.resolved(item)
        properties = item.get("properties", {})
        keys = [k for k in properties if any(k in r for r in rows)]
        return html_table(
            [self.label(properties[k], k) for k in keys],
            [[self.value(properties[k], r[k]) if k in r else "" for k in keys] for r in rows],
            "kam-table kam-wide" if len(keys) > WIDE else "kam-table",
        )

    def section(self, key: str) -> str:
        """A top-level section of the plan as HTML, empty when the plan does not have it."""
        value = self.plan.get(key)
        return "" if value in (None, "", [], {}) else self.value(self.node(key), value)
