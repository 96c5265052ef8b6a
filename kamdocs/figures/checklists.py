"""The KAM checklists as data (schema/checklists.yaml) and their completeness per plan."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, reduce
from pathlib import Path
from typing import Any

from kamdocs.core.loader import Document, load_file
from kamdocs.core.positions import to_problems
from kamdocs.core.problem import Finding, KeyPath, Problem
from kamdocs.core.rules import walk
from kamdocs.core.schema import WILDCARD, PlanSchema, compile_schema, schema_findings
from kamdocs.figures.derive import figure_keys
from kamdocs.figures.figure import because

Condition = dict[str, Any]

_LABEL = {
    "type": "object",
    "required": ["en", "de"],
    # a company that adds a language adds its labels here too
    "propertyNames": {"pattern": "^[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2})?$"},
    "additionalProperties": {"type": "string", "minLength": 1},
}
_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "x-kam-hint": "lower-case letters, digits, _ and -"}
FILE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["checklists"],
    "additionalProperties": False,
    "properties": {
        "checklists": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "label", "items"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "label": _LABEL,
                    "items": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["id", "label", "done"],
                            "additionalProperties": False,
                            "properties": {"id": _ID, "label": _LABEL, "done": {"$ref": "#/$defs/condition"}},
                        },
                    },
                },
            },
        }
    },
    "$defs": {
        "condition": {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "properties": {
                "path": {
                    "type": "string",
                    "pattern": r"^[a-z_]+(\[\])?(\.[a-z_]+(\[\])?)*$",
                    "x-kam-hint": "a key path like sales[].revenue",
                },
                "min": {"type": "integer", "minimum": 1},
                "figure": {"type": "string"},
                "all": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}},
                "any": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}},
            },
            "oneOf": [{"required": ["path"]}, {"required": ["figure"]}, {"required": ["all"]}, {"required": ["any"]}],
            "dependentRequired": {"min": ["path"]},
        }
    },
}


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    label: dict[str, str]
    done: Condition


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    label: dict[str, str]
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: Item
    done: bool
    missing: tuple[str, ...]
    """What to fill in: key paths, or a figure with the reason it cannot be computed (a Reason: say it with reason_text)."""


@dataclass(frozen=True, slots=True)
class ChecklistResult:
    checklist: Checklist
    items: tuple[ItemResult, ...]

    @property
    def done(self) -> int:
        return sum(r.done for r in self.items)

    @property
    def completeness(self) -> float:
        return self.done / len(self.items)


@cache
def parse_path(text: str) -> KeyPath:
    """'sales[].revenue' -> ('sales', WILDCARD, 'revenue'); the same few paths for every plan, parsed once."""
    parts: list[str] = []
    for part in text.split("."):
        if part.endswith("[]"):
            parts += [part[:-2], WILDCARD]
        else:
            parts.append(part)
    return tuple(parts)


def _conditions(condition: Condition, at: KeyPath) -> list[tuple[Condition, KeyPath]]:
    found = [(condition, at)]
    for kind in ("all", "any"):
        for index, child in enumerate(condition.get(kind, [])):
            found += _conditions(child, (*at, kind, index))
    return found


def _semantic_findings(data: dict[str, Any], plan_schema: PlanSchema) -> list[Finding]:
    findings = []
    seen_lists: set[str] = set()
    for li, checklist in enumerate(data["checklists"]):
        if checklist["id"] in seen_lists:
            findings.append(Finding(("checklists", li, "id"), "unique-id", f"checklist id '{checklist['id']}' is used twice"))
        seen_lists.add(checklist["id"])
        seen_items: set[str] = set()
        for ii, item in enumerate(checklist["items"]):
            at = ("checklists", li, "items", ii)
            if item["id"] in seen_items:
                findings.append(Finding((*at, "id"), "unique-id", f"item id '{item['id']}' is used twice in checklist '{checklist['id']}'"))
            seen_items.add(item["id"])
            for condition, where in _conditions(item["done"], (*at, "done")):
                if "path" in condition and not plan_schema.has_path(parse_path(condition["path"])):
                    findings.append(
                        Finding((*where, "path"), "checklist-path", f"'{condition['path']}' is not a key path of the plan schema")
                    )
                if "figure" in condition and condition["figure"] not in figure_keys(before_checklists=True):
                    findings.append(
                        Finding(
                            (*where, "figure"),
                            "checklist-figure",
                            f"'{condition['figure']}' is not a derived figure (known: {', '.join(figure_keys(before_checklists=True))})",
                        )
                    )
    return findings


def load_checklists(path: Path, plan_schema: PlanSchema, display: str | None = None) -> tuple[tuple[Checklist, ...], list[Problem]]:
    """The checklists of `path`, or none and the problems that stop them from being used."""
    loaded = load_file(path, display)
    if isinstance(loaded, Problem):
        return (), [loaded]
    findings = schema_findings(compile_schema(FILE_SCHEMA, path), loaded.data)
    if not findings:
        findings = _semantic_findings(loaded.data, plan_schema)
    if findings:
        return (), to_problems(loaded, findings)
    return tuple(_build(loaded)), []


def _build(document: Document) -> list[Checklist]:
    return [
        Checklist(c["id"], c["label"], tuple(Item(i["id"], i["label"], i["done"]) for i in c["items"])) for c in document.data["checklists"]
    ]


def _filled(value: Any) -> int:
    if isinstance(value, list):
        return sum(_filled(item) > 0 for item in value)
    if isinstance(value, dict):
        return int(bool(value))
    return int(value not in (None, ""))


def _check(condition: Condition, plan: dict[str, Any], figures: dict[str, Any]) -> tuple[bool, list[str]]:
    if "path" in condition:
        count = sum(_filled(value) for _, value in walk(plan, parse_path(condition["path"])))
        needed = condition.get("min", 1)
        ok = count >= needed
        if ok:
            return ok, []
        return ok, [
            because("{path} (at least {needed}, found {found})", path=condition["path"], needed=needed, found=count)
            if needed > 1
            else condition["path"]
        ]
    if "figure" in condition:
        figure = figures.get(condition["figure"])
        ok = figure is not None and figure.computable
        return ok, [] if ok else [
            because("figure {figure}: {reason}", figure=condition["figure"], reason=figure.reason if figure else "unknown")
        ]
    children: list[Condition] = condition.get("all") or condition.get("any") or []
    results = [_check(child, plan, figures) for child in children]
    if "all" in condition:
        return all(ok for ok, _ in results), [m for _, missing in results for m in missing]
    ok = any(ok for ok, _ in results)
    return ok, [] if ok else [
        reduce(
            lambda first, second: because("{first} or {second}", first=first, second=second), [m for _, missing in results for m in missing]
        )
    ]


def completeness(checklists: tuple[Checklist, ...], plan: dict[str, Any], figures: dict[str, Any]) -> tuple[ChecklistResult, ...]:
    results = []
    for checklist in checklists:
        items = []
        for item in checklist.items:
            done, missing = _check(item.done, plan, figures)
            items.append(ItemResult(item, done, tuple(missing)))
        results.append(ChecklistResult(checklist, tuple(items)))
    return tuple(results)


def overall(results: tuple[ChecklistResult, ...]) -> float:
    """Done items of all checklists / all items."""
    total = sum(len(r.items) for r in results)
    return sum(r.done for r in results) / total if total else 0.0
