"""Every reader in their own language: a German site and German command output hold no English word of the toolkit,
no raw enum value and no key path; and a third language is one catalogue plus the schema's labels, nothing in code,
proved with a test-only pseudo-language."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner
from conftest import ROOT, copy_repository

from kamdocs.app.cli import main
from kamdocs.view.i18n import LOCALE_DIR

PSEUDO = "eo"
"""The pseudo-language rides on Esperanto's locale data (numbers, dates, the theme's own words)."""
_ACCENTS = str.maketrans("aeiouyAEIOUYnNcC", "áéíóúýÁÉÍÓÚÝñÑçÇ")
_KEEP = re.compile(r"(\{[^{}]*\}|`[^`]*`|%\w|<[^>]*>)")


def pseudo(text: str) -> str:
    """Text no English reader would take for English, placeholders, code and tags kept as they are."""
    return "".join(part if _KEEP.fullmatch(part) else part.translate(_ACCENTS) for part in _KEEP.split(text))


def german_catalogue() -> Catalog:
    with (LOCALE_DIR / "de" / "LC_MESSAGES" / "kamdocs.po").open("rb") as handle:
        return read_po(handle)


TOOLKIT_BRANDS = {"kamdocs", "Markdown", "YAML", "CSAT", "NPS", "CAGR", "CLV", "Herfindahl", "Hirschman", "Pareto"}


def toolkit_english_words() -> set[str]:
    """The words the toolkit writes in English and says otherwise in German (words both languages share, such as
    Portfolio or Status, say nothing about the language)."""
    english: set[str] = set()
    german: set[str] = set()
    for message in german_catalogue():
        if message.id and message.string:
            english |= set(re.findall(r"[A-Za-z]{4,}", _KEEP.sub(" ", str(message.id))))
            german |= {w.lower() for w in re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", _KEEP.sub(" ", str(message.string)))}
    return {w for w in english if w.lower() not in german} - TOOLKIT_BRANDS


def plan_words(accounts: Path) -> set[str]:
    """Every word the plans themselves hold: plan text is the company's, in whatever language it writes."""
    text = " ".join(p.read_text(encoding="utf-8") for p in accounts.rglob("*.yaml")) + " ".join(
        p.read_text(encoding="utf-8") for p in accounts.rglob("*.csv")
    )
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def schema_enum_values() -> set[str]:
    values: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            values.update(v for v in node.get("enum", []) if isinstance(v, str) and "_" in v)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads((ROOT / "schema" / "account-plan.schema.json").read_text()))
    return values


KEY_PATH = re.compile(r"\b[a-z]+(?:_[a-z]+)*(?:\[\])?\.[a-z]+(?:_[a-z]+)+\b")
"""A key path as an editor writes it (plan.last_reviewed, sales[].direct_costs): a reader never sees one."""


def visible_text(page: str) -> str:
    """What a reader reads of a page's content: tags, attributes (tooltips are for editors), scripts and the drawings
    of charts (their text tables say the same) left out."""
    article = page.split('<article class="md-content__inner md-typeset">', 1)[-1].split("</article>", 1)[0]
    article = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", article, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def english_left(text: str, words: set[str], allowed: set[str]) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]{4,}", text) if w in words and w.lower() not in allowed}


def reader_faults(text: str, words: set[str], allowed: set[str]) -> dict[str, set[str]]:
    return {
        "english": english_left(text, words, allowed),
        "enum values": {v for v in schema_enum_values() if re.search(rf"(?<![\w.]){re.escape(v)}(?![\w])", text)},
        "key paths": set(KEY_PATH.findall(text)),
    }


def test_the_check_finds_a_planted_english_word_enum_value_and_key_path() -> None:
    words = toolkit_english_words()
    assert {"Revenue", "Forecast", "Checklists"} <= words
    faults = reader_faults("Umsatz Vorjahr 1.657.000 € Forecast in_review plan.last_reviewed", words, set())
    assert "Forecast" in faults["english"] and "Umsatz" not in faults["english"]
    assert faults["enum values"] == {"in_review"} and faults["key paths"] == {"plan.last_reviewed"}
    assert reader_faults("Umsatz Vorjahr 1.657.000 € Prognose", words, set()) == {
        "english": set(),
        "enum values": set(),
        "key paths": set(),
    }


def build(repo: Path) -> Path:
    site = repo / "site"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(repo)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def generated_pages(site: Path) -> dict[str, str]:
    """The pages readers read: the dashboard, calendar, tiers and every page of every account. (The reference pages are
    for editors: they name the keys and give each label in English and German on purpose.)"""
    return {str(p.relative_to(site)): visible_text(p.read_text(encoding="utf-8")) for p in sorted((site / "accounts").rglob("*.html"))}


def test_german_site_and_commands_speak_german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The German example's site pages and kam show, agenda and portfolio in German: no English word of the toolkit."""
    repo = copy_repository(tmp_path, ("nordwerk",), "de")
    monkeypatch.chdir(repo)  # file names are shown relative to it
    words, allowed = toolkit_english_words(), plan_words(repo / "accounts")
    texts = generated_pages(build(repo))
    runner = CliRunner()
    for command in (["show", "nordwerk"], ["agenda", "nordwerk"], ["portfolio"], ["portfolio", "--by", "owner"], ["diff", "nordwerk"]):
        for edition in ("shared", "internal"):
            result = runner.invoke(main, [*command, "--edition", edition, "--config", "pyproject.toml"])
            assert result.exit_code == 0, result.output
            texts[f"kam {' '.join(command)} {edition}"] = re.sub(r"<[^>]+>", " ", result.output)
    faults = {name: found for name, text in texts.items() for kind, found in reader_faults(text, words, allowed).items() if found}
    assert faults == {}


def test_a_third_language_is_a_catalogue_and_the_schemas_labels(tmp_path: Path) -> None:
    """A pseudo-language added as a company would add one: a catalogue under [tool.kam] locales, labels in the schema
    and the checklists. The site it builds holds no English word of the toolkit."""
    repo = copy_repository(tmp_path, ("nordwerk",), PSEUDO)
    catalogue = Catalog(locale=PSEUDO, domain="kamdocs")
    for message in german_catalogue():
        if message.id:
            catalogue.add(message.id, pseudo(str(message.id)))
    target = repo / "locales" / PSEUDO / "LC_MESSAGES" / "kamdocs.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as handle:
        write_po(handle, catalogue)
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("[tool.kam]\n", '[tool.kam]\nlocales = "locales"\n', 1))
    schema_file = repo / "schema" / "account-plan.schema.json"
    schema_file.write_text(json.dumps(_labelled(json.loads(schema_file.read_text())), ensure_ascii=False, indent=2))
    checklists = repo / "schema" / "checklists.yaml"
    data = yaml.safe_load(checklists.read_text(encoding="utf-8"))
    for checklist in data["checklists"]:
        checklist["label"][PSEUDO] = pseudo(checklist["label"]["en"])
        for item in checklist["items"]:
            item["label"][PSEUDO] = pseudo(item["label"]["en"])
    checklists.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build(repo)
    assert f'<html lang="{PSEUDO}"' in (site / "accounts" / "index.html").read_text(encoding="utf-8")
    words, allowed = toolkit_english_words(), plan_words(repo / "accounts")
    texts = generated_pages(site)
    assert len(texts) >= 9  # dashboard, calendar, a tier, and the account's plans, changes and agenda
    faults = {name: found for name, text in texts.items() for kind, found in reader_faults(text, words, allowed).items() if found}
    assert faults == {}
    result = CliRunner().invoke(main, ["show", "nordwerk", "--config", str(pyproject)])
    assert result.exit_code == 0 and "Révénúé" not in result.output and pseudo("Forecast (expected)") in result.output


def _labelled(node: Any) -> Any:
    """The schema with a pseudo-language label beside every English title and enum label."""
    if isinstance(node, list):
        return [_labelled(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _labelled(value) for key, value in node.items()}
    if isinstance(node.get("title"), str):
        out[f"x-kam-label-{PSEUDO}"] = pseudo(node["title"])
    if isinstance(node.get("x-kam-enum-labels"), dict) and "en" in node["x-kam-enum-labels"]:
        out["x-kam-enum-labels"][PSEUDO] = {value: pseudo(label) for value, label in node["x-kam-enum-labels"]["en"].items()}
    return out


def test_an_unknown_language_is_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["show", "nordwerk", "--language", "xx", "--config", str(ROOT / "pyproject.toml")])
    assert result.exit_code == 2 and "no catalogue for the language 'xx'" in result.output


@pytest.mark.parametrize("text", ["Revenue last year", "Forecast (expected)"])
def test_pseudo_text_is_not_english(text: str) -> None:
    assert pseudo(text) != text and pseudo("{year}") == "{year}"
