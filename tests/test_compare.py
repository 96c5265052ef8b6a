from __future__ import annotations

import copy

from conftest import ACME, AS_OF, ROOT, SCHEMA, make_reader

from kamdocs.core.config import Config
from kamdocs.core.loader import Document, load_file
from kamdocs.figures.assessment import Assessment, assess, prepare
from kamdocs.history.diff import diff_plans
from kamdocs.render.outputs.diff import describe, render_diff, word_changes
from kamdocs.view.compare import compare

CONTEXT = prepare(Config(root=ROOT, accounts=ROOT, schema=SCHEMA, as_of=AS_OF), ROOT)[0]


def assessed(data: dict) -> Assessment:
    return assess([Document("plan.yaml", "", data)], CONTEXT)


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
    [line] = compare(assessed(acme), assessed(new), make_reader("internal"), "plan.yaml").changes
    assert line.where == "Sales figures › 2025/Devices › Revenue"
    assert describe(line) == "€100,000 → €125,000 (+€25,000 (+25.0%))"
    [german] = compare(assessed(acme), assessed(new), make_reader("internal", "de"), "plan.yaml").changes
    assert describe(german) == "100.000\xa0€ → 125.000\xa0€ (+25.000\xa0€ (+25,0\xa0%))"


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
    shared = compare(assessed(old), assessed(new), make_reader(), "plan.yaml")
    internal = compare(assessed(old), assessed(new), make_reader("internal"), "plan.yaml")
    text = "".join(render_diff([shared], make_reader(), fmt) for fmt in ("text", "json", "markdown"))
    assert "31415" not in text and "27182" not in text and "31,415" not in text
    assert any(c.path[-1] == "direct_costs" for c in internal.changes)
    assert any(f.key == "contribution_margin" for f in internal.figures)
    assert not any(f.key == "contribution_margin" for f in shared.figures)


def test_added_plan(acme) -> None:
    result = compare(None, assessed(acme), make_reader(), "plan.yaml")
    assert result.status == "added" and result.changes == () and result.new_year == 2026
    assert render_diff([result], make_reader(), "text").startswith("plan.yaml (Acme Tools Ltd, — → 2026): new plan")


def test_example_years(acme) -> None:
    old, new = (load_file(ROOT / "accounts" / "kestrel-freight" / f"{y}.yaml") for y in (2025, 2026))
    assert isinstance(old, Document) and isinstance(new, Document)
    result = compare(assess([old], CONTEXT), assess([new], CONTEXT), make_reader(), "kestrel")
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


def test_the_plan_year_and_unseen_precision_are_no_change(acme) -> None:
    """A rolled-over year is not a change, and figures that print the same are not changed figures."""
    new = copy.deepcopy(acme)
    new["plan"]["year"] = 2027
    result = compare(assessed(acme), assessed(new), make_reader("internal"), "plan.yaml")
    assert all(c.path != ("plan", "year") for c in result.changes)
    shown = {f.key: (f.old_text, f.new_text) for f in result.figures}
    assert all(old != new for old, new in shown.values())


def test_reordered_and_reformatted_plan_prints_no_change(tmp_path) -> None:
    """kam diff of the same plan, its keys and lists reordered and its YAML written another way, says nothing changed."""
    import yaml
    from conftest import load_plan

    plan = load_plan()
    moved = dict(reversed(list(copy.deepcopy(plan).items())))
    moved["sales"].reverse()
    moved["contacts"].reverse()
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(ACME.read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(yaml.safe_dump(moved, sort_keys=True, default_flow_style=True, width=60), encoding="utf-8")
    from click.testing import CliRunner

    from kamdocs.app.cli import main

    for fmt in ("text", "json", "markdown"):
        result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", fmt, "--as-of", AS_OF.isoformat()])
        assert result.exit_code == 0, result.output
        assert "~" not in result.output and "+ " not in result.output, result.output
        if fmt == "json":
            import json

            [entry] = json.loads(result.output)
            assert entry["changes"] == [] and entry["figures"] == []


def test_a_probability_changes_by_percentage_points_and_ids_read_as_names(acme) -> None:
    new = copy.deepcopy(acme)
    new["potential"]["opportunities"][0].update(probability=0.75, expected_close="2026-Q3")
    new["potential"]["opportunities"][0].pop("owner")
    lines = {line.path[-1]: line for line in compare(assessed(acme), assessed(new), make_reader("internal"), "plan.yaml").changes}
    assert describe(lines["probability"]) == "50.0% → 75.0% (+25.0 pp)"
    assert describe(lines["expected_close"]) == "Q3 2026"
    assert describe(lines["owner"]) == "Bob Builder"
    german = {line.path[-1]: line for line in compare(assessed(acme), assessed(new), make_reader("internal", "de"), "plan.yaml").changes}
    assert describe(german["probability"]) == "50,0\xa0% → 75,0\xa0% (+25,0 Pp.)"
