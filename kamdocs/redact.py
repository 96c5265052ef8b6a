"""The shared edition's copy of a plan: every confidential field removed."""

from __future__ import annotations

import copy
from typing import Any

from kamdocs.figure import Confidentiality
from kamdocs.problem import KeyPath
from kamdocs.schema import WILDCARD


def _remove(node: Any, path: KeyPath) -> None:
    head, rest = path[0], path[1:]
    if head == WILDCARD:
        if isinstance(node, list) and rest:
            for item in node:
                _remove(item, rest)
    elif isinstance(node, dict) and head in node:
        if rest:
            _remove(node[head], rest)
        else:
            del node[head]


def redact(plan: dict[str, Any], secrets: Confidentiality) -> dict[str, Any]:
    """A deep copy of `plan` without the values under confidential paths."""
    copied = copy.deepcopy(plan)
    for path in secrets.paths:
        if path:
            _remove(copied, path)
    return copied


def for_edition(plan: dict[str, Any], secrets: Confidentiality, edition: str) -> dict[str, Any]:
    return plan if edition == "internal" else redact(plan, secrets)
