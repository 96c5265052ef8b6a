"""Dates as plans write them: a day YYYY-MM-DD, or a quarter YYYY-Qn where only the quarter is known."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])$")


def day(text: str, first: bool = False) -> dt.date:
    """The day `text` names; a quarter means its last day (a due or close date), or its first with `first` (a start)."""
    quarter = QUARTER.match(text)
    if not quarter:
        return dt.date.fromisoformat(text)
    year, number = int(quarter.group(1)), int(quarter.group(2))
    if first:
        return dt.date(year, 3 * number - 2, 1)
    return dt.date(year + 1, 1, 1) - dt.timedelta(days=1) if number == 4 else dt.date(year, 3 * number + 1, 1) - dt.timedelta(days=1)


_STEPS = {
    "weekly": (7, "days"),
    "monthly": (1, "months"),
    "quarterly": (3, "months"),
    "half_yearly": (6, "months"),
    "yearly": (12, "months"),
}


def after_interval(start: dt.date, interval: str | dict[str, Any]) -> dt.date:
    """The day one interval (weekly ... yearly, or {every: N, unit: days|weeks|months}) after `start`; a month
    later than the 31st is the month's last day."""
    every, unit = _STEPS[interval] if isinstance(interval, str) else (interval["every"], interval["unit"])
    if unit == "days":
        return start + dt.timedelta(days=every)
    if unit == "weeks":
        return start + dt.timedelta(weeks=every)
    months = start.year * 12 + start.month - 1 + every
    year, month = divmod(months, 12)
    return dt.date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))
