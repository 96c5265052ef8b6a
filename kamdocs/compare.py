"""Two versions of a plan compared: changed fields and changed figures, in the edition's view."""

from __future__ import annotations

from dataclasses import dataclass

from kamdocs.assessment import Context
from kamdocs.derive import derive
from kamdocs.diff import Change, FigureChange, diff_figures, diff_plans
from kamdocs.loader import Document
from kamdocs.output.numbers import visible
from kamdocs.redact import for_edition


@dataclass(frozen=True, slots=True)
class PlanDiff:
    file: str
    account: str
    old_year: int | None
    new_year: int | None
    changes: tuple[Change, ...]
    figures: tuple[FigureChange, ...]

    @property
    def status(self) -> str:
        return "added" if self.old_year is None else "removed" if self.new_year is None else "changed"


def compare(old: Document | None, new: Document | None, context: Context, file: str) -> PlanDiff:
    """What changed from `old` to `new` (either may be missing: a plan added or removed).
    The shared edition compares the plans without their confidential fields and leaves out confidential figures."""
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
    )
