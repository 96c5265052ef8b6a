"""The shared edition's copy of a plan: confidential values gone, the plan itself untouched."""

from __future__ import annotations

import copy

from conftest import ROOT, SCHEMA, make_reader

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.loader import load_file
from kamdocs.core.schema import WILDCARD, load_schema
from kamdocs.view.redact import redact

SECRETS = Confidentiality((("key_figures", "minimum_prices"), ("contacts", WILDCARD, "attitude"), ("no", "such", "path")))


def test_confidential_values_are_removed_from_the_copy_only() -> None:
    plan = {
        "key_figures": {"minimum_prices": "9 %", "order_frequency": "weekly"},
        "contacts": [{"name": "Kim", "attitude": "sceptical"}, {"name": "Jo"}],
        "plan": {"year": 2026},
    }
    before = copy.deepcopy(plan)
    shared = redact(plan, SECRETS)
    assert shared == {"key_figures": {"order_frequency": "weekly"}, "contacts": [{"name": "Kim"}, {"name": "Jo"}], "plan": {"year": 2026}}
    assert plan == before
    assert shared["plan"] is plan["plan"]  # what is not changed is shared, not copied


def test_editions() -> None:
    plan = load_file(ROOT / "accounts" / "meridian-stores" / "2026.yaml").data
    secrets = Confidentiality.of(load_schema(SCHEMA))
    assert make_reader("internal").plan(plan) is plan
    shared = make_reader("shared").plan(plan)
    assert secrets.paths and all(not secrets.covers(path) for path in _leaf_paths(shared))
    assert any(secrets.covers(path) for path in _leaf_paths(plan))


def _leaf_paths(node: object, path: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _leaf_paths(value, (*path, key))]
    if isinstance(node, list):
        return [p for index, value in enumerate(node) for p in _leaf_paths(value, (*path, index))]
    return [path]
