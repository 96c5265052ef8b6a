"""Rules the schema cannot say. Each rule is a small function over a schema-valid plan.

Rules run only on plans that pass the schema, so they may rely on its types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

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
    """Every (path, value) matching `pattern`, where WILDCARD matches each list item."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == WILDCARD:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from walk(item, rest, (*prefix, index))
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
    if csat and csat["score"] > csat["scale_max"]:
        yield Finding(("kpis", "csat", "score"), "sums", f"score {csat['score']} is above the scale maximum {csat['scale_max']}")
    shares = [c.get("share", 0) for c in plan.get("customer_analysis", {}).get("competitors", [])]
    if sum(shares) > 1 + 1e-9:
        yield Finding(("customer_analysis", "competitors"), "sums", f"the competitors' shares add up to {sum(shares):.0%}, more than 100 %")
    sales = plan.get("sales", [])
    for path, spend in walk(plan, ("key_figures", "customer_spend", WILDCARD)):
        ours = sum(row["revenue"] for row in sales if _within(row["period"], spend["period"]))
        if ours > spend["amount"]:
            yield Finding(
                (*path, "amount"),
                "sums",
                f"the customer's total spend {spend['amount']:,} in {spend['period']} is below our own revenue {ours:,} there",
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


PATH_RULES: tuple[Rule, ...] = (year_matches_file, account_matches_folder)
"""Rules about where the file lies: left out when comparing files from elsewhere (a difftool's temporary copies)."""

RULES: tuple[Rule, ...] = (
    *PATH_RULES,
    unique_ids,
    references_resolve,
    dates_in_order,
    probabilities_fit_stage,
    sums_add_up,
)


def rule_findings(plan: dict[str, Any], ctx: RuleContext, path_rules: bool = True) -> list[Finding]:
    return [finding for rule in RULES if path_rules or rule not in PATH_RULES for finding in rule(plan, ctx)]
