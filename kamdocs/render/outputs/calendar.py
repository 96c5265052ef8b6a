"""Review dates and deadlines as iCalendar, for people to subscribe to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kamdocs import __version__
from kamdocs.view.account import AccountView
from kamdocs.view.reader import Reader

_END = b"END:VCALENDAR\r\n"


def calendar_events(view: AccountView) -> bytes:
    """One account's deadlines as iCalendar all-day events, ready to join: made where the account is assessed
    (the worker processes of a site build), since serialising is the slow part. UIDs are stable across builds."""
    # imported here, not at start-up of every kam command
    from icalendar import Event

    stamp = dt.datetime.combine(view.as_of, dt.time(0, 0), tzinfo=dt.UTC)
    out = []
    for deadline in view.deadlines:
        event = Event()
        event.add("uid", f"{view.account}.{deadline.kind}.{deadline.path}.{deadline.date.isoformat()}@kamdocs")
        event.add("summary", f"{view.name}: {deadline.kind_label}" + (f" – {deadline.title}" if deadline.title else ""))
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        event.add("dtstamp", stamp)
        event.add("categories", [deadline.kind])
        out.append(event.to_ical())
    return b"".join(out)


def calendar_ics(events: Iterable[bytes], reader: Reader) -> bytes:
    """The calendar around the events of calendar_events, in the order given."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//kamdocs {__version__}//key account deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", reader.word("calendar_name"))
    # a calendar writes its own properties, then its events, then its end line
    head = calendar.to_ical()
    return head.removesuffix(_END) + b"".join(events) + _END
