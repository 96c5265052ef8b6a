"""English and German labels for everything the toolkit writes besides the schema's own."""

from __future__ import annotations

from kamdocs.figures.figure import Reason

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
    "clv": ("Customer lifetime value", "Kundenwert (CLV)"),
    "actions_done": ("Action plan done", "Aktionsplan erledigt"),
    "overdue_actions": ("Overdue actions", "Überfällige Maßnahmen"),
    "milestones_reached": ("Milestones reached", "Meilensteine erreicht"),
    "overdue_milestones": ("Overdue milestones", "Überfällige Meilensteine"),
    "risk_exposure": ("Risk exposure", "Risikoexposition"),
    "active_contacts": ("Active contacts", "Aktive Ansprechpartner"),
    "single_threaded": ("Single-threaded relationship", "Beziehung hängt an einem Faden"),
    "decision_maker_known": ("Decision maker known", "Entscheider bekannt"),
    "contacts_overdue": ("Contacts overdue for a meeting", "Überfällige Kontakte"),
    "meetings_held": ("Planned meetings held", "Geplante Termine wahrgenommen"),
    "sponsor_paired": ("Executive sponsor paired", "Executive Sponsor auf beiden Seiten"),
    "adoption": ("Adoption of our products", "Nutzungsgrad unserer Produkte"),
    "kpi_targets_met": ("KPI targets met", "Erreichte KPI-Ziele"),
    "supporter_among_deciders": ("Supporter among decision makers", "Fürsprecher unter den Entscheidern"),
    "contract_end": ("Contract end", "Vertragsende"),
    "notice_deadline": ("Notice deadline", "Kündigungsfrist endet"),
    "days_to_notice": ("Days to notice deadline", "Tage bis Kündigungsfrist"),
    "renewal_due": ("Renewal decision due", "Verlängerung steht an"),
    "ka_score": ("Key-account score", "Key-Account-Score"),
    "tier": ("Tier", "Kundenkategorie"),
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
    "no secured revenue recorded (committed, recurring or run-rate) and no opportunities": (
        "kein gesicherter Umsatz erfasst (fest zugesagt, wiederkehrend oder laufendes Geschäft) und keine Verkaufschancen"
    ),
    "no secured revenue recorded (committed, recurring or run-rate) and no opportunity with a known probability": (
        "kein gesicherter Umsatz erfasst (fest zugesagt, wiederkehrend oder laufendes Geschäft) "
        "und keine Verkaufschance mit bekannter Wahrscheinlichkeit"
    ),
    "probability not known yet: left out of the forecast": "Wahrscheinlichkeit noch nicht bekannt: nicht in der Prognose",
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
    "one contact carries the relationship": "ein Kontakt trägt die Beziehung",
    "at most one contact with a good or strong relationship": "höchstens ein Kontakt mit guter oder starker Beziehung",
    "one owner holds every contact": "eine Person bei uns hält alle Kontakte",
    "no contact cadence planned": "kein Kontaktrhythmus geplant",
    "no meetings planned with the contacts": "keine Termine mit den Ansprechpartnern geplant",
    "no executive sponsors paired": "keine Executive Sponsors zugeordnet",
    "needs footprint entries with seats and active users, or adoption": (
        "braucht Einträge der installierten Basis mit Lizenzen und aktiven Nutzern, oder den Nutzungsgrad"
    ),
    "no KPI targets set": "keine KPI-Ziele gesetzt",
    "no measured value for the KPI targets set": "kein gemessener Wert zu den gesetzten KPI-Zielen",
    "care measure '{id}' is overdue: last done {last}, next was due {due}": (
        "Pflegemaßnahme '{id}' ist überfällig: zuletzt am {last}, fällig war sie am {due}"
    ),
    "contact '{id}' is overdue for a meeting: due {due} by the planned cadence": (
        "Kontakt '{id}' ist überfällig: laut geplantem Rhythmus fällig am {due}"
    ),
    "contact '{id}' has a planned cadence but no last contact recorded": "Kontakt '{id}' hat einen geplanten Rhythmus, aber keinen letzten Kontakt",
    "the portfolio holds plans in {currencies}: amounts in different currencies are not added (set [tool.kam.rates])": (
        "das Portfolio enthält Pläne in {currencies}: Beträge in verschiedenen Währungen werden nicht addiert ([tool.kam.rates] setzen)"
    ),
    "buying_role {role} became the list buying_roles: [{role}]": "buying_role {role} wurde zur Liste buying_roles: [{role}]",
    "frequency '{text}' names no regular interval: moved to occasion": "frequency '{text}' nennt keinen festen Rhythmus: nach occasion verschoben",
    "frequency '{text}' became {interval} (the old text stays as a comment)": (
        "frequency '{text}' wurde zu {interval} (der alte Text bleibt als Kommentar)"
    ),
    "format marker 1 became {format}": "Formatkennung 1 wurde zu {format}",
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
