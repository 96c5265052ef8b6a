"""A computed figure: its value, unit, confidentiality, or why it cannot be computed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Reason(str):
    """A sentence the toolkit says (why a figure cannot be computed, an alert): English text that remembers its
    template and parameters, so that the view can say it in the reader's language."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Reason:
        text = super().__new__(cls, template.format(**params))
        text.template, text.params = template, params
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_reason, (self.template, self.params))


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money inside a sentence: the view writes it in the reader's currency format."""

    value: float

    def __format__(self, spec: str) -> str:
        return f"{self.value:,.0f}"


@dataclass(frozen=True, slots=True)
class Share:
    """A share inside a sentence: the view writes it as a percentage in the reader's format."""

    value: float

    def __format__(self, spec: str) -> str:
        return f"{self.value:.0%}"


def _reason(template: str, params: dict[str, Any]) -> Reason:
    return Reason(template, **params)


because = Reason


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
    note: str | None = None
    """How the value was computed where that differs from the plain definition (like for like...): shown with it."""

    @property
    def computable(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value, "unit": self.unit, "confidential": self.confidential}
        if self.reason:
            data["reason"] = self.reason
        if self.detail is not None:
            data["detail"] = self.detail
        if self.note:
            data["note"] = self.note
        return data
