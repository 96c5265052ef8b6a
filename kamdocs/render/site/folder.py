"""The whole site as a folder of files, for a site generator that runs no kam plugin (Zensical, or whatever
comes after MkDocs 1.x): the hand-written pages, every generated page, the calendar, the reference pages, the
assets, and the site's mkdocs.yml with the navigation added and the kam plugin taken out.

The pages are the same pure functions the plugin hands over; only the hand-over differs. Each generated page
becomes a Markdown file whose front matter holds the (escaped) title and whose body is the finished HTML, one
block the Markdown parser passes through as it stands: plan text, escaped and sanitised when the page was made,
is never parsed as Markdown again (which would make links of it that kamdocs refused)."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from kamdocs.core.config import EDITIONS, Config
from kamdocs.core.problem import Problem
from kamdocs.figures.assessment import Context
from kamdocs.render.pages.figures_reference import render_checklists_reference, render_figures_reference
from kamdocs.render.pages.format_reference import render_format_reference
from kamdocs.render.pages.render import RenderedPage, front_matter, render_page
from kamdocs.render.site.build import EDITION_STYLESHEET, Site, build_site, nav_uris
from kamdocs.view.reader import Reader

FORMAT_PAGE = "reference/format.md"
FIGURES_PAGE = "reference/figures.md"
CHECKLISTS_PAGE = "reference/checklists.md"
STYLESHEET = "assets/kamdocs.css"
ASSETS = {
    STYLESHEET: "kamdocs.css",
    "assets/vendor/tablesort.min.js": "vendor/tablesort.min.js",
    "assets/vendor/tablesort.number.min.js": "vendor/tablesort.number.min.js",
    "assets/kamdocs.js": "kamdocs.js",
    "assets/vendor/iframe-worker.shim.js": "vendor/iframe-worker.shim.js",
}
"""Site address -> file in kamdocs/render/pages: the scripts make the portfolio tables sortable (in this order)."""
OFFLINE_SHIM = "assets/vendor/iframe-worker.shim.js"
"""The theme's offline plugin (a site opened from the file system) runs search in an iframe through this shim, and
would fetch it from unpkg.com unless a polyfill named iframe-worker is there already: the site loads nothing from the internet."""
SCRIPTS = [uri for uri in ASSETS if uri.endswith(".js") and uri != OFFLINE_SHIM]
NOT_IN_NAV = ["/accounts/", "/reference/"]
"""The many generated pages are reached from the dashboard and the account pages, not from the nav."""
HOME = "index.md"
"""The hand-written home page: the site puts the portfolio at a glance at its top."""
DOCS, CONFIG, MARKER = "docs", "mkdocs.yml", ".kamdocs-site"
"""The folder's hand-written and generated pages, its config, and the file that marks it as written by kamdocs."""
PLUGIN = "kam"
ON_INVALID = ("fail", "warn")
OPTIONS = {"edition": EDITIONS, "on_invalid": ON_INVALID}
"""The kam plugin's options in mkdocs.yml that `kam site pages` follows too."""


class FolderError(Exception):
    """The site's mkdocs.yml cannot be read, or a hand-written page stands where a generated one goes."""


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The site's mkdocs.yml as read (tags such as !ENV kept for the site generator) and the kam plugin's options."""

    data: Any
    options: dict[str, str]
    docs: Path
    """The hand-written pages."""


def reference_pages(config: Config, context: Context, reader: Reader) -> dict[str, RenderedPage]:
    """The plan format, the figures and the checklists, in the site's language."""
    sources = {
        FORMAT_PAGE: render_format_reference(reader.schema, reader),
        FIGURES_PAGE: render_figures_reference(config, context.secrets, reader),
        CHECKLISTS_PAGE: render_checklists_reference(context.checklists, reader),
    }
    return {uri: render_page(source) for uri, source in sources.items()}


def asset_files() -> dict[str, bytes]:
    folder = resources.files("kamdocs.render.pages")
    return {uri: folder.joinpath(name).read_bytes() for uri, name in ASSETS.items()}


def page_file(page: RenderedPage) -> str:
    """A generated page as a Markdown file: a page kept out of search has no search sections.
    markdown="0" keeps the body raw even where md_in_html is on."""
    return front_matter(page.title, bool(page.search), page.hide) + f'<div class="kam-page" markdown="0">\n{page.html}\n</div>\n'


def read_site_config(path: Path) -> SiteConfig:
    """The site's mkdocs.yml, with the options of its kam plugin (validated as the plugin validates them)."""
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise FolderError(f"{path}: cannot read it ({err.strerror})") from None
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise FolderError(f"{where}: not valid YAML: {getattr(err, 'problem', None) or err}") from None
    if not isinstance(data, dict):
        raise FolderError(f"{path}: expected a mapping of settings")
    if "INHERIT" in data:
        raise FolderError(f"{path}: INHERIT is not supported here; put the settings into one file")
    options: dict[str, str] = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and PLUGIN in plugin:
            if not isinstance(plugin[PLUGIN] or {}, dict):
                raise FolderError(f"{path}: plugins.{PLUGIN}: expected a mapping of options")
            for key, value in (plugin[PLUGIN] or {}).items():
                if key in OPTIONS and value not in OPTIONS[key]:
                    raise FolderError(f"{path}: plugins.{PLUGIN}.{key} = {value!r}: expected one of {', '.join(OPTIONS[key])}")
                if key in (*OPTIONS, "language"):
                    options[key] = str(value)
    return SiteConfig(data, options, path.parent / str(data.get("docs_dir", "docs")))


def _plugin_name(entry: object) -> object:
    return next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else entry


def folder_config(site_config: SiteConfig, site: Site, hand_written: list[str]) -> str:
    """The site's mkdocs.yml for the folder: the dashboard, calendar and tier pages in the nav after its first
    entry (as the plugin puts them), kamdocs' stylesheet and scripts, and no kam plugin to look for."""
    data = copy.deepcopy(site_config.data)
    data["docs_dir"], data["site_dir"] = DOCS, "site"
    # the theme's own words in the site's language, as the plugin sets them
    if isinstance(data.get("theme"), dict):
        data["theme"]["language"] = site.reader.language
    data["plugins"] = [entry for entry in data.get("plugins") or [] if _plugin_name(entry) != PLUGIN]
    data["extra_css"] = [*(data.get("extra_css") or []), STYLESHEET, *([EDITION_STYLESHEET] if EDITION_STYLESHEET in site.files else [])]
    data["extra_javascript"] = [*(data.get("extra_javascript") or []), *SCRIPTS]
    if "offline" in map(_plugin_name, data["plugins"]):
        extra = data.setdefault("extra", {})
        extra["polyfills"] = [OFFLINE_SHIM, *(extra.get("polyfills") or [])]
    nav = list(data.get("nav") or sorted(hand_written, key=lambda uri: (uri != "index.md", uri)))
    nav.insert(1 if nav else 0, {site.reader.text("dashboard"): nav_uris(site.accounts)})
    data["nav"] = nav
    not_in_nav = str(data.get("not_in_nav") or "").splitlines()
    data["not_in_nav"] = LiteralScalarString("\n".join([*not_in_nav, *(p for p in NOT_IN_NAV if p not in not_in_nav)]) + "\n")
    out = io.StringIO()
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.dump(data, out)
    return out.getvalue()


def with_summary(markdown: str, summary: str) -> str:
    """The home page's Markdown with the summary (one raw HTML block) under its title (else at its top, after
    the front matter)."""
    title = re.search(r"^# .*\n", markdown, re.MULTILINE)
    at = title.end() if title else (markdown.find("\n---\n", 4) + 5 if markdown.startswith("---\n") and "\n---\n" in markdown[3:] else 0)
    return f'{markdown[:at]}\n<div markdown="0">\n{summary}\n</div>\n\n{markdown[at:]}'


def hand_written_files(docs: Path) -> dict[str, bytes]:
    """Every file of the docs folder but hidden ones (which MkDocs leaves out too), by its path inside it."""
    if not docs.is_dir():
        raise FolderError(f"{docs}: docs folder not found (docs_dir in mkdocs.yml)")
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs).parts)
    }


def site_folder(site: Site, references: Mapping[str, RenderedPage], site_config: SiteConfig) -> dict[str, bytes]:
    """Path in the folder -> content: the hand-written pages and every generated file under docs/, and the config."""
    hand_written = hand_written_files(site_config.docs)
    generated = {uri: page_file(page).encode("utf-8") for uri, page in {**references, **site.pages}.items()}
    generated |= site.files | asset_files()
    clashes = sorted(uri for uri in generated if uri in hand_written)
    if clashes:
        raise FolderError(f"{site_config.docs / clashes[0]}: a generated page goes there; move or rename the hand-written one")
    if HOME in hand_written and site.home:
        hand_written[HOME] = with_summary(hand_written[HOME].decode("utf-8"), site.home).encode("utf-8")
    pages = [uri for uri in hand_written if uri.endswith(".md")]
    files = {f"{DOCS}/{uri}": data for uri, data in {**hand_written, **generated}.items()}
    files[CONFIG] = folder_config(site_config, site, pages).encode("utf-8")
    files[MARKER] = b"Written by kam site pages, which replaces this whole folder when run again with --force.\n"
    return files


@dataclass(frozen=True, slots=True)
class SiteExport:
    files: dict[str, bytes]
    problems: tuple[Problem, ...]
    """Plans that do not validate; their accounts are left out of the pages, the dashboard lists them."""
    stop: bool
    """The kam plugin's on_invalid is fail (the default) and there are problems: write nothing."""
    protected: tuple[Path, ...]
    """Folders the export must not touch: the hand-written pages, the plans, the schema."""


def export_site(config: Config, site_config_file: Path, base: Path, edition: str | None = None, language: str | None = None) -> SiteExport:
    """The site as the kam plugin would build it from the same mkdocs.yml: its options override [tool.kam],
    and `edition` and `language` (from the command line) override both."""
    site_config = read_site_config(site_config_file)
    options = site_config.options
    kam = config.with_overrides(edition=options.get("edition"), language=options.get("language"))
    kam = kam.with_overrides(edition=edition, language=language)
    site = build_site(kam, base)
    files = site_folder(site, reference_pages(kam, site.context, site.reader), site_config)
    stop = bool(site.problems) and options.get("on_invalid", "fail") == "fail"
    return SiteExport(files, site.problems, stop, (site_config.docs, kam.accounts, kam.schema.parent))
