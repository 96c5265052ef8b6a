"""The semantic difference of two plans: list items matched by id (or a natural key), field by field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ItemKey = str
DiffPath = tuple[str, ...]

NATURAL_KEYS: dict[DiffPath, tuple[str, ...]] = {
    ("sales",): ("period", "category"),
    ("key_figures", "customer_spend"): ("period",),
    ("key_figures", "minimum_prices"): ("product",),
    ("key_figures", "special_prices"): ("product",),
    ("key_figures", "customer_visits"): ("date", "purpose"),
    ("customer_analysis", "competitors"): ("name",),
    ("customer_analysis", "deficits"): ("description",),
    ("contract", "slas"): ("name",),
    ("collaboration",): ("department",),
    ("whitespace",): ("buying_unit", "offering"),
    ("annual_review", "alternatives"): ("date",),
    ("annual_review", "earlier_reviews"): ("date",),
}
"""How items of lists without ids are matched; the path leaves out list keys."""


@dataclass(frozen=True, slots=True)
class Change:
    path: tuple[str, ...]
    """Keys, with list items named by their id or natural key, e.g. ('actions', 'kickoff', 'status')."""
    kind: str
    """added, removed or changed"""
    old: Any = None
    new: Any = None

    @property
    def delta(self) -> float | None:
        if self.kind == "changed" and _number(self.old) and _number(self.new):
            return float(self.new - self.old)
        return None

    @property
    def ratio(self) -> float | None:
        delta = self.delta
        return delta / self.old if delta is not None and self.old else None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _item_key(item: Any, path: DiffPath, index: int) -> ItemKey:
    if isinstance(item, dict):
        if "id" in item:
            return str(item["id"])
        natural = NATURAL_KEYS.get(path)
        if natural and all(k in item for k in natural):
            return "/".join(str(item[k]) for k in natural)
    return f"#{index + 1}"


def _merge(before: dict[str, Any], after: dict[str, Any], at: tuple[str, ...], child: Callable[[str], DiffPath], out: list[Change]) -> None:
    """Keys (or item keys) only in `before` are removed, only in `after` added, in both compared deeper."""
    for key in [*before, *(k for k in after if k not in before)]:
        if key not in after:
            out.append(Change((*at, key), "removed", old=before[key]))
        elif key not in before:
            out.append(Change((*at, key), "added", new=after[key]))
        else:
            _diff(before[key], after[key], (*at, key), child(key), out)


def _diff(old: Any, new: Any, at: tuple[str, ...], schema_path: DiffPath, out: list[Change]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        _merge(old, new, at, lambda key: (*schema_path, key), out)
    elif isinstance(old, list) and isinstance(new, list) and any(isinstance(i, dict) for i in old + new):
        before = {_item_key(item, schema_path, i): item for i, item in enumerate(old)}
        after = {_item_key(item, schema_path, i): item for i, item in enumerate(new)}
        _merge(before, after, at, lambda key: schema_path, out)
    elif isinstance(old, list) and isinstance(new, list):
        # lists of text: order does not matter, an entry is added or removed
        out += [Change((*at, str(v)), "removed", old=v) for v in old if v not in new]
        out += [Change((*at, str(v)), "added", new=v) for v in new if v not in old]
    elif old != new or (type(old) is not type(new) and not (_number(old) and _number(new))):
        out.append(Change(at, "changed", old, new))


def diff_plans(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every difference from `old` to `new`; a reordered list is no change."""
    out: list[Change] = []
    _diff(old, new, (), (), out)
    return out
