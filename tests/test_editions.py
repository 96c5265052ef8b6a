"""The shared edition prints no confidential value, in any format of any command."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import AS_OF, ROOT, SCHEMA, confidential_leaves, example_assessments, make_reader

from kamdocs.app.cli import main
from kamdocs.core.schema import load_schema
from kamdocs.view.i18n import amount
from kamdocs.view.i18n import decimal as number

ACCOUNTS = sorted(p.name for p in (ROOT / "accounts").iterdir() if p.is_dir())


def number_forms(value: float) -> set[str]:
    forms: set[str] = set()
    if abs(value) >= 1000:
        forms |= {amount(value, language, "EUR", cents) for language in ("en", "de") for cents in (False, True)}
        forms |= {number(value, "en"), number(value, "de"), repr(value), str(int(value))}
    return forms


@pytest.fixture(scope="module")
def secrets() -> set[str]:
    """Every confidential value of the example portfolio, as the toolkit might write it."""
    schema = load_schema(SCHEMA)
    found: set[str] = set()
    patterns = [path for path, flag in schema.annotated("x-kam-confidential") if flag]
    for year in (2024, 2025, 2026):
        for assessment in example_assessments(year):
            document = assessment.document
            for item in confidential_leaves(document.data, patterns):
                if isinstance(item, (int, float)):
                    found |= number_forms(item)
                elif isinstance(item, str) and len(item) >= 15:
                    found.add(item)
            for figure in assessment.figures.values():
                if figure.confidential and figure.computable and figure.unit not in ("flag",):
                    found |= {make_reader("internal", language).value(figure) for language in ("en", "de")}
                    found |= number_forms(figure.value) if isinstance(figure.value, (int, float)) and abs(figure.value) >= 1000 else set()
                    found.add(repr(figure.value))
    return found


def outputs(edition: str) -> dict[str, str]:
    runner = CliRunner()
    common = ["--as-of", AS_OF.isoformat(), "--edition", edition]
    texts: dict[str, str] = {}
    for account in ACCOUNTS:
        for fmt in ("text", "json", "markdown"):
            for language in ("en", "de"):
                result = runner.invoke(main, ["show", account, "--format", fmt, "--language", language, *common])
                texts[f"show {account} {fmt} {language}"] = result.output
    for fmt in ("text", "json", "github", "junit"):
        texts[f"check {fmt}"] = runner.invoke(main, ["check", "--format", fmt, *common]).output
    for fmt in ("text", "markdown", "json", "csv"):
        texts[f"portfolio {fmt}"] = runner.invoke(main, ["portfolio", "--format", fmt, *common]).output
    return texts


def xlsx_text(edition: str, tmp_path: Path) -> str:
    target = tmp_path / f"{edition}.xlsx"
    result = CliRunner().invoke(
        main, ["portfolio", "--format", "xlsx", "-o", str(target), "--as-of", AS_OF.isoformat(), "--edition", edition]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as book:
        return "\n".join(
            book.read(name).decode("utf-8") for name in book.namelist() if name.startswith(("xl/worksheets/", "xl/sharedStrings"))
        )


def leaks(text: str, secrets: set[str]) -> set[str]:
    return {s for s in secrets if re.search(r"(?<![\w.,])" + re.escape(s) + r"(?![\w])", text)}


def test_shared_edition_leaks_nothing(secrets: set[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    texts = outputs("shared")
    texts["portfolio xlsx"] = xlsx_text("shared", tmp_path)
    found = {name: leaks(text, secrets) for name, text in texts.items()}
    assert {name: sorted(hits)[:5] for name, hits in found.items() if hits} == {}


def test_internal_edition_shows_them(secrets: set[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan can fail: the internal edition does print confidential figures."""
    monkeypatch.chdir(ROOT)
    texts = outputs("internal")
    texts["portfolio xlsx"] = xlsx_text("internal", tmp_path)
    assert leaks(texts["show meridian-stores text en"], secrets)
    assert leaks(texts["portfolio json"], secrets)
    assert leaks(texts["portfolio xlsx"], secrets)
