"""Generated pages to HTML with markdown-it: several times faster than MkDocs' own Markdown on pages this
size, and the same for any static-site generator. Runs in the worker processes, so the MkDocs build only
places finished HTML. Headings get ids for the table of contents."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from kamdocs.render.pages.html import one_block
from kamdocs.render.pages.search_text import SearchSection, search_sections

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_HEADING = re.compile(r"<h([23])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class PageSource:
    """A generated page before rendering; every plan value in its Markdown is already escaped or rendered safely."""

    title: str
    markdown: str
    searchable: bool = True
    """Pages that repeat what a current plan's page says (earlier years, changes, agendas) stay out of search."""
    is_html: bool = False
    """The body is HTML already (HTML is Markdown too, but the parser would spend its time scanning it)."""
    hide: tuple[str, ...] = ()
    """Sidebars the theme leaves out on this page (Material's and Zensical's `hide`: navigation, toc), to give
    wide tables the room of the page."""

    def document(self) -> str:
        """The page as a Markdown file with front matter, for MkDocs or any other site generator."""
        return front_matter(escaped_title(self.title), self.searchable, self.hide) + self.markdown


def front_matter(title: str, searchable: bool, hide: tuple[str, ...] = ()) -> str:
    """The title (escaped already), the sidebars to hide and, for a page kept out of search, the keys MkDocs,
    Material and Zensical read."""
    hidden = "" if searchable else "search:\n  exclude: true\n"
    sidebars = "".join(f"\n  - {name}" for name in hide)
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{hidden}" + (f"hide:{sidebars}\n" if hide else "") + "---\n\n"


def escaped_title(title: str) -> str:
    """Themes print a page title unescaped (in the nav, the header): a title taken from a plan is escaped once, here."""
    return html.escape(title, quote=False)


@dataclass(frozen=True, slots=True)
class RenderedPage:
    title: str
    """Escaped, see escaped_title."""
    html: str
    headings: tuple[Heading, ...]
    search: tuple[SearchSection, ...]
    """What the search index holds of the page: nothing for pages kept out of it."""
    hide: tuple[str, ...] = ()
    """See PageSource.hide."""


def slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w\- ]", "", text, flags=re.UNICODE).strip().lower().replace(" ", "-") or "section"
    candidate, number = base, 1
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    taken.add(candidate)
    return candidate


def render_page(source: PageSource) -> RenderedPage:
    """A generated page as HTML with its h2/h3 headings and search sections."""
    body = source.markdown if source.is_html else _MD.render(source.markdown)
    headings: list[Heading] = []
    taken: set[str] = set()

    def anchor(match: re.Match[str]) -> str:
        level, inner = int(match.group(1)), match.group(2)
        name = html.unescape(_TAGS.sub("", inner)).strip()
        ident = slug(name, taken)
        headings.append(Heading(level, ident, name))
        return f'<h{level} id="{ident}">{inner}<a class="headerlink" href="#{ident}" title="Permanent link">&para;</a></h{level}>'

    body = _HEADING.sub(anchor, body)
    search = search_sections(body) if source.searchable else ()
    return RenderedPage(escaped_title(source.title), body, tuple(headings), search, source.hide)


def admonition(kind: str, title: str, body_html: str) -> str:
    """A Material-style call-out box as HTML (generated pages do not go through Python-Markdown)."""
    return f'\n\n<div class="admonition {kind}"><p class="admonition-title">{html.escape(title)}</p>{one_block(body_html)}</div>\n\n'
