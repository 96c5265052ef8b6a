"""The search-index text of a generated page, cut into sections at its headings.

The rules are those of MkDocs' and Material's indexers: a section per heading
with an id, the text before the first one belongs to the page, paragraphs,
lists and code stay as tags and all other markup goes, the text is escaped.
They apply a general HTML parser to every page; our pages are HTML we wrote
ourselves, so regular expressions do the same job about ten times faster, in the
worker processes. Chart drawings are left out: the table beside each chart
holds the same figures as text. So are blocks marked `data-search-exclude` (Material's and Zensical's
mark): the lists of what is still to fill in, which would come first for any word of a plan.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_HEADING = re.compile(r'<h[1-6] id="([^"]*)">(.*?)</h[1-6]>', re.DOTALL)
_LEFT_OUT = re.compile(r"<svg\b.*?</svg>|<a class=\"headerlink\".*?</a>|<details [^>]*data-search-exclude[^>]*>.*?</details>", re.DOTALL)
_KEPT = re.compile(r"<(/?)(p|code|pre|li|ol|ul|sub|sup)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"  +")
_SPACE_AFTER_TAG = re.compile(r"(<[a-z]+>) ")
_EMPTY = re.compile(r"<([a-z]+)></\1>")


@dataclass(frozen=True, slots=True)
class SearchSection:
    id: str
    """The heading's id; empty for the text before the first heading."""
    title: str
    text: str


def _text(fragment: str) -> str:
    """Escaped plain text, with the tags the search results show kept bare."""
    # kept tags wait behind control characters, which a plan cannot hold (YAML refuses them)
    marked = _TAG.sub(" ", _KEPT.sub("\x01\\1\\2\x02", fragment.replace("\x01", "").replace("\x02", "")))
    text = html.escape(html.unescape(marked), quote=False).replace("\x01", "<").replace("\x02", ">")
    # no space inside a kept tag's content: after its opening tag, before a closing one
    text = _SPACE_AFTER_TAG.sub(r"\1", _SPACES.sub(" ", text.replace("\n", " ")).replace(" </", "</"))
    while (shorter := _EMPTY.sub("", text)) != text:
        text = shorter
    return text.strip()


def search_sections(page_html: str) -> tuple[SearchSection, ...]:
    parts = _HEADING.split(_LEFT_OUT.sub("", page_html))
    sections = [SearchSection("", "", _text(parts[0]))]
    for index in range(1, len(parts), 3):
        ident, title, body = parts[index : index + 3]
        sections.append(SearchSection(ident, _text(title), _text(body)))
    return tuple(s for s in sections if s.id or s.text)
