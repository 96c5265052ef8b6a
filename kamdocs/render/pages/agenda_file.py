"""`kam agenda`: the site's review agenda as a Markdown or a standalone, printable HTML file."""

from __future__ import annotations

from importlib import resources

from kamdocs.render.markup import escape
from kamdocs.render.pages.render import PageSource, render_page


def agenda_html(source: PageSource, language: str) -> str:
    """A standalone page; the Markdown is the toolkit's own, every plan value in it already escaped or rendered safely."""
    body = render_page(source).html
    style = resources.files("kamdocs.render.pages").joinpath("kamdocs.css").read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"><title>{escape(source.title)}</title>'
        f"<style>body{{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.45}}"
        f"table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}}{style}</style>"
        f"</head><body>{body}</body></html>\n"
    )
