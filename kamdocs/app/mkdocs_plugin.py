"""MkDocs plugin `kam`: hands the pages made by kamdocs.pages to MkDocs, computing nothing itself."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config as MkDocsConfig
from mkdocs.config.defaults import MkDocsConfig as SiteConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from kamdocs.core.config import EDITIONS, Config, ConfigError, load_config
from kamdocs.core.files import write_atomic
from kamdocs.core.schema import SchemaLoadError
from kamdocs.core.validate import PathNotFound
from kamdocs.render.markup import escape
from kamdocs.render.outputs.report import problem_line
from kamdocs.render.pages.render import RenderedPage
from kamdocs.render.site.build import EDITION_STYLESHEET, Site, build_site, nav_uris
from kamdocs.render.site.folder import HOME, NOT_IN_NAV, OFFLINE_SHIM, ON_INVALID, SCRIPTS, STYLESHEET, asset_files, reference_pages
from kamdocs.view.reader import UnknownLanguage, require_language


class KamPluginConfig(MkDocsConfig):
    edition = config_options.Optional(config_options.Choice(EDITIONS))
    language = config_options.Optional(config_options.Type(str))
    on_invalid = config_options.Choice(ON_INVALID, default="fail")
    config_file = config_options.Optional(config_options.Type(str))


class KamPlugin(BasePlugin[KamPluginConfig]):
    @event_priority(50)
    def on_config(self, config: SiteConfig) -> SiteConfig:
        """Runs before the other plugins' on_config: the offline plugin must find the shim in place."""
        self.root = Path(config.config_file_path).resolve().parent
        try:
            config_file = self.root / self.config.config_file if self.config.config_file else None
            kam = load_config(config_file, cwd=self.root).with_overrides(edition=self.config.edition, language=self.config.language)
            require_language(kam)
        except (ConfigError, UnknownLanguage) as err:
            raise PluginError(str(err)) from None
        self.kam: Config = kam
        # the theme's own words (search, navigation, footer) in the site's language
        config.theme["language"] = self.kam.language
        config.extra_css.append(STYLESHEET)
        if self.kam.edition == "internal":
            config.extra_css.append(EDITION_STYLESHEET)
        config.extra_javascript.extend(SCRIPTS)
        if any(name.rsplit("/", 1)[-1] == "offline" for name in config.plugins):
            # the offline plugin adds the shim from unpkg.com unless one is there
            config.extra["polyfills"] = [OFFLINE_SHIM, *config.extra.get("polyfills", [])]
        patterns = [str(p.pattern) for p in getattr(config.not_in_nav, "patterns", [])] if config.not_in_nav else []
        config.not_in_nav = config_options.PathSpec().run_validation("\n".join([*patterns, *NOT_IN_NAV]))
        return config

    def on_files(self, files: Files, *, config: SiteConfig) -> Files:
        try:
            self.site: Site = build_site(self.kam, self.root)
            references = reference_pages(self.kam, self.site.context, self.site.reader)
        except (SchemaLoadError, PathNotFound) as err:
            raise PluginError(str(err)) from None
        if self.site.problems and self.config.on_invalid == "fail":
            raise PluginError(
                "plans do not validate (set on_invalid: warn to build anyway):\n" + "\n".join(problem_line(p) for p in self.site.problems)
            )
        self.generated: list[GeneratedPage] = []
        for uri, rendered in {**references, **self.site.pages}.items():
            file = File.generated(config, uri, content="")
            self.generated.append(GeneratedPage(rendered, file, config))
            files.append(file)
        for uri, data in {**self.site.files, **asset_files()}.items():
            files.append(File.generated(config, uri, content=data))
        return files

    def on_nav(self, nav: Navigation, *, config: SiteConfig, files: Files) -> Navigation:
        """Dashboard, calendar and the tier pages; accounts, their years and agendas are reached from those."""
        pages = []
        for uri in nav_uris(self.site.accounts):
            file = files.get_file_from_path(uri)
            assert file is not None and file.page is not None
            pages.append(file.page)
        section = Section(self.site.reader.text("dashboard"), pages)
        for child in pages:
            child.parent = section
        nav.items.insert(1 if nav.items else 0, section)
        nav.pages = [item for item in _walk(nav.items) if isinstance(item, Page)]
        return nav

    def on_page_content(self, html: str, *, page: Page, config: SiteConfig, files: Files) -> str:
        """The home page opens with the portfolio at a glance, under its title."""
        if page.file.src_uri != HOME or not self.site.home:
            return html
        summary = _LINK.sub(lambda m: _resolve(m, page, files), self.site.home)
        at = html.find("</h1>") + len("</h1>") if "</h1>" in html else 0
        return html[:at] + summary + html[at:]

    @event_priority(-90)
    def on_post_build(self, *, config: SiteConfig) -> None:
        """Adds the generated pages to the index the search plugin has just written (MkDocs' and Material's format);
        after the search plugin (0), before the offline plugin (-100) copies the index into search_index.js."""
        index = Path(config.site_dir) / "search" / "search_index.json"
        if not index.is_file():
            return
        data = json.loads(index.read_text(encoding="utf-8"))
        data["docs"].extend(
            {"location": page.url + (f"#{s.id}" if s.id else ""), "title": s.title or page.rendered.title, "text": s.text}
            for page in self.generated
            for s in page.rendered.search
        )
        write_atomic(index, json.dumps(data, separators=(",", ":")).encode("utf-8"), force=True)

    def on_serve(self, server: Any, *, config: SiteConfig, builder: Any) -> Any:
        for path in (self.kam.schema.parent, self.kam.accounts, self.kam.source):
            if path is not None and path.exists():
                server.watch(str(path))
        return server


class GeneratedPage(Page):
    """A page made by kamdocs.pages, already HTML: MkDocs' Markdown step is skipped (as Material's blog does for its views)."""

    def __init__(self, rendered: RenderedPage, file: File, config: SiteConfig) -> None:
        super().__init__(None, file, config)
        self.rendered = rendered

    def read_source(self, config: SiteConfig) -> None:
        super().read_source(config)
        # the search plugin would parse the HTML again, the slowest step of a build: the kam plugin adds the sections
        self.meta = {**self.meta, "title": self.rendered.title, "search": {"exclude": True}}
        if self.rendered.hide:
            self.meta["hide"] = list(self.rendered.hide)

    def render(self, config: SiteConfig, files: Files) -> None:
        headings = self.rendered.headings
        self.toc = get_toc([{"level": h.level, "id": h.id, "name": escape(h.name), "children": []} for h in headings if h.level == 2])
        self.present_anchor_ids = {h.id for h in headings}
        self.content = _LINK.sub(lambda m: _resolve(m, self, files), self.rendered.html)


_LINK = re.compile(r'href="([^":#?]+\.(?:md|ics))(#[^"]*)?"')


def _resolve(match: re.Match[str], page: Page, files: Files) -> str:
    """A link between generated pages, or to the calendar file, as MkDocs would write it (directory URLs or not)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match.group(1)))
    file = files.get_file_from_path(target)
    if file is None:
        raise PluginError(f"{page.file.src_uri}: link to {match.group(1)}, which is not a page")
    return f'href="{file.url_relative_to(page.file)}{match.group(2) or ""}"'


def _walk(items: list[Any]) -> list[Any]:
    out = []
    for item in items:
        out.append(item)
        out += _walk(getattr(item, "children", None) or [])
    return out
