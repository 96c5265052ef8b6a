"""Promise: no cell the toolkit writes into a CSV or XLSX file runs as a formula (OWASP, CSV injection)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_plan

from kamdocs.app.cli import main
from kamdocs.render.outputs.spreadsheet import csv_text, safe_cell

HOSTILE = ('=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


@pytest.mark.parametrize("text", HOSTILE)
def test_promise_no_spreadsheet_cell_is_a_formula(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert csv_text(["a"], [[text]]).splitlines()[1].lstrip('"').startswith("'")


def test_numbers_and_plain_text_stay_as_they_are() -> None:
    assert [safe_cell(v) for v in (-5, 1.5, "Acme", "", None)] == [-5, 1.5, "Acme", "", None]


def _hostile_workspace(workspace: Path, acme: dict) -> None:
    acme["account"]["name"] = HOSTILE[0]
    write_plan(workspace, acme)
    (workspace / "accounts" / "customers.csv").write_text(
        f'customer_id,name,revenue_2025\nacme-tools,"{HOSTILE[0].replace(chr(34), chr(34) * 2)}",100000\nb,@cmd,50\n', encoding="utf-8"
    )


def test_promise_portfolio_and_classify_exports_hold_no_formula(workspace: Path, acme: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    _hostile_workspace(workspace, acme)
    monkeypatch.chdir(workspace)
    runner = CliRunner()
    for args in (("portfolio", "--format", "csv"), ("classify", "--format", "csv")):
        result = runner.invoke(main, [*args, "--config", "pyproject.toml"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        cells = [cell for line in result.output.splitlines()[1:] for cell in next(csv.reader(io.StringIO(line)))]
        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells), result.output
    result = runner.invoke(main, ["portfolio", "--format", "xlsx", "-o", "p.xlsx"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(workspace / "p.xlsx").active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + HOSTILE[0] in values
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
