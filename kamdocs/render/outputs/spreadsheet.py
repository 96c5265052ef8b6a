"""Cells for programs that evaluate them: every CSV and XLSX the toolkit writes goes through here."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""OWASP, CSV injection: a spreadsheet reads a cell starting with one of these as a formula."""


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, made plain text with a leading apostrophe.

    Numbers stay numbers (a negative growth is not a formula); only text is neutralised.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


def csv_text(header: Sequence[str], rows: Iterable[Iterable[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return out.getvalue()
