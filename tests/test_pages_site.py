"""The site of the example portfolio, built for real with mkdocs: editions, languages, hostile text, bad plans."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, confidential_leaves, example_assessments

from kamdocs.core.schema import load_schema
from kamdocs.view.i18n import amount
from kamdocs.view.i18n import decimal as number

AS_OF = "2026-11-24"


CANARY = FIXTURES / "canary"


def make_repo(
    folder: Path,
    accounts: Path = ROOT / "accounts",
    edition: str = "shared",
    language: str | None = None,
    extra: str = "",
    canary: bool = False,
) -> Path:
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("docs", "schema"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copytree(accounts, folder / "accounts")
    if canary:
        shutil.copytree(CANARY / "canary-gmbh", folder / "accounts" / "canary-gmbh")
    pyproject = folder / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('# as_of = "2026-11-24"', f'as_of = "{AS_OF}"'))
    config = folder / "mkdocs.yml"
    text = config.read_text().replace("edition: shared", f"edition: {edition}{extra}")
    if language:
        text = text.replace("# language: de", f"language: {language}")
    config.write_text(text)
    return folder


BIN = Path(sys.executable).parent
ENGINES = ("mkdocs", "properdocs", "zensical")
FOLDER = "build/zensical"
"""Where `kam site pages` writes the site for Zensical, in the repository copy."""


def build(repo: Path, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """The site of the repository copy, as the README says to build it with each engine."""
    steps = {
        "mkdocs": [([sys.executable, "-m", "mkdocs", "build", "--strict"], repo)],
        "properdocs": [([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml"], repo)],
        "zensical": [([str(BIN / "kam"), "site", "pages", FOLDER], repo), ([str(BIN / "zensical"), "build", "--strict"], repo / FOLDER)],
    }[engine]
    for command, folder in steps:
        result = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PATH": str(BIN)}
        )
        if result.returncode:
            break
    return result


def site_of(repo: Path, engine: str) -> Path:
    return repo / FOLDER / "site" if engine == "zensical" else repo / "site"


def search_docs(site: Path) -> list[dict[str, str]]:
    """The search index: MkDocs' and Material's search/search_index.json, or Zensical's search.json."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        return json.loads(index.read_text(encoding="utf-8"))["docs"]
    return json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for edition in ("shared", "internal"):
        repo = make_repo(tmp_path_factory.mktemp(edition), edition=edition, canary=True)
        result = build(repo)
        assert result.returncode == 0, result.stderr
        built[edition] = repo / "site"
    return built


@pytest.fixture(scope="module")
def engine_sites(sites: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shared edition with the canary account, built with each engine."""
    built = {"mkdocs": sites["shared"]}
    for engine in ENGINES[1:]:
        repo = make_repo(tmp_path_factory.mktemp(engine), canary=True)
        result = build(repo, engine)
        assert result.returncode == 0, result.stderr
        built[engine] = site_of(repo, engine)
    return built


def site_text(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".ics", ".svg", ".txt", ".md")
    }


def distinctive(value: float) -> bool:
    """Small and round numbers (an influence of 4, a cost of 4,000) also turn up as public figures, dates or
    differences: a scan for them would fail on coincidences. The canary account's values are all distinctive."""
    return abs(value) >= 1000 and value % 1000 != 0


def public_numbers(node: object, secrets: object, path: tuple = ()) -> list[float]:
    """Numbers at paths that are not confidential: a secret equal to one of them is a coincidence, not a leak."""
    if isinstance(node, dict):
        return [v for k, child in node.items() for v in public_numbers(child, secrets, (*path, k))]
    if isinstance(node, list):
        return [v for child in node for v in public_numbers(child, secrets, (*path, "*"))]
    if isinstance(node, (int, float)) and not isinstance(node, bool) and not secrets.covers(path):  # type: ignore[attr-defined]
        return [node]
    return []


@functools.cache
def secrets() -> frozenset[str]:
    """Confidential values of the plans and amounts derived from them, in every way the site writes a number:
    the distinctive ones (see above) of the example portfolio and of the canary account, and all confidential text."""
    from conftest import AS_OF as DAY

    from kamdocs.core.config import load_config
    from kamdocs.core.loader import load_file
    from kamdocs.figures.assessment import assess, prepare

    schema = load_schema(ROOT / "schema" / "account-plan.schema.json")
    found: set[str] = set()
    patterns = [path for path, flag in schema.annotated("x-kam-confidential") if flag]
    context, _ = prepare(load_config(ROOT / "pyproject.toml").with_overrides(as_of=DAY), ROOT)
    canary = assess([load_file(CANARY / "canary-gmbh" / "2026.yaml")], context)
    public = {
        value
        for year in (2024, 2025, 2026)
        for a in [*example_assessments(year), canary]
        for value in public_numbers(a.document.data, context.secrets)
    }
    for year in (2024, 2025, 2026):
        for assessment in [*example_assessments(year), *([canary] if year == 2026 else [])]:
            for item in confidential_leaves(assessment.document.data, patterns):
                if isinstance(item, (int, float)) and distinctive(item) and item not in public:
                    found |= {*(amount(item, lang, "EUR", cents) for lang in ("en", "de") for cents in (False, True))}
                    found |= {number(item, "en"), number(item, "de"), f"{item:,}", str(item)}
                elif isinstance(item, str) and len(item) >= 15:
                    found.add(item)
            for figure in assessment.figures.values():
                if figure.confidential and figure.unit == "currency" and figure.computable and distinctive(figure.value):
                    found |= {amount(figure.value, lang, "EUR") for lang in ("en", "de")} | {number(figure.value, "en")}
    return frozenset(found)


def leaks(text: str, values: frozenset[str]) -> set[str]:
    # the substring test first: the pattern only where the value is there at all (three engines' sites are scanned)
    return {s for s in values if s in text and re.search(r"(?<![\w.,])" + re.escape(s) + r"(?![\w])", text)}


@pytest.mark.parametrize("engine", ENGINES)
def test_every_page_is_there(engine_sites: dict[str, Path], engine: str) -> None:
    site = engine_sites[engine]
    accounts = [p.name for p in (ROOT / "accounts").iterdir() if p.is_dir()]
    for page in (
        *(f"accounts/{account}/index.html" for account in [*accounts, "canary-gmbh"]),
        "accounts/index.html",
        "accounts/calendar.html",
        "accounts/calendar.ics",
        "accounts/meridian-stores/index.html",
        "accounts/meridian-stores/2024.html",
        "accounts/meridian-stores/changes-2026.html",
        "accounts/meridian-stores/agenda.html",
        "reference/format.html",
        "reference/figures.html",
    ):
        assert (site / page).is_file(), page
    dashboard = (site / "accounts" / "index.html").read_text()
    assert "Meridian Stores plc" in dashboard and "The next 90 days" in dashboard and "<svg" in dashboard
    assert "Accounts that fail a gate" in dashboard and "checklists 12.5% complete" in dashboard


def test_account_page_sections(sites: dict[str, Path]) -> None:
    page = (sites["internal"] / "accounts" / "meridian-stores" / "index.html").read_text()
    for heading in (
        "Figures",
        "Checklists",
        "Stakeholder map",
        "Action plan",
        "Risks",
        "Contract",
        "Customer analysis",
        "Relationship SWOT",
    ):
        assert f">{heading}<" in page or f"{heading}</h2>" in page, heading
    assert "<title>Revenue by year</title>" in page and 'class="kam-sr-only"' in page
    assert "Alison Carter" in page and "supporter" in page  # stakeholder map with attitude: internal only


@pytest.mark.parametrize("engine", ENGINES)
def test_search_finds_the_sections_of_current_plans_only(engine_sites: dict[str, Path], engine: str) -> None:
    docs = search_docs(engine_sites[engine])
    entries = {doc["location"]: doc for doc in docs}
    assert entries["accounts/nordwerk/index.html"]["title"] == "Nordwerk Antriebstechnik GmbH"
    assert (
        "Jana Brückner" in entries["accounts/nordwerk/index.html"]["text"] + entries["accounts/nordwerk/index.html#stakeholder-map"]["text"]
    )
    assert (
        entries["accounts/nordwerk/index.html#figures"]["title"] == "Figures"
        and "€1,657,000" in entries["accounts/nordwerk/index.html#figures"]["text"]
    )
    assert "guide.html" in entries  # hand-written pages indexed as before
    assert not [location for location in entries if location.startswith(("accounts/nordwerk/2025.html", "accounts/nordwerk/agenda.html"))]
    assert len(entries) == len(docs)


def test_site_calendar_is_the_one_kam_calendar_writes(sites: dict[str, Path]) -> None:
    repo = sites["shared"].parent
    result = subprocess.run([str(Path(sys.executable).parent / "kam"), "calendar", "--as-of", AS_OF], cwd=repo, capture_output=True)
    assert result.returncode == 0, result.stderr
    site_calendar = (sites["shared"] / "accounts" / "calendar.ics").read_bytes()
    assert site_calendar.count(b"BEGIN:VEVENT") > 20
    assert site_calendar.replace(b"\r\n", b"\n") == result.stdout.replace(b"\r\n", b"\n")


def test_agenda_follows_the_order_of_the_method(sites: dict[str, Path]) -> None:
    page = (sites["shared"] / "accounts" / "nordwerk" / "agenda.html").read_text()
    page = page[page.index("<article") :]
    order = [
        "1. Review of the relationship so far",
        "2. Goals and perspectives",
        "3. Agenda and topic plan",
        "4. Date and place",
        "5. The opening",
        "6. Presentation folder",
        "1. Status",
        "2. Planned activities",
        "3. Cooperation proposals",
        "4. Proposals on conditions",
        "5. Future topics",
        "Information checklist",
    ]
    positions = [page.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "in the internal edition only" in page


@pytest.mark.parametrize("engine", ENGINES)
def test_shared_edition_leaks_no_confidential_value(engine_sites: dict[str, Path], engine: str) -> None:
    texts = site_text(engine_sites[engine])
    assert {"search/search_index.json", "search.json"} & set(texts)  # the search index is scanned too
    values = secrets()
    found = {name: sorted(leaks(text, values))[:3] for name, text in texts.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_properdocs_builds_the_same_site_as_mkdocs(engine_sites: dict[str, Path]) -> None:
    """Byte for byte but the generator tag: what the browser tests see of one, they see of the other."""
    mkdocs, properdocs = (engine_sites[engine] for engine in ("mkdocs", "properdocs"))
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    files = sorted(str(p.relative_to(mkdocs)) for p in mkdocs.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(properdocs)) for p in properdocs.rglob("*") if p.is_file())
    different = [
        name for name in files if generator.sub(b"", (mkdocs / name).read_bytes()) != generator.sub(b"", (properdocs / name).read_bytes())
    ]
    assert different == []
    assert b"ProperDocs" in (properdocs / "index.html").read_bytes()


def test_internal_edition_has_them(sites: dict[str, Path]) -> None:
    values = secrets()
    texts = site_text(sites["internal"])
    assert leaks(texts["accounts/meridian-stores/index.html"], values)
    assert leaks(texts["search/search_index.json"], values)
    canary = leaks(texts["accounts/canary-gmbh/index.html"] + texts["accounts/canary-gmbh/agenda.html"], values)
    assert {"3,141,592", "4,711.37", "CANARY judgement of Kim: vain and slow", "CANARY conditions: 7.7 % rebate above 9 million"} <= canary


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_text_produces_no_executable_markup(tmp_path: Path, engine: str) -> None:
    repo = make_repo(tmp_path, accounts=FIXTURES / "hostile" / "accounts", edition="internal")
    result = build(repo, engine)
    assert result.returncode == 0, result.stderr
    site = site_of(repo, engine)
    pages = [p for p in (site / "accounts").rglob("*.html")]
    assert len(pages) >= 3
    for page in pages:
        collector = _Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        assert not any("alert(" in text for text in collector.script_text), page
        for tag, attrs in collector.tags:
            assert tag not in ("iframe", "marquee", "style", "details", "img") or "alert" not in str(attrs), (page, tag)
            for name, value in attrs.items():
                assert not name.startswith("on"), (page, tag, name)
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (page, tag, name, value)
    account = (site / "accounts" / "evil-corp" / "index.html").read_text()
    assert (
        "&lt;script&gt;alert(&#x27;contact&#x27;)&lt;/script&gt;" in account or "&lt;script&gt;alert('contact')&lt;/script&gt;" in account
    )
    # the search box shows titles and texts of the index as HTML
    evil = [doc for doc in search_docs(site) if doc["location"].startswith("accounts/evil-corp/")]
    assert len(evil) > 5 and any("&lt;script&gt;alert(" in doc["text"] for doc in evil)
    for doc in evil:
        collector = _Collector()
        collector.feed(doc["title"] + doc["text"])
        assert {tag for tag, _ in collector.tags} <= {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}, doc
        assert all(attrs == {} for _, attrs in collector.tags), doc


def test_invalid_plan_stops_the_build_with_its_position(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    plan = repo / "accounts" / "vela-foods" / "2026.yaml"
    plan.write_text(plan.read_text().replace("status: draft", "status: finished"))
    result = build(repo)
    assert result.returncode != 0
    assert re.search(r"accounts/vela-foods/2026\.yaml:\d+:\d+: error \[schema\.enum\] plan\.status", result.stderr)
    assert "Traceback" not in result.stderr


def test_on_invalid_warn_builds_and_shows_the_problems(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, extra="\n      on_invalid: warn")
    plan = repo / "accounts" / "vela-foods" / "2026.yaml"
    plan.write_text(plan.read_text().replace("status: draft", "status: finished"))
    result = build(repo)
    assert result.returncode == 0, result.stderr
    dashboard = (repo / "site" / "accounts" / "index.html").read_text()
    assert "Problems in the plans" in dashboard and "schema.enum" in dashboard
    assert not (repo / "site" / "accounts" / "vela-foods" / "index.html").exists()


def test_german_site(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, language="de")
    assert build(repo).returncode == 0
    page = (repo / "site" / "accounts" / "nordwerk" / "index.html").read_text()
    for label in ("Kennzahlen", "Checklisten", "Stakeholder-Map", "Aktionsplan", "Umsatz Vorjahr", "Vollständigkeit"):
        assert label in page, label
    assert "Agenda des Jahresgesprächs" in (repo / "site" / "accounts" / "nordwerk" / "agenda.html").read_text()
    # what is still to fill in, said in German too: counts, figures and their reasons, alternatives
    lists = [
        page.split("Noch auszufüllen", 1)[1].split("</ul>", 1)[0]
        for page in (p.read_text() for p in (repo / "site" / "accounts").glob("*/index.html"))
        if "Noch auszufüllen" in page
    ]
    assert lists and any("Kennzahl " in items for items in lists) and any(" oder " in items for items in lists)
    assert not [items for items in lists if "figure " in items or " or " in items or "at least" in items or "needs " in items]
    # alerts and failed gates in German too
    # harbourline-bank keeps an opportunity whose close date has passed
    harbourline = (repo / "site" / "accounts" / "harbourline-bank" / "index.html").read_text()
    assert "Abschlussdatum überschritten: aktualisieren oder schließen" in harbourline
    dashboard = (repo / "site" / "accounts" / "index.html").read_text()
    assert (
        "Checklisten zu 12,5\xa0% vollständig, unter dem Minimum von 60,0\xa0%" in dashboard
        and "checklists 12.5% complete" not in dashboard
    )


def test_home_opens_with_the_portfolio_at_a_glance(sites: dict[str, Path]) -> None:
    home = (sites["shared"] / "index.html").read_text()
    glance = home.split('id="kam-at-a-glance"', 1)[1].split("This site is built", 1)[0]
    assert home.index("<h1") < home.index('id="kam-at-a-glance"')
    for words in ("Revenue last year", "Forecast (expected)", "against last year", "Weighted pipeline", "Accounts that fail a gate"):
        assert words in glance, words
    assert 'href="accounts/index.html"' in glance and 'href="accounts/kestrel-freight/index.html"' in glance  # fails a gate
    dashboard = (sites["shared"] / "accounts" / "index.html").read_text()
    assert 'class="kam-tiles"' in dashboard and 'title="€4,003,800"' in dashboard and ">€4.0M<" in dashboard


def test_only_the_internal_edition_says_so_on_every_page(sites: dict[str, Path]) -> None:
    banner = sites["internal"] / "assets" / "kamdocs-edition.css"
    assert "Internal edition" in banner.read_text() and "print" in banner.read_text()
    for page in ("index.html", "guide.html", "accounts/index.html", "accounts/nordwerk/agenda.html"):
        assert "assets/kamdocs-edition.css" in (sites["internal"] / page).read_text(), page
        assert "kamdocs-edition.css" not in (sites["shared"] / page).read_text(), page
    assert not (sites["shared"] / "assets" / "kamdocs-edition.css").exists()


def test_account_page_summary_first_rest_folded_to_do_out_of_search(sites: dict[str, Path]) -> None:
    page = (sites["internal"] / "accounts" / "vela-foods" / "index.html").read_text()
    article = page.split("<article", 1)[1]
    assert article.index('class="kam-tiles"') < article.index('id="alerts"') < article.index('id="figures"')
    assert '<details class="kam-fold"><summary>Show</summary>' in article
    assert "Still to fill in (" in article
    texts = " ".join(doc["text"] for doc in search_docs(sites["internal"]))
    assert "Still to fill in" not in texts and "Vela Food" in texts


def test_dashboard_draws_the_portfolio_matrix(sites: dict[str, Path]) -> None:
    dashboard = (sites["shared"] / "accounts" / "index.html").read_text()
    matrix = dashboard.split('<figure class="kam-chart kam-matrix">', 1)[1].split("</figure>", 1)[0]
    for words in ("Develop and grow", "Repair the relationship", "Maintain", "Serve efficiently", "Health score", "Key-account score"):
        assert words in matrix, words
    # every account with both scores is a point, and a row of the table for screen readers
    # four accounts have a survey (the health score needs one): Meridian, Nordwerk, Kestrel, Harbourline
    assert matrix.count("<circle") == 4 and "<td>Meridian Stores plc</td><td>83.5</td><td>3.6</td><td>Develop and grow</td>" in matrix
    assert "<td>Harbourline Savings Bank</td><td>82.1</td><td>2.4</td><td>Maintain</td>" in matrix


def test_changes_page_tells_the_story_first(sites: dict[str, Path]) -> None:
    page = (sites["internal"] / "accounts" / "meridian-stores" / "changes-2026.html").read_text()
    article = page.split("<article", 1)[1]
    assert article.index('id="in-short"') < article.index('id="figures-that-changed"') < article.index('id="what-changed-in-the-plan"')
    short = article.split('id="in-short"', 1)[1].split("<h2", 1)[0]
    assert "Revenue last year" in short and "€3,777,500" in short and "€4,003,800" in short and "+€226,300" in short
    assert "Health score" in short and "+8.8" in short
    assert "Weighted pipeline" in short and "+€313,300" in short and "Completeness" in short and "98.2%" in short
    # a share's difference in percentage points, not a percentage of it
    assert ">+1.8 pp<" in short
    # the rollover's dates in one line, the rest of the plan's changes under their sections
    assert re.search(r"<summary>\d+ dates moved by exactly one year, as the rollover moves them</summary>", article)
    assert "<h3" in article and "Plan › Last reviewed" in article


def test_relationship_map_cards_by_role_with_a_warning_where_one_person_carries_it(sites: dict[str, Path]) -> None:
    thin = (sites["internal"] / "accounts" / "vela-foods" / "index.html").read_text().split('id="stakeholder-map"', 1)[1].split("<h2", 1)[0]
    assert 'class="admonition warning"' in thin and "Single-threaded relationship" in thin
    page = (sites["internal"] / "accounts" / "orbis-grid" / "index.html").read_text()
    section = page.split('id="stakeholder-map"', 1)[1].split("<h2", 1)[0]
    assert 'class="admonition warning"' not in section
    assert section.count('class="kam-card') >= 2 and "<h4>Decision maker</h4>" in section and "Relationship owner: Felix Haas" in section
    assert "Influence: 5" in section
    shared = (sites["shared"] / "accounts" / "orbis-grid" / "index.html").read_text().split('id="stakeholder-map"', 1)[1].split("<h2", 1)[0]
    assert "kam-card" in shared and "Influence:" not in shared and "Attitude towards us" not in shared
    # internal: the active contacts placed by influence (5 down to 1) against attitude (critics first); shared: no grid
    grid = section.split('<table class="kam-table kam-influence">', 1)[1].split("</table>", 1)[0]
    assert "<th>Critic</th><th>Neutral</th><th>Supporter</th>" in grid
    assert [int(level) for level in re.findall(r"<tr><td><strong>(\d)</strong>", grid)] == [5, 4, 3, 2, 1]
    assert "kam-influence" not in shared


def test_whitespace_matrix_buying_units_by_offerings(sites: dict[str, Path]) -> None:
    page = (sites["shared"] / "accounts" / "meridian-stores" / "index.html").read_text()
    matrix = page.split('<table class="kam-table kam-whitespace">', 1)[1].split("</table>", 1)[0]
    assert "<th>Devices</th><th>Managed services</th><th>Training</th>" in matrix
    assert '<td>Group IT</td><td><span class="kam-ws kam-ws-not_yet">Not yet</span><br>' in matrix
    # each cell with its potential, said to a screen reader, and a legend under the table
    assert '<span class="kam-sr-only">Potential per year: </span>+€150,000</span>' in matrix
    legend = page.split('<table class="kam-table kam-whitespace">', 1)[1].split('class="kam-ws-note">', 1)[1].split("</p>", 1)[0]
    assert "Potential per year · Whitespace potential per year: <strong>€1,105,000</strong>" in legend
    # a cell without a potential stays a status alone
    nordwerk = (sites["shared"] / "accounts" / "nordwerk" / "index.html").read_text()
    assert '<span class="kam-ws kam-ws-buys">Buys it</span></td>' in nordwerk
