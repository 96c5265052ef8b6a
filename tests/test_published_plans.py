"""Published, filled-in account plans written as kamdocs plans: every item of the source has a field, none went
into an `x-` key, and the figures read them as the source means them.

Northwind Logistics: the example account of the account plan template article by ORM Technologies,
https://orm-tech.com/blog/account-plan-template/ (a revenue-software vendor's plan for a freight and logistics customer).

GlobalTech Industries: "Account Plan - GlobalTech Industries", a SaaS vendor's plan for a technology-services customer
among the sample corporate documents published in the GitHub repository kamathhrishi/Agentic_OS,
https://github.com/kamathhrishi/Agentic_OS/blob/4b438f88a337593b38f4455b2437e86a928ae5f7/corporate_documents/Clients/Client_GlobalTech_Account_Plan.md
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
TIMELINE = {
    "Q1": "Expansion discussions and proposal",
    "Q2": "Implementation and onboarding",
    "Q3": "Upsell conversations",
    "Q4": "Renewal and expansion",
}
GLOBALTECH = Published(
    FIXTURES / "published" / "globaltech-industries" / "2025.yaml",
    # the plan dates itself only by its timeline, which starts in the first quarter of 2025
    dt.date(2025, 1, 1),
    [
        ("Client: GlobalTech Industries", ("account", "name"), "GlobalTech Industries"),
        ("Industry: Technology Services", ("account", "industry"), "Technology Services"),
        ("Relationship: Strategic Partner", ("account", "profile", "relationship_level"), "strategic_partner"),
        ("Current ARR: $850K", ("potential", "recurring_revenue"), 850_000),
        ("  ... in dollars", ("plan", "currency"), "USD"),
        ("Growth Target", ("goals", 0, "title"), "Growth target"),
        ("  ... growth target: a growth goal", ("goals", 0, "kind"), "growth"),
        ("Growth Target: $1.5M", ("goals", 0, "target"), 1_500_000),
        ("  ... $1.5M: in dollars", ("goals", 0, "unit"), "USD"),
        ("Growth Target: by end of 2025", ("goals", 0, "due"), "2025-12-31"),
        ("Account objective: Expand usage across all business units", ("goals", 1, "title"), "Expand usage across all business units"),
        ("  ... expanding usage: a growth goal", ("goals", 1, "kind"), "growth"),
        ("Account objective: Implement new product modules", ("goals", 2, "title"), "Implement new product modules"),
        ("  ... a module is what the plan upsells", ("goals", 2, "kind"), "upsell"),
        ("Account objective: Develop strategic partnership status", ("goals", 3, "title"), "Develop strategic partnership status"),
        ("  ... a relationship goal", ("goals", 3, "kind"), "relationship"),
        ("Account objective: Achieve customer success metrics", ("goals", 4, "title"), "Achieve customer success metrics"),
        ("Product Usage: Core platform", ("footprint", 0, "offering"), "Core platform"),
        ("Product Usage: (80% adoption)", ("footprint", 0, "adoption"), 0.8),
        ("Satisfaction Score: 4.3/5", ("kpis", "csat", "score"), 4.3),
        ("Satisfaction Score: out of 5", ("kpis", "csat", "scale_max"), 5),
        *(
            row
            for n in range(3)
            for row in [
                (f"Champions: 3 key stakeholders ({n + 1} of 3)", ("contacts", n, "buying_roles"), ["champion"]),
                (f"  ... champion {n + 1} not named", ("contacts", n, "name"), "unknown"),
            ]
        ),
        ("Challenges: Integration complexity", ("customer_analysis", "deficits", 0, "description"), "Integration complexity"),
        ("Challenges: training needs", ("customer_analysis", "deficits", 1, "description"), "Training needs"),
        (
            "Expand: Target: Additional 200 users (3 new departments)",
            ("potential", "opportunities", 0, "title"),
            "Additional 200 users (3 new departments)",
        ),
        ("Expand: Timeline: Q1-Q2 2025 (closed by its end)", ("potential", "opportunities", 0, "expected_close"), "2025-Q2"),
        ("Expand: Value: $300K ARR", ("potential", "opportunities", 0, "value"), 300_000),
        ("Upsell: Advanced analytics module", ("potential", "opportunities", 1, "title"), "Advanced analytics module"),
        ("  ... upselling", ("potential", "opportunities", 1, "kind"), "upsell"),
        ("Upsell: Timeline: Q2 2025", ("potential", "opportunities", 1, "expected_close"), "2025-Q2"),
        ("Upsell: Value: $200K ARR", ("potential", "opportunities", 1, "value"), 200_000),
        ("Cross-sell: New compliance product", ("potential", "opportunities", 2, "title"), "New compliance product"),
        ("  ... cross-selling", ("potential", "opportunities", 2, "kind"), "cross_sell"),
        ("Cross-sell: Timeline: Q3 2025", ("potential", "opportunities", 2, "expected_close"), "2025-Q3"),
        ("Cross-sell: Value: $150K ARR", ("potential", "opportunities", 2, "value"), 150_000),
        *(
            row
            for n, deal in enumerate(["Expand", "Upsell", "Cross-sell"])
            for row in [
                (f"{deal}: ... ARR: a recurring value", ("potential", "opportunities", n, "value_kind"), "recurring"),
                (f"({deal}: no probability given)", ("potential", "opportunities", n, "probability"), "unknown"),
            ]
        ),
        ("Account Executive: Mark Williams", ("team", 0, "name"), "Mark Williams"),
        ("  ... Account Executive", ("team", 0, "role"), "Account Executive"),
        ("  ... the account executive owns the account", ("plan", "owner"), "Mark Williams"),
        ("Customer Success Manager: Jennifer Lee", ("team", 1, "name"), "Jennifer Lee"),
        ("  ... Customer Success Manager", ("team", 1, "role"), "Customer Success Manager"),
        ("Solutions Engineer: David Chen", ("team", 2, "name"), "David Chen"),
        ("  ... Solutions Engineer", ("team", 2, "role"), "Solutions Engineer"),
        ("Executive Sponsor: CEO", ("team", 3, "role"), "Executive Sponsor (CEO)"),
        ("  ... the CEO: management", ("team", 3, "department"), "management"),
        ("  ... the CEO not named", ("team", 3, "name"), "unknown"),
        ("Engagement: Monthly: Account team meeting", ("care", "measures", 0, "name"), "Account team meeting"),
        ("  ... monthly", ("care", "measures", 0, "frequency"), "monthly"),
        ("Engagement: Quarterly: Executive business review", ("care", "measures", 1, "name"), "Executive business review"),
        ("  ... quarterly", ("care", "measures", 1, "frequency"), "quarterly"),
        ("Engagement: Bi-annually: Strategic planning session", ("care", "measures", 2, "name"), "Strategic planning session"),
        ("  ... bi-annually: twice a year", ("care", "measures", 2, "frequency"), "half_yearly"),
        ("Engagement: As needed: Technical deep dives", ("care", "measures", 3, "name"), "Technical deep dives"),
        ("  ... as needed", ("care", "measures", 3, "occasion"), "As needed"),
        ("NPS Score: Target 50+", ("kpis", "targets", "nps"), 50),
        ("Product Adoption: 90%+ active users", ("kpis", "targets", "adoption"), 0.9),
        ("Revenue Growth", ("goals", 5, "title"), "Revenue growth"),
        ("  ... revenue growth: a growth goal", ("goals", 5, "kind"), "growth"),
        ("Revenue Growth: 75% increase", ("goals", 5, "target"), 75),
        ("  ... 75%: in per cent", ("goals", 5, "unit"), "%"),
        ("Reference Customer: Yes", ("goals", 6, "title"), "Reference customer"),
        *(
            row
            for n, (quarter, step) in enumerate(TIMELINE.items())
            for row in [
                (f"Timeline: {quarter}: {step}", ("actions", n, "title"), step),
                (f"  ... from the start of {quarter}", ("actions", n, "start"), f"2025-{quarter}"),
                (f"  ... to the end of {quarter}", ("actions", n, "due"), f"2025-{quarter}"),
                (f"({quarter}: no status given)", ("actions", n, "status"), "unknown"),
            ]
        ),
    ],
    frozenset({("kamdocs",), ("plan", "year"), ("plan", "status")}),
)
PLANS = [NORTHWIND, GLOBALTECH]


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


def test_the_figures_read_globaltech_as_its_plan_means_it() -> None:
    found = figures(GLOBALTECH)
    # recurring revenue and no committed revenue: the forecast counts the recurring base; no deal has a
    # probability, so each is left out and named instead of being guessed
    assert found["forecast"].value == 850_000
    assert found["forecast"].detail["secured"] == {"committed": None, "recurring": 850_000, "run_rate": None}
    assert found["forecast"].detail["weighted_pipeline"] == 0
    assert [o["id"] for o in found["forecast"].detail["left_out"]] == ["additional-users", "advanced-analytics", "compliance-product"]
    # three champions, none named: not single-threaded, but nobody known who decides
    assert found["single_threaded"].value is False
    assert found["decision_maker_known"].value is False
    # the core platform's 80 % adoption falls short of the 90 % target; the NPS target has no survey to judge by
    assert found["adoption"].value == 0.8
    assert found["kpi_targets_met"].value == 0
    assert found["kpi_targets_met"].detail == {"adoption": {"target": 0.9, "measured": 0.8, "met": False}}
    assert found["nps"].value is None
    # 4.3 of 5 is an average score: no share of satisfied answers can be had from it
    assert found["csat_average"].value == 4.3
    assert found["csat"].value is None
    # our sponsor is named by position only, with no counterpart at the customer: no pair to count
    assert found["sponsor_paired"].value is None
