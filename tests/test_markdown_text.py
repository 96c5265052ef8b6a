"""Text fields as Markdown: safe HTML, and the shortcut for plain sentences gives exactly what the parser gives."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kamdocs.render.markup import _MD, _PLAIN, render_inline, render_markdown


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[click](javascript:alert(1))", 'href="javascript'),
        ("![x](https://example.com/x.png)", "<img"),
        ('<img src=x onerror="alert(1)">', "<img"),
    ],
)
def test_no_executable_markup(text: str, forbidden: str) -> None:
    assert forbidden not in render_markdown(text) and forbidden not in render_inline(text)


def test_markdown_still_works() -> None:
    assert render_markdown("**Bold** and [a link](https://example.com)") == (
        '<p><strong>Bold</strong> and <a href="https://example.com">a link</a></p>\n'
    )
    assert render_markdown("- one\n- two").startswith("<ul>")


_TRICKY = st.sampled_from([*list(" \t\n\r\xa0\u2003\x00\"'&<>*_`[]()!#|~=+-.:;/\\1)@"), "www.", "http://", "&amp;", "  \n"])
_TEXT = st.lists(st.one_of(st.text(max_size=4), _TRICKY, st.sampled_from(["Plan", "Über", "kunde", "x"])), max_size=12).map("".join)


@settings(deadline=None, max_examples=3000)
@given(_TEXT)
@example('It\'s a "quoted" plan, 100% sure (really)?')
@example("Plan  with  spaces\u00a0")
def test_plain_sentences_render_as_the_parser_renders_them(text: str) -> None:
    assert render_markdown(text) == _MD.render(text)
    assert render_inline(text) == _MD.renderInline(text)


def test_the_shortcut_takes_ordinary_sentences() -> None:
    for text in ("Rising labour costs; too many device types in the field.", 'Größter Kunde (seit 2019), "Top 3"', "a-b 50% x=y"):
        assert _PLAIN.match(text), text
    for text in ("1. first", "- item", "Line\nbreak", "a *b*", "# Title", " leading", "trailing "):
        assert not _PLAIN.match(text), text


def test_promise_plan_text_stays_in_its_table_cell_on_the_changes_page(acme) -> None:
    import copy

    from conftest import AS_OF, ROOT, SCHEMA, make_reader

    from kamdocs.core.config import Config
    from kamdocs.core.loader import Document
    from kamdocs.figures.assessment import assess, prepare
    from kamdocs.render.pages.changes import changes_page
    from kamdocs.render.pages.render import render_page
    from kamdocs.view.compare import compare

    context = prepare(Config(root=ROOT, accounts=ROOT, schema=SCHEMA, as_of=AS_OF), ROOT)[0]
    new = copy.deepcopy(acme)
    new["plan"]["summary"] = "- one\n\n\n- two\n \n  three\n\n\t\n# head\n\n</td></tr></table>"
    sides = [assess([Document("plan.yaml", "", plan)], context) for plan in (acme, new)]
    comparison = compare(sides[0], sides[1], make_reader(), "plan.yaml")
    html = render_page(changes_page(comparison, make_reader())).html
    # the cell holds the text as text: Markdown never sees it, so no list or heading comes out of it
    assert not any(tag in html for tag in ("<ul>", "<li>")) and html.count("<h1>") == 1, html
    assert html.count("</table>") == html.count("<table") == 1 and "- one" in html


@pytest.mark.parametrize("text", ["![t](https://evil.example/t.png)", "[x](nope.md) and [y](../other/index.md)"])
def test_promise_plan_text_loads_nothing_and_links_nowhere_inside_the_site(text: str) -> None:
    for rendered in (render_markdown(text), render_inline(text)):
        assert "<img" not in rendered and 'nope.md"' not in rendered and 'index.md"' not in rendered
