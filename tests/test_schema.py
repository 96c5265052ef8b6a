from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, SCHEMA
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from kamdocs.core.loader import load_file
from kamdocs.core.schema import WILDCARD, SchemaLoadError, load_schema, schema_findings


@pytest.fixture(scope="module")
def schema():
    return load_schema(SCHEMA)


def findings(schema, data: Any) -> list[tuple[str, tuple, str]]:
    return [(f.rule, f.path, f.message) for f in schema_findings(schema, data)]


def test_fixture_plan_is_valid(schema, acme) -> None:
    assert findings(schema, acme) == []


def test_unknown_key_is_named_at_its_key_with_a_suggestion(schema, acme) -> None:
    acme["plan"]["ownr"] = acme["plan"].pop("owner")
    result = schema_findings(schema, acme)
    unknown = [f for f in result if f.rule == "schema.unknown-key"]
    assert [(f.path, f.at_key) for f in unknown] == [(("plan", "ownr"), True)]
    assert "did you mean 'owner'?" in unknown[0].message
    assert ("schema.required", ("plan",), "missing required key 'owner'") in findings(schema, acme)


def test_extension_keys_are_allowed_anywhere(schema, acme) -> None:
    acme["x-top"] = {"anything": [1, 2]}
    acme["actions"][0]["x-jira"] = "KAM-12"
    assert findings(schema, acme) == []


@pytest.mark.parametrize(
    ("path", "value", "rule", "words"),
    [
        (("plan", "last_reviewed"), "2026-02-30", "schema.format", "not a valid date"),
        (("plan", "last_reviewed"), "15.01.2026", "schema.format", "not a valid date"),
        (("potential", "opportunities", 0, "probability"), 60, "schema.maximum", "60 is greater than the maximum of 1"),
        (("potential", "opportunities", 0, "value"), "lots", "schema.type", "expected a number, found 'lots'"),
        (("plan", "status"), "done", "schema.enum", "use one of draft, in_review, approved"),
        (("kamdocs",), 3, "schema.const", "expected 2"),
        (("potential", "opportunities", 0, "probability"), "maybe", "schema.enum", "'maybe' is not allowed: use one of unknown"),
        (("actions", 0, "due"), "2026-Q5", "schema.anyOf", "expected a date YYYY-MM-DD or a quarter like 2026-Q3"),
        (("contacts", 0, "contact_cadence"), "sometimes", "schema.enum", "use one of weekly, monthly, quarterly, half_yearly, yearly"),
        (("sales", 0, "period"), "2025-Q5", "schema.pattern", "not valid here"),
        (("sales", 0, "revenue"), -5, "schema.minimum", "less than the minimum of 0"),
        (("account", "id"), "Acme Tools", "schema.pattern", "expected lower-case letters, digits and hyphens"),
        (("team",), {"id": "x"}, "schema.type", "expected a list, found a mapping"),
    ],
)
def test_wrong_values(schema, acme, path: tuple, value: Any, rule: str, words: str) -> None:
    target = acme
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    [(found_rule, found_path, message)] = findings(schema, acme)
    assert (found_rule, found_path) == (rule, path)
    assert words in message


def test_period_may_be_a_year_number_or_text(schema, acme) -> None:
    acme["sales"][0]["period"] = "2025"
    acme["sales"][1]["period"] = "2025-03"
    assert findings(schema, acme) == []


def test_long_values_are_shortened_in_messages(schema, acme) -> None:
    acme["plan"]["year"] = "x" * 500
    [(_, _, message)] = findings(schema, acme)
    assert len(message) < 120


def test_one_of_reports_the_best_match_only(tmp_path: Path) -> None:
    schema = load_schema(FIXTURES / "schemas" / "one-of.schema.json")
    [finding] = schema_findings(schema, {"contact": {"email": "no-at-sign"}})
    assert finding.path == ("contact", "email")
    assert finding.rule == "schema.pattern"


def test_every_property_has_title_description_and_german_label(schema) -> None:
    def walk(node: dict, path: str) -> None:
        for name, child in node.get("properties", {}).items():
            for key in ("title", "description", "x-kam-label-de"):
                assert child.get(key), f"{path}.{name} lacks {key}"
            walk(child, f"{path}.{name}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], path + "[]")

    walk(schema.raw, "$")


def test_objects_are_closed_and_open_to_extensions(schema) -> None:
    def walk(node: dict, path: str) -> None:
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, path
            assert "^x-" in node.get("patternProperties", {}), path
        for name, child in node.get("properties", {}).items():
            walk(child, f"{path}.{name}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], path + "[]")

    walk(schema.raw, "$")


def test_confidential_fields(schema) -> None:
    confidential = {".".join(map(str, path)) for path, flag in schema.annotated("x-kam-confidential") if flag}
    for expected in (
        "key_figures.minimum_prices",
        "key_figures.special_prices",
        f"sales.{WILDCARD}.direct_costs",
        f"sales.{WILDCARD}.indirect_costs",
        f"instruments.{WILDCARD}.cost",
        f"contacts.{WILDCARD}.attitude",
        "annual_review.agenda.conditions",
    ):
        assert expected in confidential


def test_references_are_annotated(schema) -> None:
    refs = dict(schema.annotated("x-kam-ref"))
    assert refs[("actions", WILDCARD, "goal")] == "goals"
    assert refs[("risks", WILDCARD, "owner")] == "team"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("missing.schema.json", "schema file not found"),
        ("not-json.schema.json", "schema is not valid JSON"),
        ("broken.schema.json", "not a valid JSON Schema at properties/a/type"),
    ],
)
def test_unusable_schema_is_an_error_naming_the_file(name: str, words: str) -> None:
    with pytest.raises(SchemaLoadError, match=words) as caught:
        load_schema(FIXTURES / "schemas" / name)
    assert name in str(caught.value)


def test_schema_file_is_draft_2020_12() -> None:
    raw = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert raw["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    children: list[tuple] = []
    if isinstance(node, dict):
        children = [p for key, value in node.items() for p in _paths(value, (*path, key))]
    elif isinstance(node, list):
        children = [p for index, value in enumerate(node) for p in _paths(value, (*path, index))]
    return [path, *children]


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.sampled_from(["2026-02-30", "2026-02-28", "2026-2-28", "2026-02-28\n", "2026", "2026-Q2", "acme\n", "x" * 300, "", "-1"]),
    st.text(max_size=12),
)
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6
)


def _near(value: Any) -> list[Any]:
    """Values a typist makes of `value`: the cases where two validators are most likely to differ."""
    if isinstance(value, str):
        return [value + "\n", value[:-2] + "30", value[:-2] + "31", value[:5] + "02-29", value.upper(), value[:1], value + "x"]
    if isinstance(value, bool):
        return [int(value), str(value).lower()]
    if isinstance(value, int | float):
        return [-value, value * 10**20, value + 0.5, float(value), str(value), value > 0]
    if isinstance(value, list):
        return [[], value * 2, value[:1], dict(enumerate(value))]
    return [{}, list(value), {**value, "x-note": 1}]


@settings(deadline=None, max_examples=400)
@given(data=st.data())
def test_fast_and_full_validators_agree_on_changed_plans(schema, data) -> None:
    """The Rust validator decides which plans skip the full check: it must never pass a plan jsonschema fails."""
    plan = copy.deepcopy(data.draw(st.sampled_from(_example_plans())))
    path = data.draw(st.sampled_from(_paths(plan)[1:]))
    parent = plan
    for part in path[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=10))] = data.draw(_VALUES)
    else:
        parent[path[-1]] = data.draw(_VALUES | st.sampled_from(_near(parent[path[-1]])))
    assert schema.fast is not None
    assert (schema_findings(schema, plan) == []) == schema.validator.is_valid(plan)


@functools.cache
def _example_plans() -> list[Any]:
    return [load_file(path).data for path in sorted((ROOT / "accounts").rglob("*.yaml"))]


def test_pattern_python_cannot_compile_is_refused_with_the_schema(tmp_path: Path) -> None:
    """The quick meta-schema check reads patterns as ECMA regexes (\\p{L} is fine there); jsonschema needs Python's."""
    path = tmp_path / "plan.schema.json"
    path.write_text(
        json.dumps(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "properties": {"name": {"type": "string", "pattern": "^\\p{L}+$"}},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(SchemaLoadError, match="not a valid JSON Schema at properties/name/pattern"):
        load_schema(path)


CANARIES = [
    (("key_figures", "minimum_prices"), [{"product": "Drills", "price": "389,50", "unit": "piece"}], "389,50"),
    (("contacts", 0, "influence"), 77177, "77177"),
    (("contacts", 0, "attitude"), "canary-attitude", "canary-attitude"),
    (("contacts", 0, "notes"), 45454, "45454"),
    (("sales", 0, "direct_costs"), -31337, "31337"),
    (("instruments",), [{"id": "i1", "kind": "events", "description": "Training", "cost": -42424}], "42424"),
]


def _set(plan: dict, path: tuple, value: Any) -> None:
    node: Any = plan
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(part, str) else node[part]
    node[path[-1]] = value


@pytest.mark.parametrize(("path", "value", "canary"), CANARIES)
def test_promise_no_message_repeats_a_confidential_value(schema, acme, path: tuple, value: Any, canary: str) -> None:
    _set(acme, path, value)
    found = schema_findings(schema, acme)
    assert found, "the change must break the schema"
    for finding in found:
        assert canary not in finding.message and canary not in str(finding.path), finding
        assert finding.message.startswith("expected ") and "confidential" in finding.message


def test_messages_on_other_fields_still_show_the_value(schema, acme) -> None:
    acme["plan"]["status"] = "done"
    assert findings(schema, acme) == [("schema.enum", ("plan", "status"), "'done' is not allowed: use one of draft, in_review, approved")]


def _enums(node: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield path, node
        for key, child in node.items():
            yield from _enums(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _enums(child, f"{path}/{index}")


@pytest.mark.parametrize("name", ["account-plan.schema.json", "account-plan.v1.schema.json"])
def test_every_enum_value_has_an_english_and_a_german_label(name: str) -> None:
    raw = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(raw)
    enums = list(_enums(raw))
    assert len(enums) >= 17
    for where, node in enums:
        labels = node.get("x-kam-enum-labels")
        assert labels is not None, where
        assert set(labels) == {"en", "de"}, where
        for language in ("en", "de"):
            assert list(labels[language]) == node["enum"], (where, language)
            assert all(isinstance(text, str) and text and text != value for value, text in labels[language].items() if "_" in value), where


def test_german_labels_use_the_agreed_terms() -> None:
    text = (ROOT / "schema" / "account-plan.schema.json").read_text(encoding="utf-8")
    checklists = (ROOT / "schema" / "checklists.yaml").read_text(encoding="utf-8")
    for wrong in ('"Referenzwert"', '"Stufe"', '"Einstieg"', '"Lieferanteil"', "Marktanteil beim Kunden", "Der Einstieg"):
        assert wrong not in text and wrong not in checklists, wrong
    assert '"x-kam-label-de": "Referenzpotenzial"' in text
    assert '"x-kam-label-de": "Gesprächseröffnung"' in text
    assert '"x-kam-label-de": "Lieferanteil beim Kunden"' in text and "de: Lieferanteil beim Kunden" in checklists
    assert '"buyer": "Einkäufer"' in text


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        for key, child in node.get("properties", {}).items():
            yield f"{path}.{key}", child
            yield from _properties(child, f"{path}.{key}")
        for key in ("items", "$defs"):
            if isinstance(node.get(key), dict):
                children = node[key].values() if key == "$defs" else [node[key]]
                for child in children:
                    yield from _properties(child, path)
        for child in node.get("anyOf", []):
            yield from _properties(child, path)


def test_every_property_has_a_title_and_a_german_label() -> None:
    raw = json.loads(SCHEMA.read_text(encoding="utf-8"))
    missing = [path for path, node in _properties(raw) if not node.get("title") or not node.get("x-kam-label-de")]
    assert missing == []
