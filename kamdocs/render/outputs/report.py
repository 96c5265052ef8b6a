"""Renderings of a list of file results: text, json, github, junit."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from kamdocs.core.problem import Problem, Severity
from kamdocs.core.validate import FileResult

FORMATS = ("text", "json", "github", "junit")

Style = Callable[..., str]


def _plain(text: str, **_: Any) -> str:
    return text


def _one_line(text: str) -> str:
    """A key or a file name may hold a line break: a problem stays one line, whatever it names."""
    return " ".join(text.splitlines())


def problem_line(problem: Problem, style: Style = _plain) -> str:
    colour = "red" if problem.severity is Severity.ERROR else "yellow"
    where = f"{_one_line(problem.path)}: " if problem.path else ""
    return (
        f"{style(f'{_one_line(problem.file)}:{problem.line}:{problem.column}:', bold=True)} "
        f"{style(problem.severity.value, fg=colour)} [{problem.rule}] {where}{_one_line(problem.message)}"
    )


def _counts(results: Sequence[FileResult]) -> dict[str, int]:
    problems = [p for r in results for p in r.problems]
    return {
        "plans": sum(r.kind == "plan" for r in results),
        "other_files": sum(r.kind != "plan" for r in results),
        "invalid_plans": sum(not r.ok for r in results),
        "errors": sum(p.severity is Severity.ERROR for p in problems),
        "warnings": sum(p.severity is Severity.WARNING for p in problems),
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(results: Sequence[FileResult]) -> str:
    counts = _counts(results)
    others = f" and {_plural(counts['other_files'], 'other file')}" if counts["other_files"] else ""
    head = f"{_plural(counts['plans'], 'plan')}{others} checked"
    if not counts["errors"] and not counts["warnings"]:
        return f"{head}: all valid."
    parts = [_plural(counts["errors"], "error")]
    if counts["warnings"]:
        parts.append(_plural(counts["warnings"], "warning"))
    return f"{head}: {', '.join(parts)} in {_plural(sum(bool(r.problems) for r in results), 'file')}."


def render_text(results: Sequence[FileResult], style: Style = _plain) -> str:
    lines = [problem_line(p, style) for r in results for p in r.problems]
    return "\n".join([*lines, summary(results)]) + "\n"


def render_json(results: Sequence[FileResult]) -> str:
    document = {
        "summary": _counts(results),
        "files": [{"file": r.file, "valid": r.ok} for r in results],
        "problems": [p.to_dict() for r in results for p in r.problems],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: Sequence[FileResult]) -> str:
    """Workflow commands; GitHub shows only ten per step, so the text lines follow.

    Each command is escaped as GitHub documents it (data: %, CR, LF; properties also : and ,). The text lines
    carry what plans wrote, so GitHub is told not to read them as commands at all (`stop-commands`, with a
    token that no plan can know beforehand: the hash of the text itself).
    """
    commands = [
        f"::{p.severity.value} file={_escape_property(p.file)},line={p.line},col={p.column},"
        f"title={_escape_property(p.rule)}::{_escape_data((p.path + ': ' if p.path else '') + p.message)}"
        for r in results
        for p in r.problems
    ]
    text = render_text(results)
    token = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return "\n".join([*commands, f"::stop-commands::{token}"]) + "\n" + text + f"::{token}::\n"


def render_junit(results: Sequence[FileResult]) -> str:
    counts = _counts(results)
    suites = ET.Element("testsuites", name="kam validate")
    suite = ET.SubElement(
        suites, "testsuite", name="kam validate", tests=str(counts["plans"]), failures=str(counts["invalid_plans"]), errors="0"
    )
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="kam.validate", name=result.file)
        errors = [p for p in result.problems if p.severity is Severity.ERROR]
        if errors:
            failure = ET.SubElement(case, "failure", message=f"{_plural(len(errors), 'error')}: {errors[0].message}")
            failure.text = "\n".join(problem_line(p) for p in errors)
        warnings = [p for p in result.problems if p.severity is Severity.WARNING]
        if warnings:
            ET.SubElement(case, "system-out").text = "\n".join(problem_line(p) for p in warnings)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def render(results: Sequence[FileResult], fmt: str, style: Style = _plain) -> str:
    if fmt == "text":
        return render_text(results, style)
    return {"json": render_json, "github": render_github, "junit": render_junit}[fmt](results)
