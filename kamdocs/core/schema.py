"""The plan schema: loaded and compiled once, its errors turned into findings."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError, ValidationError, best_match

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.problem import WILDCARD as WILDCARD  # re-exported: the layers above import it from here
from kamdocs.core.problem import Finding, KeyPath

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a mapping (key: value)",
    "boolean": "true or false",
    "null": "nothing",
}


class SchemaLoadError(Exception):
    """The schema file is missing or not a valid Draft 2020-12 schema."""


@dataclass(frozen=True, slots=True)
class PlanSchema:
    path: Path
    raw: dict[str, Any]
    validator: Draft202012Validator
    fast: jsonschema_rs.Draft202012Validator | None
    """Answers only "valid or not", some 60 times faster; the messages come from `validator`."""
    annotations: dict[str, list[tuple[KeyPath, Any]]] = field(default_factory=dict, compare=False)

    def has_path(self, path: KeyPath) -> bool:
        """Whether the schema defines `path` (WILDCARD for the items of a list)."""
        node: Any = self.raw
        for part in path:
            if part == WILDCARD:
                node = node.get("items") if isinstance(node.get("items"), dict) else None
            else:
                node = node.get("properties", {}).get(part)
            if node is None:
                return False
        return True

    def annotated(self, keyword: str) -> list[tuple[KeyPath, Any]]:
        """Every (path, value) where a property carries `keyword`, e.g. x-kam-ref (asked for every plan)."""
        if keyword not in self.annotations:
            self.annotations[keyword] = list(_annotated(self.raw, keyword, ()))
        return self.annotations[keyword]


_SAME_PLACE = ("allOf", "anyOf", "oneOf")
"""Subschemas that describe the value itself, not a child of it."""


def _annotated(
    node: Any, keyword: str, path: KeyPath, root: dict[str, Any] | None = None, seen: frozenset[str] = frozenset()
) -> Iterator[tuple[KeyPath, Any]]:
    """Every (path, value) of `keyword`, through $ref, allOf/anyOf/oneOf, if/then/else, items, prefixItems,
    patternProperties and additionalProperties (WILDCARD stands for any list item and any key), because
    a company that extends the schema may mark a field in any of them."""
    if not isinstance(node, dict):
        return
    root = node if root is None else root
    if keyword in node and path:
        yield path, node[keyword]
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
        yield from _annotated(_pointer(root, ref), keyword, path, root, seen | {ref})
    for key in _SAME_PLACE:
        for child in node.get(key, []) if isinstance(node.get(key), list) else []:
            yield from _annotated(child, keyword, path, root, seen)
    for key in ("if", "then", "else"):
        yield from _annotated(node.get(key), keyword, path, root, seen)
    for name, child in node.get("properties", {}).items():
        yield from _annotated(child, keyword, (*path, name), root, seen)
    for child in (*node.get("patternProperties", {}).values(), node.get("additionalProperties"), node.get("items")):
        yield from _annotated(child, keyword, (*path, WILDCARD), root, seen)
    for child in node.get("prefixItems", []):
        yield from _annotated(child, keyword, (*path, WILDCARD), root, seen)


def _pointer(root: dict[str, Any], ref: str) -> Any:
    """The node a local JSON pointer such as #/$defs/money names (None when it names nothing)."""
    node: Any = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node.get(part) if isinstance(node, dict) else None
    return node


def load_schema(path: Path) -> PlanSchema:
    """The compiled schema of `path`; compiled again only when the file changes (mkdocs serve)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _load_schema(path, stamp)


@lru_cache(maxsize=8)
def _load_schema(path: Path, stamp: int) -> PlanSchema:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return compile_schema(raw, path)
    except FileNotFoundError:
        raise SchemaLoadError(f"{path}: schema file not found (set schema in [tool.kam])") from None
    except (OSError, UnicodeDecodeError) as err:
        raise SchemaLoadError(f"{path}: cannot read the schema: {err}") from None
    except json.JSONDecodeError as err:
        raise SchemaLoadError(f"{path}:{err.lineno}:{err.colno}: schema is not valid JSON: {err.msg}") from None


def compile_schema(raw: Any, path: Path) -> PlanSchema:
    if not isinstance(raw, dict):
        raise SchemaLoadError(f"{path}: the schema must be a JSON object")
    try:
        if not _surely_valid_schema(raw):
            Draft202012Validator.check_schema(raw)
    except SchemaError as err:
        where = "/".join(str(part) for part in err.absolute_path) or "(top level)"
        raise SchemaLoadError(f"{path}: not a valid JSON Schema at {where}: {err.message}") from None
    checker = Draft202012Validator.FORMAT_CHECKER
    validator = Draft202012Validator(_inline_local_refs(raw, raw.get("$defs", {})), format_checker=checker)
    return PlanSchema(path=path, raw=raw, validator=validator, fast=_fast_validator(raw, checker))


def _surely_valid_schema(raw: dict[str, Any]) -> bool:
    """The Rust meta-schema check (a fiftieth of the time), plus what jsonschema checks beyond it: patterns
    that Python's re compiles. False sends the schema to jsonschema's check, which names the fault."""
    try:
        return jsonschema_rs.meta.is_valid(raw) and all(_compiles(pattern) for pattern in _patterns(raw))
    except ValueError:
        return False


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        if isinstance(node.get("patternProperties"), dict):
            yield from node["patternProperties"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _fast_validator(raw: dict[str, Any], checker: FormatChecker) -> jsonschema_rs.Draft202012Validator | None:
    """The Rust validator with the Python format checks, so both agree on what a date is.

    None for a schema it does not take (one that jsonschema accepts): validation is then slower, not different.
    """
    formats: dict[str, Callable[..., bool]] = {str(name): partial(checker.conforms, format=name) for name in checker.checkers}
    try:
        return jsonschema_rs.Draft202012Validator(raw, formats=formats, validate_formats=True)
    except ValueError:
        return None


def _fast_says_valid(schema: PlanSchema, data: Any) -> bool:
    try:
        return schema.fast is not None and schema.fast.is_valid(data)
    except (ValueError, OverflowError):
        # a value JSON cannot carry (a number too large for 64 bits): let jsonschema judge
        return False


def _inline_local_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace each reference to a flat entry of $defs by the entry itself.

    The validator would otherwise resolve the same reference for every value
    of every plan: about a third of the validation time. An entry that itself
    refers onwards is left as a reference.
    """
    if isinstance(node, list):
        return [_inline_local_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    inlined = {key: _inline_local_refs(value, defs) for key, value in node.items()}
    ref = inlined.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = defs.get(ref.removeprefix("#/$defs/"))
        if isinstance(target, dict) and "$ref" not in json.dumps(target):
            del inlined["$ref"]
            return {**target, **inlined}
    return inlined


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


_BOUNDS = {
    "minimum": "at least {}",
    "maximum": "at most {}",
    "exclusiveMinimum": "more than {}",
    "exclusiveMaximum": "less than {}",
    "minLength": "at least {} characters",
    "maxLength": "at most {} characters",
    "minItems": "at least {} items",
    "maxItems": "at most {} items",
    "multipleOf": "a multiple of {}",
}


def _expected(error: ValidationError) -> str:
    """What the rule of `error` asks for, without the value that broke it."""
    kind, wanted = error.validator, error.validator_value
    if kind == "type":
        types: list[str] = wanted if isinstance(wanted, list) else [str(wanted)]
        return " or ".join(_TYPE_WORDS.get(t, t) for t in types)
    if kind == "format" and wanted == "date":
        return "a date YYYY-MM-DD, a real calendar day"
    if kind == "pattern":
        return str(error.schema.get("x-kam-hint") or f"text matching {wanted}")
    if kind == "const":
        return repr(wanted)
    if kind == "enum":
        return f"one of {', '.join(map(str, wanted))}"
    if kind in _BOUNDS:
        return _BOUNDS[str(kind)].format(wanted)
    return f"a value that meets {kind} {wanted!r}"


def _secret_message(error: ValidationError) -> str:
    """A message about a confidential field: the field (in the key path), the rule and what it expects; the value stays
    in the file, at the line and column the problem gives, so that no log, page or search index repeats it."""
    return f"expected {_expected(error)} (the value is confidential and not repeated here)"


def _message(error: ValidationError) -> str:
    kind = error.validator
    if kind == "type":
        types: list[str] = error.validator_value if isinstance(error.validator_value, list) else [str(error.validator_value)]
        return f"expected {' or '.join(_TYPE_WORDS.get(t, t) for t in types)}, found {describe(error.instance)}"
    if kind == "format":
        return (
            f"{describe(error.instance)} is not a valid {error.validator_value} (write YYYY-MM-DD, a real calendar day)"
            if error.validator_value == "date"
            else error.message
        )
    if kind == "pattern":
        hint = error.schema.get("x-kam-hint") or f"text matching {error.validator_value}"
        return f"{describe(error.instance)} is not valid here: expected {hint}"
    if kind in ("anyOf", "oneOf") and "x-kam-hint" in error.schema:
        # a value that fits none of the ways to write it (a date or a quarter, an interval): name them all
        return f"{describe(error.instance)} is not valid here: expected {error.schema['x-kam-hint']}"
    if kind == "const":
        return f"expected {error.validator_value!r}, found {describe(error.instance)}"
    if kind == "enum":
        return f"{describe(error.instance)} is not allowed: use one of {', '.join(map(str, error.validator_value))}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum") and "description" in error.schema:
        return f"{error.message}: {error.schema['description']}"
    return str(error.message)


def _unknown_keys(error: ValidationError) -> Iterator[Finding]:
    allowed = list(error.schema.get("properties", {}))
    patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
    for key in error.instance:
        if key in allowed or any(p.search(key) for p in patterns):
            continue
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        if any(p.search("x-") for p in patterns):
            hint += " (company extensions start with x-)"
        yield Finding(
            path=(*error.absolute_path, key),
            rule="schema.unknown-key",
            message=f"unknown key '{key}': {hint}",
            at_key=True,
        )


def schema_findings(schema: PlanSchema, data: Any) -> list[Finding]:
    if _fast_says_valid(schema, data):
        return []
    secret = Confidentiality.of(schema).covers
    findings: list[Finding] = []
    wrong_values: set[tuple[str | int, ...]] = set()
    for error in schema.validator.iter_errors(data):
        if error.context:
            error = best_match([error])
        if error.validator == "additionalProperties":
            findings.extend(_unknown_keys(error))
        elif error.validator == "required":
            missing = [key for key in error.validator_value if key not in error.instance]
            findings.extend(
                Finding(path=tuple(error.absolute_path), rule="schema.required", message=f"missing required key '{key}'") for key in missing
            )
        elif tuple(error.absolute_path) not in wrong_values:
            # one message per wrong value: a bad date fails both format and pattern
            wrong_values.add(tuple(error.absolute_path))
            path = tuple(error.absolute_path)
            message = _secret_message(error) if secret(path) else _message(error)
            findings.append(Finding(path=path, rule=f"schema.{error.validator}", message=message))
    # `required` reports each missing key once per key of the list: keep one of each
    return list(dict.fromkeys(findings))
