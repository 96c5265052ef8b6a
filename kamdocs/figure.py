"""A computed figure: its value, unit, confidentiality, or why it cannot be computed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kamdocs.labels import REASONS_DE
from kamdocs.problem import KeyPath
from kamdocs.schema import WILDCARD, PlanSchema


class Reason(str):
    """Why a figure cannot be computed: English text that remembers its template, so that it can be said in German too."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> "Reason":
        text = super().__new__(cls, template.format(**params))
        text.template, text.params = template, params
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_reason, (self.template, self.params))

    def say(self, language: str) -> str:
        german = REASONS_DE.get(self.template) if language == "de" else None
        if not german:
            return str(self)
        return german.format(**{key: reason_text(value, language) if isinstance(value, Reason) else value for key, value in self.params.items()})


def _reason(template: str, params: dict[str, Any]) -> Reason:
    return Reason(template, **params)


because = Reason


def reason_text(reason: str | None, language: str) -> str:
    """A reason in the language asked for (any other text as it is)."""
    return reason.say(language) if isinstance(reason, Reason) else str(reason or "")


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    value: Any
    unit: str
    confidential: bool = False
    reason: str | None = None
    """Why the figure cannot be computed; set exactly when value is None."""
    detail: Any = None
    """Breakdown (per category, per instrument, top risks...), same confidentiality."""

    @property
    def computable(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value, "unit": self.unit, "confidential": self.confidential}
        if self.reason:
            data["reason"] = self.reason
        if self.detail is not None:
            data["detail"] = self.detail
        return data


@dataclass(frozen=True, slots=True)
class Confidentiality:
    """The confidential paths of a schema: a figure is confidential if any of its inputs lies under one."""

    paths: tuple[KeyPath, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, schema: PlanSchema) -> "Confidentiality":
        return cls(tuple(path for path, flag in schema.annotated("x-kam-confidential") if flag))

    def covers(self, path: KeyPath) -> bool:
        return any(
            len(path) >= len(secret) and all(s == p or WILDCARD in (s, p) for s, p in zip(secret, path))
            for secret in self.paths
        )
