from __future__ import annotations

from conftest import ROOT

from kamdocs.core.loader import Document, parse_text
from kamdocs.history.rollover import rollover_text, unified

NORDWERK = (ROOT / "accounts" / "nordwerk" / "2026.yaml").read_text(encoding="utf-8")


def rolled() -> dict:
    loaded = parse_text(rollover_text(NORDWERK, 2027), "2027.yaml")
    assert isinstance(loaded, Document), loaded
    return loaded.data


def test_the_year_and_its_business_move_on() -> None:
    plan = rolled()
    assert plan["plan"]["year"] == 2027 and plan["plan"]["status"] == "draft" and "last_reviewed" not in plan["plan"]
    assert {a["status"] for a in plan["actions"]} <= {"planned", "in_progress"}
    assert all("reached_on" not in m for m in plan["milestones"])
    assert all(o.get("stage") not in ("won", "lost") for o in plan["potential"]["opportunities"])
    assert "committed_revenue" not in plan["potential"] and "nps" not in plan["kpis"]
    assert plan["kpis"]["expected_lifetime_years"] == 8
    review = plan["annual_review"]
    assert set(review) == {"earlier_reviews"}
    assert review["earlier_reviews"][0] == {"date": "2026-02-11", "summary": "Rahmen verlängert; Pilot für Q2 vereinbart."}


def test_history_comments_and_order_are_kept() -> None:
    text = rollover_text(NORDWERK, 2027)
    assert text.startswith("# yaml-language-server: $schema=../../schema/account-plan.schema.json\n# Key-Account-Plan 2026")
    original = parse_text(NORDWERK, "2026.yaml")
    assert isinstance(original, Document)
    plan = rolled()
    assert plan["sales"] == original.data["sales"]
    assert list(plan) == list(original.data)
    assert plan["contacts"] == original.data["contacts"]


def test_dry_run_diff_names_both_files() -> None:
    diff = unified(NORDWERK, rollover_text(NORDWERK, 2027), "2026.yaml", "2027.yaml")
    assert diff.startswith("--- 2026.yaml\n+++ 2027.yaml\n")
    assert "-  year: 2026\n+  year: 2027\n" in diff


SECURED = """kamdocs: 2
account: {id: x, name: X}
plan: {year: 2026, owner: O, status: approved}
contacts:
  - {id: a, name: A, buying_roles: [user], meetings_planned: 4, meetings_held: 3}
potential:
  committed_revenue: 100000
  recurring_revenue: 850000   # runs on
  run_rate_revenue: 40000
"""


def test_recurring_revenue_runs_on_the_year_s_estimates_stay_behind() -> None:
    loaded = parse_text(rollover_text(SECURED, 2027), "2027.yaml")
    assert isinstance(loaded, Document)
    assert loaded.data["potential"] == {"recurring_revenue": 850000}
    assert loaded.data["contacts"][0] == {"id": "a", "name": "A", "buying_roles": ["user"], "meetings_planned": 4}


def test_the_file_s_list_indentation_is_kept() -> None:
    # "key:\n  - item" stays indented, "key:\n- item" stays flush: no line changes but those that must
    for text in (SECURED, SECURED.replace("\n  - {id: a", "\n- {id: a")):
        rolled = rollover_text(text, 2027)
        assert ("\n  - {id: a" in rolled) == ("\n  - {id: a" in text)
