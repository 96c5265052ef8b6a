"""The labels of figures and common words: English message ids, said in the reader's language by the catalogue."""

from __future__ import annotations

from kamdocs.figures.figure import Reason
from kamdocs.view.i18n import N_, translate

FIGURES: dict[str, str] = {
    "revenue": N_("Revenue last year"),
    "revenue_growth": N_("Revenue growth"),
    "revenue_cagr": N_("Revenue CAGR"),
    "volume_growth": N_("Sales volume growth"),
    "contribution_margin": N_("Contribution margin"),
    "margin_pct": N_("Contribution margin %"),
    "cost_ratio": N_("Costs per revenue"),
    "instrument_ratio": N_("Instrument cost/benefit"),
    "share_of_wallet": N_("Share of wallet"),
    "vs_comparable": N_("Revenue vs. comparable customers"),
    "forecast": N_("Forecast (expected)"),
    "forecast_worst": N_("Forecast, worst case"),
    "forecast_best": N_("Forecast, best case"),
    "forecast_beats_last_year": N_("Chance to beat last year"),
    "nps": N_("Net Promoter Score"),
    "csat": N_("Customer satisfaction (CSAT)"),
    "renewal_rate": N_("Contract renewal rate"),
    "cross_upsell_rate": N_("Cross- and upselling rate"),
    "clv": N_("Customer lifetime value"),
    "actions_done": N_("Action plan done"),
    "overdue_actions": N_("Overdue actions"),
    "milestones_reached": N_("Milestones reached"),
    "overdue_milestones": N_("Overdue milestones"),
    "risk_exposure": N_("Risk exposure"),
    "active_contacts": N_("Active contacts"),
    "single_threaded": N_("Single-threaded relationship"),
    "decision_maker_known": N_("Decision maker known"),
    "supporter_among_deciders": N_("Supporter among decision makers"),
    "contract_end": N_("Contract end"),
    "notice_deadline": N_("Notice deadline"),
    "days_to_notice": N_("Days to notice deadline"),
    "renewal_due": N_("Renewal decision due"),
    "ka_score": N_("Key-account score"),
    "tier": N_("Tier"),
    "days_since_review": N_("Days since last review"),
    "stale": N_("Plan stale"),
    "days_to_review": N_("Days to annual review"),
}

WORDS: dict[str, str] = {
    "figures": N_("Figures"),
    "checklists": N_("Checklists"),
    "completeness": N_("Completeness"),
    "overall": N_("Overall"),
    "missing": N_("Missing"),
    "alerts": N_("Alerts"),
    "none": N_("none"),
    "yes": N_("yes"),
    "no": N_("no"),
    "not_computable": N_("not computable"),
    "confidential": N_("confidential"),
    "account": N_("Account"),
    "year": N_("Plan year"),
    "owner": N_("Key account manager"),
    "status": N_("Status"),
    "total": N_("Total"),
    "completeness_col": N_("Complete"),
    "next_deadline": N_("Next deadline"),
    "alerts_col": N_("Failed gates"),
    "portfolio": N_("Key account portfolio"),
    "concentration": N_("Concentration"),
    "top_1_share": N_("Share of the largest account"),
    "top_3_share": N_("Share of the 3 largest"),
    "top_5_share": N_("Share of the 5 largest"),
    "hhi": N_("Herfindahl-Hirschman index"),
    "name": N_("Name"),
    "without_plan": N_("Without a plan for this year"),
    "class": N_("Class"),
    "share": N_("Share"),
    "cumulative": N_("Cumulative"),
    "customer": N_("Customer"),
    "revenue": N_("Revenue"),
    "calendar_name": N_("Key account deadlines"),
    "more": N_("{count} more"),
    "candidates": N_("Key-account candidates without a plan"),
}


KINDS: dict[str, str] = {
    "annual_review": N_("Annual review"),
    "action": N_("Action due"),
    "milestone": N_("Milestone due"),
    "notice_deadline": N_("Contract notice deadline"),
    "contract_end": N_("Contract ends"),
    "question": N_("Open question due"),
    "care": N_("Care improvement due"),
}
"""Kinds of deadlines (kamdocs.figures.deadlines.Deadline.kind)."""


def label(key: str, language: str, table: dict[str, str] = FIGURES) -> str:
    return translate(table[key], language)


def word(key: str, language: str) -> str:
    return label(key, language, WORDS)


def reason_text(reason: str | None, language: str) -> str:
    """A reason in the language asked for (any other text as it is)."""
    if not isinstance(reason, Reason):
        return str(reason or "")
    params = {key: reason_text(value, language) if isinstance(value, Reason) else value for key, value in reason.params.items()}
    return translate(reason.template, language).format(**params)
