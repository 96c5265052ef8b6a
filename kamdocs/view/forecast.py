"""The forecast question of the action plan, answered in a sentence: what revenue this year, with what probability."""

from __future__ import annotations

from kamdocs.figures.assessment import Assessment
from kamdocs.view.i18n import translate
from kamdocs.view.labels import reason_text
from kamdocs.view.numbers import amount, percent


def forecast_sentence(assessment: Assessment, language: str, currency: str) -> str:
    """The action plan's question, answered: what revenue this year, with what probability."""
    f = assessment.figures
    forecast = f["forecast"]
    if not forecast.computable:
        return translate("No forecast for {year}: {reason}.", language).format(
            year=assessment.year, reason=reason_text(forecast.reason, language)
        )

    def money(value: float) -> str:
        return amount(value, language, currency)

    parts = forecast.detail
    text = translate(
        "In {year} we expect {forecast} revenue from {name} ({committed} committed, {pipeline} weighted pipeline), between {worst} and {best}.",
        language,
    ).format(
        year=assessment.year,
        forecast=money(forecast.value),
        name=assessment.name,
        committed=money(parts["committed"]),
        pipeline=money(parts["weighted_pipeline"]),
        worst=money(f["forecast_worst"].value),
        best=money(f["forecast_best"].value),
    )
    chance = f["forecast_beats_last_year"]
    if chance.computable:
        text += " " + translate("The chance to beat last year's {revenue} is {chance}.", language).format(
            revenue=money(chance.detail["target"]), chance=percent(chance.value, language)
        )
    return text
