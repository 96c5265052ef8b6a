"""One account's plan as a reader may see it: the redacted plan, the visible figures, alerts, deadlines and chart
series, every value already labelled. Renderers of an account (kam show, the account page, the agenda, the
calendar) take this view, never an assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kamdocs.core.loader import Document
from kamdocs.core.problem import format_path
from kamdocs.figures.assessment import Assessment, Context, assess, up_to
from kamdocs.figures.checklists import ChecklistResult
from kamdocs.figures.derive import sales_by_year
from kamdocs.figures.figure import Figure, Reason
from kamdocs.view.reader import Reader


@dataclass(frozen=True, slots=True)
class FigureLine:
    key: str
    label: str
    text: str
    figure: Figure


@dataclass(frozen=True, slots=True)
class AlertLine:
    gate: str
    blocking: bool
    path: str
    """The key path, for editors (a tooltip, the JSON output); readers get the message."""
    message: str


@dataclass(frozen=True, slots=True)
class MissingItem:
    id: str
    label: str
    fill_in: tuple[str, ...]
    """What to fill in, in words."""
    paths: tuple[str, ...]
    """The key paths (and figure keys) each names, for the editor."""


@dataclass(frozen=True, slots=True)
class ChecklistLine:
    id: str
    label: str
    done: int
    items: int
    completeness: float
    missing: tuple[MissingItem, ...]


@dataclass(frozen=True, slots=True)
class DeadlineLine:
    date: dt.date
    kind: str
    kind_label: str
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class AccountView:
    account: str
    name: str
    year: int
    as_of: dt.date
    file: str
    currency: str
    """The plan's currency: every amount of the view is in it."""
    plan: dict[str, Any]
    """The plan as the edition may show it."""
    figures: dict[str, Figure]
    """The figures the edition may show."""
    lines: tuple[FigureLine, ...]
    forecast_sentence: str
    completeness: float
    checklists: tuple[ChecklistLine, ...]
    results: tuple[ChecklistResult, ...]
    """The checklists' structure (which item a condition serves), for the agenda."""
    alerts: tuple[AlertLine, ...]
    deadlines: tuple[DeadlineLine, ...]
    revenue_by_year: tuple[tuple[int, float], ...]
    """Revenue of the years before the plan year; empty where the edition may not show revenue."""
    nps_by_year: tuple[tuple[int, float], ...]

    def shows(self, key: str) -> bool:
        """Whether a figure is there to show: visible and computable."""
        return key in self.figures and self.figures[key].computable


def forecast_sentence(assessment: Assessment, reader: Reader) -> str:
    """The action plan's question, answered: what revenue this year, with what probability; only from figures the
    edition may show."""
    f = assessment.figures
    forecast = f["forecast"]
    if not reader.sees(forecast):
        return ""
    if not forecast.computable:
        return reader.say("No forecast for {year}: {reason}.").format(year=assessment.year, reason=reader.reason(forecast.reason))
    parts = forecast.detail
    # a missing secured base is said, never shown as 0
    secured = (
        reader.say("no secured revenue recorded")
        if parts["committed"] is None
        else reader.say("{amount} secured").format(amount=reader.amount(parts["committed"]))
    )
    text = reader.say(
        "In {year} we expect {forecast} revenue from {name} ({secured}, {pipeline} weighted pipeline), between {worst} and {best}."
    ).format(
        year=assessment.year,
        forecast=reader.amount(forecast.value),
        name=assessment.name,
        secured=secured,
        pipeline=reader.amount(parts["weighted_pipeline"]),
        worst=reader.amount(f["forecast_worst"].value),
        best=reader.amount(f["forecast_best"].value),
    )
    if parts.get("left_out"):
        text += " " + reader.say("Left out because their probability is not known yet: {count} opportunities.").format(
            count=len(parts["left_out"])
        )
    chance = f["forecast_beats_last_year"]
    if chance.computable and reader.sees(chance):
        text += " " + reader.say("The chance to beat the {year} revenue of {revenue} is {chance}.").format(
            year=chance.detail["year"], revenue=reader.amount(chance.detail["target"]), chance=reader.percent(chance.value)
        )
    if parts.get("stale"):
        text += " " + reader.say("Of the weighted pipeline, {stale} come from opportunities past their close date.").format(
            stale=reader.amount(parts["stale_pipeline"])
        )
    return text


def _key_paths(missing: str) -> str:
    """The key paths a "still to fill in" names, for the editor's tooltip."""
    if not isinstance(missing, Reason):
        return str(missing)
    found = [_key_paths(value) for key, value in missing.params.items() if key in ("path", "first", "second")]
    found += [f"{missing.params['figure']}" for key in ("figure",) if key in missing.params]
    return ", ".join(p for p in found if p)


def _checklists(assessment: Assessment, reader: Reader) -> tuple[ChecklistLine, ...]:
    return tuple(
        ChecklistLine(
            id=r.checklist.id,
            label=reader.own(r.checklist.label),
            done=r.done,
            items=len(r.items),
            completeness=r.completeness,
            missing=tuple(
                MissingItem(
                    i.item.id, reader.own(i.item.label), tuple(reader.reason(m) for m in i.missing), tuple(map(_key_paths, i.missing))
                )
                for i in r.items
                if not i.done
            ),
        )
        for r in assessment.checklists
    )


def view_account(history: Sequence[Assessment], reader: Reader) -> AccountView:
    """The view of the last assessment in `history` (the account's assessments, oldest first)."""
    current = history[-1]
    reader = reader.in_currency(current.currency)
    figures = {key: figure for key, figure in current.figures.items() if reader.sees(figure)}
    revenue: tuple[tuple[int, float], ...] = ()
    if "revenue" in figures:
        series = sales_by_year([a.document.data for a in history], "revenue")
        revenue = tuple((year, sum(series[year].values())) for year in sorted(series) if year < current.year)
    nps = tuple((a.year, a.figures["nps"].value) for a in history if a.figures["nps"].computable and reader.sees(a.figures["nps"]))
    return AccountView(
        account=current.account,
        name=current.name,
        year=current.year,
        as_of=current.as_of,
        file=current.document.file,
        currency=current.currency,
        plan=reader.plan(current.document.data),
        figures=figures,
        lines=tuple(FigureLine(key, reader.label(key), reader.value(figure), figure) for key, figure in figures.items()),
        forecast_sentence=forecast_sentence(current, reader),
        completeness=current.completeness,
        checklists=_checklists(current, reader),
        results=current.checklists,
        alerts=tuple(
            AlertLine(a.gate, a.blocking, format_path(a.path), reader.reason(a.message)) for a in current.alerts if reader.sees(a)
        ),
        deadlines=tuple(
            DeadlineLine(d.date, d.kind, reader.kind(d.kind), d.title, format_path(d.path)) for d in current.deadlines if reader.sees(d)
        ),
        revenue_by_year=revenue,
        nps_by_year=nps,
    )


def view_plans(documents: Sequence[Document], context: Context, reader: Reader, year: int | None = None) -> AccountView | None:
    """The view of an account's plan of `year` (default: the latest), assessed with its history; None without one."""
    chosen = up_to(documents, year)
    if not chosen:
        return None
    return view_account([assess(chosen[: i + 1], context) for i in range(len(chosen))], reader)
