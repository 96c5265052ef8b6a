"""Published, filled-in account plans written as kamdocs plans: every item of the source has a field, none went
into an `x-` key, and the figures read them as the source means them.

Northwind Logistics: the example account of the account plan template article by ORM Technologies,
https://orm-tech.com/blog/account-plan-template/ (a revenue-software vendor's plan for a freight and logistics customer).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import FIXTURES, SCHEMA

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.loader import Document, load_file
from kamdocs.core.problem import Severity
from kamdocs.core.schema import load_schema
from kamdocs.core.validate import check_document
from kamdocs.figures.derive import derive

NORTHWIND = FIXTURES / "published" / "northwind-logistics" / "2026.yaml"
AS_OF = dt.date(2026, 11, 24)

# Where each item of the article went: (the article's item, as it says it) -> (key path, value).
NORTHWIND_ITEMS: list[tuple[str, tuple[str | int, ...], Any]] = [
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
]


@pytest.fixture(scope="module")
def northwind() -> Document:
    loaded = load_file(NORTHWIND)
    assert isinstance(loaded, Document), loaded
    return loaded


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def leaves(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in leaves(value, (*path, key))]
    if isinstance(data, list) and any(isinstance(item, (dict, list)) for item in data):
        return [leaf for index, value in enumerate(data) for leaf in leaves(value, (*path, index))]
    return [path]


def test_the_plan_is_valid_format_2(northwind: Document) -> None:
    problems = check_document(northwind, SCHEMA, AS_OF, NORTHWIND)
    assert [p for p in problems if p.severity is Severity.ERROR] == []


@pytest.mark.parametrize(("item", "path", "expected"), NORTHWIND_ITEMS, ids=[i[0] for i in NORTHWIND_ITEMS])
def test_each_item_of_the_source_has_its_field(northwind: Document, item: str, path: tuple, expected: Any) -> None:
    assert at(northwind.data, path) == expected, item


def test_nothing_else_and_nothing_in_extensions(northwind: Document) -> None:
    mapped = {path for _, path, _ in NORTHWIND_ITEMS}
    # what the plan holds beyond the article's items: the format marker, ids, our plan's own state, and one
    # sentence saying the initiative is the one "relevant to your product"
    own = {
        ("kamdocs",),
        ("account", "id"),
        ("plan", "year"),
        ("plan", "status"),
        ("contacts", 0, "id"),
        ("customer_priorities", 0, "id"),
        ("customer_priorities", 1, "id"),
        ("customer_priorities", 2, "id"),
        ("customer_priorities", 2, "description"),
    }
    assert set(leaves(northwind.data)) == mapped | own
    assert not any(str(part).startswith("x-") for path in leaves(northwind.data) for part in path)


def test_the_figures_read_it_as_the_article_means_it(northwind: Document) -> None:
    config = Config(root=FIXTURES, accounts=FIXTURES / "published", schema=SCHEMA, as_of=AS_OF)
    figures = derive([northwind.data], config, Confidentiality.of(load_schema(SCHEMA)))
    # the economic buyer decides: a decision maker is known, and she is on our side
    assert figures["decision_maker_known"].value is True
    assert figures["supporter_among_deciders"].value is True
    # one named person: the single-threaded risk the article warns about
    assert figures["single_threaded"].value is True
    # nothing of our revenue is in the article: no forecast, and it says why instead of showing 0
    assert figures["forecast"].value is None
    assert figures["forecast"].reason == "no secured revenue recorded (committed, recurring or run-rate) and no opportunities"
