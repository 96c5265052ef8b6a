"""How figures are written in the reader's language (Babel's locale data)."""

from __future__ import annotations

import datetime as dt

from kamdocs.figures.figure import Figure
from kamdocs.view.i18n import amount, date_text, percent, translate
from kamdocs.view.i18n import decimal as number
from kamdocs.view.labels import reason_text, word

__all__ = ["amount", "number", "percent", "value_text", "visible"]


def visible(figure: Figure, edition: str) -> bool:
    return edition == "internal" or not figure.confidential


def value_text(figure: Figure, language: str, currency: str) -> str:
    """The figure's value as a person reads it, or 'not computable (reason)'."""
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
    if unit == "days":
        return translate("{days} days", language).format(days=number(value, language))
    if unit == "flag":
        return word("yes" if value else "no", language)
    if unit == "date":
        return date_text(dt.date.fromisoformat(value), language)
    return str(value)
