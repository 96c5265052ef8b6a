"""Plan formats: which schema checks a plan of each format, and what a format-1 plan means in format 2.

A plan names its format in `kamdocs:`. The current format is checked by the schema of [tool.kam]; format 1 by
the file kept beside it (account-plan.v1.schema.json), so that plans not migrated yet stay readable. Every
computation sees format 2: `upgrade` reads a format-1 plan as `kam migrate` would write it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CURRENT = 2
"""The plan format this version writes and computes with."""

_SIMPLE = {
    "weekly": ("weekly", "wöchentlich", "every week", "jede woche"),
    "monthly": ("monthly", "monatlich", "every month", "jeden monat"),
    "quarterly": ("quarterly", "vierteljährlich", "quartalsweise", "every quarter", "jedes quartal"),
    "half_yearly": ("half-yearly", "half yearly", "half_yearly", "semi-annually", "semiannually", "twice a year", "halbjährlich"),
    "yearly": ("yearly", "annually", "annual", "once a year", "every year", "jährlich", "einmal im jahr"),
}
_EVERY_WORDS = (
    (("daily", "täglich", "every day"), 1, "days"),
    (("bi-weekly", "biweekly", "fortnightly", "every two weeks", "zweiwöchentlich", "vierzehntägig", "alle zwei wochen"), 2, "weeks"),
    # read as every two months, as "zweimonatlich"; the migration keeps the old word as a comment to check
    (("bi-monthly", "bimonthly", "every two months", "zweimonatlich", "alle zwei monate"), 2, "months"),
)
_WORDS: dict[str, str | dict[str, Any]] = {word: interval for interval, words in _SIMPLE.items() for word in words}
_WORDS.update({word: {"every": every, "unit": unit} for words, every, unit in _EVERY_WORDS for word in words})
_EVERY = re.compile(r"^(?:every|alle)\s+(\d+)\s+(days?|tage|weeks?|wochen|months?|monate)$")
_UNITS = {"day": "days", "tage": "days", "week": "weeks", "wochen": "weeks", "month": "months", "monate": "months"}


def schema_for(schema_path: Path, plan_format: Any) -> Path | None:
    """The schema file that checks plans of `plan_format`; None for a format this version does not know."""
    if plan_format == CURRENT:
        return schema_path
    if plan_format == 1:
        return schema_path.with_name(schema_path.name.replace(".schema.json", ".v1.schema.json"))
    return None


def interval_of(text: str) -> str | dict[str, Any] | None:
    """The format-2 interval a format-1 frequency text means, or None when it names no regular interval."""
    words = " ".join(text.strip().lower().split())
    if words in _WORDS:
        return _WORDS[words]
    every = _EVERY.match(words)
    if every and int(every.group(1)) > 0:
        return {"every": int(every.group(1)), "unit": _UNITS.get(every.group(2), every.group(2))}
    return None


def upgrade(plan: dict[str, Any]) -> dict[str, Any]:
    """A format-1 plan as format 2 (a new dict); a plan of any other format comes back as it is."""
    if plan.get("kamdocs") != 1:
        return plan
    new = {**plan, "kamdocs": CURRENT}
    if "contacts" in plan:
        new["contacts"] = [_contact(c) for c in plan["contacts"]]
    care = plan.get("care")
    if isinstance(care, dict) and "measures" in care:
        new["care"] = {**care, "measures": [_measure(m) for m in care["measures"]]}
    return new


def _renamed(item: dict[str, Any], old: str, new: str, value: Any) -> dict[str, Any]:
    return {(new if key == old else key): (value if key == old else v) for key, v in item.items()}


def _contact(contact: Any) -> Any:
    if isinstance(contact, dict) and "buying_role" in contact:
        return _renamed(contact, "buying_role", "buying_roles", [contact["buying_role"]])
    return contact


def _measure(measure: Any) -> Any:
    if not isinstance(measure, dict) or not isinstance(measure.get("frequency"), str):
        return measure
    interval = interval_of(measure["frequency"])
    if interval is None:
        return _renamed(measure, "frequency", "occasion", measure["frequency"])
    return {**measure, "frequency": interval}
