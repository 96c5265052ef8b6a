"""Two versions of a plan compared, as a reader may see them: the one comparison that `kam diff` and the
site's Changes pages render.

No noise: the plan year is no change; figures count as changed only where the
reader would see a different value (0.24 and 0.24000000000000002 are one
24.0 %); each side is assessed as of its own date (see assessment.assess); a
confidential field or figure is compared only in the internal edition.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from kamdocs.figures.assessment import Assessment
from kamdocs.figures.figure import Figure
from kamdocs.history.diff import Change, diff_plans
from kamdocs.view.names import Names, names_in
from kamdocs.view.reader import Reader, is_share

NO_CHANGE: tuple[tuple[str, ...], ...] = (("plan", "year"),)
"""Paths that differ between any two years' plans by design."""

LONG_TEXT = 30
"""Text longer than this is shown as a word diff."""


@dataclass(frozen=True, slots=True)
class ChangeLine:
    path: tuple[str, ...]
    """Keys, with list items named by their id or natural key, e.g. ('actions', 'kickoff', 'status'): for editors."""
    where: str
    """The same in words: the labels of the fields, the items by their key."""
    kind: str
    """added, removed or changed"""
    kind_label: str
    old: Any
    new: Any
    old_text: str
    new_text: str
    difference: str
    """For numbers: "+25,000 (+25.0%)"; empty otherwise."""
    delta: float | None
    ratio: float | None

    @property
    def long_text(self) -> bool:
        return self.kind == "changed" and isinstance(self.old, str) and isinstance(self.new, str) and len(self.old) > LONG_TEXT


@dataclass(frozen=True, slots=True)
class FigureChangeLine:
    key: str
    label: str
    old: Figure
    new: Figure
    old_text: str
    new_text: str
    difference: str
    """New minus old, signed, in the figure's unit (a share's in percentage points); empty where either is no number."""


@dataclass(frozen=True, slots=True)
class Comparison:
    file: str
    account: str
    name: str
    old_year: int | None
    new_year: int | None
    status: str
    """added, removed, changed, or was_invalid: the old plan did not validate (a pull request that fixes it)"""
    status_label: str
    changes: tuple[ChangeLine, ...]
    figures: tuple[FigureChangeLine, ...]


def _node(reader: Reader, path: Sequence[str]) -> tuple[dict[str, Any], str]:
    """The schema of a change's path and the path in words (list items named by their key)."""
    node: dict[str, Any] = reader.schema
    words: list[str] = []
    for part in path:
        node = reader.resolved(node)
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            items = node["items"]
            if items.get("type") == "object":
                words.append(part)
                node = items
                continue
            return items, " › ".join(words)
        node = reader.resolved(node.get("properties", {}).get(part, {}))
        words.append(reader.field(node, part))
    return node, " › ".join(words)


def _text(reader: Reader, node: dict[str, Any], value: Any, names: Names) -> str:
    """A plan value as a reader reads it, an id as the name it stands for."""
    node = reader.resolved(node)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        return ", ".join(
            f"{reader.field(properties.get(k, {}), k)}: {_text(reader, properties.get(k, {}), v, names)}"
            for k, v in value.items()
            if not isinstance(v, (dict, list)) and not k.startswith("x-")
        )
    if isinstance(value, list):
        items = {**node.get("items", {}), **({"x-kam-ref": node["x-kam-ref"]} if "x-kam-ref" in node else {})}
        return ", ".join(_text(reader, items, v, names) for v in value)
    if "x-kam-ref" in node and value is not None:
        return names.get(node["x-kam-ref"], {}).get(str(value), str(value))
    return "" if value is None else reader.plain(node, value)


def _difference(reader: Reader, node: dict[str, Any], change: Change) -> str:
    if change.delta is None:
        return ""
    node = reader.branch(reader.resolved(node), change.new)
    sign = "+" if change.delta >= 0 else ""
    if is_share(node):
        return reader.say("{points} pp").format(points=sign + reader.number(change.delta * 100, 1))
    money = node.get("x-kam-unit") == "currency"
    delta = reader.amount(change.delta, cents=True) if money else reader.number(change.delta, 0 if float(change.delta).is_integer() else 2)
    return f"{sign}{delta}" + (f" ({sign}{reader.percent(change.ratio)})" if change.ratio is not None else "")


def _line(reader: Reader, change: Change, names: Names) -> ChangeLine:
    node, where = _node(reader, change.path)
    return ChangeLine(
        path=change.path,
        where=where,
        kind=change.kind,
        kind_label=reader.text(change.kind),
        old=change.old,
        new=change.new,
        old_text=_text(reader, node, change.old, names),
        new_text=_text(reader, node, change.new, names),
        difference=_difference(reader, node, change),
        delta=change.delta,
        ratio=change.ratio,
    )


def _figure_difference(old: Figure, new: Figure, reader: Reader) -> str:
    if not all(isinstance(f.value, int | float) and not isinstance(f.value, bool) for f in (old, new)):
        return ""
    delta = new.value - old.value
    sign = "+" if delta > 0 else ""
    if new.unit == "percent":
        return reader.say("{points} pp").format(points=sign + reader.number(delta * 100, 1))
    return sign + reader.value(replace(new, value=delta, note=None), note=False)


def _figures(side: Assessment) -> dict[str, Figure]:
    """The figures of one side, and the completeness of its checklists, which a comparison reports like a figure."""
    return {**side.figures, "completeness": Figure("completeness", side.completeness, "percent")}


def compare(old: Assessment | None, new: Assessment | None, reader: Reader, file: str, old_invalid: bool = False) -> Comparison:
    """What changed from `old` to `new` (either may be missing: a plan added or removed, or an old plan that did not
    validate, and the new one is shown as if added)."""
    present = new or old
    assert present is not None, "compare needs at least one plan"
    plans = [reader.plan(side.document.data) if side else {} for side in (old, new)]
    changes = [c for c in diff_plans(*plans) if c.path not in NO_CHANGE] if old and new else []
    # an id names what it named in its own plan: a removed owner by the old plan's team, the rest by the new one's
    old_names, new_names = (names_in(plan) for plan in plans)
    names = {ref: {**old_names.get(ref, {}), **new_names.get(ref, {})} for ref in {*old_names, *new_names}}
    figures = []
    if old and new:
        before_figures = _figures(old)
        for key, after in _figures(new).items():
            before = before_figures.get(key)
            if before is None or not (reader.sees(before) and reader.sees(after)):
                continue
            shown = reader.value(before), reader.value(after)
            if shown[0] != shown[1]:
                figures.append(FigureChangeLine(key, reader.label(key), before, after, *shown, _figure_difference(before, after, reader)))
    status = "was_invalid" if old_invalid else "added" if old is None else "removed" if new is None else "changed"
    return Comparison(
        file=file,
        account=present.account,
        name=present.name,
        old_year=old.year if old else None,
        new_year=new.year if new else None,
        status=status,
        status_label=reader.text(f"plan_{status}"),
        changes=tuple(_line(reader, c, names) for c in changes),
        figures=tuple(figures),
    )


def word_ops(old: str, new: str) -> list[tuple[str, str]]:
    """A long text's change word by word: ("equal" | "removed" | "added", words), in reading order."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(("removed", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("added", " ".join(b[j1:j2])))
    return out
