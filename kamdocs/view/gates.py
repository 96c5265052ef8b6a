"""`kam check`: each account's latest plan, its alerts as problems at their place in the file, as the reader may see
them (the shared edition leaves out confidential ones) and in the reader's language."""

from __future__ import annotations

from kamdocs.core.loader import Document
from kamdocs.core.positions import to_problems
from kamdocs.core.problem import Finding, Severity
from kamdocs.core.validate import FileResult
from kamdocs.figures.assessment import Context, assess
from kamdocs.view.reader import Reader


def gate_result(history: list[Document], context: Context, reader: Reader) -> FileResult:
    """Gates are errors, the other alerts warnings."""
    assessment = assess(history, context)
    findings = [
        Finding(a.path, f"gate.{a.gate}", reader.reason(a.message), Severity.ERROR if a.blocking else Severity.WARNING)
        for a in assessment.alerts
        if reader.sees(a)
    ]
    return FileResult(assessment.document.file, tuple(to_problems(assessment.document, findings)))
