"""Free-text fields are Markdown, rendered safely: no raw HTML, links only to http, https and mailto."""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

_SAFE_LINK = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # images would load from anywhere; a plan has no business embedding them
    md.disable("image")
    md.validateLink = lambda url: bool(_SAFE_LINK.match(url.strip()))  # type: ignore[method-assign]
    return md


_MD = _renderer()
_PLAIN = re.compile(r"[^\W\d_][^\x00\n\r\t\f\v\\`*_\[\]<>&!#|~]*(?<!\s)\Z")
"""One line that starts with a letter and holds no character Markdown acts on: most text fields are such
sentences, and a site renders tens of thousands of them. The parser gives them a paragraph and &quot;."""


def render_markdown(text: str) -> str:
    """HTML for a text field; anything that is not Markdown comes out as visible text."""
    if _PLAIN.match(text):
        return "<p>" + text.replace('"', "&quot;") + "</p>\n"
    return _MD.render(text)


def render_inline(text: str) -> str:
    """HTML for a short field (a title, a name): inline Markdown only, no paragraphs."""
    if _PLAIN.match(text):
        return text.replace('"', "&quot;")
    return _MD.renderInline(text)


def escape(text: object) -> str:
    """`text` safe in HTML and in attribute values: html.escape, which a page calls for thousands of values that
    need nothing escaped, so those are told apart first (five scans for a character beat five replacements)."""
    value = str(text)
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return html.escape(value, quote=True)
    return value
