"""Derived figures of one plan, computed once here and shown everywhere from here.

`history` is every plan of the account up to and including the plan's year,
oldest first; sales figures of a year come from the newest plan that lists
that year. "Last year" is the year before the plan year: the last full year.
A figure whose inputs are missing has value None and a reason, never a 0.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dateutil.relativedelta import relativedelta

from kamdocs.config import QUALITATIVE, Config
from kamdocs.figure import Confidentiality, Figure, because
from kamdocs.problem import KeyPath
from kamdocs.schema import WILDCARD as ANY

Plan = dict[str, Any]
Figures = dict[str, Figure]

OPEN_ACTION = ("planned", "in_progress")


def year_of(period: str | int) -> int:
    return int(str(period)[:4])


def parse_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def sales_by_year(history: Sequence[Plan], field: str) -> dict[int, dict[str, float]]:
    """year -> category -> sum of `field`, each year from the newest plan that lists it."""
    result: dict[int, dict[str, float]] = {}
    for plan in reversed(history):
        years: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for row in plan.get("sales", []):
            if field in row:
                years[year_of(row["period"])][row["category"]] += row[field]
        for year, categories in years.items():
            result.setdefault(year, dict(categories))
    return result


def _growth(new: float, old: float) -> float | None:
    return new / old - 1 if old else None


def forecast_distribution(committed: float, opportunities: Iterable[tuple[float, float]], step: float) -> dict[float, float]:
    """Revenue -> probability, opportunities won independently (values rounded to `step`)."""
    distribution = {round(committed / step) * step: 1.0}
    for value, probability in opportunities:
        amount = round(value / step) * step
        merged: dict[float, float] = defaultdict(float)
        for total, chance in distribution.items():
            merged[total] += chance * (1 - probability)
            merged[total + amount] += chance * probability
        distribution = {total: chance for total, chance in merged.items() if chance > 1e-12}
    return distribution


class _Deriver:
    def __init__(self, history: Sequence[Plan], config: Config, secrets: Confidentiality) -> None:
        self.plan = history[-1]
        self.history = history
        self.config = config
        self.secrets = secrets
        self.year: int = self.plan["plan"]["year"]
        self.last_year = self.year - 1
        self.as_of = config.as_of
        self.figures: Figures = {}

    def put(self, key: str, value: Any, unit: str, inputs: Iterable[KeyPath], reason: str | None = None, detail: Any = None) -> None:
        confidential = any(self.secrets.covers(path) for path in inputs)
        if value is None and reason is None:
            raise ValueError(f"figure {key} has neither value nor reason")
        self.figures[key] = Figure(key, value, unit, confidential, None if value is not None else reason, detail)

    def value(self, key: str) -> Any:
        return self.figures[key].value

    # --- revenue and volume -------------------------------------------------
    def revenue(self) -> None:
        """revenue = Σ sales.revenue of last year; growth = revenue / revenue of the year before − 1;
        CAGR = (revenue of the last year / revenue of the first year on file)^(1 / years between) − 1."""
        inputs = [("sales", ANY, "revenue"), ("sales", ANY, "period")]
        series = sales_by_year(self.history, "revenue")
        this, before = series.get(self.last_year), series.get(self.last_year - 1)
        missing = because("no sales figures for {year}", year=self.last_year)
        self.put("revenue", sum(this.values()) if this else None, "currency", inputs, missing, this)
        if this and before:
            per_category = {c: _growth(v, before.get(c, 0.0)) for c, v in this.items()}
            self.put("revenue_growth", _growth(sum(this.values()), sum(before.values())), "percent", inputs,
                     because("revenue of {year} is 0", year=self.last_year - 1), per_category)
        else:
            self.put("revenue_growth", None, "percent", inputs, missing if not this else because("no sales figures for {year}", year=self.last_year - 1))
        years = sorted(y for y in series if y <= self.last_year and sum(series[y].values()) > 0)
        if len(years) >= 2:
            first, last = sum(series[years[0]].values()), sum(series[years[-1]].values())
            self.put("revenue_cagr", (last / first) ** (1 / (years[-1] - years[0])) - 1, "percent", inputs,
                     detail={"from": years[0], "to": years[-1]})
        else:
            self.put("revenue_cagr", None, "percent", inputs, because("needs sales figures of at least two years"))

    def volume(self) -> None:
        """volume growth per category = volume of last year / volume of the year before − 1;
        the total only where all categories count in the same unit."""
        inputs = [("sales", ANY, "volume")]
        series = sales_by_year(self.history, "volume")
        this, before = series.get(self.last_year, {}), series.get(self.last_year - 1, {})
        per_category = {c: _growth(v, before[c]) for c, v in this.items() if c in before}
        units = {row.get("unit") for row in self.plan.get("sales", []) if "volume" in row and year_of(row["period"]) == self.last_year}
        if not per_category:
            self.put("volume_growth", None, "percent", inputs, because("needs sales volumes of {before} and {year}", before=self.last_year - 1, year=self.last_year))
        elif len(units) > 1:
            self.put("volume_growth", None, "percent", inputs, because("categories count in different units: see per category"), per_category)
        else:
            shared = [c for c in per_category]
            self.put("volume_growth", _growth(sum(this[c] for c in shared), sum(before[c] for c in shared)), "percent", inputs,
                     "volume of the year before is 0", per_category)

    # --- margins and costs (confidential) ----------------------------------
    def margins(self) -> None:
        """contribution margin = revenue − direct costs − indirect costs (last year);
        margin % = contribution margin / revenue; cost ratio = costs / revenue."""
        inputs = [("sales", ANY, "revenue"), ("sales", ANY, "direct_costs"), ("sales", ANY, "indirect_costs")]
        rows = [r for r in self.plan.get("sales", []) if year_of(r["period"]) == self.last_year]
        lacking = sorted({r["category"] for r in rows if "direct_costs" not in r or "indirect_costs" not in r})
        revenue = sum(r["revenue"] for r in rows)
        if not rows or lacking:
            reason = because("no sales figures for {year}", year=self.last_year) if not rows else because("costs missing for {categories} in {year}", categories=", ".join(lacking), year=self.last_year)
            for key, unit in (("contribution_margin", "currency"), ("margin_pct", "percent"), ("cost_ratio", "percent")):
                self.put(key, None, unit, inputs, reason)
            return
        costs = sum(r["direct_costs"] + r["indirect_costs"] for r in rows)
        per_category = {r["category"]: r["revenue"] - r["direct_costs"] - r["indirect_costs"] for r in rows}
        self.put("contribution_margin", revenue - costs, "currency", inputs, detail=per_category)
        self.put("margin_pct", (revenue - costs) / revenue if revenue else None, "percent", inputs, because("revenue is 0"))
        self.put("cost_ratio", costs / revenue if revenue else None, "percent", inputs, because("revenue is 0"))

    def instruments(self) -> None:
        """cost/benefit ratio = cost / expected benefit, per instrument and in total; above the configured limit is flagged."""
        inputs = [("instruments", ANY, "cost"), ("instruments", ANY, "expected_benefit")]
        priced = [i for i in self.plan.get("instruments", []) if "cost" in i and i.get("expected_benefit")]
        if not priced:
            self.put("instrument_ratio", None, "ratio", inputs, because("needs instruments with cost and expected benefit"))
            return
        limit = self.config.figures.instrument_cost_ratio_max
        detail = {i["id"]: {"ratio": i["cost"] / i["expected_benefit"], "above_limit": i["cost"] / i["expected_benefit"] > limit} for i in priced}
        total = sum(i["cost"] for i in priced) / sum(i["expected_benefit"] for i in priced)
        self.put("instrument_ratio", total, "ratio", inputs, detail={"limit": limit, "instruments": detail})

    # --- position at the customer ------------------------------------------
    def position(self) -> None:
        """share of wallet = revenue / customer's total spend (last year);
        vs. comparable = revenue / average revenue of comparable customers."""
        revenue = self.value("revenue")
        spend = sum(s["amount"] for s in self.plan.get("key_figures", {}).get("customer_spend", []) if str(s["period"]) == str(self.last_year))
        inputs = [("key_figures", "customer_spend"), ("sales", ANY, "revenue")]
        if revenue is None or not spend:
            self.put("share_of_wallet", None, "percent", inputs, because("needs revenue and the customer's total spend for {year}", year=self.last_year))
        else:
            self.put("share_of_wallet", revenue / spend, "percent", inputs)
        comparable = self.plan.get("key_figures", {}).get("comparable_customers_revenue")
        inputs = [("key_figures", "comparable_customers_revenue"), ("sales", ANY, "revenue")]
        if revenue is None or not comparable:
            self.put("vs_comparable", None, "ratio", inputs, because("needs revenue and the average revenue of comparable customers"))
        else:
            self.put("vs_comparable", revenue / comparable, "ratio", inputs)

    # --- the forecast --------------------------------------------------------
    def forecast(self) -> None:
        """expected = committed revenue + Σ(value × probability) of the opportunities not lost;
        worst = committed + won; best = committed + every opportunity not lost;
        probability of beating last year = P(committed + Σ won values ≥ revenue of last year),
        opportunities won independently."""
        potential = self.plan.get("potential", {})
        inputs = [("potential",)]
        live = [o for o in potential.get("opportunities", []) if o.get("stage") != "lost"]
        committed = potential.get("committed_revenue")
        if committed is None and not live:
            for key in ("forecast", "forecast_worst", "forecast_best", "forecast_beats_last_year"):
                self.put(key, None, "percent" if key == "forecast_beats_last_year" else "currency", inputs,
                         because("needs committed revenue or opportunities"))
            return
        base = committed or 0.0
        weighted = sum(o["value"] * o["probability"] for o in live)
        won = sum(o["value"] for o in live if o["probability"] == 1)
        self.put("forecast", base + weighted, "currency", inputs, detail={"committed": base, "weighted_pipeline": weighted, "opportunities": len(live)})
        self.put("forecast_worst", base + won, "currency", inputs)
        self.put("forecast_best", base + sum(o["value"] for o in live), "currency", inputs)
        target = self.value("revenue")
        if target is None:
            self.put("forecast_beats_last_year", None, "percent", inputs, because("no revenue for {year} to compare with", year=self.last_year))
        else:
            step = max(1.0, (base + sum(o["value"] for o in live)) / 10_000)
            distribution = forecast_distribution(base, ((o["value"], o["probability"]) for o in live), step)
            self.put("forecast_beats_last_year", sum(p for total, p in distribution.items() if total >= target), "percent", inputs,
                     detail={"target": target})

    # --- KPIs ------------------------------------------------------------------
    def kpis(self) -> None:
        """NPS = (promoters − detractors) / answers × 100; CSAT = score / scale maximum;
        renewal rate = renewed / due; cross/upsell rate = additional deals / deals."""
        kpis = self.plan.get("kpis", {})
        nps = kpis.get("nps")
        answers = nps and nps["promoters"] + nps["passives"] + nps["detractors"]
        self.put("nps", (nps["promoters"] - nps["detractors"]) / answers * 100 if answers else None, "score", [("kpis", "nps")],
                 because("needs NPS survey counts"), {"answers": answers} if answers else None)
        csat = kpis.get("csat")
        self.put("csat", csat["score"] / csat["scale_max"] if csat else None, "percent", [("kpis", "csat")], because("needs a CSAT score"))
        for key, block, part, whole in (("renewal_rate", "renewals", "renewed", "due"), ("cross_upsell_rate", "cross_upsell", "additional", "deals")):
            counts = kpis.get(block)
            self.put(key, counts[part] / counts[whole] if counts and counts[whole] else None, "percent", [("kpis", block)],
                     because("needs kpis.{block} with {whole} above 0", block=block, whole=whole))

    def clv(self) -> None:
        """CLV, discounted: contribution margin × (1 − (1 + r)^−L) / r; simple: contribution margin × L;
        L = expected relationship lifetime in years, r = discount rate (configured)."""
        inputs = [("sales", ANY, "direct_costs"), ("sales", ANY, "indirect_costs"), ("kpis", "expected_lifetime_years")]
        margin, lifetime = self.value("contribution_margin"), self.plan.get("kpis", {}).get("expected_lifetime_years")
        settings = self.config.figures
        if margin is None or lifetime is None:
            self.put("clv", None, "currency", inputs, because("needs the contribution margin and kpis.expected_lifetime_years"))
        elif settings.clv_model == "simple" or settings.discount_rate == 0:
            self.put("clv", margin * lifetime, "currency", inputs, detail={"model": "simple", "years": lifetime})
        else:
            rate = settings.discount_rate
            self.put("clv", margin * (1 - (1 + rate) ** -lifetime) / rate, "currency", inputs,
                     detail={"model": "discounted", "years": lifetime, "discount_rate": rate})

    # --- action plan -------------------------------------------------------------
    def action_plan(self) -> None:
        """progress = done actions / actions not cancelled; milestones reached = reached / all;
        overdue = open actions (planned, in progress) and unreached milestones due before the as-of date."""
        actions = [a for a in self.plan.get("actions", []) if a["status"] != "cancelled"]
        done = sum(a["status"] == "done" for a in actions)
        self.put("actions_done", done / len(actions) if actions else None, "percent", [("actions",)], because("no actions planned"),
                 {"done": done, "total": len(actions)})
        overdue = [a["id"] for a in actions if a["status"] in OPEN_ACTION and a.get("due") and parse_date(a["due"]) < self.as_of]
        self.put("overdue_actions", len(overdue), "count", [("actions",)], detail=overdue)
        milestones = self.plan.get("milestones", [])
        reached = sum("reached_on" in m for m in milestones)
        self.put("milestones_reached", reached / len(milestones) if milestones else None, "percent", [("milestones",)],
                 because("no milestones"), {"reached": reached, "total": len(milestones)})
        late = [m["id"] for m in milestones if "reached_on" not in m and parse_date(m["due"]) < self.as_of]
        self.put("overdue_milestones", len(late), "count", [("milestones",)], detail=late)

    def risks(self) -> None:
        """exposure = probability × impact, summed over risks not closed; the top three by exposure."""
        scored = [r for r in self.plan.get("risks", []) if r["status"] != "closed" and "probability" in r and "impact" in r]
        if not scored:
            self.put("risk_exposure", None, "currency", [("risks",)], because("needs open risks with probability and impact"))
            return
        ranked = sorted(scored, key=lambda r: r["probability"] * r["impact"], reverse=True)
        top = [{"id": r["id"], "title": r["title"], "exposure": r["probability"] * r["impact"]} for r in ranked[:3]]
        self.put("risk_exposure", sum(r["probability"] * r["impact"] for r in scored), "currency", [("risks",)], detail=top)

    def relationship(self) -> None:
        """single-threaded: at most one active contact, or one person on our side owns every relationship;
        also: active contacts (left_on not passed), a decision maker known, a supporter among the decision makers."""
        active = [c for c in self.plan.get("contacts", []) if not (c.get("left_on") and parse_date(c["left_on"]) <= self.as_of)]
        owners = {c["owner"] for c in active if "owner" in c}
        self.put("active_contacts", len(active), "count", [("contacts",)])
        single = len(active) <= 1 or len(owners) == 1
        why = "one contact carries the relationship" if len(active) <= 1 else ("one owner holds every contact" if single else None)
        self.put("single_threaded", single, "flag", [("contacts",)], detail=why)
        deciders = [c for c in active if c["buying_role"] == "decision_maker"]
        self.put("decision_maker_known", bool(deciders), "flag", [("contacts", ANY, "buying_role")])
        if deciders and all("attitude" not in c for c in deciders):
            self.put("supporter_among_deciders", None, "flag", [("contacts", ANY, "attitude")], because("no attitude recorded for the decision makers"))
        else:
            self.put("supporter_among_deciders", any(c.get("attitude") == "supporter" for c in deciders), "flag", [("contacts", ANY, "attitude")])

    def contract(self) -> None:
        """notice deadline = contract end − notice period; days to notice = deadline − as-of date;
        renewal due when the deadline lies within the configured warning days."""
        contract = self.plan.get("contract", {})
        end = parse_date(contract.get("end"))
        inputs = [("contract",)]
        self.put("contract_end", end.isoformat() if end else None, "date", inputs, because("no contract end"))
        if end is None or "notice_period_months" not in contract:
            for key, unit in (("notice_deadline", "date"), ("days_to_notice", "days"), ("renewal_due", "flag")):
                self.put(key, None, unit, inputs, because("needs contract.end and contract.notice_period_months"))
            return
        deadline = end - relativedelta(months=contract["notice_period_months"])
        days = (deadline - self.as_of).days
        self.put("notice_deadline", deadline.isoformat(), "date", inputs)
        self.put("days_to_notice", days, "days", inputs)
        self.put("renewal_due", 0 <= days <= self.config.thresholds.notice_warning_days, "flag", inputs)

    def score(self) -> None:
        """key-account score (0–5) = Σ weight × criterion score / Σ weight over the criteria given;
        revenue scores 5 × revenue / revenue for full score (at most 5). Tier A from the configured
        score, B from one point below, C below that."""
        settings = self.config.figures
        qualitative = self.plan.get("criteria", {}).get("qualitative", {})
        scores = {name: float(qualitative[name]["score"]) for name in QUALITATIVE if name in qualitative}
        revenue = self.plan.get("criteria", {}).get("quantitative", {}).get("annual_revenue", self.value("revenue"))
        if revenue is not None:
            scores["revenue"] = min(5.0, 5.0 * revenue / settings.revenue_for_full_score)
        weights = {name: settings.score_weights.get(name, 0.0) for name in scores}
        inputs = [("criteria",), ("sales", ANY, "revenue")]
        if not sum(weights.values()):
            self.put("ka_score", None, "score", inputs, because("needs key-account criteria or revenue"))
            self.put("tier", None, "text", inputs, because("needs the key-account score"))
            return
        score = sum(weights[n] * scores[n] for n in scores) / sum(weights.values())
        threshold = self.config.thresholds.key_account_score
        self.put("ka_score", score, "score", inputs, detail=scores)
        self.put("tier", "A" if score >= threshold else "B" if score >= threshold - 1 else "C", "text", inputs)

    def dates(self) -> None:
        """days since review = as-of date − plan.last_reviewed (stale above the configured days);
        days to the annual review = annual_review.date − as-of date (negative once held)."""
        reviewed = parse_date(self.plan["plan"].get("last_reviewed"))
        days = (self.as_of - reviewed).days if reviewed else None
        self.put("days_since_review", days, "days", [("plan", "last_reviewed")], because("plan.last_reviewed is not set"))
        self.put("stale", days is None or days > self.config.thresholds.stale_days, "flag", [("plan", "last_reviewed")])
        review = parse_date(self.plan.get("annual_review", {}).get("date"))
        self.put("days_to_review", (review - self.as_of).days if review else None, "days", [("annual_review", "date")],
                 because("annual_review.date is not set"))


STEPS: tuple[Callable[[_Deriver], None], ...] = (
    _Deriver.revenue, _Deriver.volume, _Deriver.margins, _Deriver.instruments, _Deriver.position, _Deriver.forecast,
    _Deriver.kpis, _Deriver.clv, _Deriver.action_plan, _Deriver.risks, _Deriver.relationship, _Deriver.contract,
    _Deriver.score, _Deriver.dates,
)


_MINIMAL: Plan = {"kamdocs": 1, "account": {"id": "x", "name": "X"}, "plan": {"year": 2000, "owner": "O", "status": "draft"}}


def explained(config: Config, secrets: Confidentiality) -> list[tuple[str, list[Figure]]]:
    """Each computation's docstring (its formulas) with the figures it produces."""
    deriver = _Deriver([_MINIMAL], config, secrets)
    out = []
    for step in STEPS:
        before = set(deriver.figures)
        step(deriver)
        out.append((inspect.getdoc(step) or "", [f for k, f in deriver.figures.items() if k not in before]))
    return out


def derive(history: Sequence[Plan], config: Config, secrets: Confidentiality) -> Figures:
    """Every derived figure of the last plan in `history` (the account's plans, oldest first)."""
    deriver = _Deriver(history, config, secrets)
    for step in STEPS:
        step(deriver)
    return deriver.figures
