"""The renderings in kamdocs/output: numbers, tables and the show page."""

from __future__ import annotations

from conftest import example_assessments, make_reader

from kamdocs.figures.figure import Figure
from kamdocs.render.outputs.tables import table
from kamdocs.view.account import forecast_sentence
from kamdocs.view.i18n import amount, percent


def test_numbers_in_both_languages() -> None:
    assert amount(1234567.4, "en", "EUR") == "€1,234,567"
    assert amount(1234567.4, "de", "EUR") == "1.234.567\xa0€"
    assert amount(389.5, "de", "EUR", cents=True) == "389,50\xa0€" and amount(389.0, "de", "EUR", cents=True) == "389\xa0€"
    assert percent(0.1234, "en") == "12.3%" and percent(0.1234, "de") == "12,3\xa0%"


def test_value_text_by_unit_and_reason() -> None:
    german, english = make_reader(language="de"), make_reader()
    assert german.value(Figure("x", 2.5, "ratio")) == "2,50"
    assert german.value(Figure("x", 12, "days")) == "12 Tage"
    assert german.value(Figure("x", "2026-03-31", "date")) == "31.03.2026"
    assert english.value(Figure("x", True, "flag")) == "yes"
    assert english.value(Figure("x", None, "currency", reason="no sales figures for 2025")) == "not computable (no sales figures for 2025)"


def test_visibility_by_edition() -> None:
    secret = Figure("x", 1, "currency", confidential=True)
    assert not make_reader("shared").sees(secret) and make_reader("internal").sees(secret)


def test_tables() -> None:
    assert table(["a", "b"], [["x", "1"], ["yy", "22"]], "text", right=(1,)) == "a    b\n--  --\nx    1\nyy  22\n"
    assert table(["a", "b"], [["x|y", "1"]], "markdown", right=(1,)) == "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n"


def test_forecast_sentence_answers_the_question() -> None:
    harbourline = next(a for a in example_assessments(2026) if a.account == "harbourline-bank")
    english = forecast_sentence(harbourline, make_reader())
    german = forecast_sentence(harbourline, make_reader(language="de"))
    expected = amount(harbourline.figures["forecast"].value, "en", "EUR")
    assert english.startswith(f"In 2026 we expect {expected} revenue from Harbourline Savings Bank (")
    assert "The chance to beat the 2025 revenue of €983,800 is" in english
    # its opportunity advisor-tablets-2026 was to close on 2026-10-30, before 2026-11-24
    stale = harbourline.figures["forecast"].detail["stale_pipeline"]
    assert stale == 84_000  # 168,000 at 50 %
    assert f"Of the weighted pipeline, {amount(stale, 'en', 'EUR')} come from opportunities past their close date." in english
    assert german.startswith("Für 2026 erwarten wir ") and "Wahrscheinlichkeit" in german


def test_reasons_in_german() -> None:
    import pickle

    from kamdocs.figures.figure import because

    reason = because("costs missing for {categories} in {year}", categories="A, B", year=2025)
    assert reason == "costs missing for A, B in 2025"
    figure = Figure("contribution_margin", None, "currency", reason=reason)
    german = make_reader(language="de")
    assert german.value(figure) == "nicht berechenbar (Kosten fehlen für A, B in 2025)"
    assert german.value(pickle.loads(pickle.dumps(figure))) == "nicht berechenbar (Kosten fehlen für A, B in 2025)"
    assert german.value(Figure("x", None, "currency", reason="plain text")) == "nicht berechenbar (plain text)"


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
    english = forecast_sentence(pipeline_only, make_reader())
    assert "(no secured revenue recorded, €50,000 weighted pipeline)" in english
    assert "Left out because their probability is not known yet: 1 opportunities." in english
    assert "€0 secured" not in english and "committed" not in english
    assert "(kein gesicherter Umsatz erfasst, 50.000\xa0€ gewichtete Chancen)" in forecast_sentence(
        pipeline_only, make_reader(language="de")
    )
    recurring = forecast_sentence(_assessed({"recurring_revenue": 850_000}), make_reader())
    assert "(€850,000 secured, €0 weighted pipeline)" in recurring
