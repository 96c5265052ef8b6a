"""`kam agenda`: the site's review agenda as a Markdown or a standalone, printable HTML file."""

from __future__ import annotations

from importlib import resources

from kamdocs.core.loader import Document
from kamdocs.core.schema import load_schema
from kamdocs.figures.assessment import Context, assess_year
from kamdocs.render.markup import escape
from kamdocs.render.pages.agenda import agenda_page
from kamdocs.render.pages.plan_view import PlanView
from kamdocs.render.pages.render import PageSource, render_page
from kamdocs.view.redact import for_edition


def agenda_source(history: list[Document], context: Context, year: int | None) -> PageSource | None:
    assessment = assess_year(history, context, year)
    if assessment is None:
        return None
    config = context.config
    plan = for_edition(assessment.document.data, context.secrets, config.edition)
    view = PlanView(load_schema(config.schema), plan, config.language, config.currency)
    return agenda_page(assessment, view, context.secrets, config.edition, config.language, config.currency)


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
