"""The relationship: active contacts, single-threaded, decision makers and supporters."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver, parse_date
from kamdocs.figures.figure import because


def relationship(d: Deriver) -> None:
    """single-threaded: no active contact (no contact recorded), one active contact, or one person on our side owns every relationship;
    also: active contacts (left_on not passed), a decision maker known, a supporter among the decision makers."""
    active = [c for c in d.plan.get("contacts", []) if not (c.get("left_on") and parse_date(c["left_on"]) <= d.as_of)]
    owners = {c["owner"] for c in active if "owner" in c}
    d.put("active_contacts", len(active), "count", [("contacts",)])
    single = len(active) <= 1 or len(owners) == 1
    why = (
        because("no contact recorded")
        if not active
        else because("one contact carries the relationship")
        if len(active) == 1
        else because("one owner holds every contact")
        if single
        else None
    )
    d.put("single_threaded", single, "flag", [("contacts",)], detail=why)
    deciders = [c for c in active if c["buying_role"] == "decision_maker"]
    d.put("decision_maker_known", bool(deciders), "flag", [("contacts", ANY, "buying_role")])
    if deciders and all("attitude" not in c for c in deciders):
        d.put(
            "supporter_among_deciders",
            None,
            "flag",
            [("contacts", ANY, "attitude")],
            because("no attitude recorded for the decision makers"),
        )
    else:
        d.put("supporter_among_deciders", any(c.get("attitude") == "supporter" for c in deciders), "flag", [("contacts", ANY, "attitude")])
