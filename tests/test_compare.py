from __future__ import annotations

import copy

from conftest import ACME, AS_OF, ROOT, SCHEMA

from kamdocs.core.config import Config
from kamdocs.core.loader import Document, load_file
from kamdocs.figures.assessment import prepare
from kamdocs.history.diff import diff_plans
from kamdocs.render.outputs.diff import render_diff
from kamdocs.view.compare import compare, describe, word_changes


def context(edition: str = "shared"):
    return prepare(Config(root=ROOT, accounts=ROOT, schema=SCHEMA, as_of=AS_OF, edition=edition), ROOT)[0]


def document(data: dict) -> Document:
    return Document("plan.yaml", "", data)


def test_reordered_lists_are_no_change(acme) -> None:
    moved = copy.deepcopy(acme)
    moved["team"].reverse()
    moved["sales"].reverse()
    moved["customer_analysis"]["competitors"].reverse()
    assert diff_plans(acme, moved) == []


def test_renamed_action_is_one_field_and_new_ids_are_added(acme) -> None:
    new = copy.deepcopy(acme)
    new["actions"][0]["title"] = "Kick-off with the board"
    new["goals"].append({"id": "retain", "title": "Keep them"})
    del new["risks"][0]
    changes = {(".".join(c.path), c.kind) for c in diff_plans(acme, new)}
    assert changes == {("actions.kickoff.title", "changed"), ("goals.retain", "added"), ("risks.price", "removed")}


def test_numbers_show_the_difference(acme) -> None:
    new = copy.deepcopy(acme)
    new["sales"][0]["revenue"] = 125_000
    [change] = diff_plans(acme, new)
    assert change.path == ("sales", "2025/Devices", "revenue")
    assert describe(change, "en") == "100000 → 125000 (+25,000, 25.0%)"


def test_long_text_gets_a_word_diff() -> None:
    assert (
        word_changes("we grow the device business in the north", "we grow the service business in the north")
        == "we grow the [-device-] {+service+} business in the north"
    )


def test_shared_edition_hides_confidential_values_old_and_new(acme) -> None:
    old = copy.deepcopy(acme)
    new = copy.deepcopy(acme)
    old["sales"][0]["direct_costs"] = 31_415
    new["sales"][0]["direct_costs"] = 27_182
    new["sales"][0]["indirect_costs"] = 1_000
    old["sales"][1]["direct_costs"], old["sales"][1]["indirect_costs"] = 1, 1
    new["sales"][1]["direct_costs"], new["sales"][1]["indirect_costs"] = 1, 1
    shared = compare(document(old), document(new), context(), "plan.yaml")
    internal = compare(document(old), document(new), context("internal"), "plan.yaml")
    text = (
        render_diff([shared], "text", "en", "EUR")
        + render_diff([shared], "json", "en", "EUR")
        + render_diff([shared], "markdown", "en", "EUR")
    )
    assert "31415" not in text and "27182" not in text and "31,415" not in text
    assert any(c.path[-1] == "direct_costs" for c in internal.changes)
    assert any(f.key == "contribution_margin" for f in internal.figures)
    assert not any(f.key == "contribution_margin" for f in shared.figures)


def test_added_plan(acme) -> None:
    result = compare(None, document(acme), context(), "plan.yaml")
    assert result.status == "added" and result.changes == () and result.new_year == 2026
    assert render_diff([result], "text", "en", "EUR").startswith("plan.yaml (acme-tools — → 2026, added)")


def test_example_years(acme) -> None:
    old, new = (load_file(ROOT / "accounts" / "kestrel-freight" / f"{y}.yaml") for y in (2025, 2026))
    result = compare(old, new, context(), "kestrel")
    paths = {".".join(c.path): c for c in result.changes}
    assert paths["contacts.jv.left_on"].kind == "added"
    assert paths["risks.coo-left"].kind == "added"
    assert load_file(ACME).data["account"]["id"] == "acme-tools"


def test_renamed_id_is_a_removal_and_an_addition(acme) -> None:
    new = copy.deepcopy(acme)
    new["goals"][0]["id"] = "grow-devices"
    new["actions"][0]["goal"] = "grow-devices"
    new["milestones"][0]["goal"] = "grow-devices"
    changes = {(".".join(c.path), c.kind) for c in diff_plans(acme, new)}
    assert changes == {
        ("goals.grow", "removed"),
        ("goals.grow-devices", "added"),
        ("actions.kickoff.goal", "changed"),
        ("milestones.pilot.goal", "changed"),
    }


def test_moved_sections_are_no_change(acme) -> None:
    moved = dict(reversed(list(copy.deepcopy(acme).items())))
    assert diff_plans(acme, moved) == []
