"""`kam check`: each account's latest plan, its alerts as problems at their place in the file."""

from __future__ import annotations

from kamdocs.core.loader import Document
from kamdocs.core.positions import to_problems
from kamdocs.core.problem import Finding, Severity
from kamdocs.core.validate import FileResult
from kamdocs.figures.assessment import Context, assess


def gate_result(history: list[Document], context: Context) -> FileResult:
    """Gates are errors, the other alerts warnings; the shared edition leaves out confidential ones."""
    assessment = assess(history, context)
    shown = [a for a in assessment.alerts if context.config.edition == "internal" or not a.confidential]
    findings = [Finding(a.path, f"gate.{a.gate}", a.message, Severity.ERROR if a.blocking else Severity.WARNING) for a in shown]
    return FileResult(assessment.document.file, tuple(to_problems(assessment.document, findings)))
