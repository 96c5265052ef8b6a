"""The start of next year's plan: a copy of the latest plan, comments and key order kept, the year's
own business moved out. Round-trip YAML (ruamel.yaml) keeps what people wrote."""

from __future__ import annotations

import difflib
import io
import re
from typing import Any

ENDED_ACTIONS = ("done", "cancelled")
YEARLY_KPIS = ("nps", "csat", "renewals", "cross_upsell", "complaints")
YEARLY_REVIEW = ("date", "place", "alternatives", "preparation", "agenda", "outcome")


_SEQUENCE_UNDER_KEY = re.compile(r"^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n( *)- ", re.MULTILINE)


def _yaml(text: str = "") -> Any:
    # imported here, not at start-up of every kam command
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096  # long text stays on one line: rewrapping would show as a change
    # list items indented as the file indents them ("key:\n  - item" or "key:\n- item"): every line would change otherwise
    found = _SEQUENCE_UNDER_KEY.search(text)
    offset = len(found.group(2)) - len(found.group(1)) if found else 2
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _keep(items: Any, drop: Any) -> None:
    """Remove, in place, the items of a round-trip list for which `drop` is true."""
    if isinstance(items, list):
        for index in reversed(range(len(items))):
            if drop(items[index]):
                del items[index]


def roll(plan: Any, year: int) -> None:
    """Turn a loaded plan (round-trip data) into the start of `year`'s plan, in place."""
    meta = plan["plan"]
    meta["year"] = year
    meta["status"] = "draft"
    meta.pop("last_reviewed", None)
    _keep(plan.get("actions"), lambda a: a.get("status") in ENDED_ACTIONS)
    _keep(plan.get("milestones"), lambda m: "reached_on" in m)
    _keep(plan.get("risks"), lambda r: r.get("status") == "closed")
    _keep(plan.get("open_questions"), lambda q: bool(q.get("answer")))
    potential = plan.get("potential") or {}
    potential.pop("committed_revenue", None)
    potential.pop("run_rate_revenue", None)  # an estimate for one year; recurring revenue runs on
    _keep(potential.get("opportunities"), lambda o: o.get("stage") in ("won", "lost"))
    for contact in plan.get("contacts") or []:
        contact.pop("meetings_held", None)  # counted afresh each year, against the meetings planned
    for key in YEARLY_KPIS:
        (plan.get("kpis") or {}).pop(key, None)
    review = plan.get("annual_review")
    if review:
        if review.get("date"):
            held = {"date": review["date"], **({"summary": review["outcome"]} if review.get("outcome") else {})}
            review.setdefault("earlier_reviews", []).insert(0, held)
        for key in YEARLY_REVIEW:
            review.pop(key, None)


def load_round_trip(text: str) -> Any:
    """A plan's text as round-trip data: edit it in place, then `dump` it with the same text."""
    return _yaml(text).load(text)


def dump(plan: Any, text: str) -> str:
    """The round-trip data of `text`, written back in the style of `text`."""
    out = io.StringIO()
    _yaml(text).dump(plan, out)
    return out.getvalue()


def rollover_text(text: str, year: int) -> str:
    """The text of next year's plan from this year's plan text."""
    plan = load_round_trip(text)
    roll(plan, year)
    return dump(plan, text)


def unified(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), old_name, new_name))
