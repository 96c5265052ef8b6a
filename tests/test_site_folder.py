"""`kam site pages`: the whole site as files for a site generator without the kam plugin (built for real with
Zensical in test_pages_site.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from kamdocs.app.cli import main
from kamdocs.render.pages.render import RenderedPage
from kamdocs.render.site.folder import page_file

CANARY_VALUE = "3,141,592"
"""A confidential amount of the canary account, as its account page writes it."""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository copy with the acme fixture account and the canary account, the site's mkdocs.yml and docs/."""
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("docs", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(FIXTURES / "accounts", tmp_path / "accounts")
    shutil.copytree(FIXTURES / "canary" / "canary-gmbh", tmp_path / "accounts" / "canary-gmbh")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('# as_of = "2026-11-24"', 'as_of = "2026-11-24"'))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["site", "pages", *args], catch_exceptions=False)
    return result.exit_code, result.output


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_every_page_beside_the_hand_written_ones_with_the_navigation(repo: Path) -> None:
    before = {name: listing(repo / name) for name in ("docs", "accounts", "schema")}
    code, output = run("build/zensical")
    assert code == 0, output
    docs = repo / "build" / "zensical" / "docs"
    for page in (
        "index.md",
        "guide.md",
        "accounts/index.md",
        "accounts/calendar.md",
        "accounts/calendar.ics",
        "accounts/acme-tools/index.md",
        "accounts/acme-tools/agenda.md",
        "accounts/canary-gmbh/index.md",
        "reference/format.md",
        "reference/figures.md",
        "reference/checklists.md",
        "assets/kamdocs.css",
        "assets/vendor/tablesort.min.js",
    ):
        assert (docs / page).is_file(), page
    assert (docs / "guide.md").read_bytes() == (repo / "docs" / "guide.md").read_bytes()
    assert (docs / "accounts" / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    config = yaml.safe_load((repo / "build" / "zensical" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs" and config["plugins"] == ["search", "offline"]
    assert config["extra"]["polyfills"] == ["assets/vendor/iframe-worker.shim.js"]
    assert config["nav"][:2] == [
        {"Home": "index.md"},
        {"Key accounts": ["accounts/index.md", "accounts/calendar.md", "accounts/tier-a.md", "accounts/tier-c.md"]},
    ]
    assert "assets/kamdocs.css" in config["extra_css"] and config["extra_javascript"][-1] == "assets/kamdocs.js"
    assert {name: listing(repo / name) for name in ("docs", "accounts", "schema")} == before


def test_the_plugins_edition_applies_and_the_option_overrides_it(repo: Path) -> None:
    assert run("shared")[0] == 0
    assert CANARY_VALUE not in (repo / "shared" / "docs" / "accounts" / "canary-gmbh" / "index.md").read_text(encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("edition: shared", "edition: internal"))
    assert run("internal")[0] == 0
    assert CANARY_VALUE in (repo / "internal" / "docs" / "accounts" / "canary-gmbh" / "index.md").read_text(encoding="utf-8")
    assert run("overridden", "--edition", "shared", "--language", "de")[0] == 0
    assert CANARY_VALUE not in (repo / "overridden" / "docs" / "accounts" / "canary-gmbh" / "index.md").read_text(encoding="utf-8")
    assert "- Key Accounts:" in (repo / "overridden" / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["docs", "docs/generated", "accounts", "."])
def test_never_writes_into_docs_or_accounts(repo: Path, folder: str) -> None:
    before = listing(repo)
    code, output = run(folder, "--force")
    assert code == 2 and "which is never written into" in output and "Traceback" not in output
    assert listing(repo) == before


def test_replaces_its_folder_only_with_force(repo: Path) -> None:
    assert run("out")[0] == 0
    (repo / "out" / "docs" / "accounts" / "gone.md").write_text("an account removed since")
    code, output = run("out")
    assert code == 2 and "exists; use --force to replace it" in output
    assert run("out", "--force")[0] == 0
    assert not (repo / "out" / "docs" / "accounts" / "gone.md").exists()
    (repo / "mine").mkdir()
    (repo / "mine" / "notes.txt").write_text("not written by kam")
    code, output = run("mine", "--force")
    assert code == 2 and "did not write" in output
    assert listing(repo / "mine") == {"notes.txt": b"not written by kam"}


def test_an_invalid_plan_stops_it_with_its_position(repo: Path) -> None:
    plan = repo / "accounts" / "acme-tools" / "2026.yaml"
    plan.write_text(plan.read_text().replace("status: draft", "status: finished", 1))
    code, output = run("out")
    assert code == 1 and "accounts/acme-tools/2026.yaml:" in output and "[schema.enum] plan.status" in output
    assert not (repo / "out").exists()
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("edition: shared", "edition: shared\n      on_invalid: warn"))
    assert run("out")[0] == 0
    assert not (repo / "out" / "docs" / "accounts" / "acme-tools").exists()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("site_name: Key account plans", "site_name: [unclosed"), "mkdocs.yml:2:17: not valid YAML"),
        (("edition: shared", "edition: public"), "plugins.kam.edition = 'public': expected one of shared, internal"),
        (("docs_dir: docs", "docs_dir: nowhere"), "nowhere: docs folder not found"),
    ],
)
def test_a_broken_site_config_exits_2_in_one_line(repo: Path, change: tuple[str, str], words: str) -> None:
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace(*change))
    code, output = run("out")
    assert code == 2 and words in output and "Traceback" not in output, output
    assert not (repo / "out").exists()


def test_tags_of_the_site_config_are_kept_for_the_site_generator(repo: Path) -> None:
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_dir: site", "site_dir: site\nsite_url: !ENV [SITE_URL, 'https://example.com/']"))
    assert run("out")[0] == 0
    assert "site_url: !ENV [SITE_URL, https://example.com/]" in (repo / "out" / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_page_body_passes_through_markdown_as_it_stands() -> None:
    """Plan text in a page is escaped already: parsed as Markdown again it could become a link kamdocs refused."""
    html = "<h1>Evil &lt;b&gt; Corp</h1>\n\n<span>[x](javascript:alert(1)) *not emphasis*</span>\n\n# not a heading\n\n<table><tr><td>a</td></tr></table>"
    hidden = page_file(RenderedPage("Evil &lt;b&gt; Corp", html, (), ()))
    front, body = hidden.split("---\n\n", 1)
    assert front == '---\ntitle: "Evil &lt;b&gt; Corp"\nsearch:\n  exclude: true\n'
    for extensions in ([], ["md_in_html", "attr_list", "toc", "tables"]):
        rendered = markdown.markdown(body, extensions=extensions)
        assert html in rendered and "href" not in rendered and "<em>" not in rendered
