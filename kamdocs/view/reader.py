"""Who reads: the edition and the language, decided once. Everything a renderer shows passes through a Reader.

The edition decides what may be seen (the shared edition sees no confidential
value, figure, alert or deadline); the language decides the words and the
formats. Renderers hold no word of their own and never ask which edition or
language it is: they ask the reader.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.problem import KeyPath
from kamdocs.core.schema import WILDCARD, load_schema
from kamdocs.figures.checklists import parse_path
from kamdocs.figures.figure import Amount, Figure, Reason, Share
from kamdocs.view import i18n
from kamdocs.view.labels import FIGURES, KINDS, WORDS
from kamdocs.view.redact import redact
from kamdocs.view.schema_labels import enum_label, field_label, in_language
from kamdocs.view.words import TEXT

_KEY_PATH = re.compile(r"^[a-z_]+(\[\])?(\.[a-z_]+(\[\])?)*$")


class Edition(StrEnum):
    SHARED = "shared"
    """For a wider audience: no confidential value anywhere."""
    INTERNAL = "internal"
    """Everything."""


class Marked(Protocol):
    @property
    def confidential(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Reader:
    edition: Edition
    language: str
    currency: str
    secrets: Confidentiality
    schema_path: Path
    """The plan schema, for the labels of fields and enum values (loaded once per process: see load_schema)."""

    @classmethod
    def of(cls, config: Config, secrets: Confidentiality) -> Reader:
        return cls(Edition(config.edition), config.language, config.currency, secrets, config.schema)

    @property
    def schema(self) -> dict[str, Any]:
        return load_schema(self.schema_path).raw

    def node(self, *path: str | int) -> dict[str, Any]:
        """The schema of a key path (list indexes and WILDCARD step into the items), its $ref resolved."""
        node: Any = self.schema
        for part in path:
            node = self.resolved(node)
            if isinstance(part, int) or part == WILDCARD:
                node = node.get("items", {})
            else:
                node = node.get("properties", {}).get(part) or self.resolved(node.get("items", {})).get("properties", {}).get(part, {})
        return self.resolved(node) if isinstance(node, dict) else {}

    def resolved(self, node: dict[str, Any]) -> dict[str, Any]:
        """`node` with a local $ref filled in (the node's own title and labels win)."""
        ref = node.get("$ref")
        if not (isinstance(ref, str) and ref.startswith("#/")):
            return node
        target: Any = self.schema
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        return {**self.resolved(target), **{k: v for k, v in node.items() if k != "$ref"}} if isinstance(target, dict) else node

    def plain(self, node: dict[str, Any], value: Any) -> str:
        """One plan value (not a list or mapping) as a reader reads it, by what its schema says it is."""
        node = self.resolved(node)
        if "enum" in node:
            return self.enum(node, value)
        if isinstance(value, bool):
            return self.word("yes" if value else "no")
        if isinstance(value, str) and node.get("format") == "date":
            return self.date(value)
        if not isinstance(value, (int, float)):
            return str(value)
        if node.get("x-kam-unit") == "currency":
            return self.amount(value, cents=True)
        if node.get("minimum", 0) >= 1900 and node.get("maximum", 10_000) <= 2200:
            return str(value)  # a year
        if node.get("type") == "number" and node.get("minimum") == 0 and node.get("maximum") == 1:
            return self.percent(value)  # a probability or a share
        return self.number(value, 0 if float(value).is_integer() else 2)

    def path_label(self, path: KeyPath) -> str:
        """A key path in words: the labels of its fields, e.g. "Sales › Revenue" for sales[].revenue."""
        names = [str(p) for p in path if not isinstance(p, int) and p != WILDCARD]
        return " › ".join(self.field(self.node(*names[: i + 1]), name) for i, name in enumerate(names))

    # --- what may be seen -----------------------------------------------------
    @property
    def internal(self) -> bool:
        return self.edition is Edition.INTERNAL

    def sees(self, item: Marked) -> bool:
        """A figure, an alert, a deadline: whether this edition shows it."""
        return self.internal or not item.confidential

    def sees_path(self, path: KeyPath) -> bool:
        return self.internal or not self.secrets.covers(path)

    def plan(self, plan: dict[str, Any]) -> dict[str, Any]:
        """The plan as this edition may show it: the shared one without its confidential fields."""
        return plan if self.internal else redact(plan, self.secrets)

    # --- words ------------------------------------------------------------------
    def say(self, message: str) -> str:
        """An English message id in the reader's language."""
        return i18n.translate(message, self.language)

    def word(self, key: str) -> str:
        return self.say(WORDS[key])

    def text(self, key: str) -> str:
        """A heading or phrase of the pages."""
        return self.say(TEXT[key])

    def label(self, figure: str) -> str:
        """A figure's label."""
        return self.say(FIGURES[figure])

    def kind(self, kind: str) -> str:
        """A deadline's kind."""
        return self.say(KINDS[kind])

    def reason(self, reason: str | None) -> str:
        """A reason or a checklist's "still to fill in" in words: a parameter named `path` is said as the labels of
        its fields, one named `figure` as the figure's label, so that no key path reaches a reader."""
        if not isinstance(reason, Reason):
            return self.path_label(parse_path(reason)) if reason and _KEY_PATH.match(reason) else str(reason or "")
        params = {key: self._param(key, value) for key, value in reason.params.items()}
        return self.say(reason.template).format(**params)

    def _param(self, key: str, value: Any) -> Any:
        if isinstance(value, Reason) or (key in ("first", "second") and isinstance(value, str)):
            return self.reason(value)
        if isinstance(value, Amount):
            return self.amount(value.value)
        if isinstance(value, Share):
            return self.percent(value.value)
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, float):
            return self.number(value, 2)
        if key == "path" and isinstance(value, str):
            return self.path_label(parse_path(value))
        if key == "figure" and value in FIGURES:
            return self.label(value)
        return value

    def own(self, labels: dict[str, str]) -> str:
        """A label given per language in a data file (the checklists)."""
        return in_language(labels, self.language)

    def field(self, node: dict[str, Any], fallback: str) -> str:
        """A schema property's label."""
        return field_label(node, self.language, fallback)

    def enum(self, node: dict[str, Any], value: Any) -> str:
        """An enum value's label, from the schema."""
        return enum_label(node, value, self.language)

    # --- formats -------------------------------------------------------------------
    def value(self, figure: Figure, note: bool = True) -> str:
        """A figure's value as a person reads it, with its note (like for like...) unless a table cell has no room
        for it, or 'not computable (reason)'."""
        if figure.note and note:
            return f"{self.value(replace(figure, note=None))} ({self.reason(figure.note)})"
        value, unit = figure.value, figure.unit
        if value is None:
            return f"{self.word('not_computable')} ({self.reason(figure.reason)})"
        if unit == "currency":
            return self.amount(value)
        if unit == "percent":
            return self.percent(value)
        if unit in ("ratio", "score"):
            return self.number(value, 1 if unit == "score" else 2)
        if unit == "number":
            return self.number(value)
        if unit == "days_to" and value < 0:
            return self.say("overdue by {days} days").format(days=self.number(-value))
        if unit in ("days", "days_to"):
            return self.say("{days} days").format(days=self.number(value))
        if unit == "flag":
            return self.word("yes" if value else "no")
        if unit == "date":
            return self.date(value)
        return str(value)

    def amount(self, value: float, cents: bool = False) -> str:
        return i18n.amount(value, self.language, self.currency, cents)

    def compact(self, value: float, scale: int = 1_000_000) -> str:
        """An amount for a narrow column: €4.0M, 4,0 Mio. € (the exact amount belongs in a tooltip beside it)."""
        return i18n.compact_amount(value, self.language, self.currency, scale)

    def percent(self, value: float) -> str:
        return i18n.percent(value, self.language)

    def number(self, value: float, decimals: int = 0) -> str:
        return i18n.decimal(value, self.language, decimals)

    def date(self, value: dt.date | str) -> str:
        return i18n.date_text(dt.date.fromisoformat(value) if isinstance(value, str) else value, self.language)
