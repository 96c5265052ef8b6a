"""Small, safe building blocks for pages: every plan value is escaped or rendered by markdown_text."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from kamdocs.markdown_text import escape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(text: object) -> str:
    """Plain text made safe inside Markdown: no markup, no HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def code(text: object) -> str:
    """Inline code from plan text: escaped HTML, since Markdown escapes do not work inside backticks."""
    return f"<code>{html.escape(str(text))}</code>"


def link(text: object, target: str) -> str:
    """A Markdown link to another page (MkDocs checks and rewrites it)."""
    return f"[{md(text)}]({target})"


def html_link(text: object, target: str) -> str:
    """An HTML link to another page (the site plugin rewrites .md targets), for cells of an HTML table."""
    return f'<a href="{escape(target)}">{escape(text)}</a>'


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]], css: str = "", right: Sequence[int] = ()) -> str:
    """An HTML table of cells that are already safe HTML; without a class the theme styles it."""
    if not rows:
        return ""

    def align(index: int) -> str:
        return ' style="text-align:right"' if index in right else ""

    head = "".join(f"<th{align(i)}>{escape(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{align(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows)
    attribute = f' class="{css}"' if css else ""
    return f"<table{attribute}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A table of the page (cells already safe HTML) as a block of its own; empty without rows."""
    return f"\n\n{html_table(headers, rows, right=right)}\n\n" if rows else ""


def block(content: str) -> str:
    """Raw HTML as a Markdown block: blank lines around it, none inside."""
    return "\n\n<div class=\"kam-block\">" + content.replace("\n\n", "\n") + "</div>\n\n"
