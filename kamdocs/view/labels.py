"""English and German labels for everything the toolkit writes besides the schema's own."""

from __future__ import annotations

from kamdocs.figures.figure import Reason

FIGURES: dict[str, tuple[str, str]] = {
    "revenue": ("Revenue last year", "Umsatz Vorjahr"),
    "revenue_growth": ("Revenue growth", "Umsatzwachstum"),
    "revenue_cagr": ("Revenue CAGR", "Umsatzwachstum p. a. (CAGR)"),
    "volume_growth": ("Sales volume growth", "Absatzwachstum"),
    "contribution_margin_1": ("Contribution margin I (DB I)", "Deckungsbeitrag I"),
    "margin_1_pct": ("Contribution margin I %", "Deckungsbeitrag I in %"),
    "contribution_margin": ("Contribution margin II (DB II)", "Deckungsbeitrag II"),
    "margin_pct": ("Contribution margin II %", "Deckungsbeitrag II in %"),
    "cost_ratio": ("Costs per revenue", "Kosten je Umsatz"),
    "instrument_ratio": ("Instrument cost/benefit", "Kosten/Nutzen der Instrumente"),
    "share_of_wallet": ("Share of wallet", "Lieferanteil beim Kunden"),
    "vs_comparable": ("Revenue vs. comparable customers", "Umsatz vs. vergleichbare Kunden"),
    "forecast": ("Forecast (expected)", "Prognose (erwartet)"),
    "forecast_worst": ("Forecast, worst case", "Prognose, ungünstigster Fall"),
    "forecast_best": ("Forecast, best case", "Prognose, günstigster Fall"),
    "forecast_beats_last_year": ("Chance to beat last year", "Chance, das Vorjahr zu übertreffen"),
    "nps": ("Net Promoter Score", "Net Promoter Score"),
    "csat": ("Satisfied customers (CSAT)", "Zufriedene Kunden (CSAT)"),
    "csat_average": ("Average satisfaction", "Durchschnittliche Zufriedenheit"),
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
    "key_account_retention": ("Key accounts kept from last year", "Key Accounts aus dem Vorjahr gehalten"),
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
    "accounts": ("Accounts", "Accounts"),
}


def label(key: str, language: str, table: dict[str, tuple[str, str]] = FIGURES) -> str:
    english, german = table[key]
    return german if language == "de" else english


def word(key: str, language: str) -> str:
    return label(key, language, WORDS)


REASONS_DE: dict[str, str] = {
    "{path} (at least {needed}, found {found})": "{path} (mindestens {needed}, vorhanden {found})",
    "figure {figure}: {reason}": "Kennzahl {figure}: {reason}",
    "{first} or {second}": "{first} oder {second}",
    "no sales figures for {year}": "keine Umsatzzahlen für {year}",
    "revenue of {year} is 0": "der Umsatz {year} ist 0",
    "needs sales figures of at least two years": "braucht Umsatzzahlen aus mindestens zwei Jahren",
    "needs sales volumes of {before} and {year}": "braucht Absatzmengen für {before} und {year}",
    "categories count in different units: see per category": "die Kategorien zählen in verschiedenen Einheiten: siehe je Kategorie",
    "costs missing for {categories} in {year}": "Kosten fehlen für {categories} in {year}",
    "revenue is 0": "der Umsatz ist 0",
    "needs instruments with cost and expected benefit": "braucht Instrumente mit Kosten und erwartetem Nutzen",
    "needs revenue and the customer's total spend for {year}": "braucht Umsatz und Gesamtbedarf des Kunden für {year}",
    "needs revenue and the average revenue of comparable customers": "braucht Umsatz und Durchschnittsumsatz vergleichbarer Kunden",
    "needs committed revenue or opportunities": "braucht gesicherten Umsatz oder Verkaufschancen",
    "no revenue for {year} to compare with": "kein Umsatz {year} zum Vergleich",
    "needs NPS survey counts": "braucht die Zahlen einer NPS-Umfrage",
    "needs a CSAT score": "braucht einen CSAT-Wert",
    "needs kpis.{block} with {whole} above 0": "braucht kpis.{block} mit {whole} über 0",
    "needs the contribution margin and kpis.expected_lifetime_years": "braucht den Deckungsbeitrag und kpis.expected_lifetime_years",
    "no actions planned": "keine Maßnahmen geplant",
    "no milestones": "keine Meilensteine",
    "needs open risks with probability and impact": "braucht offene Risiken mit Wahrscheinlichkeit und Auswirkung",
    "no attitude recorded for the decision makers": "keine Haltung der Entscheider erfasst",
    "no contract end": "kein Vertragsende",
    "needs contract.end and contract.notice_period_months": "braucht contract.end und contract.notice_period_months",
    "needs key-account criteria or revenue": "braucht Key-Account-Kriterien oder Umsatz",
    "needs the key-account score": "braucht den Key-Account-Score",
    "plan.last_reviewed is not set": "plan.last_reviewed ist nicht gesetzt",
    "annual_review.date is not set": "annual_review.date ist nicht gesetzt",
    "no open deadline": "kein offener Termin",
    "no contact recorded": "kein Ansprechpartner erfasst",
    "one contact carries the relationship": "ein Ansprechpartner trägt die Beziehung",
    "one owner holds every contact": "eine Person bei uns betreut alle Ansprechpartner",
    "the contract ends on {end} without renewal: no notice to give": "der Vertrag endet am {end} ohne Verlängerung: keine Kündigung nötig",
    "needs the count of answers per score (kpis.csat.answers)": "braucht die Zahl der Antworten je Wert (kpis.csat.answers)",
    "needs kpis.cross_upsell or won opportunities": "braucht kpis.cross_upsell oder gewonnene Verkaufschancen",
    "sales recorded for months {months} of {year} only": "Umsätze nur für die Monate {months} von {year} erfasst",
    "{year} and {before} are recorded by different periods: no like-for-like comparison": (
        "{year} und {before} sind in verschiedenen Zeiträumen erfasst: kein Vergleich gleicher Zeiträume"
    ),
    "like for like: months {months} of {year} against the same months of {before}": (
        "gleiche Zeiträume: Monate {months} von {year} gegen dieselben Monate von {before}"
    ),
    "needs sales figures of at least two full years": "braucht Umsatzzahlen aus mindestens zwei vollen Jahren",
    "{year} has sales for months {months} only: compared with {full}, the last full year": (
        "{year} hat Umsätze nur für die Monate {months}: verglichen mit {full}, dem letzten vollen Jahr"
    ),
    "the customer's spend and our sales of {year} are recorded by periods that do not match": (
        "Gesamtbedarf des Kunden und unsere Umsätze {year} sind in nicht passenden Zeiträumen erfasst"
    ),
    "months {months} of {year}": "Monate {months} von {year}",
    "no key account had a plan for {year}": "kein Key Account hatte einen Plan für {year}",
    "no account has revenue": "kein Account hat Umsatz",
    "no account has a forecast": "kein Account hat eine Prognose",
    "checklists {completeness:.0%} complete, below the minimum of {minimum:.0%}": (
        "Checklisten zu {completeness:.0%} vollständig, unter dem Minimum von {minimum:.0%}"
    ),
    "the plan was never reviewed: set plan.last_reviewed": "der Plan wurde nie geprüft: plan.last_reviewed setzen",
    "last reviewed {days} days ago, more than {limit}": "zuletzt vor {days} Tagen geprüft, mehr als {limit}",
    "the plan is approved, but its checklists are {completeness:.0%} complete, below the minimum of {minimum:.0%}: "
    "complete it or set the status to in_review": (
        "der Plan ist freigegeben, aber seine Checklisten sind nur zu {completeness:.0%} vollständig, unter dem Minimum von "
        "{minimum:.0%}: vervollständigen oder den Status auf in_review setzen"
    ),
    "the plan is approved, but was never reviewed: set plan.last_reviewed or the status to in_review": (
        "der Plan ist freigegeben, wurde aber nie geprüft: plan.last_reviewed oder den Status in_review setzen"
    ),
    "action '{id}' was due {due}, status {status}": "Maßnahme '{id}' war am {due} fällig, Status {status}",
    "notice deadline {deadline} is in {days} days: decide on renewal": (
        "Kündigungsfrist {deadline} endet in {days} Tagen: über die Verlängerung entscheiden"
    ),
    "single-threaded relationship: {why}": "die Beziehung hängt an einem Faden: {why}",
    "open question '{id}' has no owner": "offene Frage '{id}' hat keine verantwortliche Person",
    "milestone '{id}' was due {due}": "Meilenstein '{id}' war am {due} fällig",
    "opportunity '{id}' was to close on {date}: close date passed: update or close it": (
        "Verkaufschance '{id}' sollte am {date} abgeschlossen sein: Abschlussdatum überschritten: aktualisieren oder schließen"
    ),
    "the forecast of {forecast:,.0f} is below the revenue of {year}, {target:,.0f}": (
        "die Prognose von {forecast:,.0f} liegt unter dem Umsatz {year} von {target:,.0f}"
    ),
    "no decision maker known among the active contacts": "kein Entscheider unter den aktiven Ansprechpartnern bekannt",
    "{count} active contacts: know at least three key players": "{count} aktive Ansprechpartner: mindestens drei Schlüsselpersonen kennen",
    "no supporter among the decision makers": "kein Fürsprecher unter den Entscheidern",
    "instrument '{id}' costs {ratio:.2f} of its benefit, above {limit:.2f}": (
        "Instrument '{id}' kostet {ratio:.2f} seines Nutzens, mehr als {limit:.2f}"
    ),
}
"""German for the reasons why a figure cannot be computed (kamdocs.figures.figure.Reason)."""


def reason_text(reason: str | None, language: str) -> str:
    """A reason in the language asked for (any other text as it is)."""
    if not isinstance(reason, Reason):
        return str(reason or "")
    german = REASONS_DE.get(reason.template) if language == "de" else None
    if not german:
        return str(reason)
    return german.format(
        **{key: reason_text(value, language) if isinstance(value, Reason) else value for key, value in reason.params.items()}
    )
