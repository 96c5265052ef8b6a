"""The renderings in kamdocs/output: numbers, tables and the show page."""

from __future__ import annotations

from conftest import example_assessments

from kamdocs.figures.figure import Figure
from kamdocs.render.outputs.tables import table
from kamdocs.view.forecast import forecast_sentence
from kamdocs.view.numbers import amount, percent, value_text, visible


def test_numbers_in_both_languages() -> None:
    assert amount(1234567.4, "en", "EUR") == "1,234,567 EUR"
    assert amount(1234567.4, "de", "EUR") == "1.234.567 EUR"
    assert percent(0.1234, "en") == "12.3 %" and percent(0.1234, "de") == "12,3 %"


def test_value_text_by_unit_and_reason() -> None:
    assert value_text(Figure("x", 2.5, "ratio"), "de", "EUR") == "2,50"
    assert value_text(Figure("x", 12, "days"), "de", "EUR") == "12 Tage"
    assert value_text(Figure("x", True, "flag"), "en", "EUR") == "yes"
    assert (
        value_text(Figure("x", None, "currency", reason="no sales figures for 2025"), "en", "EUR")
        == "not computable (no sales figures for 2025)"
    )


def test_visibility_by_edition() -> None:
    secret = Figure("x", 1, "currency", confidential=True)
    assert not visible(secret, "shared") and visible(secret, "internal")


def test_tables() -> None:
    assert table(["a", "b"], [["x", "1"], ["yy", "22"]], "text", right=(1,)) == "a    b\n--  --\nx    1\nyy  22\n"
    assert table(["a", "b"], [["x|y", "1"]], "markdown", right=(1,)) == "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n"


def test_forecast_sentence_answers_the_question() -> None:
    meridian = next(a for a in example_assessments(2026) if a.account == "meridian-stores")
    english = forecast_sentence(meridian, "en", "EUR")
    german = forecast_sentence(meridian, "de", "EUR")
    expected = amount(meridian.figures["forecast"].value, "en", "EUR")
    assert english.startswith(f"In 2026 we expect {expected} revenue from Meridian Stores plc (")
    assert "The chance to beat last year's" in english
    assert german.startswith("Für 2026 erwarten wir ") and "Wahrscheinlichkeit" in german


def test_reasons_in_german() -> None:
    import pickle

    from kamdocs.figures.figure import because

    reason = because("costs missing for {categories} in {year}", categories="A, B", year=2025)
    assert reason == "costs missing for A, B in 2025"
    figure = Figure("contribution_margin", None, "currency", reason=reason)
    assert value_text(figure, "de", "EUR") == "nicht berechenbar (Kosten fehlen für A, B in 2025)"
    assert value_text(pickle.loads(pickle.dumps(figure)), "de", "EUR") == "nicht berechenbar (Kosten fehlen für A, B in 2025)"
    assert value_text(Figure("x", None, "currency", reason="plain text"), "de", "EUR") == "nicht berechenbar (plain text)"


def test_every_reason_of_derive_has_german() -> None:
    import re
    from pathlib import Path

    from kamdocs.view.labels import REASONS_DE

    source = "".join(p.read_text() for p in (Path(__file__).resolve().parent.parent / "kamdocs" / "figures" / "derive").glob("*.py"))
    templates = set(re.findall(r'because\(\s*"([^"]+)"', source))
    assert templates and templates <= set(REASONS_DE)


def _assessed(potential: dict):
    from conftest import AS_OF, SCHEMA

    from kamdocs.core.confidentiality import Confidentiality
    from kamdocs.core.config import Config
    from kamdocs.core.loader import Document
    from kamdocs.figures.assessment import Context, assess

    plan = {
        "kamdocs": 2,
        "account": {"id": "x", "name": "X"},
        "plan": {"year": 2026, "owner": "O", "status": "draft"},
        "potential": potential,
    }
    config = Config(root=SCHEMA.parent, accounts=SCHEMA.parent, schema=SCHEMA, as_of=AS_OF)
    return assess([Document("x.yaml", "", plan)], Context(config, (), Confidentiality()))


def test_forecast_sentence_never_says_zero_secured() -> None:
    pipeline_only = _assessed(
        {
            "opportunities": [
                {"id": "a", "title": "A", "value": 100_000, "probability": 0.5},
                {"id": "b", "title": "B", "value": 40_000, "probability": "unknown"},
            ]
        }
    )
    english = forecast_sentence(pipeline_only, "en", "EUR")
    assert "(no secured revenue recorded, 50,000 EUR weighted pipeline)" in english
    assert "1 opportunity with a probability not known yet is left out." in english
    assert " 0 EUR secured" not in english and "committed" not in english
    assert "(kein gesicherter Umsatz erfasst, 50.000 EUR gewichtete Chancen)" in forecast_sentence(pipeline_only, "de", "EUR")
    recurring = forecast_sentence(_assessed({"recurring_revenue": 850_000}), "en", "EUR")
    assert "(850,000 EUR secured, 0 EUR weighted pipeline)" in recurring
