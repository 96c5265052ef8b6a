"""Generated pages to HTML with markdown-it: several times faster than MkDocs' own Markdown on pages this
size, and the same for any static-site generator. Runs in the worker processes, so the MkDocs build only
places finished HTML. Headings get ids for the table of contents."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from kamdocs.pages.html import NOT_SEARCHED
from kamdocs.pages.search_text import SearchSection, search_sections

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_HEADING = re.compile(r"<h([23])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class RenderedPage:
    front_matter: str
    """The page's title and settings, for the site generator."""
    html: str
    headings: tuple[Heading, ...]
    search: tuple[SearchSection, ...]
    """What the search index holds of the page: nothing for pages kept out of it."""


def slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w\- ]", "", text, flags=re.UNICODE).strip().lower().replace(" ", "-") or "section"
    candidate, number = base, 1
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    taken.add(candidate)
    return candidate


def render_page(markdown: str) -> RenderedPage:
    """A generated page (Markdown with front matter) as HTML with its h2/h3 headings and search sections."""
    match = _FRONT_MATTER.match(markdown)
    front_matter = match.group(0) if match else ""
    body = _MD.render(markdown[len(front_matter):])
    headings: list[Heading] = []
    taken: set[str] = set()

    def anchor(match: re.Match[str]) -> str:
        level, inner = int(match.group(1)), match.group(2)
        name = html.unescape(_TAGS.sub("", inner)).strip()
        ident = slug(name, taken)
        headings.append(Heading(level, ident, name))
        return f'<h{level} id="{ident}">{inner}<a class="headerlink" href="#{ident}" title="Permanent link">&para;</a></h{level}>'

    body = _HEADING.sub(anchor, body)
    search = () if NOT_SEARCHED in front_matter else search_sections(body)
    return RenderedPage(front_matter, body, tuple(headings), search)


def admonition(kind: str, title: str, body_html: str) -> str:
    """A Material-style call-out box as HTML (generated pages do not go through Python-Markdown)."""
    return f'\n\n<div class="admonition {kind}"><p class="admonition-title">{html.escape(title)}</p>{body_html}</div>\n\n'
