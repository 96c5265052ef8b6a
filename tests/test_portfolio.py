from __future__ import annotations

import pytest

from conftest import AS_OF, ROOT, SCHEMA
from kamdocs.assessment import open_workspace
from kamdocs.config import load_config
from kamdocs.portfolio import COLUMNS, build


@pytest.fixture(scope="module")
def workspace():
    config = load_config(ROOT / "pyproject.toml").with_overrides(as_of=AS_OF)
    found = open_workspace(config, base=ROOT)
    assert found.ok
    return found


def test_rows_totals_and_concentration(workspace) -> None:
    assessments = [workspace.assess(a, 2026) for a, years in workspace.plans.items() if 2026 in years]
    result = build(assessments, 2026)
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


def test_next_deadline_is_the_earliest_open_event(workspace) -> None:
    assessment = workspace.assess("meridian-stores", 2026)
    row = build([assessment], 2026).rows[0]
    future = sorted(d.date for d in assessment.deadlines if d.date >= AS_OF)
    assert row.cells["next_deadline"].value == future[0].isoformat()


def test_single_account_has_full_concentration(workspace) -> None:
    result = build([workspace.assess("nordwerk", 2026)], 2026)
    assert result.concentration["top_1_share"].value == 1.0
    assert result.concentration["hhi"].value == pytest.approx(10_000)


def test_empty_portfolio_is_not_computable() -> None:
    result = build([], 2026)
    assert result.totals["revenue"].value is None and result.concentration["hhi"].reason == "no revenue"
