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
