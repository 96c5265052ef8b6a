from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any

import pytest
from conftest import AS_OF, SCHEMA

from kamdocs.core.rules import RuleContext, rule_findings
from kamdocs.core.schema import load_schema, schema_findings


def check(plan: dict[str, Any], file: str = "accounts/acme-tools/2026.yaml", as_of: dt.date = AS_OF) -> list[tuple[str, tuple, str]]:
    schema = load_schema(SCHEMA)
    assert schema_findings(schema, plan) == [], "the test must change the plan within the schema"
    context = RuleContext(file=PurePath(file), schema=schema, as_of=as_of)
    return [(f.rule, f.path, f.message) for f in rule_findings(plan, context)]


def test_fixture_plan_passes_every_rule(acme) -> None:
    assert check(acme) == []


def test_year_must_match_the_file_name(acme) -> None:
    [(rule, path, message)] = check(acme, "accounts/acme-tools/2025.yaml")
    assert (rule, path) == ("file-name", ("plan", "year"))
    assert "2026 differs from the file name 2025.yaml" in message


def test_file_must_be_named_after_a_year(acme) -> None:
    [(rule, _, message)] = check(acme, "accounts/acme-tools/plan.yaml")
    assert rule == "file-name" and "(2026.yaml), not 'plan.yaml'" in message


def test_account_id_must_match_the_folder(acme) -> None:
    [(rule, path, message)] = check(acme, "accounts/acme/2026.yaml")
    assert (rule, path) == ("account-folder", ("account", "id"))
    assert "'acme-tools' differs from the folder name 'acme'" in message


def test_ids_are_unique_within_their_list(acme) -> None:
    acme["team"].append({"id": "ada", "name": "Another Ada"})
    acme["goals"].append({"id": "kickoff", "title": "Same id as an action, other list: fine"})
    [(rule, path, message)] = check(acme)
    assert (rule, path) == ("unique-id", ("team", 2, "id"))
    assert "'ada' is used twice in this list (first as item 1)" in message


@pytest.mark.parametrize(
    ("change", "path", "target"),
    [
        (lambda p: p["actions"][0].update(goal="shrink"), ("actions", 0, "goal"), "goals"),
        (lambda p: p["risks"][0].update(owner="zed"), ("risks", 0, "owner"), "team"),
        (lambda p: p["contacts"][0].update(buying_unit="plant"), ("contacts", 0, "buying_unit"), "account.buying_units"),
        (lambda p: p["key_figures"]["customer_visits"][0]["by"].append("eve"), ("key_figures", "customer_visits", 0, "by", 2), "team"),
        (lambda p: p["milestones"][0].update(goal="nope"), ("milestones", 0, "goal"), "goals"),
        (lambda p: p["open_questions"][0].update(owner="nobody"), ("open_questions", 0, "owner"), "team"),
    ],
)
def test_references_must_resolve(acme, change, path: tuple, target: str) -> None:
    change(acme)
    [(rule, found_path, message)] = check(acme)
    assert (rule, found_path) == ("reference", path)
    assert f"is not an id in {target} (known:" in message


def test_reference_into_an_empty_list_says_what_to_add(acme) -> None:
    del acme["goals"]
    del acme["milestones"][0]["goal"]
    [(_, _, message)] = check(acme)
    assert "'grow' is not an id in goals (known: none: add it to goals first)" == message


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda p: p["actions"][0].update(due="2026-01-01"), ("actions", 0, "due"), "due 2026-01-01 lies before start 2026-01-10"),
        (lambda p: p["actions"][0].update(done_on="2026-01-05"), ("actions", 0, "done_on"), "done_on 2026-01-05 lies before start"),
        (lambda p: p["contract"].update(end="2024-12-31"), ("contract", "end"), "end 2024-12-31 lies before start 2025-01-01"),
        (lambda p: p["plan"].update(last_reviewed="2026-12-01"), ("plan", "last_reviewed"), "lies in the future (as of 2026-11-24)"),
        (lambda p: p["actions"][0].update(status="in_progress"), ("actions", 0, "done_on"), "done_on is set but status is 'in_progress'"),
    ],
)
def test_dates_lie_where_they_must(acme, change, path: tuple, words: str) -> None:
    change(acme)
    [(rule, found_path, message)] = check(acme)
    assert found_path == path and words in message
    assert rule in ("date-order", "action-status")


@pytest.mark.parametrize(("stage", "probability", "expected"), [("won", 0.9, 1), ("lost", 0.2, 0)])
def test_won_and_lost_opportunities_have_fixed_probabilities(acme, stage: str, probability: float, expected: int) -> None:
    acme["potential"]["opportunities"][1].update(stage=stage, probability=probability)
    [(rule, path, message)] = check(acme)
    assert (rule, path) == ("probability", ("potential", "opportunities", 1, "probability"))
    assert f"stage '{stage}' has probability {expected}, not {probability}" in message


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda p: p["kpis"].update(nps={"promoters": 0, "passives": 0, "detractors": 0}), ("kpis", "nps"), "no answers"),
        (lambda p: p["kpis"]["renewals"].update(renewed=3), ("kpis", "renewals", "renewed"), "renewed (3) cannot exceed due (2)"),
        (
            lambda p: p["kpis"]["cross_upsell"].update(additional=5),
            ("kpis", "cross_upsell", "additional"),
            "additional (5) cannot exceed deals (4)",
        ),
        (lambda p: p["kpis"]["csat"].update(score=7), ("kpis", "csat", "score"), "above the scale maximum 5"),
        (
            lambda p: p["customer_analysis"]["competitors"].append({"name": "B", "share": 0.7}),
            ("customer_analysis", "competitors"),
            "add up to 110%",
        ),
        (
            lambda p: p["key_figures"]["customer_spend"][0].update(amount=110000),
            ("key_figures", "customer_spend", 0, "amount"),
            "below our own revenue 120,000",
        ),
        (
            lambda p: p["sales"].append({"period": 2025, "category": "Devices", "revenue": 1}),
            ("sales", 2),
            "'Devices' is counted twice (item 1)",
        ),
        (
            lambda p: p["sales"].append({"period": "2025", "category": "Services", "revenue": 1}),
            ("sales", 2),
            "both for 2025-Q1 and for 2025",
        ),
    ],
)
def test_sums_add_up(acme, change, path: tuple, words: str) -> None:
    change(acme)
    found = check(acme)
    assert [(rule, p) for rule, p, _ in found] == [("sums", path)]
    assert words in found[0][2]


def test_csat_answers_lie_on_the_scale(acme) -> None:
    acme["kpis"]["csat"] = {"scale_max": 5, "answers": [{"score": 5, "count": 3}, {"score": 6, "count": 1}]}
    assert check(acme) == [("sums", ("kpis", "csat", "answers", 1, "score"), "score 6 is above the scale maximum 5")]
    acme["kpis"]["csat"].update(answers=[{"score": 5, "count": 3}, {"score": 4, "count": 1}], responses=5)
    assert check(acme) == [("sums", ("kpis", "csat", "responses"), "5 responses, but the answers per score add up to 4")]


def test_won_business_is_counted_once(acme) -> None:
    # won business is held by the won opportunity; one marked as part of committed revenue must be won and fit in it
    acme["potential"]["opportunities"][0]["in_committed_revenue"] = True
    [(rule, path, message)] = check(acme)
    assert (rule, path) == ("won-once", ("potential", "opportunities", 0, "in_committed_revenue"))
    assert "only a won opportunity can be part of committed revenue" in message
    acme["potential"]["opportunities"][0]["in_committed_revenue"] = False
    acme["potential"]["opportunities"][1].update(in_committed_revenue=True, value=90_000)
    [(rule, path, message)] = check(acme)
    assert (rule, path) == ("won-once", ("potential", "committed_revenue"))
    assert message == "committed revenue 80,000 cannot include won opportunities worth 90,000 (marked in_committed_revenue)"
    acme["potential"]["opportunities"][1]["value"] = 80_000
    assert check(acme) == []


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("contract", "end"), "9999-12-31", "9999-12-31 is out of range: expected a date from 1900-01-01 to 2199-12-31"),
        (("contract", "notice_period_months"), 30000, "30000 is out of range: expected a number from -1e+15 to 120"),
        (("sales", 0, "revenue"), float("inf"), "inf is out of range: expected a number from -1e+15 to 1e+15"),
        (("sales", 0, "revenue"), 10**30, "1e+30 is out of range"),
    ],
)
def test_promise_a_valid_plan_holds_only_values_the_toolkit_computes_with(acme, path: tuple, value: Any, words: str) -> None:
    node: Any = acme
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    [(rule, where, message)] = [f for f in check(acme) if f[0] == "range"]
    assert (rule, where) == ("range", path) and message.startswith(words)


def test_promise_a_confidential_value_out_of_range_is_not_repeated(acme) -> None:
    acme["sales"][0]["direct_costs"] = 7.77e33
    [(rule, path, message)] = check(acme)
    assert (rule, path) == ("range", ("sales", 0, "direct_costs"))
    assert "7.77" not in message and "confidential" in message
