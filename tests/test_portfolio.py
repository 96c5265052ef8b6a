from __future__ import annotations

import dataclasses

import pytest
from conftest import AS_OF, example_assessments

from kamdocs.figures.portfolio import COLUMNS, build, row


@pytest.fixture(scope="module")
def latest() -> dict:
    return {a.account: a for a in example_assessments(2026)}


def test_rows_totals_and_concentration(latest) -> None:
    assessments = list(latest.values())
    result = build([row(a) for a in assessments], 2026)
    revenues = [a.figures["revenue"].value for a in assessments]
    total = sum(revenues)
    assert len(result.rows) == 8 and list(result.rows[0].cells) == list(COLUMNS)
    assert [r.cells["revenue"].value for r in result.rows] == sorted(revenues, reverse=True)
    assert result.totals["revenue"].value == pytest.approx(total)
    assert result.totals["forecast"].value == pytest.approx(sum(a.figures["forecast"].value for a in assessments))
    top = sorted(revenues, reverse=True)
    assert result.concentration["top_1_share"].value == pytest.approx(top[0] / total)
    assert result.concentration["top_3_share"].value == pytest.approx(sum(top[:3]) / total)
    assert result.concentration["hhi"].value == pytest.approx(sum((r / total * 100) ** 2 for r in revenues))
    assert result.rows[0].cells["margin_pct"].confidential


def test_next_deadline_is_the_earliest_open_event(latest) -> None:
    assessment = latest["meridian-stores"]
    first = build([row(assessment)], 2026).rows[0]
    future = sorted(d.date for d in assessment.deadlines if d.date >= AS_OF)
    assert first.cells["next_deadline"].value == future[0].isoformat()


def test_single_account_has_full_concentration(latest) -> None:
    result = build([row(latest["nordwerk"])], 2026)
    assert result.concentration["top_1_share"].value == 1.0
    assert result.concentration["hhi"].value == pytest.approx(10_000)


def test_empty_portfolio_is_not_computable() -> None:
    result = build([], 2026)
    assert result.totals["revenue"].value is None and result.concentration["hhi"].reason == "no revenue"


@pytest.fixture
def golden_workspace(tmp_path):
    """The golden accounts (globex, hooli: 2025 and 2026; initech: 2026 only; umbrella: 2025 only) as a repository."""
    import shutil

    from conftest import FIXTURES, ROOT

    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    shutil.copytree(FIXTURES / "golden", tmp_path / "accounts")
    return tmp_path


def kam(folder, *args: str):
    from click.testing import CliRunner

    from kamdocs.app.cli import main

    return CliRunner().invoke(main, [*args, "--config", str(folder / "pyproject.toml"), "--as-of", "2026-06-30"], catch_exceptions=False)


def test_retention_of_key_accounts(golden_workspace) -> None:
    import json

    data = json.loads(kam(golden_workspace, "portfolio", "--format", "json").output)
    # key accounts of 2025: globex, hooli, umbrella; of those, globex and hooli have a 2026 plan; initech is new
    retention = data["totals"]["key_account_retention"]
    assert retention["value"] == pytest.approx(2 / 3)
    assert retention["detail"] == {"kept": 2, "of": 3, "dropped": ["umbrella"]}
    [line] = [line for line in kam(golden_workspace, "portfolio").output.splitlines() if "Key accounts kept from last year" in line]
    assert line.endswith(" 66.7%")


def test_portfolio_by_owner_in_every_format(golden_workspace, tmp_path) -> None:
    import json

    accounts = {a["account"]: a for a in json.loads(kam(golden_workspace, "portfolio", "--format", "json").output)["accounts"]}
    data = json.loads(kam(golden_workspace, "portfolio", "--by", "owner", "--format", "json").output)
    owners = {o["owner"]: o for o in data["owners"]}
    assert data["by"] == "owner" and list(owners) == ["Uma User", "Vic Vega"]
    uma, vic = owners["Uma User"], owners["Vic Vega"]
    # Uma: globex (revenue 200,000; forecast 120,000 + 0.5 × 100,000 + 40,000 = 210,000; overdue a2)
    # and hooli (50,000; 60,000 committed; one overdue action)
    assert uma["accounts"]["value"] == 2
    assert uma["revenue"]["value"] == 250_000 and uma["forecast"]["value"] == 270_000
    assert uma["overdue_actions"]["value"] == 2
    assert uma["completeness"]["value"] == pytest.approx(
        (accounts["globex"]["completeness"]["value"] + accounts["hooli"]["completeness"]["value"]) / 2
    )
    # Vic: initech only (umbrella has no 2026 plan): 268,000 in 2025 so far, forecast 250,000
    assert (vic["accounts"]["value"], vic["revenue"]["value"], vic["forecast"]["value"]) == (1, 268_000, 250_000)
    text = kam(golden_workspace, "portfolio", "--by", "owner").output
    assert "Key account manager" in text and "Uma User" in text and "€270,000" in text
    german = kam(golden_workspace, "portfolio", "--by", "owner", "--format", "markdown", "--language", "de").output
    assert "| Key-Account-Manager |" in german and "Überfällige Maßnahmen" in german
    rows = kam(golden_workspace, "portfolio", "--by", "owner", "--format", "csv").output.splitlines()
    assert rows == [
        "owner,accounts,revenue,forecast,completeness,overdue_actions",
        f"Uma User,2,250000.0,270000.0,{uma['completeness']['value']},2",
        f"Vic Vega,1,268000.0,250000.0,{vic['completeness']['value']},0",
    ]
    target = tmp_path / "owners.xlsx"
    assert kam(golden_workspace, "portfolio", "--by", "owner", "--format", "xlsx", "-o", str(target)).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(target).active
    assert [c.value for c in sheet[2]][:4] == ["Uma User", None, 2, 250_000]


def test_amounts_in_different_currencies_are_never_added(latest) -> None:
    eur, usd = row(latest["nordwerk"]), dataclasses.replace(row(latest["meridian-stores"]), currency="USD")
    refused = build([eur, usd], 2026, currency="EUR")
    assert refused.totals["revenue"].value is None
    assert refused.totals["revenue"].reason == (
        "the portfolio holds plans in EUR, USD: amounts in different currencies are not added (set [tool.kam.rates])"
    )
    assert refused.concentration["hhi"].value is None
    converted = build([eur, usd], 2026, currency="EUR", rates={"USD": 0.5})
    expected = eur.cells["revenue"].value + 0.5 * usd.cells["revenue"].value
    assert converted.totals["revenue"].value == pytest.approx(expected)


def test_a_plan_names_its_own_currency(latest) -> None:
    assert latest["nordwerk"].currency == "EUR"  # no plan.currency: the currency of [tool.kam]
