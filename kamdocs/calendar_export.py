"""Review dates and deadlines as iCalendar, for people to subscribe to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kamdocs import __version__
from kamdocs.deadlines import KINDS, Deadline
from kamdocs.labels import label
from kamdocs.problem import format_path


def calendar_ics(events: Iterable[tuple[str, str, Deadline]], language: str, stamp: dt.datetime) -> bytes:
    """All-day events; (account id, account name, deadline) each. UIDs are stable across builds."""
    # imported here, not at start-up of every kam command
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//kamdocs {__version__}//key account deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Key account deadlines" if language == "en" else "Key-Account-Termine")
    for account, name, deadline in events:
        kind = label(deadline.kind, language, KINDS)
        event = Event()
        event.add("uid", f"{account}.{deadline.kind}.{format_path(deadline.path)}.{deadline.date.isoformat()}@kamdocs")
        event.add("summary", f"{name}: {kind}" + (f" – {deadline.title}" if deadline.title else ""))
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        event.add("dtstamp", stamp)
        event.add("categories", [deadline.kind])
        calendar.add_component(event)
    return calendar.to_ical()
