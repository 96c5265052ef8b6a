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
    assert review["earlier_reviews"][0] == {
        "date": "2026-02-11",
        "summary": "Prüfprotokoll-App bestellt (April); Pilot in Brno ab Mai vereinbart.",
    }


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


COMMENTED = """\
# yaml-language-server: $schema=../../schema/account-plan.schema.json
# head comment
kamdocs: 1
account:
  id: acme-tools   # the folder
  name: Acme Tools Ltd
plan:
  year: 2026   # the year
  owner: Ada Lovelace
  status: approved
  last_reviewed: 2026-01-15   # leaves with its line
team:
  - id: ada
    name: Ada Lovelace
actions:
  # an action that stays
  - id: open
    title: Open one
    owner: ada
    due: 2026-03-01
    status: planned
  - id: done
    title: Done one   # leaves with its item
    owner: ada
    due: 2026-02-01
    status: done
# ---- section header after a list whose last item leaves ----
milestones:
  - id: m1
    title: Reached
    due: 2026-01-01
    reached_on: 2026-01-01
annual_review:
  date: 2026-02-11   # the review
  outcome: Renewed.
  # a comment inside the review
long: LONGLINE
# end of file
"""


def _plan(long: str = "x" * 5000) -> str:
    return COMMENTED.replace("long: LONGLINE", f"x-long: {long}")


def test_promise_rollover_keeps_comments_wherever_they_stand() -> None:
    text = rollover_text(_plan(), 2027)
    kept = [line.strip() for line in _plan().splitlines() if line.strip().startswith("#")]
    for comment in kept:
        assert comment in text
    assert "# the folder" in text and "# the year" in text and "leaves with its" not in text
    assert text.endswith("# end of file\n")
    assert "\n# ---- section header after a list whose last item leaves ----\nmilestones: []\n" in text


def test_promise_rollover_keeps_list_indentation_and_line_width() -> None:
    text = rollover_text(_plan(), 2027)
    assert "\nteam:\n  - id: ada\n    name: Ada Lovelace\n" in text
    assert "\n  earlier_reviews:\n    - date: 2026-02-11   # the review\n" not in text  # the comment stays with the old line only
    assert "\n  earlier_reviews:\n    - date: 2026-02-11\n      summary: Renewed.\n" in text
    assert f"x-long: {'x' * 5000}\n" in text
    rolled = parse_text(text, "2027.yaml")
    assert isinstance(rolled, Document) and rolled.data["actions"] == [
        {"id": "open", "title": "Open one", "owner": "ada", "due": "2026-03-01", "status": "planned"}
    ]


def test_promise_rollover_of_a_new_plan_keeps_its_shape() -> None:
    from kamdocs.history.new_plan import new_plan_text

    text = new_plan_text("acme-tools", 2026, "Acme", "Ada", "en")
    rolled = rollover_text(text, 2027)
    assert unified(text, rolled, "a", "b").count("\n-") == 1  # the year, nothing else (a new plan is a draft)
    assert "team:                          # our side" in rolled and "\n  - id: me\n" in rolled


def test_rollover_of_shapes_the_text_edit_does_not_take_is_still_right() -> None:
    flow = _plan().replace(
        "milestones:\n  - id: m1\n    title: Reached\n    due: 2026-01-01\n    reached_on: 2026-01-01\n",
        "milestones: [{id: m1, title: Reached, due: 2026-01-01, reached_on: 2026-01-01}, {id: m2, title: Open, due: 2026-09-01}]\n",
    )
    rolled = parse_text(rollover_text(flow, 2027), "2027.yaml")
    assert isinstance(rolled, Document) and rolled.data["milestones"] == [{"id": "m2", "title": "Open", "due": "2026-09-01"}]


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


def test_a_customer_priority_no_longer_points_at_a_deal_that_stays_behind() -> None:
    """A won deal stays in the old year: the priority it served points at the open deals only, and the new plan is valid."""
    import datetime as dt

    from conftest import SCHEMA

    from kamdocs.core.validate import check_document

    text = (ROOT / "accounts" / "meridian-stores" / "2026.yaml").read_text(encoding="utf-8")
    plan = parse_text(text, "2026.yaml")
    assert isinstance(plan, Document)
    deals = plan.data["potential"]["opportunities"]
    won = next(o["id"] for o in deals if o.get("stage") == "won")
    open_ = next(o["id"] for o in deals if o.get("stage") not in ("won", "lost"))
    priority = f"- id: served-test\n  title: Test\n  kind: priority\n  opportunities: [{won}, {open_}]\n"
    rolled = parse_text(rollover_text(text.replace("customer_priorities:\n", "customer_priorities:\n" + priority, 1), 2027), "2027.yaml")
    assert isinstance(rolled, Document)
    served = next(p for p in rolled.data["customer_priorities"] if p["id"] == "served-test")
    assert served["opportunities"] == [open_]
    problems = check_document(rolled, SCHEMA, dt.date(2027, 1, 15), ROOT / "accounts" / "meridian-stores" / "2027.yaml")
    assert [p.message for p in problems if p.severity.value == "error"] == []
