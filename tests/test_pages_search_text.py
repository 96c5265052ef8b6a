"""The search sections of generated pages: the same sections as Material's indexer finds, cleaner text, nothing executable."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import ROOT
from material.plugins.search.plugin import Parser

from kamdocs.core.config import load_config
from kamdocs.render.pages.render import RenderedPage
from kamdocs.render.pages.search_text import SearchSection, search_sections
from kamdocs.render.site.build import build_site


@cache
def example_pages() -> dict[str, RenderedPage]:
    config = load_config(None, cwd=ROOT)
    return build_site(config, ROOT, jobs=1).pages


def test_sections_start_at_headings_with_an_id() -> None:
    page = '<h1>Acme</h1><p>Intro</p><h2 id="figures">Figures</h2><p>Revenue</p><h3 id="more">More</h3><p>x</p><h2>No id</h2><p>y</p>'
    assert search_sections(page) == (
        SearchSection("", "", "Acme <p>Intro</p>"),
        SearchSection("figures", "Figures", "<p>Revenue</p>"),
        SearchSection("more", "More", "<p>x</p> No id <p>y</p>"),
    )


def test_text_keeps_bare_paragraphs_lists_and_code_and_drops_other_markup() -> None:
    page = (
        '<h2 id="a">A <code>b</code><a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
        '<p class="admonition-title">Forecast</p><table><tr><td>Revenue</td><td>1,000 EUR</td></tr></table>'
        "<ul>\n<li> <strong>one</strong> </li><li></li></ul><p> </p><dl><dt>Owner</dt><dd>Kim</dd></dl>"
    )
    assert search_sections(page) == (
        SearchSection("a", "A <code>b</code>", "<p>Forecast</p> Revenue 1,000 EUR <ul><li>one</li></ul> Owner Kim"),
    )


def test_charts_are_left_out_their_tables_are_kept() -> None:
    page = '<h2 id="f">F</h2><figure><svg><title>Revenue</title><text>2025</text></svg><table><tr><td>2025</td><td>9</td></tr></table></figure>'
    assert search_sections(page) == (SearchSection("f", "F", "2025 9"),)


@pytest.mark.parametrize("text", ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "a &amp;lt; b"])
def test_escaped_text_stays_escaped(text: str) -> None:
    (section,) = search_sections(f"<p>{text}</p>")
    assert section.text == f"<p>{text}</p>"


def test_same_sections_as_materials_indexer_on_every_searchable_example_page() -> None:
    checked = 0
    for uri, page in example_pages().items():
        if not page.search:
            continue
        parser = Parser()
        parser.feed(page.html)
        parser.close()
        theirs = [(s.id or "", "".join(s.title).strip()) for s in parser.data if s.id or "".join(s.text).strip()]
        assert [(s.id, s.title) for s in page.search] == theirs, uri
        checked += 1
    assert checked >= 8


def test_pages_out_of_search_have_no_sections() -> None:
    pages = example_pages()
    assert pages["accounts/nordwerk/index.md"].search
    assert not pages["accounts/nordwerk/2025.md"].search and not pages["accounts/nordwerk/agenda.md"].search
