"""Two versions of a plan compared: changed fields and changed figures, in the edition's view."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from kamdocs.core.loader import Document
from kamdocs.figures.assessment import Context
from kamdocs.figures.derive import derive
from kamdocs.history.diff import Change, FigureChange, diff_figures, diff_plans
from kamdocs.view.numbers import number, percent, visible
from kamdocs.view.redact import for_edition


@dataclass(frozen=True, slots=True)
class PlanDiff:
    file: str
    account: str
    old_year: int | None
    new_year: int | None
    changes: tuple[Change, ...]
    figures: tuple[FigureChange, ...]
    old_invalid: bool = False
    """The old plan did not validate (a pull request that fixes it): the new one is shown as if added."""

    @property
    def status(self) -> str:
        if self.old_invalid:
            return "was invalid"
        return "added" if self.old_year is None else "removed" if self.new_year is None else "changed"


def compare(old: Document | None, new: Document | None, context: Context, file: str, old_invalid: bool = False) -> PlanDiff:
    """What changed from `old` to `new` (either may be missing: a plan added or removed, or an old plan that did not
    validate). The shared edition compares the plans without their confidential fields and leaves out confidential figures."""
    edition = context.config.edition
    sides = [doc.data if doc else None for doc in (old, new)]
    views = [for_edition(data, context.secrets, edition) if data else {} for data in sides]
    figures = [derive([data], context.config, context.secrets) if data else {} for data in sides]
    changed = [c for c in diff_figures(figures[0], figures[1]) if visible(c.old, edition) and visible(c.new, edition)]
    present = next(data for data in sides if data)
    return PlanDiff(
        file=file,
        account=present["account"]["id"],
        old_year=sides[0]["plan"]["year"] if sides[0] else None,
        new_year=sides[1]["plan"]["year"] if sides[1] else None,
        changes=tuple(diff_plans(views[0], views[1])) if old and new else (),
        figures=tuple(changed),
        old_invalid=old_invalid,
    )


def short(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if not isinstance(v, (dict, list)))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def word_changes(old: str, new: str) -> str:
    """Words removed as [-…-] and added as {+…+}, as `git diff --word-diff` writes them."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(" ".join(a[i1:i2]))
        if op in ("delete", "replace"):
            out.append(f"[-{' '.join(a[i1:i2])}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{' '.join(b[j1:j2])}+}}")
    return " ".join(out)


def describe(change: Change, language: str) -> str:
    """old → new, with the difference for numbers and a word diff for long text; the value of an added or removed entry."""
    if change.kind != "changed":
        return short(change.new if change.kind == "added" else change.old)
    if isinstance(change.old, str) and isinstance(change.new, str) and len(change.old) > 30:
        return word_changes(change.old, change.new)
    text = f"{short(change.old)} → {short(change.new)}"
    if change.delta is not None:
        decimals = 0 if float(change.delta).is_integer() else 2
        text += f" ({'+' if change.delta >= 0 else ''}{number(change.delta, language, decimals)}"
        text += f", {percent(change.ratio, language)})" if change.ratio is not None else ")"
    return text
