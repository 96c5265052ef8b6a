"""Every page type of the site as a sales director sees it, in both editions and both languages, measured in a real
Chromium: nothing scrolls sideways, no table runs under the table of contents or off the screen (element boxes,
not eyes), at a laptop's 1,280 x 800, a monitor's 1,920 x 1,080 and in print; axe-core finds no serious or critical
accessibility problem. Folded sections are measured open. Screenshots of every page type land in build/screenshots/ for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, SHOTS
from test_pages_site import build, make_repo, site_of

AXE = Path(os.environ.get("KAM_AXE", ROOT / "build" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
SITES = [
    ("properdocs", "shared", "en"),
    ("properdocs", "shared", "de"),
    ("properdocs", "internal", "en"),
    ("properdocs", "internal", "de"),
    # Zensical draws the same pages with its own theme: one edition in each language
    ("zensical", "shared", "en"),
    ("zensical", "internal", "de"),
]
"""(engine, edition, language): `make site` builds with ProperDocs, `make site-zensical` with Zensical."""
ACCOUNTS = sorted(p.name for p in (ROOT / "accounts").iterdir() if p.is_dir())
PAGES = {
    "home": "index.html",
    "dashboard": "accounts/index.html",
    "calendar": "accounts/calendar.html",
    "tier": "accounts/tier-a.html",
    **{f"account-{a}": f"accounts/{a}/index.html" for a in ACCOUNTS},
    "earlier-year": "accounts/meridian-stores/2025.html",
    "changes": "accounts/meridian-stores/changes-2026.html",
    "agenda": "accounts/meridian-stores/agenda.html",
    "figures": "reference/figures.html",
    "format": "reference/format.html",
    "checklists": "reference/checklists.html",
}
SCREENS = [(1280, 800), (1920, 1080)]
PRINT_WIDTH = 673
"""A4 less the print stylesheet's margins (210 - 2 x 16 mm), in CSS pixels."""

MEASURE = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const width = document.documentElement.clientWidth;
  const toc = document.querySelector('.md-sidebar--secondary');
  const box = toc ? toc.getBoundingClientRect() : null;
  const limit = box && box.width > 0 && getComputedStyle(toc).display !== 'none' && getComputedStyle(toc).visibility !== 'hidden'
    ? Math.min(width, box.left) : width;
  const over = [];
  for (const el of document.querySelectorAll('article table, article figure, article svg, article pre, article dl')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > limit + 1 || r.left < -1)) {
      over.push(`${el.tagName} "${(el.innerText || el.textContent || '').trim().slice(0, 50)}" right ${Math.round(r.right)} > ${Math.round(limit)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, over};
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    built = {}
    for engine, edition, language in SITES:
        repo = make_repo(tmp_path_factory.mktemp(f"layout-{engine}-{edition}-{language}"), edition=edition, language=language)
        result = build(repo, engine)
        assert result.returncode == 0, result.stderr
        built[engine, edition, language] = site_of(repo, engine)
    return built


def overflows(page: object, url: str, shot: str = "") -> list[str]:
    """What runs off the page or under the contents; `shot`: a screenshot first, as the reader sees the page (folded)."""
    page.goto(url)  # type: ignore[attr-defined]
    if shot:
        page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)  # type: ignore[attr-defined]
    measured = page.evaluate(MEASURE)  # type: ignore[attr-defined]
    found = list(measured["over"])
    if measured["scroll"] > measured["width"]:
        found.append(f"the page scrolls sideways: {measured['scroll']} > {measured['width']}")
    return found


@pytest.mark.parametrize(("engine", "edition", "language"), SITES)
def test_no_page_scrolls_sideways_and_no_table_runs_under_the_contents(
    browser: object, sites: dict[tuple[str, str, str], Path], engine: str, edition: str, language: str
) -> None:
    site = sites[engine, edition, language]
    prefix = f"{edition}-{language}" if engine == "properdocs" else f"{engine}-{edition}-{language}"
    problems = []
    for width, height in SCREENS:
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        for name, path in PAGES.items():
            wanted = width == 1280 and (not name.startswith("account-") or name == "account-meridian-stores")
            shot = f"{prefix}-{name}" if wanted else ""
            problems += [f"{width}px {name}: {p}" for p in overflows(page, (site / path).as_uri(), shot)]
        page.close()
    printed = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 950})  # type: ignore[attr-defined]
    printed.emulate_media(media="print")
    for name, path in PAGES.items():
        shot = f"{prefix}-{name}-print" if name in ("account-meridian-stores", "agenda", "dashboard") else ""
        problems += [f"print {name}: {p}" for p in overflows(printed, (site / path).as_uri(), shot)]
    printed.close()
    assert problems == [], "\n".join(problems)


AXE_PAGES = ("home", "dashboard", "account-meridian-stores", "agenda", "changes")


@pytest.mark.parametrize(("engine", "edition", "language"), SITES)
def test_axe_finds_no_serious_accessibility_problem(
    browser: object, sites: dict[tuple[str, str, str], Path], engine: str, edition: str, language: str
) -> None:
    assert AXE.is_file(), f"{AXE} not found: `make test` installs axe-core with npm (or set KAM_AXE)"
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    found = []
    for name in AXE_PAGES:
        page.goto((sites[engine, edition, language] / PAGES[name]).as_uri())
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        found += [
            f"{name}: {v['id']} ({v['impact']}) {v['help']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    page.close()
    assert found == [], "\n".join(found)


def test_every_printed_page_of_the_internal_edition_says_so(browser: object, sites: dict[tuple[str, str, str], Path]) -> None:
    """The banner heads the first page on screen and on paper; each further printed page carries the words too."""
    from io import BytesIO

    from pypdf import PdfReader

    page = browser.new_page()  # type: ignore[attr-defined]
    for (engine, edition, language), site in sites.items():
        if engine != "properdocs" or language != "de":
            continue
        page.goto((site / PAGES["account-meridian-stores"]).as_uri())
        pages = PdfReader(BytesIO(page.pdf(format="A4"))).pages  # type: ignore[attr-defined]
        marked = ["Interne Ausgabe" in p.extract_text() for p in pages]
        assert len(pages) > 3
        assert all(marked) if edition == "internal" else not any(marked), marked
    page.close()
