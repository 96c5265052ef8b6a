"""Published, filled-in account plans written as kamdocs plans: every item of the source has a field, none went
into an `x-` key, and the figures read them as the source means them.

Northwind Logistics: the example account of the account plan template article by ORM Technologies,
https://orm-tech.com/blog/account-plan-template/ (a revenue-software vendor's plan for a freight and logistics customer).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SCHEMA

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.loader import Document, load_file
from kamdocs.core.problem import KeyPath, Severity
from kamdocs.core.schema import load_schema
from kamdocs.core.validate import check_document
from kamdocs.figures.derive import Figures, derive

Item = tuple[str, KeyPath, Any]
"""One item of the source: (the item, as the source says it), its key path in the plan, its value there."""


@dataclass(frozen=True)
class Published:
    """A published plan as a fixture: its file, the day it is judged at, where each item of its source went, and
    what it holds of our own beyond ids (the format marker, the plan year and status...)."""

    file: Path
    as_of: dt.date
    items: list[Item]
    own: frozenset[KeyPath]


NORTHWIND = Published(
    FIXTURES / "published" / "northwind-logistics" / "2026.yaml",
    dt.date(2026, 11, 24),
    [
        ("Account name: Northwind Logistics", ("account", "name"), "Northwind Logistics"),
        ("Industry and segment: Freight and logistics", ("account", "industry"), "Freight and logistics"),
        ("Industry and segment: mid-market", ("account", "profile", "segment"), "mid-market"),
        ("Annual revenue (approximate): ~$180M", ("account", "profile", "revenue"), 180_000_000),
        ("  ... in dollars", ("plan", "currency"), "USD"),
        ("Employee count: ~900", ("account", "profile", "employees"), 900),
        ("Key business priorities this year", ("customer_priorities", 0, "title"), "Protect margin after a fuel-cost spike"),
        ("  ... a priority", ("customer_priorities", 0, "kind"), "priority"),
        ("Known risks or headwinds", ("customer_priorities", 1, "title"), "Carrier consolidation squeezing rates"),
        ("  ... a headwind", ("customer_priorities", 1, "kind"), "headwind"),
        ("Strategic initiatives relevant to your product", ("customer_priorities", 2, "title"), "Real-time margin visibility across lanes"),
        ("  ... an initiative", ("customer_priorities", 2, "kind"), "initiative"),
        ("Stakeholder: Name", ("contacts", 0, "name"), "Priya Nair"),
        ("Stakeholder: Title", ("contacts", 0, "position"), "VP Revenue Operations"),
        ("Stakeholder: Function", ("contacts", 0, "department"), "Operations"),
        (
            "Stakeholder: Role in decision (economic buyer) and sentiment (champion)",
            ("contacts", 0, "buying_roles"),
            ["economic_buyer", "champion"],
        ),
        ("Stakeholder: Influence level (high)", ("contacts", 0, "influence"), 5),
        ("Stakeholder: Sentiment (champion: on our side)", ("contacts", 0, "attitude"), "supporter"),
        ("Stakeholder: Last contact (2 weeks ago)", ("contacts", 0, "last_contact"), "2026-11-10"),
        ("(no account executive named)", ("plan", "owner"), "unknown"),
    ],
    # one sentence saying the initiative is the one "relevant to your product"
    frozenset({("kamdocs",), ("plan", "year"), ("plan", "status"), ("customer_priorities", 2, "description")}),
)
PLANS = [NORTHWIND]


@cache
def document(file: Path) -> Document:
    loaded = load_file(file)
    assert isinstance(loaded, Document), loaded
    return loaded


def figures(plan: Published) -> Figures:
    config = Config(root=FIXTURES, accounts=FIXTURES / "published", schema=SCHEMA, as_of=plan.as_of)
    return derive([document(plan.file).data], config, Confidentiality.of(load_schema(SCHEMA)))


def at(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def leaves(data: Any, path: KeyPath = ()) -> list[KeyPath]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in leaves(value, (*path, key))]
    if isinstance(data, list) and any(isinstance(item, (dict, list)) for item in data):
        return [leaf for index, value in enumerate(data) for leaf in leaves(value, (*path, index))]
    return [path]


def account(plan: Published) -> str:
    return plan.file.parent.name


@pytest.mark.parametrize("plan", PLANS, ids=account)
def test_the_plan_is_valid_format_2(plan: Published) -> None:
    problems = check_document(document(plan.file), SCHEMA, plan.as_of, plan.file)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert document(plan.file).data["kamdocs"] == 2


@pytest.mark.parametrize(
    ("plan", "item", "path", "expected"),
    [(plan, *item) for plan in PLANS for item in plan.items],
    ids=[f"{account(plan)}: {item}" for plan in PLANS for item, _, _ in plan.items],
)
def test_each_item_of_the_source_has_its_field(plan: Published, item: str, path: KeyPath, expected: Any) -> None:
    assert at(document(plan.file).data, path) == expected, item


@pytest.mark.parametrize("plan", PLANS, ids=account)
def test_nothing_else_and_nothing_in_extensions(plan: Published) -> None:
    found = leaves(document(plan.file).data)
    # beyond the source's items: the ids we gave its entries, and what the plan lists as its own
    ids = {path for path in found if path[-1] == "id"}
    assert set(found) == {path for _, path, _ in plan.items} | ids | plan.own
    assert not any(str(part).startswith("x-") for path in found for part in path)


def test_the_figures_read_northwind_as_the_article_means_it() -> None:
    found = figures(NORTHWIND)
    # the economic buyer decides: a decision maker is known, and she is on our side
    assert found["decision_maker_known"].value is True
    assert found["supporter_among_deciders"].value is True
    # one named person: the single-threaded risk the article warns about
    assert found["single_threaded"].value is True
    # nothing of our revenue is in the article: no forecast, and it says why instead of showing 0
    assert found["forecast"].value is None
    assert found["forecast"].reason == "no secured revenue recorded (committed, recurring or run-rate) and no opportunities"
