from __future__ import annotations

import pytest
from conftest import SCHEMA, make_reader

from kamdocs.core.schema import load_schema
from kamdocs.render.pages.format_reference import render_format_reference


def field_paths(node: dict, prefix: str = "") -> list[str]:
    paths = []
    for name, child in node.get("properties", {}).items():
        key = f"{prefix}{name}"
        paths.append(key)
        paths += field_paths(child, f"{key}.")
        if isinstance(child.get("items"), dict):
            paths += field_paths(child["items"], f"{key}[].")
    return paths


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_field_has_a_row_with_both_labels(language: str) -> None:
    schema = load_schema(SCHEMA).raw
    page = render_format_reference(schema, make_reader(language=language)).markdown
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| `")}
    for path in field_paths(schema):
        assert f"`{path}`" in rows, path
    assert "| Key account manager | Key-Account-Manager |" in rows["`plan.owner`"]
    note = "*(vertraulich)*" if language == "de" else "*(confidential)*"
    assert rows["`key_figures.minimum_prices`"].endswith(f"{note} |")
    assert rows["`plan.owner`"].endswith("*(Pflicht)* |" if language == "de" else "*(required)* |")


def test_language_sets_headings_and_notes() -> None:
    schema = load_schema(SCHEMA).raw
    english = render_format_reference(schema, make_reader()).markdown
    german = render_format_reference(schema, make_reader(language="de")).markdown
    assert english.startswith("# Plan format reference")
    assert german.startswith("# Referenz des Planformats")
    assert "## Aktionsplan (`actions`)" in german and "## Action plan (`actions`)" in english
    assert "| `plan.year` | integer | Plan year | Planjahr |" in english
    assert "*(Pflicht)*" in german


def test_types_are_readable() -> None:
    page = render_format_reference(load_schema(SCHEMA).raw, make_reader()).markdown
    assert "| `plan.status` | `draft` / `in_review` / `approved` |" in page
    assert "| `plan.last_reviewed` | date |" in page
    assert "| `sales[].revenue` | amount |" in page
    assert "| `plan.summary` | Markdown |" in page
    assert "| `goals` | list of objects |" in page


def test_format_2_and_the_ways_to_write_a_value() -> None:
    page = render_format_reference(load_schema(SCHEMA).raw, make_reader()).markdown
    assert "(format 2)" in page
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in page.splitlines() if line.startswith("| `")}
    assert rows["`potential.opportunities[].probability`"] == "number / `unknown`"
    assert rows["`actions[].due`"] == "a date YYYY-MM-DD or a quarter like 2026-Q3"
    assert rows["`care.measures[].frequency`"].startswith("weekly, monthly, quarterly, half_yearly, yearly, or {every: N")
