from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF, FIXTURES, ROOT, SCHEMA, make_reader

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.schema import WILDCARD, load_schema
from kamdocs.figures.checklists import completeness, load_checklists, overall, parse_path
from kamdocs.figures.derive import derive

# information: the 16 items of the domain, and the customer's business priorities (plan format 2)
DOMAIN_COUNTS = {"information": 17, "preparation": 6, "agenda": 5, "best_practice": 5}


@pytest.fixture(scope="module")
def checklists():
    found, problems = load_checklists(ROOT / "schema" / "checklists.yaml", load_schema(SCHEMA))
    assert problems == []
    return found


def results_for(plan: dict, checklists):
    config = Config(root=ROOT, accounts=ROOT / "accounts", schema=SCHEMA, as_of=AS_OF)
    return completeness(checklists, plan, derive([plan], config, Confidentiality()))


def test_shipped_checklists_cover_the_domain(checklists) -> None:
    by_id = {c.id: c for c in checklists}
    for ident, count in DOMAIN_COUNTS.items():
        assert len(by_id[ident].items) == count, ident
    assert {"plan_sections", "coaching", "care", "account_planning"} <= set(by_id)
    assert all(item.label["en"] and item.label["de"] for c in checklists for item in c.items)


def test_parse_path() -> None:
    assert parse_path("sales[].revenue") == ("sales", WILDCARD, "revenue")
    assert parse_path("annual_review.agenda.status") == ("annual_review", "agenda", "status")


def test_thin_plan_lists_what_to_fill_in(acme, checklists) -> None:
    results = {r.checklist.id: r for r in results_for(acme, checklists)}
    information = results["information"]
    missing = {i.item.id: i.missing for i in information.items if not i.done}
    assert missing["sales_volume"] == ("sales[].volume",)
    assert missing["contribution_margins"][0].startswith("figure contribution_margin: costs missing for")
    done = {i.item.id for i in information.items if i.done}
    assert {"revenue", "customer_visits", "satisfaction", "share_of_wallet"} <= done
    assert 0 < information.completeness < 1
    assert results["best_practice"].items[1].missing == ("contacts (at least 3, found 1)",)


def test_completeness_counts(acme, checklists) -> None:
    results = results_for(acme, checklists)
    total = sum(len(r.items) for r in results)
    assert overall(results) == pytest.approx(sum(r.done for r in results) / total)


def test_any_condition_reports_the_alternatives(acme, checklists) -> None:
    acme.pop("kpis")
    results = {r.checklist.id: r for r in results_for(acme, checklists)}
    satisfaction = next(i for i in results["information"].items if i.item.id == "satisfaction")
    assert not satisfaction.done
    assert satisfaction.missing[0].startswith("figure nps: needs NPS survey counts or figure csat")
    assert satisfaction.missing[0].endswith("or customer_analysis.satisfaction")
    german = make_reader(language="de").reason(satisfaction.missing[0])
    assert german.startswith("Kennzahl Net Promoter Score: ") and " oder Kennzahl Zufriedene Kunden (CSAT): " in german
    assert german.endswith("oder Kundenanalyse › Zufriedenheit")
    assert "needs" not in german and " or " not in german and "customer_analysis" not in german


def test_counts_are_said_in_german_too(acme, checklists) -> None:
    results = {r.checklist.id: r for r in results_for(acme, checklists)}
    (missing,) = results["best_practice"].items[1].missing
    assert make_reader(language="de").reason(missing) == "Ansprechpartner (mindestens 3, vorhanden 1)"


def test_exemplary_example_is_complete(checklists) -> None:
    from conftest import load_plan

    history = [load_plan(ROOT / "accounts" / "meridian-stores" / f"{y}.yaml") for y in (2024, 2025, 2026)]
    config = Config(root=ROOT, accounts=ROOT / "accounts", schema=SCHEMA, as_of=AS_OF)
    results = completeness(checklists, history[-1], derive(history, config, Confidentiality()))
    assert overall(results) == 1.0


def test_bad_checklist_file_is_reported_with_positions() -> None:
    found, problems = load_checklists(FIXTURES / "checklists" / "bad.yaml", load_schema(SCHEMA))
    assert found == ()
    assert [(p.line, p.rule) for p in problems] == [(7, "checklist-path"), (8, "unique-id"), (10, "checklist-figure")]
    assert "'sales[].revenu' is not a key path of the plan schema" in problems[0].message


def test_checklist_file_shape_is_validated() -> None:
    found, problems = load_checklists(FIXTURES / "checklists" / "shape.yaml", load_schema(SCHEMA))
    assert found == ()
    assert {p.rule for p in problems} >= {"schema.required"}
    assert any("missing required key 'de'" in p.message for p in problems)


def test_missing_checklist_file(tmp_path: Path) -> None:
    found, [problem] = load_checklists(tmp_path / "checklists.yaml", load_schema(SCHEMA))
    assert found == () and problem.message == "file not found"
