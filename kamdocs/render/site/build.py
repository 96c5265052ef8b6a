"""All generated pages of the site, from the plans; the MkDocs plugin only hands them over."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kamdocs.core.config import Config
from kamdocs.core.loader import Document
from kamdocs.core.problem import Problem, Severity
from kamdocs.core.validate import display_name
from kamdocs.figures.assessment import Context, assess, prepare, summarise_accounts
from kamdocs.figures.classify import Classification, classify, read_customers
from kamdocs.figures.portfolio import build, row
from kamdocs.render.outputs.calendar import calendar_events, calendar_ics
from kamdocs.render.pages.account import account_page
from kamdocs.render.pages.agenda import agenda_page
from kamdocs.render.pages.changes import changes_page
from kamdocs.render.pages.dashboard import calendar_page, dashboard_page, home_summary, tier_page
from kamdocs.render.pages.render import RenderedPage, render_page
from kamdocs.render.pages.summary import AccountSummary
from kamdocs.view.account import view_account
from kamdocs.view.compare import compare
from kamdocs.view.reader import Reader

ROOT = "accounts"
DASHBOARD = f"{ROOT}/index.md"
CALENDAR = f"{ROOT}/calendar.md"
CALENDAR_ICS = f"{ROOT}/calendar.ics"
EDITION_STYLESHEET = "assets/kamdocs-edition.css"
"""The internal edition's banner, on every page and on paper: a site with confidential figures must not be
mistaken for the shared one. A stylesheet, so that it reaches the hand-written pages too, with any engine."""
PARALLEL_FROM = 20
"""Plans from which the site's pages are made in worker processes: a plan's pages cost three times its validation."""


@dataclass(frozen=True, slots=True)
class Site:
    pages: dict[str, RenderedPage]
    """uri -> the page, rendered"""
    files: dict[str, bytes]
    """uri -> content of other generated files (the calendar)"""
    accounts: tuple[AccountSummary, ...]
    problems: tuple[Problem, ...]
    context: Context
    reader: Reader
    home: str = ""
    """The portfolio at a glance, HTML for the top of the home page (links relative to the site's root)."""


def account_uri(account: str, page: str = "index") -> str:
    return f"{ROOT}/{account}/{page}.md"


def account_pages(history: list[Document], context: Context, reader: Reader) -> AccountSummary:
    """Every page of one account: the current plan, earlier years, year-over-year changes, the agenda."""
    assessments = [assess(history[: i + 1], context) for i in range(len(history))]
    reader = reader.in_currency(assessments[-1].currency)
    views = [view_account(assessments[: i + 1], reader) for i in range(len(assessments))]
    current, view = assessments[-1], views[-1]
    account = current.account
    pages: dict[str, RenderedPage] = {}
    years = [a.year for a in assessments]
    for index, assessment in enumerate(assessments):
        latest = index == len(assessments) - 1
        links = [] if latest else [(reader.text("current_plan"), "index.md")]
        links += [(str(y), f"{y}.md") for y in years[:-1] if y != assessment.year]
        if index:
            links.append((f"{reader.text('changes')} {years[index - 1]}", f"changes-{assessment.year}.md"))
            comparison = compare(assessments[index - 1], assessment, reader, assessment.document.file)
            pages[account_uri(account, f"changes-{assessment.year}")] = render_page(changes_page(comparison, reader))
        if latest:
            links.append((reader.text("agenda"), "agenda.md"))
        page = account_page(views[: index + 1], reader, links)
        pages[account_uri(account, "index" if latest else str(assessment.year))] = render_page(page)
    pages[account_uri(account, "agenda")] = render_page(agenda_page(view, reader))
    failing = tuple(a.message for a in view.alerts if a.blocking)
    tier = view.figures["tier"].value if view.shows("tier") else None
    position = (current.figures["ka_score"], current.figures["health"])
    return AccountSummary(
        account, current.name, tier or "–", current.year, pages, row(current), view.deadlines, calendar_events(view), failing, position
    )


def _classification(config: Config, base: Path) -> tuple[Classification | None, list[Problem]]:
    path = config.accounts / "customers.csv"
    if not path.is_file():
        return None, []
    customers, year, problems = read_customers(path, display=display_name(path, base))
    if problems:
        return None, problems
    planned = {p.name for p in config.accounts.iterdir() if p.is_dir()}
    return classify(customers, year, config.figures.abc_limits, planned), []


def build_site(config: Config, base: Path, jobs: int | None = None) -> Site:
    """Validate, assess and render every account; then the dashboard and the calendar."""
    context, checked = prepare(config, base)
    reader = Reader.of(config, context.secrets)
    # every account needs it: imported once here, before the worker processes fork, not once in each
    importlib.import_module("icalendar")
    results, accounts = summarise_accounts(
        config, partial(account_pages, context=context, reader=reader), base, jobs=jobs, parallel_from=PARALLEL_FROM
    )
    classification, csv_problems = _classification(config, base)
    problems = tuple(p for r in [checked, *results] for p in r.problems if p.severity is Severity.ERROR) + tuple(csv_problems)
    accounts = sorted(accounts, key=lambda a: a.account)
    year = max((a.year for a in accounts), default=config.as_of.year)
    portfolio = build(
        [a.row for a in accounts if a.year == year],
        year,
        [a.account for a in accounts if a.year != year],
        [a.account for a in accounts if a.year == year - 1],
        config.currency,
        config.rates,
    )
    pages = {uri: content for a in accounts for uri, content in a.pages.items()}
    pages[DASHBOARD] = render_page(
        dashboard_page(portfolio, accounts, classification, reader, config.as_of, problems, config.thresholds.key_account_score)
    )
    pages[CALENDAR] = render_page(calendar_page(accounts, reader, config.as_of))
    for tier in sorted({a.tier for a in accounts}):
        pages[tier_uri(tier)] = render_page(tier_page(tier, portfolio, accounts, reader))
    ics = calendar_ics((a.ics for a in accounts), reader)
    files = {CALENDAR_ICS: ics}
    if reader.internal:
        files[EDITION_STYLESHEET] = edition_banner(reader.text("internal_banner")).encode("utf-8")
    home = home_summary(portfolio, accounts, reader, config.as_of, DASHBOARD)
    return Site(pages, files, tuple(accounts), problems, context, reader, home)


def edition_banner(text: str) -> str:
    """A bar above every page's content with `text` (a CSS string: backslash and quote escaped, no line break)."""
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return (
        '@charset "utf-8";\n'
        f'.md-main::before {{ content: "{quoted}"; display: block; padding: .45rem 1rem; text-align: center; font-weight: 700;'
        " font-size: .75rem; background: #b71c1c; color: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
        "@media print { .md-main::before { border: 2px solid #b71c1c; } }\n"
        # and at the head of every printed page, not only the first (page margin boxes: Chromium 131 and later)
        f'@page {{ @top-center {{ content: "{quoted}"; font: 700 8pt sans-serif; color: #b71c1c; }} }}\n'
    )


def tier_uri(tier: str) -> str:
    return f"{ROOT}/tier-{tier.lower() if tier.isalnum() else 'none'}.md"


def nav_uris(accounts: Sequence[AccountSummary]) -> list[str]:
    """Dashboard, calendar and one page per tier: every page carries the nav, so it must not grow with the accounts."""
    return [DASHBOARD, CALENDAR, *(tier_uri(tier) for tier in sorted({a.tier for a in accounts}))]
