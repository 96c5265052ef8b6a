from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT


@pytest.fixture
def site_repo(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("docs", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(FIXTURES / "accounts", tmp_path / "accounts")
    return tmp_path


def build(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
    )


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_build_generates_the_format_reference_in_memory(site_repo: Path) -> None:
    docs_before = listing(site_repo / "docs")
    accounts_before = listing(site_repo / "accounts")
    result = build(site_repo)
    assert result.returncode == 0, result.stderr
    page = (site_repo / "site" / "reference" / "format.html").read_text(encoding="utf-8")
    assert "Plan format reference" in page and "Key-Account-Manager" in page
    assert (site_repo / "site" / "cli.html").read_text(encoding="utf-8").count("validate") > 2
    figures = (site_repo / "site" / "reference" / "figures.html").read_text(encoding="utf-8")
    assert "Share of wallet" in figures and "committed revenue" in figures
    assert "Information checklist" in (site_repo / "site" / "reference" / "checklists.html").read_text(encoding="utf-8")
    assert listing(site_repo / "docs") == docs_before
    assert listing(site_repo / "accounts") == accounts_before


def test_language_option_gives_german_pages(site_repo: Path) -> None:
    config = site_repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("# language: de", "language: de"))
    assert build(site_repo).returncode == 0
    page = (site_repo / "site" / "reference" / "format.html").read_text(encoding="utf-8")
    assert "Referenz des Planformats" in page


def test_broken_checklists_stop_the_build_with_their_position(site_repo: Path) -> None:
    checklists = site_repo / "schema" / "checklists.yaml"
    checklists.write_text(checklists.read_text().replace("done: {path: key_figures.turnover_rate}", "done: {path: key_figures.turnover}"))
    result = build(site_repo)
    assert result.returncode != 0
    assert "checklists.yaml:" in result.stderr and "'key_figures.turnover' is not a key path of the plan schema" in result.stderr


def test_broken_config_stops_the_build_with_its_message(site_repo: Path) -> None:
    pyproject = site_repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('currency = "EUR"', "currency = 3"))
    result = build(site_repo)
    assert result.returncode != 0
    assert "[tool.kam] currency = 3: expected str" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_watches_plans_schema_and_config(site_repo: Path) -> None:
    from mkdocs.config import load_config as load_site_config

    from kamdocs.app.mkdocs_plugin import KamPlugin

    config = load_site_config(str(site_repo / "mkdocs.yml"))
    plugin = config.plugins["kam"]
    assert isinstance(plugin, KamPlugin)
    plugin.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert set(server.watched) == {str(site_repo / "schema"), str(site_repo / "accounts"), str(site_repo / "pyproject.toml")}


def test_plugin_declares_its_properdocs_support() -> None:
    """ProperDocs prefers a plugin registered under properdocs.plugins to its mkdocs.plugins twin."""
    from importlib.metadata import entry_points

    from kamdocs.app.mkdocs_plugin import KamPlugin

    declared = {entry.name: entry for entry in entry_points(group="properdocs.plugins")}
    assert declared["kam"].load() is KamPlugin
    from properdocs.plugins import get_plugins

    assert get_plugins()["kam"].group == "properdocs.plugins"
