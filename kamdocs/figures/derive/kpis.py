"""Success KPIs: NPS, CSAT, renewal and cross/upsell rates, customer lifetime value."""

from __future__ import annotations

from kamdocs.figures.derive.base import ANY, Deriver
from kamdocs.figures.figure import because


def kpis(d: Deriver) -> None:
    """NPS = (promoters − detractors) / answers × 100; CSAT = score / scale maximum;
    renewal rate = renewed / due; cross/upsell rate = additional deals / deals."""
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
    csat = kpis.get("csat")
    d.put("csat", csat["score"] / csat["scale_max"] if csat else None, "percent", [("kpis", "csat")], because("needs a CSAT score"))
    for key, block, part, whole in (
        ("renewal_rate", "renewals", "renewed", "due"),
        ("cross_upsell_rate", "cross_upsell", "additional", "deals"),
    ):
        counts = kpis.get(block)
        d.put(
            key,
            counts[part] / counts[whole] if counts and counts[whole] else None,
            "percent",
            [("kpis", block)],
            because("needs kpis.{block} with {whole} above 0", block=block, whole=whole),
        )


def clv(d: Deriver) -> None:
    """CLV, discounted: contribution margin × (1 − (1 + r)^−L) / r; simple: contribution margin × L;
    L = expected relationship lifetime in years, r = discount rate (configured)."""
    inputs = [("sales", ANY, "direct_costs"), ("sales", ANY, "indirect_costs"), ("kpis", "expected_lifetime_years")]
    margin, lifetime = d.value("contribution_margin"), d.plan.get("kpis", {}).get("expected_lifetime_years")
    settings = d.config.figures
    if margin is None or lifetime is None:
        d.put("clv", None, "currency", inputs, because("needs the contribution margin and kpis.expected_lifetime_years"))
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
