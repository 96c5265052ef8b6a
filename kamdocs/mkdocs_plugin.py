"""MkDocs plugin `kam`: hands the pages made by kamdocs.pages to MkDocs, computing nothing itself."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config as MkDocsConfig
from mkdocs.config.defaults import MkDocsConfig as SiteConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from kamdocs.config import EDITIONS, LANGUAGES, Config, ConfigError, load_config
from kamdocs.figures_reference import render_checklists_reference, render_figures_reference
from kamdocs.format_reference import render_format_reference
from kamdocs.pages.site import CALENDAR, DASHBOARD, Site, account_uri, build_site, nav_groups
from kamdocs.pages.words import t
from kamdocs.report import problem_line
from kamdocs.schema import SchemaLoadError, load_schema
from kamdocs.validate import PathNotFound

FORMAT_PAGE = "reference/format.md"
FIGURES_PAGE = "reference/figures.md"
CHECKLISTS_PAGE = "reference/checklists.md"
STYLESHEET = "assets/kamdocs.css"


class KamPluginConfig(MkDocsConfig):
    edition = config_options.Optional(config_options.Choice(EDITIONS))
    language = config_options.Optional(config_options.Choice(LANGUAGES))
    on_invalid = config_options.Choice(("fail", "warn"), default="fail")
    config_file = config_options.Optional(config_options.Type(str))


class KamPlugin(BasePlugin[KamPluginConfig]):
    def on_config(self, config: SiteConfig) -> SiteConfig:
        self.root = Path(config.config_file_path).resolve().parent
        try:
            config_file = self.root / self.config.config_file if self.config.config_file else None
            kam = load_config(config_file, cwd=self.root)
        except ConfigError as err:
            raise PluginError(str(err)) from None
        self.kam: Config = kam.with_overrides(edition=self.config.edition, language=self.config.language)
        config.extra_css.append(STYLESHEET)
        # The many generated pages are reached from the dashboard and the account pages, not from the nav.
        patterns = [str(p.pattern) for p in getattr(config.not_in_nav, "patterns", [])] if config.not_in_nav else []
        config.not_in_nav = config_options.PathSpec().run_validation("\n".join([*patterns, "/accounts/", "/reference/"]))
        return config

    def on_files(self, files: Files, *, config: SiteConfig) -> Files:
        try:
            self.site: Site = build_site(self.kam, self.root)
            schema = load_schema(self.kam.schema)
        except (SchemaLoadError, PathNotFound) as err:
            raise PluginError(str(err)) from None
        if self.site.problems and self.config.on_invalid == "fail":
            raise PluginError("plans do not validate (set on_invalid: warn to build anyway):\n" + "\n".join(problem_line(p) for p in self.site.problems))
        language = self.kam.language
        context_pages = {
            FORMAT_PAGE: render_format_reference(schema.raw, language),
            FIGURES_PAGE: render_figures_reference(self.kam, self.site.context.secrets, language),
            CHECKLISTS_PAGE: render_checklists_reference(self.site.context.checklists, language),
        }
        for uri, content in {**context_pages, **self.site.pages}.items():
            files.append(File.generated(config, uri, content=content))
        for uri, data in self.site.files.items():
            files.append(File.generated(config, uri, content=data))
        files.append(File.generated(config, STYLESHEET, content=resources.files("kamdocs.pages").joinpath("kamdocs.css").read_bytes()))
        return files

    def on_nav(self, nav: Navigation, *, config: SiteConfig, files: Files) -> Navigation:
        """Dashboard, calendar and one entry per account (grouped by tier); years and agendas hang off the account page."""
        language = self.kam.language

        def page(uri: str) -> Page:
            file = files.get_file_from_path(uri)
            assert file is not None and file.page is not None
            return file.page

        groups = [
            Section(f"{t('tier', language)} {tier}", [page(account_uri(a.account)) for a in members])
            for tier, members in nav_groups(self.site.accounts).items()
        ]
        section = Section(t("dashboard", language), [page(DASHBOARD), page(CALENDAR), *groups])
        for child in section.children:
            child.parent = section
        for group in groups:
            for child in group.children:
                child.parent = group
        nav.items.insert(1 if nav.items else 0, section)
        nav.pages = [item for item in _walk(nav.items) if isinstance(item, Page)]
        return nav

    def on_serve(self, server: Any, *, config: SiteConfig, builder: Any) -> Any:
        for path in (self.kam.schema.parent, self.kam.accounts, self.kam.source):
            if path is not None and path.exists():
                server.watch(str(path))
        return server


def _walk(items: list[Any]) -> list[Any]:
    out = []
    for item in items:
        out.append(item)
        out += _walk(getattr(item, "children", None) or [])
    return out

