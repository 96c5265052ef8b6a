"""The forecast question of the action plan, answered in a sentence: what revenue this year, with what probability."""

from __future__ import annotations

from kamdocs.figures.assessment import Assessment
from kamdocs.view.labels import reason_text
from kamdocs.view.numbers import amount, percent


def forecast_sentence(assessment: Assessment, language: str, currency: str) -> str:
    """The action plan's question, answered: what revenue this year, with what probability."""
    f = assessment.figures

    def money(key: str) -> str:
        return amount(f[key].value, language, currency)

    forecast = f["forecast"]
    if not forecast.computable:
        reason = reason_text(forecast.reason, language)
        return f"Keine Prognose für {assessment.year}: {reason}." if language == "de" else f"No forecast for {assessment.year}: {reason}."
    parts = forecast.detail
    committed, pipeline = amount(parts["committed"], language, currency), amount(parts["weighted_pipeline"], language, currency)
    chance = f["forecast_beats_last_year"]
    if language == "de":
        text = (
            f"Für {assessment.year} erwarten wir {money('forecast')} Umsatz mit {assessment.name} "
            f"({committed} gesichert, {pipeline} gewichtete Chancen), zwischen {money('forecast_worst')} und {money('forecast_best')}."
        )
        if chance.computable:
            text += f" Mit {percent(chance.value, language)} Wahrscheinlichkeit übertreffen wir den Umsatz {chance.detail['year']} von {amount(chance.detail['target'], language, currency)}."
        if parts["stale"]:
            text += (
                f" Davon {amount(parts['stale_pipeline'], language, currency)} aus Verkaufschancen, deren Abschlussdatum überschritten ist."
            )
        return text
    text = (
        f"In {assessment.year} we expect {money('forecast')} revenue from {assessment.name} "
        f"({committed} committed, {pipeline} weighted pipeline), between {money('forecast_worst')} and {money('forecast_best')}."
    )
    if chance.computable:
        text += f" The chance to beat the {chance.detail['year']} revenue of {amount(chance.detail['target'], language, currency)} is {percent(chance.value, language)}."
    if parts["stale"]:
        text += f" Of the weighted pipeline, {amount(parts['stale_pipeline'], language, currency)} come from opportunities past their close date."
    return text
