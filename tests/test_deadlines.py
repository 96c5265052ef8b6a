from __future__ import annotations

import datetime as dt

from conftest import AS_OF, ROOT, SCHEMA

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.figures.deadlines import deadlines, upcoming
from kamdocs.figures.derive import derive


def test_open_events_sorted_by_date(acme) -> None:
    acme["annual_review"] = {"date": "2026-12-05", "place": "Oslo"}
    acme["actions"].append({"id": "next", "title": "Next step", "status": "planned", "due": "2026-12-01"})
    config = Config(root=ROOT, accounts=ROOT, schema=SCHEMA, as_of=AS_OF)
    events = deadlines(acme, derive([acme], config, Confidentiality()), Confidentiality())
    assert [(e.date.isoformat(), e.kind) for e in events] == [
        ("2026-02-28", "question"),
        ("2026-06-30", "milestone"),
        ("2026-12-01", "action"),
        ("2026-12-05", "annual_review"),
        ("2027-12-31", "contract_end"),
    ]
    assert [e.kind for e in upcoming(events, AS_OF, days=30)] == ["action", "annual_review"]
    assert upcoming(events, dt.date(2028, 1, 1)) == []
