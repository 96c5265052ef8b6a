from __future__ import annotations

from conftest import AS_OF, ROOT, SCHEMA, make_reader

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
    # the fixture's pilot milestone (due 2026-06-30), its one contact, as of 2026-11-24, and a forecast of
    # 80,000 committed + 50,000 × 0.5 + 5,000 won = 110,000 below the 120,000 of 2025
    assert set(found) == {"stale", "single-threaded", "overdue-milestone", "forecast-below-last-year"}
    assert found["forecast-below-last-year"][0].message == "the forecast of 110,000 is below the revenue of 2025, 120,000"
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
    assert alert.confidential and "90% of its benefit" in alert.message


def test_no_renewal_is_no_renewal_decision(acme) -> None:
    acme["contract"].update(end="2027-01-31", notice_period_months=2, renewal="none")
    assert "notice" not in run(acme)


def test_zero_contacts_say_no_contact_recorded(acme) -> None:
    acme["contacts"] = []
    [alert] = run(acme)["single-threaded"]
    assert alert.message == "single-threaded relationship: no contact recorded"


def test_approved_plan_needs_completeness_and_a_review(acme) -> None:
    acme["plan"].update(status="approved", last_reviewed="2026-11-01")
    assert "approval" not in run(acme)
    [low] = run(acme, completeness=0.5)["approval"]
    assert low.blocking and low.path == ("plan", "status")
    assert low.message.startswith("the plan is approved, but its checklists are 50% complete, below the minimum of 60%")
    del acme["plan"]["last_reviewed"]
    [never] = run(acme)["approval"]
    assert never.message == "the plan is approved, but was never reviewed: set plan.last_reviewed or set the plan back to review"
    acme["plan"]["status"] = "in_review"
    assert "approval" not in run(acme, completeness=0.5)


def test_stale_opportunity_and_forecast_below_last_year(acme) -> None:
    acme["potential"]["opportunities"][0]["expected_close"] = "2026-09-30"
    found = run(acme)
    [stale] = found["stale-opportunity"]
    assert stale.path == ("potential", "opportunities", 0, "expected_close") and not stale.blocking
    assert stale.message == "opportunity 'upsell' was to close on 2026-09-30: close date passed: update or close it"
    # a quarter that has passed: said as the quarter, in the reader's words
    acme["potential"]["opportunities"][0]["expected_close"] = "2026-Q3"
    [quarter] = run(acme)["stale-opportunity"]
    assert make_reader().reason(quarter.message) == "opportunity 'upsell' was to close in Q3 2026: close date passed: update or close it"
    german = make_reader(language="de").reason(quarter.message)
    assert (
        german == "Verkaufschance 'upsell' sollte im Q3 2026 abgeschlossen sein: Abschlussdatum überschritten: aktualisieren oder schließen"
    )
    acme["potential"]["opportunities"][0]["expected_close"] = "2026-12-15"
    assert "stale-opportunity" not in run(acme)
    acme["potential"]["committed_revenue"] = 100_000
    # 100,000 + 25,000 + 5,000 = 130,000 is not below 120,000
    assert "forecast-below-last-year" not in run(acme)


def test_alerts_speak_german(acme) -> None:
    from conftest import make_reader

    acme["contacts"] = []
    [alert] = run(acme)["single-threaded"]
    assert make_reader(language="de").reason(alert.message) == "die Beziehung hängt an einer Person: kein Ansprechpartner erfasst"


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
