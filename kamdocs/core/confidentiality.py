"""Which values of a plan are confidential, read once from the schema's x-kam-confidential marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kamdocs.core.problem import WILDCARD, KeyPath

if TYPE_CHECKING:  # the schema asks this module which of its errors may not repeat their value
    from kamdocs.core.schema import PlanSchema


@dataclass(frozen=True, slots=True)
class Confidentiality:
    """The confidential paths of a schema: a figure is confidential if any of its inputs lies under one."""

    paths: tuple[KeyPath, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, schema: PlanSchema) -> Confidentiality:
        return cls(tuple(path for path, flag in schema.annotated("x-kam-confidential") if flag))

    def touches(self, path: KeyPath) -> bool:
        """Whether what lies at `path` holds a confidential value: it lies under a confidential path, or one lies under it
        (a figure that reads a whole list reads every field of its items)."""
        return _touches(self.paths, path)

    def covers(self, path: KeyPath) -> bool:
        """Whether `path` lies under a confidential path."""
        return _covers(self.paths, path)


def _same(secret: KeyPath, path: KeyPath) -> bool:
    return all(s == p or WILDCARD in (s, p) for s, p in zip(secret, path, strict=False))


# asked for every figure of every plan with the same few paths: answered once
@lru_cache(maxsize=4096)
def _covers(secrets: tuple[KeyPath, ...], path: KeyPath) -> bool:
    return any(len(path) >= len(secret) and _same(secret, path) for secret in secrets)


@lru_cache(maxsize=4096)
def _touches(secrets: tuple[KeyPath, ...], path: KeyPath) -> bool:
    return _covers(secrets, path) or any(len(secret) > len(path) and _same(secret, path) for secret in secrets)
