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


def test_contract_deadlines_follow_renewal(acme) -> None:
    config = Config(root=ROOT, accounts=ROOT, schema=SCHEMA, as_of=dt.date(2026, 11, 25))

    def contract_events() -> list[tuple[str, str]]:
        events = deadlines(acme, derive([acme], config, Confidentiality()), Confidentiality())
        return [(e.date.isoformat(), e.kind) for e in events if e.kind in ("notice_deadline", "contract_end")]

    acme["contract"] = {
        "reference": "C-1",
        "end": "2026-06-30",
        "notice_period_months": 3,
        "renewal": "automatic",
        "renewal_term_months": 12,
    }
    # the example: the passed end rolls to 2027-06-30, notice by 2027-03-31
    assert contract_events() == [("2027-03-31", "notice_deadline"), ("2027-06-30", "contract_end")]
    acme["contract"].update(end="2027-06-30", renewal="none")
    # no renewal: the contract ends on 2027-06-30, there is no notice to give
    assert contract_events() == [("2027-06-30", "contract_end")]
