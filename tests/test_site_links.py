"""The whole built site, crawled: every internal link and asset of every page resolves, opened from the file
system (site/index.html, as the README says) and served by a web server; search works without a server."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from test_pages_site import build, make_repo, site_of

SITES = [("properdocs", "shared", "en"), ("properdocs", "internal", "de"), ("zensical", "shared", "de"), ("zensical", "internal", "en")]


class Links(HTMLParser):
    """The addresses a page links to or loads (href, src), and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value and not (tag == "link" and ("rel", "canonical") in attrs):
                self.targets.append(value)


@functools.cache
def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def internal(page: str, target: str) -> str | None:
    """The target as an absolute URL inside the site, or None for another site or scheme."""
    url = urljoin(page, target)
    return url if urlsplit(url).scheme == urlsplit(page).scheme and urlsplit(url).netloc == urlsplit(page).netloc else None


@pytest.fixture(scope="module", params=SITES, ids=["-".join(s) for s in SITES])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    engine, edition, language = request.param
    repo = make_repo(tmp_path_factory.mktemp(f"links-{engine}"), edition=edition, language=language)
    result = build(repo, engine)
    assert result.returncode == 0, result.stderr
    return site_of(repo, engine)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_from_the_file_system_every_link_names_a_file(site: Path) -> None:
    """A browser shows a folder as a directory listing: from file:// every link must name a file (…/index.html),
    and every #fragment an id on the page it leads to."""
    broken = []
    for path in pages(site):
        page = path.as_uri()
        for target in parsed(path).targets:
            url = internal(page, target)
            if url is None:
                continue
            address, fragment = urldefrag(url)
            file = Path(unquote(urlsplit(address).path))
            if not file.is_file():
                broken.append(f"{path.relative_to(site)}: {target}")
            elif fragment and file.suffix == ".html" and fragment not in parsed(file).ids:
                broken.append(f"{path.relative_to(site)}: {target} (no such anchor)")
    assert broken == []
    assert len(pages(site)) > 40


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_served_every_link_and_asset_answers(site: Path, served: str) -> None:
    checked: dict[str, int] = {}
    broken = []
    for path in pages(site):
        page = urljoin(served, path.relative_to(site).as_posix())
        for target in parsed(path).targets:
            url = internal(page, target)
            if url is None:
                continue
            address = urldefrag(url)[0]
            if address not in checked:
                try:
                    with urllib.request.urlopen(address, timeout=10) as response:
                        checked[address] = response.status
                except urllib.error.HTTPError as err:
                    checked[address] = err.code
            if checked[address] != 200:
                broken.append(f"{path.relative_to(site)}: {target} -> {checked[address]}")
    assert broken == []
    assert any(a.endswith("calendar.ics") for a in checked)


def test_the_calendar_link_is_the_calendar_file(site: Path) -> None:
    calendar = site / "accounts" / "calendar.html"
    [ics] = [t for t in parsed(calendar).targets if t.endswith(".ics")]
    assert (calendar.parent / ics).read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_search_index_for_the_file_system_holds_the_generated_pages(site: Path) -> None:
    """The offline plugin copies the search index into a script; the accounts kam adds must be in that copy."""
    script = site / "search" / "search_index.js" if (site / "search").is_dir() else site / "search.js"
    assert "meridian-stores" in script.read_text(encoding="utf-8")
    assert "unpkg.com" not in (site / "index.html").read_text(encoding="utf-8")
