"""Words and formats in the reader's language: gettext catalogues and Babel's locale data.

Every word the toolkit writes is an English message id, translated through the
catalogue `locale/<language>/LC_MESSAGES/kamdocs.po` (compiled to .mo by
`make`, or in memory from the .po when no fresh .mo is there). A new language
is a new catalogue plus the schema's labels: nothing here changes.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import NumberPattern, format_currency, format_decimal, format_percent, get_currency_symbol, parse_pattern

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "kamdocs"
SOURCE_LANGUAGE = "en"
"""The language of the message ids: it needs no catalogue."""

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "N_",
    "amount",
    "compact_amount",
    "date_text",
    "decimal",
    "languages",
    "percent",
    "translate",
]


def N_(message: str) -> str:
    """Marks a message id for extraction where it is defined; `translate` says it in a language."""
    return message


def languages(extra: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """The languages a reader may choose: the source language and every catalogue found."""
    found = {SOURCE_LANGUAGE}
    for folder in (LOCALE_DIR, *extra):
        if folder.is_dir():
            found |= {p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return tuple(sorted(found))


@cache
def catalogue(language: str, extra: tuple[Path, ...] = ()) -> gettext.NullTranslations:
    """The compiled catalogue of `language`; the first folder of `extra` that has one wins over the package's."""
    for folder in (*extra, LOCALE_DIR):
        po = folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        mo = po.with_suffix(".mo")
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime_ns >= po.stat().st_mtime_ns):
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        if po.is_file():
            with po.open("rb") as handle:
                compiled = io.BytesIO()
                write_mo(compiled, read_po(handle, locale=language, domain=DOMAIN))
            compiled.seek(0)
            return gettext.GNUTranslations(compiled)
    return gettext.NullTranslations()


def translate(message: str, language: str, extra: tuple[Path, ...] = ()) -> str:
    return catalogue(language, extra).gettext(message)


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


@cache
def _pattern(language: str, kind: str, decimals: int) -> NumberPattern:
    """The locale's pattern of `kind` (decimal, percent) with `decimals` places, parsed once."""
    locale = _locale(language)
    if kind == "decimal":
        return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    standard = locale.percent_formats[None].pattern.split(";")[0]
    return parse_pattern(re.sub(r"0(?=\W*%)", "0." + "0" * decimals, standard, count=1) if decimals else standard)


@lru_cache(maxsize=65536)
def decimal(value: float, language: str, decimals: int = 0) -> str:
    return format_decimal(value, _pattern(language, "decimal", decimals), locale=_locale(language))


def _with_symbol(pattern: str, language: str, currency: str) -> NumberPattern:
    """A currency pattern parsed, with the currency's symbol written in: Babel would look the symbol up for every
    amount, and work out the currency's name in words as well (half the time of formatting one). Left to Babel
    where the pattern names the currency otherwise (¤¤, ¤¤¤) or the symbol holds a character patterns read."""
    symbol = get_currency_symbol(currency, _locale(language))
    if "¤¤" in pattern or any(char in symbol for char in "'%‰"):
        return parse_pattern(pattern)
    return parse_pattern(pattern.replace("¤", f"'{symbol}'"))


@cache
def _currency_pattern(language: str, currency: str, decimals: int) -> NumberPattern:
    """The locale's currency pattern with `decimals` (0 or 2) places."""
    standard = _locale(language).currency_formats["standard"].pattern.split(";")[0]
    return _with_symbol(standard if decimals else standard.replace(".00", ""), language, currency)


@lru_cache(maxsize=65536)
def amount(value: float, language: str, currency: str, cents: bool = False) -> str:
    """An amount in the locale's currency pattern: 1.657.000 € in German, €1,657,000 in English; whole units
    unless `cents` and the value has them (a price of 389,50 €)."""
    pattern = _currency_pattern(language, currency, 2 if cents and not float(value).is_integer() else 0)
    return format_currency(value, currency, format=pattern, locale=_locale(language), currency_digits=False)


@cache
def _compact_pattern(language: str, currency: str, scale: int) -> NumberPattern | None:
    """The locale's abbreviated currency pattern for `scale` with one decimal; None where the locale has no
    abbreviation for it."""
    pattern = _locale(language).compact_currency_formats["short"]["other"][str(scale)].pattern
    return _with_symbol(pattern.replace("0", "0.0", 1), language, currency) if re.search(r"[^0¤\s]", pattern) else None


def compact_amount(value: float, language: str, currency: str, scale: int = 1_000_000) -> str:
    """An amount in millions (`scale` 1,000,000) or thousands as the locale abbreviates it, one decimal: €4.0M,
    4,0 Mio. € (Babel's compact currency patterns). Where the locale has no abbreviation for the scale
    (German thousands), the whole amount."""
    pattern = _compact_pattern(language, currency, scale)
    if pattern is None:
        return amount(value, language, currency)
    return format_currency(value / scale, currency, format=pattern, locale=_locale(language), currency_digits=False)


@lru_cache(maxsize=65536)
def percent(value: float, language: str, decimals: int = 1) -> str:
    """A share as a percentage with one decimal: 24,0 % in German, 24.0% in English."""
    return format_percent(value, _pattern(language, "percent", decimals), locale=_locale(language))


@lru_cache(maxsize=65536)
def quarter_text(year: int, quarter: int, language: str) -> str:
    """A quarter as the locale writes it: Q3 2026."""
    return format_date(dt.date(year, 3 * quarter, 1), "QQQ y", locale=_locale(language))


def date_text(value: dt.date, language: str) -> str:
    """A date as the locale writes it: 31.03.2026 in German, Mar 31, 2026 in English."""
    return format_date(value, "medium", locale=_locale(language))
