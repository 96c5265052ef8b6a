from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from kamdocs.core.problem import Problem, Severity
from kamdocs.core.validate import FileResult
from kamdocs.render.outputs.report import render

BAD = FileResult(
    "accounts/a/2026.yaml",
    (
        Problem("accounts/a/2026.yaml", 3, 5, "plan.status", "schema.enum", "'x' is not allowed: use one of draft"),
        Problem("accounts/a/2026.yaml", 9, 1, "", "yaml", "50% done, line 2\nmore", Severity.WARNING),
    ),
)
GOOD = FileResult("accounts/b/2026.yaml", ())


def test_text_has_one_line_per_problem_and_a_summary() -> None:
    assert render([BAD, GOOD], "text").splitlines() == [
        "accounts/a/2026.yaml:3:5: error [schema.enum] plan.status: 'x' is not allowed: use one of draft",
        "accounts/a/2026.yaml:9:1: warning [yaml] 50% done, line 2 more",
        "2 plans checked: 1 error, 1 warning in 1 file.",
    ]


def test_text_summary_when_all_valid() -> None:
    assert render([GOOD], "text") == "1 plan checked: all valid.\n"


def test_json_is_complete() -> None:
    document = json.loads(render([BAD, GOOD], "json"))
    assert document["summary"] == {"plans": 2, "other_files": 0, "invalid_plans": 1, "errors": 1, "warnings": 1}
    assert document["files"] == [{"file": "accounts/a/2026.yaml", "valid": False}, {"file": "accounts/b/2026.yaml", "valid": True}]
    assert document["problems"][0] == {
        "file": "accounts/a/2026.yaml",
        "line": 3,
        "column": 5,
        "path": "plan.status",
        "rule": "schema.enum",
        "message": "'x' is not allowed: use one of draft",
        "severity": "error",
    }


def test_github_commands_are_escaped_and_followed_by_text() -> None:
    lines = render([BAD], "github").splitlines()
    assert lines[0] == "::error file=accounts/a/2026.yaml,line=3,col=5,title=schema.enum::plan.status: 'x' is not allowed: use one of draft"
    assert lines[1] == "::warning file=accounts/a/2026.yaml,line=9,col=1,title=yaml::50%25 done, line 2%0Amore"
    assert lines[2].startswith("::stop-commands::") and lines[-1] == f"::{lines[2].removeprefix('::stop-commands::')}::"
    assert lines[3].startswith("accounts/a/2026.yaml:3:5: error")


def test_junit_has_one_testcase_per_plan() -> None:
    root = ET.fromstring(render([BAD, GOOD], "junit").split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["accounts/a/2026.yaml", "accounts/b/2026.yaml"]
    failure = cases[0].find("failure")
    assert failure is not None and "3:5: error [schema.enum]" in (failure.text or "")
    assert cases[1].find("failure") is None


def test_promise_no_plan_text_runs_as_a_github_workflow_command() -> None:
    hostile = Problem(
        "accounts/a/2026.yaml", 2, 1, "x\n::error file=pwned.yaml::owned\r\n::set-output name=a::b", "schema.unknown-key", "unknown key"
    )
    out = render([FileResult("accounts/a/2026.yaml", (hostile,))], "github")
    commands, _, rest = out.partition("::stop-commands::")
    token, _, text = rest.partition("\n")
    # a single real annotation, with the line breaks of the key escaped; every other line is inside stop-commands
    assert commands.count("\n") == 1 and commands.startswith("::error file=accounts/a/2026.yaml,") and "%0A::error" in commands
    assert len(token) == 64 and token not in hostile.path and text.endswith(f"::{token}::\n")
    assert not any(line.startswith("::") for line in text.splitlines()[:-1])
