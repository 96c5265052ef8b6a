"""The portfolio as the edition may show it: its columns and their labels."""

from __future__ import annotations

from kamdocs.figures.portfolio import COLUMNS, OWNER_COLUMNS, Portfolio, Row
from kamdocs.view.labels import FIGURES
from kamdocs.view.reader import Reader

_WORD_COLUMNS = {"completeness": "completeness_col", "next_deadline": "next_deadline", "alerts": "alerts_col"}


def column_label(key: str, reader: Reader) -> str:
    return reader.label(key) if key in FIGURES else reader.word(_WORD_COLUMNS.get(key, key))


def columns(portfolio: Portfolio, reader: Reader) -> list[str]:
    """The columns the edition may show: a column with any confidential cell is internal only."""
    return [key for key in COLUMNS if all(reader.sees(r.cells[key]) for r in portfolio.rows)]


def owner_columns(portfolio: Portfolio, reader: Reader) -> list[str]:
    """The per-manager columns the edition may show."""
    return [key for key in OWNER_COLUMNS if all(reader.sees(o.cells[key]) for o in portfolio.owners)]


def owner_column_label(key: str, reader: Reader) -> str:
    return reader.word("accounts") if key == "accounts" else column_label(key, reader)


def rows(portfolio: Portfolio, reader: Reader) -> tuple[Row, ...]:
    """The accounts, largest revenue first where the edition may see revenue; otherwise by name, since even the
    order would tell what the revenue is."""
    if all(reader.sees(r.cells["revenue"]) for r in portfolio.rows):
        return portfolio.rows
    return tuple(sorted(portfolio.rows, key=lambda r: (r.name.casefold(), r.account)))
