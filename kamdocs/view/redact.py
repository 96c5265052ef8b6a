"""The shared edition's copy of a plan: every confidential field removed."""

from __future__ import annotations

from typing import Any

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.problem import KeyPath
from kamdocs.core.schema import WILDCARD


def _without(node: Any, path: KeyPath) -> Any:
    """`node` without the values under `path`; containers on the way are copied, everything else is shared."""
    head, rest = path[0], path[1:]
    if head == WILDCARD and isinstance(node, list):
        return [_without(item, rest) for item in node] if rest else []
    if head == WILDCARD and isinstance(node, dict):
        return {key: _without(value, rest) for key, value in node.items()} if rest else {}
    if not (isinstance(node, dict) and head in node):
        return node
    copied = dict(node)
    if rest:
        copied[head] = _without(node[head], rest)
    else:
        del copied[head]
    return copied


def redact(plan: dict[str, Any], secrets: Confidentiality) -> dict[str, Any]:
    """`plan` without the values under confidential paths. The plan itself is left as it is; the copy shares
    what it does not change with it (both are read, never written, like the plan of the internal edition)."""
    for path in secrets.paths:
        if path:
            plan = _without(plan, path)
    return plan
