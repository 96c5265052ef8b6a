"""Small, safe building blocks for pages: every plan value is escaped or rendered by markdown_text."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kamdocs.render.markup import escape

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


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell that sorts by a plain number, not by its formatted text (1.657.000 EUR, 8,8 %)."""

    html: str
    sort: float | int | None
    """None when there is no number (the cell shows –): sorts as 0."""


def html_table(
    headers: Sequence[str], rows: Sequence[Sequence[str | Cell]], css: str = "", right: Sequence[int] = (), sortable: bool = False
) -> str:
    """An HTML table of cells that are already safe HTML; without a class the theme styles it. A sortable table
    sorts by a click on a header (kamdocs.js); its right-aligned columns sort as numbers."""
    if not rows:
        return ""

    def align(index: int) -> str:
        # numbers, amounts and dates of a right-aligned column never break inside ("4,003,800 / EUR")
        return ' class="kam-num" style="text-align:right"' if index in right else ""

    def cell(index: int, content: str | Cell) -> str:
        if isinstance(content, Cell):
            key = "" if content.sort is None else repr(content.sort)
            return f'<td{align(index)} data-sort="{key}">{content.html}</td>'
        return f"<td{align(index)}>{content}</td>"

    method = ' data-sort-method="number"' if sortable else ""
    head = "".join(f"<th{align(i)}{method if i in right else ''}>{escape(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell(i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    attributes = (f' class="{css}"' if css else "") + (" data-kam-sortable" if sortable else "")
    return one_block(f"<table{attributes}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str | Cell]], right: Sequence[int] = (), sortable: bool = False, css: str = ""
) -> str:
    """A table of the page (cells already safe HTML) as a block of its own; empty without rows."""
    rendered = html_table(headers, rows, css, right=right, sortable=sortable)
    return f"\n\n{rendered}\n\n" if rendered else ""


_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
"""A line that is empty or only blanks: it would end the HTML block, and what follows would be read as Markdown."""


def one_block(html_text: str) -> str:
    """Raw HTML that stays one HTML block of the page's Markdown: plan text in it may hold blank lines, and
    after one the rest would be read as Markdown (a list breaking out of its cell, a link to a page that is not)."""
    return _BLANK_LINE.sub("", html_text)


def block(content: str) -> str:
    """Raw HTML as a Markdown block: blank lines around it, none inside."""
    return '\n\n<div class="kam-block">' + one_block(content) + "</div>\n\n"
