"""The portfolio as the edition may show it: its columns and their labels."""

from __future__ import annotations

from kamdocs.figures.portfolio import COLUMNS, OWNER_COLUMNS, Portfolio
from kamdocs.view.labels import FIGURES, label, word
from kamdocs.view.numbers import visible

_WORD_COLUMNS = {"completeness": "completeness_col", "next_deadline": "next_deadline", "alerts": "alerts_col"}


def column_label(key: str, language: str) -> str:
    return label(key, language) if key in FIGURES else word(_WORD_COLUMNS[key], language)


def owner_columns(portfolio: Portfolio, edition: str) -> list[str]:
    """The per-manager columns the edition may show."""
    return [key for key in OWNER_COLUMNS if all(visible(o.cells[key], edition) for o in portfolio.owners)]


def owner_column_label(key: str, language: str) -> str:
    return word("accounts", language) if key == "accounts" else column_label(key, language)


def columns(portfolio: Portfolio, edition: str) -> list[str]:
    """The columns the edition may show: a column with any confidential cell is internal only."""
    return [key for key in COLUMNS if all(visible(r.cells[key], edition) for r in portfolio.rows)]
