"""Relationship health: one number for how well the relationship stands, for the portfolio matrix."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver, parse_date
from kamdocs.figures.figure import because

BUYING_ROLES = ("decision_maker", "champion", "influencer", "user")
"""The roles of the buying centre a healthy relationship reaches (gatekeepers and opponents are not sought)."""
HIGH_RISK = 0.5
"""An open risk is high from this probability on."""


def health(d: Deriver) -> None:
    """health score (0–100) = 100 × the mean of four parts, each from 0 to 1:
    satisfaction = (NPS + 100) / 200, or the CSAT share satisfied where there is no NPS;
    coverage = buying roles (decision maker, champion, influencer, user) held by an active contact / 4;
    recency = 1 while the plan's last review is at most the stale days old, then falling to 0 at twice that, 0 without a review;
    risks = 1 / (1 + open risks with a probability of 50 % or more).
    Not computable without NPS or CSAT: the customer's own voice is the part nothing else replaces.
    Completeness is shown beside it, not in it (it is a fact about the plan, not about the customer)."""
    inputs = [
        ("kpis", "nps"),
        ("kpis", "csat"),
        ("contacts", ANY, "buying_roles"),
        ("contacts", ANY, "left_on"),
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
    active = [c for c in d.plan.get("contacts", []) if not (c.get("left_on") and parse_date(c["left_on"]) <= d.as_of)]
    coverage = len({role for c in active for role in c["buying_roles"]} & set(BUYING_ROLES)) / len(BUYING_ROLES)
    stale = d.config.thresholds.stale_days
    reviewed = parse_date(d.plan["plan"].get("last_reviewed"))
    days = (d.as_of - reviewed).days if reviewed else None
    recency = 0.0 if days is None else max(0.0, min(1.0, 2 - max(days, 0) / stale)) if stale else 1.0
    high = [r for r in d.plan.get("risks", []) if r["status"] == "open" and r.get("probability", 0) >= HIGH_RISK]
    risks = 1 / (1 + len(high))
    parts = {"satisfaction": satisfaction, "coverage": coverage, "recency": recency, "risks": risks}
    d.put("health", 100 * sum(parts.values()) / len(parts), "score", inputs, detail=parts)
