"""The one record every check reports: a problem at a place in a file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

KeyPath = tuple[str | int, ...]

WILDCARD = "*"
"""Stands for every item of a list in an annotated path."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in parsed data, before its position in the file is known."""

    path: KeyPath
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    at_key: bool = False
    reads: tuple[KeyPath, ...] = ()
    """Other fields whose values the message states: it is said without values when any of them is confidential."""


def format_path(path: KeyPath) -> str:
    """('actions', 2, 'owner') -> 'actions[2].owner'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
