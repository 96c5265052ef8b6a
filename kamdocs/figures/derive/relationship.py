"""The relationship: active and engaged contacts, single-threaded, decision makers and supporters, contact cadence."""

from __future__ import annotations

from kamdocs.core.dates import after_interval
from kamdocs.figures.derive.base import ANY, Deriver, parse_date
from kamdocs.figures.figure import Reason, because

DECIDING = ("decision_maker", "economic_buyer")
"""Roles that decide: the decision maker, and the economic buyer who holds the budget."""
WEAK = ("none", "weak")


def relationship(d: Deriver) -> None:
    """single-threaded: no active contact (no contact recorded), at most one engaged contact, or one person on our side owns every relationship;
    engaged = active (left_on not passed) and, where a relationship strength is recorded, neither none nor weak;
    also: active contacts, a decision maker (or economic buyer) known, a supporter among them;
    sponsor paired = one of our executives paired with an active, named contact (a pair known only by the
    customer's position does not count yet);
    meetings held = Σ meetings held / Σ meetings planned over the active contacts with meetings planned;
    contacts overdue = active contacts with a contact cadence whose last contact lies more than one cadence back."""
    active = [c for c in d.plan.get("contacts", []) if not (c.get("left_on") and parse_date(c["left_on"]) <= d.as_of)]
    engaged = [c for c in active if c.get("relationship_strength") not in WEAK]
    owners = {c["owner"] for c in engaged if "owner" in c}
    d.put("active_contacts", len(active), "count", [("contacts", ANY, "left_on")])
    # the strength is a confidential judgement: the figure is confidential only where it read one
    judged = any("relationship_strength" in c for c in active)
    inputs = [("contacts", ANY, "left_on"), ("contacts", ANY, "owner"), *([("contacts", ANY, "relationship_strength")] if judged else [])]
    single = len(engaged) <= 1 or len(owners) == 1
    why: Reason | None
    if len(engaged) <= 1:
        why = (
            because("no contact recorded")
            if not active
            else because("one contact carries the relationship")
            if len(active) == 1
            else because("at most one contact with a good or strong relationship")
        )
    else:
        why = because("one owner holds every contact") if single else None
    d.put("single_threaded", single, "flag", inputs, detail=why)
    deciders = [c for c in active if set(c["buying_roles"]) & set(DECIDING)]
    d.put("decision_maker_known", bool(deciders), "flag", [("contacts", ANY, "buying_roles")])
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
    pairs = d.plan.get("executive_sponsors", [])
    named = {c["id"] for c in active}
    d.put(
        "sponsor_paired",
        any(p.get("theirs") in named for p in pairs) if pairs else None,
        "flag",
        [("executive_sponsors",)],
        because("no executive sponsors paired"),
        [p.get("theirs") or p.get("theirs_position") for p in pairs] if pairs else None,
    )
    planned = [c for c in active if c.get("meetings_planned")]
    d.put(
        "meetings_held",
        sum(c.get("meetings_held", 0) for c in planned) / sum(c["meetings_planned"] for c in planned) if planned else None,
        "percent",
        [("contacts", ANY, "meetings_planned"), ("contacts", ANY, "meetings_held")],
        because("no meetings planned with the contacts"),
        {c["id"]: [c.get("meetings_held", 0), c["meetings_planned"]] for c in planned} if planned else None,
    )
    paced = [c for c in active if "contact_cadence" in c]
    cadence_inputs = [("contacts", ANY, "contact_cadence"), ("contacts", ANY, "last_contact")]
    if not paced:
        d.put("contacts_overdue", None, "count", cadence_inputs, because("no contact cadence planned"))
        return
    overdue = [
        {"id": c["id"], "due": str(after_interval(parse_date(c["last_contact"]), c["contact_cadence"])) if "last_contact" in c else None}
        for c in paced
        if "last_contact" not in c or after_interval(parse_date(c["last_contact"]), c["contact_cadence"]) < d.as_of
    ]
    d.put("contacts_overdue", len(overdue), "count", cadence_inputs, detail=overdue)
