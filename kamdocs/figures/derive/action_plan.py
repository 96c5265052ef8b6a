"""The action plan and the risks: progress, overdue actions and milestones, exposure."""

from __future__ import annotations

from kamdocs.core.problem import KeyPath
from kamdocs.figures.derive.base import ANY, OPEN_ACTION, Deriver, parse_date
from kamdocs.figures.figure import because

ACTIONS: list[KeyPath] = [("actions", ANY, "status"), ("actions", ANY, "due")]
MILESTONES: list[KeyPath] = [("milestones", ANY, "due"), ("milestones", ANY, "reached_on")]
RISKS: list[KeyPath] = [("risks", ANY, key) for key in ("id", "title", "status", "probability", "impact")]
"""What the figures read: a field a company marks confidential makes the figures that read it confidential."""


def action_plan(d: Deriver) -> None:
    """progress = done actions / actions not cancelled; milestones reached = reached / all;
    overdue = open actions (planned, in progress) and unreached milestones due before the as-of date."""
    actions = [a for a in d.plan.get("actions", []) if a["status"] != "cancelled"]
    done = sum(a["status"] == "done" for a in actions)
    d.put(
        "actions_done",
        done / len(actions) if actions else None,
        "percent",
        ACTIONS,
        because("no actions planned"),
        {"done": done, "total": len(actions)},
    )
    overdue = [a["id"] for a in actions if a["status"] in OPEN_ACTION and a.get("due") and parse_date(a["due"]) < d.as_of]
    d.put("overdue_actions", len(overdue), "count", ACTIONS, detail=overdue)
    milestones = d.plan.get("milestones", [])
    reached = sum("reached_on" in m for m in milestones)
    d.put(
        "milestones_reached",
        reached / len(milestones) if milestones else None,
        "percent",
        MILESTONES,
        because("no milestones"),
        {"reached": reached, "total": len(milestones)},
    )
    late = [m["id"] for m in milestones if "reached_on" not in m and parse_date(m["due"]) < d.as_of]
    d.put("overdue_milestones", len(late), "count", MILESTONES, detail=late)


def risks(d: Deriver) -> None:
    """exposure = probability × impact, summed over risks not closed; the top three by exposure."""
    scored = [r for r in d.plan.get("risks", []) if r["status"] != "closed" and "probability" in r and "impact" in r]
    if not scored:
        d.put("risk_exposure", None, "currency", RISKS, because("needs open risks with probability and impact"))
        return
    ranked = sorted(scored, key=lambda r: r["probability"] * r["impact"], reverse=True)
    top = [{"id": r["id"], "title": r["title"], "exposure": r["probability"] * r["impact"]} for r in ranked[:3]]
    d.put("risk_exposure", sum(r["probability"] * r["impact"] for r in scored), "currency", RISKS, detail=top)
