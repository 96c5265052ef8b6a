"""Success KPIs: NPS, CSAT, renewal and cross/upsell rates, customer lifetime value."""

from __future__ import annotations

from typing import Any

from kamdocs.figures.derive.base import ANY, Deriver
from kamdocs.figures.figure import because


def kpis(d: Deriver) -> None:
    """NPS = (promoters − detractors) / answers × 100;
    CSAT = satisfied answers / answers, satisfied = the top two scores (4 and 5 of 5, 9 and 10 of 10);
    average satisfaction = Σ score × answers / answers (or the average score typed in);
    renewal rate = renewed / due; cross/upsell rate = additional deals / deals, where not typed in:
    won cross-sell and upsell opportunities / won opportunities."""
    kpis = d.plan.get("kpis", {})
    nps = kpis.get("nps")
    answers = nps and nps["promoters"] + nps["passives"] + nps["detractors"]
    d.put(
        "nps",
        (nps["promoters"] - nps["detractors"]) / answers * 100 if answers else None,
        "score",
        [("kpis", "nps")],
        because("needs NPS survey counts"),
        {"answers": answers} if answers else None,
    )
    csat(d, kpis.get("csat"))
    renewals = kpis.get("renewals")
    d.put(
        "renewal_rate",
        renewals["renewed"] / renewals["due"] if renewals and renewals["due"] else None,
        "percent",
        [("kpis", "renewals")],
        because("needs {path} above 0", path="kpis.renewals.due"),
    )
    cross_upsell(d, kpis.get("cross_upsell"))


def csat(d: Deriver, survey: dict[str, Any] | None) -> None:
    inputs = [("kpis", "csat")]
    counts = [(a["score"], a["count"]) for a in (survey or {}).get("answers", [])]
    total = sum(count for _, count in counts)
    if survey is None or not total:
        d.put("csat", None, "percent", inputs, because("needs the count of answers per score ({path})", path="kpis.csat.answers"))
    else:
        satisfied = sum(count for score, count in counts if score >= survey["scale_max"] - 1)
        d.put("csat", satisfied / total, "percent", inputs, detail={"satisfied": satisfied, "answers": total})
    if total:
        average = sum(score * count for score, count in counts) / total
    else:
        average = survey.get("score") if survey else None
    d.put(
        "csat_average",
        average,
        "score",
        inputs,
        because("needs a CSAT score"),
        {"scale_max": survey["scale_max"]} if survey and average is not None else None,
    )


def cross_upsell(d: Deriver, typed: dict[str, Any] | None) -> None:
    if typed:
        d.put(
            "cross_upsell_rate",
            typed["additional"] / typed["deals"] if typed["deals"] else None,
            "percent",
            [("kpis", "cross_upsell")],
            because("needs {path} above 0", path="kpis.cross_upsell.deals"),
        )
        return
    won = [o for o in d.plan.get("potential", {}).get("opportunities", []) if o.get("stage") == "won"]
    additional = sum(o.get("kind") in ("cross_sell", "upsell") for o in won)
    d.put(
        "cross_upsell_rate",
        additional / len(won) if won else None,
        "percent",
        [("kpis", "cross_upsell"), ("potential", "opportunities", ANY, "kind"), ("potential", "opportunities", ANY, "stage")],
        because("needs {path} or won opportunities", path="kpis.cross_upsell"),
        {"additional": additional, "deals": len(won), "from": "opportunities"} if won else None,
    )


def clv(d: Deriver) -> None:
    """CLV, discounted: contribution margin × (1 − (1 + r)^−L) / r; simple: contribution margin × L;
    L = expected relationship lifetime in years, r = discount rate (configured)."""
    inputs = [("sales", ANY, "direct_costs"), ("sales", ANY, "indirect_costs"), ("kpis", "expected_lifetime_years")]
    margin, lifetime = d.value("contribution_margin"), d.plan.get("kpis", {}).get("expected_lifetime_years")
    settings = d.config.figures
    if margin is None or lifetime is None:
        d.put("clv", None, "currency", inputs, because("needs the contribution margin and {path}", path="kpis.expected_lifetime_years"))
    elif settings.clv_model == "simple" or settings.discount_rate == 0:
        d.put("clv", margin * lifetime, "currency", inputs, detail={"model": "simple", "years": lifetime})
    else:
        rate = settings.discount_rate
        d.put(
            "clv",
            margin * (1 - (1 + rate) ** -lifetime) / rate,
            "currency",
            inputs,
            detail={"model": "discounted", "years": lifetime, "discount_rate": rate},
        )
