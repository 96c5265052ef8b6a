"""Every word the toolkit writes is in the catalogue, and German numbers, amounts and dates are German."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kamdocs.view.i18n import LOCALE_DIR, amount, compact_amount, date_text, languages, percent, translate

PACKAGE = Path(__file__).resolve().parent.parent / "kamdocs"
KEYWORDS = {"N_": None, "because": None, "translate": None, "say": None}


def message_ids() -> set[str]:
    """What Babel's extractor finds in the package: the ids of `make messages`."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS)
    return {message for _, _, message, _, _ in found if isinstance(message, str) and message}


def test_every_message_has_a_german_translation() -> None:
    with (LOCALE_DIR / "de" / "LC_MESSAGES" / "kamdocs.po").open("rb") as handle:
        catalogue = read_po(handle)
    german = {m.id: m.string for m in catalogue if m.id}
    missing = sorted(m for m in message_ids() if not german.get(m))
    assert missing == []


def test_the_catalogue_says_it_in_german() -> None:
    assert translate("Revenue last year", "de") == "Umsatz Vorjahr"
    assert translate("Single-threaded relationship", "de") == "Beziehung hängt an einer Person"
    assert translate("Revenue last year", "en") == "Revenue last year"
    assert {"en", "de"} <= set(languages())


def test_numbers_amounts_and_dates_per_locale() -> None:
    assert amount(1_657_000, "de", "EUR") == "1.657.000\xa0€"
    assert percent(0.24, "de") == "24,0\xa0%"
    assert date_text(dt.date(2026, 3, 31), "de") == "31.03.2026"
    assert date_text(dt.date(2026, 3, 31), "en") == "Mar 31, 2026"


def test_compact_amounts_per_locale() -> None:
    assert compact_amount(4003800, "en", "EUR") == "€4.0M"
    assert compact_amount(4003800, "de", "EUR") == "4,0\xa0Mio.\xa0€"
    assert compact_amount(-135400, "en", "EUR") == "-€0.1M"
    assert compact_amount(843200, "en", "EUR", 1000) == "€843.2K"
    # German has no abbreviation for thousands: the whole amount
    assert compact_amount(843200, "de", "EUR", 1000) == "843.200\xa0€"
