"""English and German labels for everything the toolkit writes besides the schema's own."""

from __future__ import annotations

FIGURES: dict[str, tuple[str, str]] = {
    "revenue": ("Revenue last year", "Umsatz Vorjahr"),
    "revenue_growth": ("Revenue growth", "Umsatzwachstum"),
    "revenue_cagr": ("Revenue CAGR", "Umsatzwachstum p. a. (CAGR)"),
    "volume_growth": ("Sales volume growth", "Absatzwachstum"),
    "contribution_margin": ("Contribution margin", "Deckungsbeitrag"),
    "margin_pct": ("Contribution margin %", "Deckungsbeitrag in %"),
    "cost_ratio": ("Costs per revenue", "Kosten je Umsatz"),
    "instrument_ratio": ("Instrument cost/benefit", "Kosten/Nutzen der Instrumente"),
    "share_of_wallet": ("Share of wallet", "Lieferanteil beim Kunden"),
    "vs_comparable": ("Revenue vs. comparable customers", "Umsatz vs. vergleichbare Kunden"),
    "forecast": ("Forecast (expected)", "Prognose (erwartet)"),
    "forecast_worst": ("Forecast, worst case", "Prognose, ungünstigster Fall"),
    "forecast_best": ("Forecast, best case", "Prognose, günstigster Fall"),
    "forecast_beats_last_year": ("Chance to beat last year", "Chance, das Vorjahr zu übertreffen"),
    "nps": ("Net Promoter Score", "Net Promoter Score"),
    "csat": ("Customer satisfaction (CSAT)", "Kundenzufriedenheit (CSAT)"),
    "renewal_rate": ("Contract renewal rate", "Vertragsverlängerungsquote"),
    "cross_upsell_rate": ("Cross- and upselling rate", "Cross- und Upselling-Quote"),
    "clv": ("Customer lifetime value", "Customer Lifetime Value"),
    "actions_done": ("Action plan done", "Aktionsplan erledigt"),
    "overdue_actions": ("Overdue actions", "Überfällige Maßnahmen"),
    "milestones_reached": ("Milestones reached", "Meilensteine erreicht"),
    "overdue_milestones": ("Overdue milestones", "Überfällige Meilensteine"),
    "risk_exposure": ("Risk exposure", "Risikoexposition"),
    "active_contacts": ("Active contacts", "Aktive Ansprechpartner"),
    "single_threaded": ("Single-threaded relationship", "Beziehung hängt an einem Faden"),
    "decision_maker_known": ("Decision maker known", "Entscheider bekannt"),
    "supporter_among_deciders": ("Supporter among decision makers", "Fürsprecher unter den Entscheidern"),
    "contract_end": ("Contract end", "Vertragsende"),
    "notice_deadline": ("Notice deadline", "Kündigungsfrist endet"),
    "days_to_notice": ("Days to notice deadline", "Tage bis Kündigungsfrist"),
    "renewal_due": ("Renewal decision due", "Verlängerung steht an"),
    "ka_score": ("Key-account score", "Key-Account-Score"),
    "tier": ("Tier", "Stufe"),
    "days_since_review": ("Days since last review", "Tage seit letzter Prüfung"),
    "stale": ("Plan stale", "Plan veraltet"),
    "days_to_review": ("Days to annual review", "Tage bis Jahresgespräch"),
}

WORDS: dict[str, tuple[str, str]] = {
    "figures": ("Figures", "Kennzahlen"),
    "checklists": ("Checklists", "Checklisten"),
    "completeness": ("Completeness", "Vollständigkeit"),
    "overall": ("Overall", "Gesamt"),
    "missing": ("Missing", "Fehlt"),
    "alerts": ("Alerts", "Hinweise"),
    "none": ("none", "keine"),
    "yes": ("yes", "ja"),
    "no": ("no", "nein"),
    "not_computable": ("not computable", "nicht berechenbar"),
    "confidential": ("confidential", "vertraulich"),
    "account": ("Account", "Account"),
    "year": ("Plan year", "Planjahr"),
    "owner": ("Key account manager", "Key-Account-Manager"),
    "status": ("Status", "Status"),
    "total": ("Total", "Summe"),
    "completeness_col": ("Complete", "Vollständig"),
    "next_deadline": ("Next deadline", "Nächster Termin"),
    "alerts_col": ("Failed gates", "Verletzte Prüfregeln"),
    "portfolio": ("Key account portfolio", "Key-Account-Portfolio"),
    "concentration": ("Concentration", "Konzentration"),
    "top_1_share": ("Share of the largest account", "Anteil des größten Accounts"),
    "top_3_share": ("Share of the 3 largest", "Anteil der 3 größten"),
    "top_5_share": ("Share of the 5 largest", "Anteil der 5 größten"),
    "hhi": ("Herfindahl-Hirschman index", "Herfindahl-Hirschman-Index"),
    "name": ("Name", "Name"),
    "without_plan": ("Without a plan for this year", "Ohne Plan für dieses Jahr"),
    "class": ("Class", "Klasse"),
    "share": ("Share", "Anteil"),
    "cumulative": ("Cumulative", "Kumuliert"),
    "customer": ("Customer", "Kunde"),
    "revenue": ("Revenue", "Umsatz"),
    "candidates": ("Key-account candidates without a plan", "Key-Account-Kandidaten ohne Plan"),
}


def label(key: str, language: str, table: dict[str, tuple[str, str]] = FIGURES) -> str:
    english, german = table[key]
    return german if language == "de" else english


def word(key: str, language: str) -> str:
    return label(key, language, WORDS)
