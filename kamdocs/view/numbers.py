"""How figures are written, in English or German."""

from __future__ import annotations

from dataclasses import replace

from kamdocs.figures.figure import Figure
from kamdocs.view.labels import reason_text, word


def number(value: float, language: str, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if language == "de" else text


def amount(value: float, language: str, currency: str) -> str:
    return f"{number(value, language)} {currency}"


def percent(value: float, language: str) -> str:
    return f"{number(value * 100, language, 1)} %"


def visible(figure: Figure, edition: str) -> bool:
    return edition == "internal" or not figure.confidential


def value_text(figure: Figure, language: str, currency: str, note: bool = True) -> str:
    """The figure's value as a person reads it (with its note: like for like..., unless a table cell has no room
    for it), or 'not computable (reason)'."""
    if figure.note and note:
        return f"{value_text(replace(figure, note=None), language, currency)} ({reason_text(figure.note, language)})"
    value = figure.value
    if value is None:
        return f"{word('not_computable', language)} ({reason_text(figure.reason, language)})"
    unit = figure.unit
    if unit == "currency":
        return amount(value, language, currency)
    if unit == "percent":
        return percent(value, language)
    if unit in ("ratio", "score"):
        return number(value, language, 1 if unit == "score" else 2)
    if unit == "number":
        return number(value, language)
    if unit == "days_to" and value < 0:
        return f"{'seit' if language == 'de' else 'overdue by'} {-value} {'Tagen überfällig' if language == 'de' else 'days'}"
    if unit in ("days", "days_to"):
        return f"{value} {'Tage' if language == 'de' else 'days'}"
    if unit == "flag":
        return word("yes" if value else "no", language)
    return str(value)
