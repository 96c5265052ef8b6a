"""MkDocs plugin `kam`: hands pages made by the core to MkDocs, computing nothing itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config as MkDocsConfig
from mkdocs.config.defaults import MkDocsConfig as SiteConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from kamdocs.assessment import prepare
from kamdocs.config import EDITIONS, LANGUAGES, Config, ConfigError, load_config
from kamdocs.figures_reference import render_checklists_reference, render_figures_reference
from kamdocs.format_reference import render_format_reference
from kamdocs.report import problem_line
from kamdocs.schema import SchemaLoadError, load_schema

FORMAT_PAGE = "reference/format.md"
FIGURES_PAGE = "reference/figures.md"
CHECKLISTS_PAGE = "reference/checklists.md"


class KamPluginConfig(MkDocsConfig):
    edition = config_options.Choice(EDITIONS, default="shared")
    language = config_options.Optional(config_options.Choice(LANGUAGES))
    config_file = config_options.Optional(config_options.Type(str))


class KamPlugin(BasePlugin[KamPluginConfig]):
    def on_config(self, config: SiteConfig) -> SiteConfig:
        site_root = Path(config.config_file_path).resolve().parent
        try:
            config_file = site_root / self.config.config_file if self.config.config_file else None
            self.kam: Config = load_config(config_file, cwd=site_root)
        except ConfigError as err:
            raise PluginError(str(err)) from None
        self.language = self.config.language or self.kam.language
        return config

    def on_files(self, files: Files, *, config: SiteConfig) -> Files:
        try:
            context, checked = prepare(self.kam, Path(config.config_file_path).resolve().parent)
        except SchemaLoadError as err:
            raise PluginError(str(err)) from None
        if checked.problems:
            raise PluginError("\n".join(problem_line(p) for p in checked.problems))
        pages = {
            FORMAT_PAGE: render_format_reference(load_schema(self.kam.schema).raw, self.language),
            FIGURES_PAGE: render_figures_reference(self.kam, context.secrets, self.language),
            CHECKLISTS_PAGE: render_checklists_reference(context.checklists, self.language),
        }
        for uri, content in pages.items():
            files.append(File.generated(config, uri, content=content))
        return files

    def on_serve(self, server: Any, *, config: SiteConfig, builder: Any) -> Any:
        for path in (self.kam.schema, self.kam.accounts, self.kam.source):
            if path is not None and path.exists():
                server.watch(str(path))
        return server
