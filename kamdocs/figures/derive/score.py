"""The key-account score and tier."""

from __future__ import annotations

from kamdocs.core.config import QUALITATIVE
from kamdocs.figures.derive.base import ANY, Deriver
from kamdocs.figures.figure import because


def score(d: Deriver) -> None:
    """key-account score (0–5) = Σ weight × criterion score / Σ weight over the criteria given;
    revenue scores 5 × revenue / revenue for full score (at most 5). Tier A from the configured
    score, B from one point below, C below that."""
    settings = d.config.figures
    qualitative = d.plan.get("criteria", {}).get("qualitative", {})
    scores = {name: float(qualitative[name]["score"]) for name in QUALITATIVE if name in qualitative}
    revenue = d.plan.get("criteria", {}).get("quantitative", {}).get("annual_revenue", d.value("revenue"))
    if revenue is not None:
        scores["revenue"] = min(5.0, 5.0 * revenue / settings.revenue_for_full_score)
    weights = {name: settings.score_weights.get(name, 0.0) for name in scores}
    inputs = [("criteria",), ("sales", ANY, "revenue")]
    if not sum(weights.values()):
        d.put("ka_score", None, "score", inputs, because("needs key-account criteria or revenue"))
        d.put("tier", None, "text", inputs, because("needs the key-account score"))
        return
    score = sum(weights[n] * scores[n] for n in scores) / sum(weights.values())
    threshold = d.config.thresholds.key_account_score
    d.put("ka_score", score, "score", inputs, detail=scores)
    d.put("tier", "A" if score >= threshold else "B" if score >= threshold - 1 else "C", "text", inputs)
