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
