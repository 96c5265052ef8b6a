"""KPI targets next to the measured KPIs: how many of them are met, and adoption across the footprint."""

from __future__ import annotations

from typing import Any

from kamdocs.figures.derive.base import ANY, Deriver
from kamdocs.figures.figure import because


def adoption(d: Deriver) -> None:
    """adoption = Σ active users / Σ seats over the footprint entries with both; else the mean of the recorded adoption shares."""
    footprint = d.plan.get("footprint", [])
    counted = [f for f in footprint if f.get("seats") and "active_users" in f]
    inputs = [("footprint",)]
    if counted:
        value = sum(f["active_users"] for f in counted) / sum(f["seats"] for f in counted)
        d.put("adoption", value, "percent", inputs, detail={"entries": len(counted), "basis": "seats"})
        return
    shares = [f["adoption"] for f in footprint if "adoption" in f]
    d.put(
        "adoption",
        sum(shares) / len(shares) if shares else None,
        "percent",
        inputs,
        because("needs footprint entries with seats and active users, or adoption"),
        {"entries": len(shares), "basis": "adoption"} if shares else None,
    )


def targets(d: Deriver) -> None:
    """targets met = KPI targets reached / KPI targets with a measured value (NPS, average satisfaction, renewal rate,
    adoption: at least the target; complaints: at most the target)."""
    kpis = d.plan.get("kpis", {})
    wanted = kpis.get("targets", {})
    measured: dict[str, tuple[Any, bool]] = {
        "nps": (d.value("nps"), True),
        "csat": (d.value("csat_average"), True),
        "renewal_rate": (d.value("renewal_rate"), True),
        "adoption": (d.value("adoption"), True),
        "complaints_max": (kpis.get("complaints"), False),
    }
    checked = {
        key: {
            "target": target,
            "measured": measured[key][0],
            "met": measured[key][0] >= target if measured[key][1] else measured[key][0] <= target,
        }
        for key, target in wanted.items()
        if key in measured and measured[key][0] is not None
    }
    inputs = [("kpis",), ("footprint", ANY, "adoption")]
    if not checked:
        reason = because("no KPI targets set") if not wanted else because("no measured value for the KPI targets set")
        d.put("kpi_targets_met", None, "percent", inputs, reason)
        return
    d.put("kpi_targets_met", sum(c["met"] for c in checked.values()) / len(checked), "percent", inputs, detail=checked)
