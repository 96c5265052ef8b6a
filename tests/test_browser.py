"""The built site in a real headless Chromium (Debian's package, driven by Playwright): no console errors,
the key figures visible. Screenshots land in build/screenshots/ for a person to look at."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SHOTS
from test_pages_site import build, make_repo, site_of


@dataclass(frozen=True)
class Served:
    url: str
    engine: str
    folder: Path
    """The built site, to open from the file system."""


@pytest.fixture(scope="module", params=["properdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site as `make site` builds it (ProperDocs, byte for byte MkDocs' site) and as Zensical builds it."""
    engine = request.param
    repo = make_repo(tmp_path_factory.mktemp(f"browser-{engine}"))
    result = build(repo, engine)
    assert result.returncode == 0, result.stderr

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    folder = site_of(repo, engine)
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Served(f"http://127.0.0.1:{server.server_address[1]}", engine, folder)
    server.shutdown()


def visit(browser: object, url: str, shot: str) -> tuple[object, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
    return page, errors


def test_dashboard(browser: object, site: Served) -> None:
    page, errors = visit(browser, f"{site.url}/accounts/", f"{site.engine}-dashboard")
    assert errors == []
    assert page.locator("h1").inner_text().startswith("Key accounts 2026")
    table = page.locator("table").first.inner_text()
    assert "Meridian Stores plc" in table and "€4.0M" in table
    assert page.locator("table.kam-portfolio span[title='€4,003,800']").inner_text() == "€4.0M"
    assert page.locator("figure.kam-chart svg title").last.text_content() == "Pareto curve of all customers"
    assert page.locator("figure.kam-matrix svg title").text_content() == "Attractiveness (key-account score) against relationship health"
    assert page.locator("figure.kam-chart svg").first.bounding_box()["width"] > 300
    page.close()


def test_portfolio_table_sorts_by_a_header_click(browser: object, site: Served) -> None:
    page, errors = visit(browser, f"{site.url}/accounts/", f"{site.engine}-dashboard")
    table = page.locator("table[data-kam-sortable]").first
    column = [h.strip() for h in table.locator("thead th").all_inner_texts()].index("Revenue last year")

    def revenues() -> list[float]:
        cells = table.locator(f"tbody tr td:nth-child({column + 1})")
        return [float(cells.nth(i).get_attribute("data-sort") or 0) for i in range(cells.count())]

    before = revenues()
    table.locator("thead th").nth(column).click()
    first = revenues()
    table.locator("thead th").nth(column).click()
    second = revenues()
    assert sorted(before) in (first, first[::-1]) and second == first[::-1] and first != before
    assert errors == []
    page.close()


def test_account_page(browser: object, site: Served) -> None:
    page, errors = visit(browser, f"{site.url}/accounts/meridian-stores/", f"{site.engine}-account-meridian-stores")
    assert errors == []
    assert page.locator("h1").inner_text().startswith("Meridian Stores plc")
    text = page.locator("article").inner_text()
    assert "In 2026 we expect €4,486,500 revenue from Meridian Stores plc" in text
    assert "Stakeholder map" in text and "Alison Carter" in text
    assert page.locator("svg title", has_text="Revenue by year").count() == 1
    page.close()


def test_agenda_page(browser: object, site: Served) -> None:
    page, errors = visit(browser, f"{site.url}/accounts/nordwerk/agenda.html", f"{site.engine}-agenda-nordwerk")
    assert errors == []
    text = page.locator("article").inner_text()
    assert "1. Review of the relationship so far" in text and "5. Future topics" in text
    page.emulate_media(media="print")
    page.screenshot(path=str(SHOTS / f"{site.engine}-agenda-nordwerk-print.png"), full_page=True)
    assert not page.locator(".md-sidebar--primary").is_visible()
    page.close()


def test_opened_from_the_file_system_search_finds_an_account(browser: object, site: Served) -> None:
    """site/index.html opened as a file, as the README says: search runs without a server (the offline plugin,
    the vendored iframe-worker shim) and finds the generated pages; its results lead to files, not folders."""
    page, errors = visit(browser, (site.folder / "index.html").as_uri(), f"{site.engine}-home-file")
    links = "a[href*='accounts/meridian-stores/index.html']"
    before = page.locator(links).count()  # the home page's own links to the account (its next deadline)
    page.keyboard.press("/")  # the theme's shortcut to its search field (Material's and Zensical's differ otherwise)
    page.keyboard.type("Meridian")
    for _ in range(50):  # Playwright's locators see into Zensical's shadow DOM, a page's querySelectorAll does not
        if page.locator(links).count() > before:
            break
        page.wait_for_timeout(200)
    assert page.locator(links).count() > before
    assert errors == []
    page.close()
