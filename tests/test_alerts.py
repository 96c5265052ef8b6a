from __future__ import annotations

from conftest import AS_OF, ROOT, SCHEMA

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config, Thresholds
from kamdocs.core.schema import load_schema
from kamdocs.figures.alerts import alerts
from kamdocs.figures.derive import derive


def run(plan: dict, completeness: float = 1.0, **limits) -> dict[str, list]:
    config = Config(root=ROOT, accounts=ROOT, schema=SCHEMA, as_of=AS_OF, thresholds=Thresholds(**limits))
    figures = derive([plan], config, Confidentiality.of(load_schema(SCHEMA)))
    found: dict[str, list] = {}
    for alert in alerts(plan, figures, completeness, config):
        found.setdefault(alert.gate, []).append(alert)
    return found


def test_fixture_plan(acme) -> None:
    found = run(acme)
    # the fixture's pilot milestone (due 2026-06-30) and its one contact, as of 2026-11-24
    assert set(found) == {"stale", "single-threaded", "overdue-milestone"}
    assert found["stale"][0].message == "last reviewed 313 days ago, more than 180"
    assert found["stale"][0].blocking and not found["overdue-milestone"][0].blocking


def test_gates_fire_and_name_their_place(acme) -> None:
    acme["plan"]["last_reviewed"] = "2026-11-01"
    acme["actions"][0].update(status="planned", due="2026-11-01")
    del acme["actions"][0]["done_on"]
    acme["contract"]["end"] = "2027-01-31"
    acme["contract"]["notice_period_months"] = 2
    acme["open_questions"][0].pop("owner")
    found = run(acme, completeness=0.5)
    assert found["completeness"][0].message == "checklists 50% complete, below the minimum of 60%"
    assert found["overdue"][0].path == ("actions", 0, "due")
    assert found["notice"][0].message == "notice deadline 2026-11-30 is in 6 days: decide on renewal"
    assert found["question-owner"][0].path == ("open_questions", 0)
    assert "stale" not in found


def test_thresholds_change_the_gates(acme) -> None:
    assert "stale" not in run(acme, stale_days=400)
    assert "completeness" in run(acme, completeness=0.7, min_completeness=0.8)


def test_relationship_warnings(acme) -> None:
    acme["contacts"] += [
        {"id": "k2", "name": "K2", "buying_roles": ["decision_maker"], "attitude": "critic", "owner": "bob"},
    ]
    acme["contacts"][0]["attitude"] = "neutral"
    found = run(acme)
    assert "single-threaded" not in found
    assert found["few-contacts"][0].message == "2 active contacts: know at least three key players"
    assert found["no-supporter"][0].confidential


def test_instrument_cost_warning_is_confidential(acme) -> None:
    acme["instruments"] = [{"id": "gift", "kind": "other", "description": "Gifts", "cost": 900, "expected_benefit": 1000}]
    [alert] = run(acme)["instrument-cost"]
    assert alert.confidential and "0.90 of its benefit" in alert.message


def test_care_measure_overdue_by_its_interval(acme) -> None:
    acme["care"] = {
        "measures": [
            {"id": "qbr", "name": "QBR", "frequency": "quarterly", "last_done": "2026-08-24"},  # next due 2026-11-24: today, not overdue
            {"id": "visit", "name": "Visit", "frequency": {"every": 30, "unit": "days"}, "last_done": "2026-10-01"},  # due 2026-10-31
            {"id": "letter", "name": "Letter", "frequency": "yearly"},  # never done: nothing to judge
            {"id": "fair", "name": "Fair", "occasion": "at every trade fair", "last_done": "2025-01-01"},
        ]
    }
    found = run(acme)["care-overdue"]
    assert [a.message for a in found] == ["care measure 'visit' is overdue: last done 2026-10-01, next was due 2026-10-31"]
    assert found[0].path == ("care", "measures", 1, "last_done") and not found[0].blocking
