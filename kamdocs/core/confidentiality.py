"""Which values of a plan are confidential, read once from the schema's x-kam-confidential marks."""

from __future__ import annotations

from dataclasses import dataclass, field
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
        return self.covers(path) or any(
            len(secret) > len(path) and all(s == p or WILDCARD in (s, p) for s, p in zip(secret, path, strict=False))
            for secret in self.paths
        )

    def covers(self, path: KeyPath) -> bool:
        return any(
            len(path) >= len(secret) and all(s == p or WILDCARD in (s, p) for s, p in zip(secret, path, strict=False))
            for secret in self.paths
        )
