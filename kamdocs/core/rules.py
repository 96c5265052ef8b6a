"""Rules the schema cannot say. Each rule is a small function over a schema-valid plan.

Rules run only on plans that pass the schema, so they may rely on its types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import EARLIEST, LATEST
from kamdocs.core.dates import day
from kamdocs.core.problem import Finding, KeyPath
from kamdocs.core.schema import WILDCARD, PlanSchema


@dataclass(frozen=True, slots=True)
class RuleContext:
    file: PurePath
    schema: PlanSchema
    as_of: dt.date


Rule = Callable[[dict[str, Any], RuleContext], Iterator[Finding]]

_YEAR_FILE = re.compile(r"^[0-9]{4}$")


def walk(data: Any, pattern: KeyPath, prefix: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Every (path, value) matching `pattern`, where WILDCARD matches each list item and each key."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == WILDCARD:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from walk(item, rest, (*prefix, index))
        elif isinstance(data, dict):
            for key, item in data.items():
                yield from walk(item, rest, (*prefix, key))
    elif isinstance(data, dict) and head in data:
        yield from walk(data[head], rest, (*prefix, head))


def year_matches_file(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    stem, year = ctx.file.stem, plan["plan"]["year"]
    if not _YEAR_FILE.match(stem):
        yield Finding(("plan", "year"), "file-name", f"a plan file is named after its year ({year}.yaml), not '{ctx.file.name}'")
    elif int(stem) != year:
        yield Finding(("plan", "year"), "file-name", f"{year} differs from the file name {ctx.file.name}: rename the file or fix the year")


def account_matches_folder(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    folder, account = ctx.file.parent.name, plan["account"]["id"]
    if folder != account:
        yield Finding(
            ("account", "id"),
            "account-folder",
            f"'{account}' differs from the folder name '{folder}': the account id and its folder must be equal",
        )


def _id_lists(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, list[Any]]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _id_lists(value, (*path, key))
    elif isinstance(data, list):
        if any(isinstance(item, dict) and "id" in item for item in data):
            yield path, data
        for index, item in enumerate(data):
            yield from _id_lists(item, (*path, index))


def unique_ids(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for path, items in _id_lists(plan):
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            if ident is None:
                continue
            if ident in seen:
                yield Finding(
                    (*path, index, "id"), "unique-id", f"id '{ident}' is used twice in this list (first as item {seen[ident] + 1})"
                )
            else:
                seen[ident] = index


def references_resolve(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pattern, target in ctx.schema.annotated("x-kam-ref"):
        target_path = tuple(target.split("."))
        known = {ident for _, ident in walk(plan, (*target_path, WILDCARD, "id"))}
        for path, value in walk(plan, pattern):
            for index, ident in enumerate(value if isinstance(value, list) else [value]):
                if ident not in known:
                    where = (*path, index) if isinstance(value, list) else path
                    choices = ", ".join(sorted(known)) if known else f"none: add it to {target} first"
                    yield Finding(where, "reference", f"'{ident}' is not an id in {target} (known: {choices})")


_DATE_ORDER: tuple[tuple[KeyPath, str, str], ...] = (
    (("actions", WILDCARD), "start", "due"),
    (("actions", WILDCARD), "start", "done_on"),
    (("key_figures", "promotions", WILDCARD), "start", "end"),
    (("contract",), "start", "end"),
)


def dates_in_order(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pattern, earlier, later in _DATE_ORDER:
        for path, item in walk(plan, pattern):
            if earlier in item and later in item and day(item[later]) < day(item[earlier], first=True):
                yield Finding((*path, later), "date-order", f"{later} {item[later]} lies before {earlier} {item[earlier]}")
    reviewed = plan["plan"].get("last_reviewed")
    if reviewed and dt.date.fromisoformat(reviewed) > ctx.as_of:
        yield Finding(("plan", "last_reviewed"), "date-order", f"last_reviewed {reviewed} lies in the future (as of {ctx.as_of})")
    for path, action in walk(plan, ("actions", WILDCARD)):
        if "done_on" in action and action["status"] != "done":
            yield Finding(
                (*path, "done_on"),
                "action-status",
                f"done_on is set but status is '{action['status']}': set status to done or remove done_on",
            )


def probabilities_fit_stage(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    fixed = {"won": 1, "lost": 0}
    for path, opportunity in walk(plan, ("potential", "opportunities", WILDCARD)):
        stage = opportunity.get("stage")
        if stage in fixed and opportunity["probability"] != fixed[stage]:
            yield Finding(
                (*path, "probability"),
                "probability",
                f"an opportunity in stage '{stage}' has probability {fixed[stage]}, not {opportunity['probability']}",
            )


def won_counted_once(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    """Won business is held by the won opportunities; one already in committed revenue says so, and must fit in it."""
    potential = plan.get("potential", {})
    inside = 0.0
    for path, opportunity in walk(plan, ("potential", "opportunities", WILDCARD)):
        if not opportunity.get("in_committed_revenue"):
            continue
        if opportunity.get("stage") != "won":
            yield Finding(
                (*path, "in_committed_revenue"),
                "won-once",
                "only a won opportunity can be part of committed revenue: set stage won or remove in_committed_revenue",
            )
        else:
            inside += opportunity["value"]
    committed = potential.get("committed_revenue", 0)
    if inside > committed:
        yield Finding(
            ("potential", "committed_revenue") if "committed_revenue" in potential else ("potential",),
            "won-once",
            f"committed revenue {committed:,} cannot include won opportunities worth {inside:,.0f} (marked in_committed_revenue)",
        )


def _within(period: str | int, container: str | int) -> bool:
    period, container = str(period), str(container)
    return period == container or (len(container) == 4 and period.startswith(container + "-"))


def sums_add_up(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    kpis = plan.get("kpis", {})
    nps = kpis.get("nps")
    if nps and nps["promoters"] + nps["passives"] + nps["detractors"] == 0:
        yield Finding(("kpis", "nps"), "sums", "the NPS survey has no answers: enter the counts or remove the survey")
    for key, part, whole in (("renewals", "renewed", "due"), ("cross_upsell", "additional", "deals")):
        block = kpis.get(key)
        if block and block[part] > block[whole]:
            yield Finding(("kpis", key, part), "sums", f"{part} ({block[part]}) cannot exceed {whole} ({block[whole]})")
    csat = kpis.get("csat")
    if csat and csat.get("score", 0) > csat["scale_max"]:
        yield Finding(("kpis", "csat", "score"), "sums", f"score {csat['score']} is above the scale maximum {csat['scale_max']}")
    for path, answer in walk(plan, ("kpis", "csat", "answers", WILDCARD)):
        if answer["score"] > csat["scale_max"]:
            yield Finding((*path, "score"), "sums", f"score {answer['score']} is above the scale maximum {csat['scale_max']}")
    counted = sum(answer["count"] for _, answer in walk(plan, ("kpis", "csat", "answers", WILDCARD)))
    if csat and "answers" in csat and "responses" in csat and counted != csat["responses"]:
        yield Finding(
            ("kpis", "csat", "responses"), "sums", f"{csat['responses']} responses, but the answers per score add up to {counted}"
        )
    shares = [c.get("share", 0) for c in plan.get("customer_analysis", {}).get("competitors", [])]
    if sum(shares) > 1 + 1e-9:
        yield Finding(
            ("customer_analysis", "competitors"),
            "sums",
            f"the competitors' shares add up to {sum(shares):.0%}, more than 100 %",
            reads=(("customer_analysis", "competitors", WILDCARD, "share"),),
        )
    sales = plan.get("sales", [])
    for path, spend in walk(plan, ("key_figures", "customer_spend", WILDCARD)):
        ours = sum(row["revenue"] for row in sales if _within(row["period"], spend["period"]))
        if ours > spend["amount"]:
            yield Finding(
                (*path, "amount"),
                "sums",
                f"the customer's total spend {spend['amount']:,} in {spend['period']} is below our own revenue {ours:,} there",
                reads=(("sales", WILDCARD, "revenue"),),
            )
    seen: dict[tuple[str, str], int] = {}
    for index, row in enumerate(sales):
        period = str(row["period"])
        for other, index_other in seen.items():
            if other[1] == row["category"] and (_within(period, other[0]) or _within(other[0], period)):
                kind = "twice" if other[0] == period else f"both for {other[0]} and for {period}"
                yield Finding(
                    ("sales", index),
                    "sums",
                    f"'{row['category']}' is counted {kind} (item {index_other + 1}): revenue would be double-counted",
                )
                break
        seen[(period, row["category"])] = index


MAGNITUDE = 1e15
"""Largest amount or count a plan may hold: a thousand times the revenue of the largest company, still exact in a float."""

UPPER_BOUNDS: dict[KeyPath, int] = {
    ("contract", "notice_period_months"): 120,
    ("contract", "renewal_term_months"): 120,
    ("kpis", "expected_lifetime_years"): 100,
}
"""Numbers that move dates or repeat a computation: a notice period of 30,000 months lies before the year 1."""

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _leaves(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path, data


def _suspect(data: Any) -> bool:
    """Whether any value of the plan lies outside what any field allows: numbers beyond MAGNITUDE (or not a number),
    dates beyond the years the toolkit computes with."""
    stack = [data]
    earliest, latest = EARLIEST.isoformat(), LATEST.isoformat()
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, (int, float)) and not isinstance(node, bool):
            if not -MAGNITUDE <= node <= MAGNITUDE:
                return True
        elif isinstance(node, str) and len(node) == 10 and _DATE.match(node) and not earliest <= node <= latest:
            return True
    return False


def values_in_range(plan: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    """Every number finite and within MAGNITUDE (or its own bound), every date within the years the toolkit computes
    with: the schema gives types and signs, this rule keeps a valid plan from overflowing a figure, a calendar or a page."""
    bounded = [(path, value, bound) for pattern, bound in UPPER_BOUNDS.items() for path, value in walk(plan, pattern)]
    if not _suspect(plan) and all(not isinstance(value, (int, float)) or value <= bound for _, value, bound in bounded):
        return  # the common case, found without building a path for every value of the plan
    for path, value in _leaves(plan):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            bound = UPPER_BOUNDS.get(tuple(WILDCARD if isinstance(p, int) else p for p in path), MAGNITUDE)
            if not -MAGNITUDE <= value <= bound:  # also false for nan
                yield Finding(path, "range", f"{value:g} is out of range: expected a number from {-MAGNITUDE:g} to {bound:g}")
        elif isinstance(value, str) and _DATE.match(value) and not EARLIEST.isoformat() <= value <= LATEST.isoformat():
            yield Finding(path, "range", f"{value} is out of range: expected a date from {EARLIEST} to {LATEST}")


PATH_RULES: tuple[Rule, ...] = (year_matches_file, account_matches_folder)
"""Rules about where the file lies: left out when comparing files from elsewhere (a difftool's temporary copies)."""

RULES: tuple[Rule, ...] = (
    *PATH_RULES,
    values_in_range,
    unique_ids,
    references_resolve,
    dates_in_order,
    probabilities_fit_stage,
    won_counted_once,
    sums_add_up,
)


EXPECTS = {
    "unique-id": "an id used once in its list",
    "reference": "an id that exists in the list it refers to",
    "date-order": "dates in order",
    "action-status": "done_on only on done actions",
    "probability": "probability 1 for won and 0 for lost opportunities",
    "sums": "figures that add up",
    "range": "a value within the range the toolkit computes with",
}
"""What each rule asks for, said without a value: the message of a finding on a confidential field."""


def _without_value(finding: Finding, secrets: Confidentiality) -> Finding:
    if not (secrets.covers(finding.path) or any(secrets.touches(path) for path in finding.reads)):
        return finding
    expected = EXPECTS.get(finding.rule, f"a value that meets the rule {finding.rule}")
    return replace(finding, message=f"expected {expected} (the value is confidential and not repeated here)")


def rule_findings(plan: dict[str, Any], ctx: RuleContext, path_rules: bool = True) -> list[Finding]:
    secrets = Confidentiality.of(ctx.schema)
    return [_without_value(finding, secrets) for rule in RULES if path_rules or rule not in PATH_RULES for finding in rule(plan, ctx)]
