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
    pipeline = amount(parts["weighted_pipeline"], language, currency)
    # a missing secured base is said, never shown as 0
    if parts["committed"] is None:
        committed = "kein gesicherter Umsatz erfasst" if language == "de" else "no secured revenue recorded"
    else:
        committed = amount(parts["committed"], language, currency) + (" gesichert" if language == "de" else " secured")
    left_out = len(parts.get("left_out", []))
    chance = f["forecast_beats_last_year"]
    if language == "de":
        text = (
            f"Für {assessment.year} erwarten wir {money('forecast')} Umsatz mit {assessment.name} "
            f"({committed}, {pipeline} gewichtete Chancen), zwischen {money('forecast_worst')} und {money('forecast_best')}."
        )
        if left_out:
            text += (
                " 1 Chance ohne bekannte Wahrscheinlichkeit ist nicht eingerechnet."
                if left_out == 1
                else f" {left_out} Chancen ohne bekannte Wahrscheinlichkeit sind nicht eingerechnet."
            )
        if chance.computable:
            text += f" Mit {percent(chance.value, language)} Wahrscheinlichkeit übertreffen wir den Vorjahresumsatz von {amount(chance.detail['target'], language, currency)}."
        return text
    text = (
        f"In {assessment.year} we expect {money('forecast')} revenue from {assessment.name} "
        f"({committed}, {pipeline} weighted pipeline), between {money('forecast_worst')} and {money('forecast_best')}."
    )
    if left_out:
        text += (
            " 1 opportunity with a probability not known yet is left out."
            if left_out == 1
            else f" {left_out} opportunities with a probability not known yet are left out."
        )
    if chance.computable:
        text += (
            f" The chance to beat last year's {amount(chance.detail['target'], language, currency)} is {percent(chance.value, language)}."
        )
    return text
