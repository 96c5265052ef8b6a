"""Relationship health: one number for how well the relationship stands, for the portfolio matrix."""

from __future__ import annotations

import datetime as dt

from kamdocs.figures.derive.base import ANY, Deriver, parse_date
from kamdocs.figures.figure import because

BUYING_ROLES = ("decision_maker", "champion", "influencer", "user")
"""The roles of the buying centre a healthy relationship reaches (gatekeepers and opponents are not sought)."""
HIGH_RISK = 0.5
"""An open risk is high from this probability on."""


def _fresh(last: dt.date | None, as_of: dt.date, stale: int) -> float:
    """1 while `last` is at most `stale` days old, then falling to 0 at twice that; 0 when there is none."""
    if last is None:
        return 0.0
    return max(0.0, min(1.0, 2 - max((as_of - last).days, 0) / stale)) if stale else 1.0


def health(d: Deriver) -> None:
    """health score (0–100) = 100 × the mean of five parts, each from 0 to 1:
    satisfaction = (NPS + 100) / 200, or the CSAT share satisfied where there is no NPS;
    coverage = buying roles (decision maker, champion, influencer, user) held by an active contact / 4;
    recency = the mean of two freshnesses, of the plan's last review and of the last visit or contact (the latest
    customer visit or last contact of an active contact up to today), each 1 while at most the stale days old,
    then falling to 0 at twice that, 0 when there is none;
    risks = 1 / (1 + open risks with a probability of 50 % or more);
    completeness = the share of the KAM checklists' items done.
    Not computable without NPS or CSAT: the customer's own voice is the part nothing else replaces."""
    inputs = [
        ("kpis", "nps"),
        ("kpis", "csat"),
        ("contacts", ANY, "buying_roles"),
        ("contacts", ANY, "left_on"),
        ("contacts", ANY, "last_contact"),
        ("key_figures", "customer_visits", ANY, "date"),
        ("plan", "last_reviewed"),
        *(("risks", ANY, key) for key in ("status", "probability")),
    ]
    nps, csat = d.figures.get("nps"), d.figures.get("csat")
    if nps is not None and nps.computable:
        satisfaction = (float(nps.value) + 100) / 200
    elif csat is not None and csat.computable:
        satisfaction = float(csat.value)
    else:
        d.put("health", None, "score", inputs, because("needs the NPS or CSAT of the customer"))
        return
    if d.completeness is None:
        d.put("health", None, "score", inputs, because("needs the completeness of the checklists"))
        return
    active = [c for c in d.plan.get("contacts", []) if not (c.get("left_on") and parse_date(c["left_on"]) <= d.as_of)]
    coverage = len({role for c in active for role in c["buying_roles"]} & set(BUYING_ROLES)) / len(BUYING_ROLES)
    met = [parse_date(c.get("last_contact")) for c in active]
    met += [parse_date(v.get("date")) for v in d.plan.get("key_figures", {}).get("customer_visits", [])]
    last_met = max((day for day in met if day is not None and day <= d.as_of), default=None)
    stale = d.config.thresholds.stale_days
    recency = (_fresh(parse_date(d.plan["plan"].get("last_reviewed")), d.as_of, stale) + _fresh(last_met, d.as_of, stale)) / 2
    high = [r for r in d.plan.get("risks", []) if r["status"] == "open" and r.get("probability", 0) >= HIGH_RISK]
    risks = 1 / (1 + len(high))
    parts = {"satisfaction": satisfaction, "coverage": coverage, "recency": recency, "risks": risks, "completeness": d.completeness}
    d.put("health", 100 * sum(parts.values()) / len(parts), "score", inputs, detail=parts)
