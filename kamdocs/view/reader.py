"""Who reads: the edition and the language, decided once. Everything a renderer shows passes through a Reader.

The edition decides what may be seen (the shared edition sees no confidential
value, figure, alert or deadline); the language decides the words and the
formats. Renderers hold no word of their own and never ask which edition or
language it is: they ask the reader.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config
from kamdocs.core.dates import QUARTER
from kamdocs.core.problem import KeyPath
from kamdocs.core.schema import WILDCARD, load_schema
from kamdocs.figures.checklists import parse_path
from kamdocs.figures.figure import Amount, Figure, Reason, Share
from kamdocs.view import i18n
from kamdocs.view.labels import FIGURES, KINDS, WORDS
from kamdocs.view.redact import redact
from kamdocs.view.words import TEXT

_KEY_PATH = re.compile(r"^[a-z_]+(\[\])?(\.[a-z_]+(\[\])?)*$")


class UnknownLanguage(ValueError):
    """The configuration asks for a language no catalogue says."""


def require_language(config: Config) -> tuple[Path, ...]:
    """The company's catalogue folders, once it is clear that one of the catalogues says the configured language."""
    locales = (config.locales,) if config.locales else ()
    available = i18n.languages(locales)
    if config.language not in available:
        raise UnknownLanguage(
            f"no catalogue for the language {config.language!r} (there are: {', '.join(available)}): "
            f"add locale/{config.language}/LC_MESSAGES/{i18n.DOMAIN}.po to the folder that [tool.kam] locales names"
        )
    return locales


class Edition(StrEnum):
    SHARED = "shared"
    """For a wider audience: no confidential value anywhere."""
    INTERNAL = "internal"
    """Everything."""


class Marked(Protocol):
    @property
    def confidential(self) -> bool: ...


def is_share(node: dict[str, Any]) -> bool:
    """A probability or a share: a fraction from 0 to 1, read as a percentage."""
    return node.get("type") == "number" and node.get("minimum") == 0 and node.get("maximum") == 1


@dataclass(frozen=True, slots=True)
class Reader:
    edition: Edition
    language: str
    currency: str
    secrets: Confidentiality
    schema_path: Path
    """The plan schema, for the labels of fields and enum values (loaded once per process: see load_schema)."""
    locales: tuple[Path, ...] = ()
    """A company's own catalogues, before the toolkit's (a language of its own, or words of its own)."""
    _known: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    """Schema nodes already worked out: every page of every plan asks for the same ones (not pickled)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (Reader, (self.edition, self.language, self.currency, self.secrets, self.schema_path, self.locales))

    @classmethod
    def of(cls, config: Config, secrets: Confidentiality) -> Reader:
        """The reader the configuration asks for; UnknownLanguage when no catalogue says its language."""
        return cls(Edition(config.edition), config.language, config.currency, secrets, config.schema, require_language(config))

    @property
    def schema(self) -> dict[str, Any]:
        if "schema" not in self._known:
            self._known["schema"] = load_schema(self.schema_path).raw
        return self._known["schema"]  # type: ignore[no-any-return]

    def node(self, *path: str | int) -> dict[str, Any]:
        """The schema of a key path (list indexes and WILDCARD step into the items), its $ref resolved."""
        key = ("node", *(WILDCARD if isinstance(part, int) else part for part in path))
        if key not in self._known:
            node: Any = self.schema
            for part in key[1:]:
                node = self.resolved(node)
                if part == WILDCARD:
                    node = node.get("items", {})
                else:
                    node = node.get("properties", {}).get(part) or self.resolved(node.get("items", {})).get("properties", {}).get(part, {})
            self._known[key] = self.resolved(node) if isinstance(node, dict) else {}
        return self._known[key]  # type: ignore[no-any-return]

    def resolved(self, node: dict[str, Any]) -> dict[str, Any]:
        """`node` with a local $ref filled in (the node's own title and labels win)."""
        ref = node.get("$ref")
        if not (isinstance(ref, str) and ref.startswith("#/")):
            return node
        # a node with a $ref is the schema's own (a resolved one has none): known by its identity
        known = self._known.get(id(node))
        if known is not None and known[0] is node:
            return known[1]  # type: ignore[no-any-return]
        target: Any = self.schema
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        result = {**self.resolved(target), **{k: v for k, v in node.items() if k != "$ref"}} if isinstance(target, dict) else node
        self._known[id(node)] = (node, result)
        return result

    def plain(self, node: dict[str, Any], value: Any) -> str:
        """One plan value (not a list or mapping) as a reader reads it, by what its schema says it is."""
        node = self.branch(self.resolved(node), value)
        if "enum" in node:
            return self.enum(node, value)
        if isinstance(value, bool):
            return self.word("yes" if value else "no")
        if isinstance(value, str) and (node.get("format") == "date" or QUARTER.match(value)):
            return self.date(value)
        if not isinstance(value, (int, float)):
            return str(value)
        if node.get("x-kam-unit") == "currency":
            return self.amount(value, cents=True)
        if node.get("minimum", 0) >= 1800 and node.get("maximum", 10_000) <= 2200:
            return str(value)  # a year
        if is_share(node):
            return self.percent(value)
        return self.number(value, 0 if float(value).is_integer() else 2)

    def branch(self, node: dict[str, Any], value: Any) -> dict[str, Any]:
        """The alternative of an anyOf or oneOf that `value` is (a probability or `unknown`, a day or a quarter)."""
        for branch in map(self.resolved, node.get("anyOf", node.get("oneOf", []))):
            if "enum" in branch:
                if value in branch["enum"]:
                    return branch
            elif branch.get("type") in ("number", "integer"):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    return branch
            elif isinstance(value, str) and branch.get("type") == "string":
                return branch
        return node

    def path_label(self, path: KeyPath) -> str:
        """A key path in words: the labels of its fields, e.g. "Sales › Revenue" for sales[].revenue."""
        names = [str(p) for p in path if not isinstance(p, int) and p != WILDCARD]
        return " › ".join(self.field(self.node(*names[: i + 1]), name) for i, name in enumerate(names))

    def in_currency(self, currency: str) -> Reader:
        """The same reader for amounts in another currency (a plan's own)."""
        return self if currency == self.currency else replace(self, currency=currency, _known=self._known)

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
        return i18n.translate(message, self.language, self.locales)

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
        if isinstance(value, dt.date) or (key in ("date", "deadline", "due") and isinstance(value, str)):
            return self.date(value)
        if isinstance(value, float):
            return self.number(value, 2)
        if key == "path" and isinstance(value, str):
            return self.path_label(parse_path(value))
        if key == "figure" and value in FIGURES:
            return self.label(value)
        return value

    # The schema's own words: `title` is the English label, `x-kam-label-<language>` any other; enum values are
    # labelled in `x-kam-enum-labels: {<language>: {value: label}}`. Where a schema a company extended has no
    # label in the language, the catalogue is asked for the English one: a reader never sees a key or a raw value.
    def own(self, labels: dict[str, str]) -> str:
        """A label given per language in a data file (the checklists)."""
        return labels.get(self.language) or self.say(labels[i18n.SOURCE_LANGUAGE])

    def field(self, node: dict[str, Any], fallback: str) -> str:
        """A schema property's label."""
        own = node.get(f"x-kam-label-{self.language}")
        if isinstance(own, str) and own:
            return own
        return self.say(str(node.get("title") or fallback.replace("_", " ")))

    def enum(self, node: dict[str, Any], value: Any) -> str:
        """An enum value's label, from the schema."""
        labels = node.get("x-kam-enum-labels", {})
        own = labels.get(self.language, {}).get(str(value))
        if own:
            return str(own)
        return self.say(str(labels.get(i18n.SOURCE_LANGUAGE, {}).get(str(value)) or str(value).replace("_", " ")))

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
        """A day, or a quarter where a plan only knows the quarter (2026-Q3: said as such, Q3 2026, not as its last day)."""
        if isinstance(value, str) and (quarter := QUARTER.match(value)):
            return i18n.quarter_text(int(quarter[1]), int(quarter[2]), self.language)
        return i18n.date_text(dt.date.fromisoformat(value) if isinstance(value, str) else value, self.language)
