from __future__ import annotations

from kamdocs.core.loader import Document
from kamdocs.core.positions import NodeIndex, to_problems
from kamdocs.core.problem import Finding

TEXT = """\
plan:
  year: 2026
actions:
  - id: a
    owner: x
  - id: b
    owner: y
"""


def test_value_position() -> None:
    assert NodeIndex(TEXT).locate(("actions", 1, "owner")) == (7, 12)


def test_key_position() -> None:
    assert NodeIndex(TEXT).locate(("actions", 1, "owner"), at_key=True) == (7, 5)


def test_missing_part_falls_back_to_the_deepest_existing_node() -> None:
    assert NodeIndex(TEXT).locate(("plan", "owner")) == (2, 3)
    assert NodeIndex(TEXT).locate(("actions", 9, "owner")) == (4, 3)


def test_problems_are_sorted_by_position_and_carry_the_key_path() -> None:
    document = Document(file="f.yaml", text=TEXT, data={})
    problems = to_problems(document, [Finding(("actions", 1, "owner"), "r", "late"), Finding(("plan", "year"), "r", "early")])
    assert [(p.line, p.path, p.message) for p in problems] == [(2, "plan.year", "early"), (7, "actions[1].owner", "late")]
