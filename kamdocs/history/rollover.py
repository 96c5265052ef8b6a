"""The start of next year's plan: a copy of the latest plan, the year's own business moved out.

`roll` says what changes, on plain data. `rollover_text` makes the same change in the text itself: it cuts the
lines of what leaves and rewrites the few values that change, so that every comment, the key order, the list
indentation, quoting and line width stay as the file had them (and a plan takes milliseconds, not a round trip
through a comment-keeping YAML library). The result is parsed again and must equal `roll` of the plan; a plan
this cannot handle (flow-style lists of what leaves) goes through ruamel.yaml's round trip instead.
"""

from __future__ import annotations

import copy
import difflib
import io
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kamdocs.core.loader import Document, StrictLoader, parse_text

ENDED_ACTIONS = ("done", "cancelled")
YEARLY_KPIS = ("nps", "csat", "renewals", "cross_upsell", "complaints")
YEARLY_REVIEW = ("date", "place", "alternatives", "preparation", "agenda", "outcome")

_LEAVES: tuple[tuple[tuple[str, ...], Callable[[Any], bool]], ...] = (
    (("actions",), lambda a: a.get("status") in ENDED_ACTIONS),
    (("milestones",), lambda m: "reached_on" in m),
    (("risks",), lambda r: r.get("status") == "closed"),
    (("open_questions",), lambda q: bool(q.get("answer"))),
    (("potential", "opportunities"), lambda o: o.get("stage") in ("won", "lost")),
)
"""The lists whose items stay behind in the old year, and which items."""

_DROPPED: tuple[tuple[str, ...], ...] = (
    ("plan", "last_reviewed"),
    ("potential", "committed_revenue"),
    ("potential", "run_rate_revenue"),  # an estimate for one year; recurring revenue runs on
    *(("kpis", key) for key in YEARLY_KPIS),
    *(("annual_review", key) for key in YEARLY_REVIEW),
)
"""The keys that belong to the old year."""


class RolloverError(Exception):
    """The plan text cannot be read (the command validates every plan before it rolls it over)."""


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _held_review(review: Any) -> dict[str, Any] | None:
    if not isinstance(review, dict) or not review.get("date"):
        return None
    return {"date": review["date"], **({"summary": review["outcome"]} if review.get("outcome") else {})}


def roll(plan: Any, year: int) -> None:
    """Turn a loaded plan (plain or round-trip data) into the start of `year`'s plan, in place."""
    meta = plan["plan"]
    meta["year"] = year
    meta["status"] = "draft"
    held = _held_review(plan.get("annual_review"))
    for path, leaves in _LEAVES:
        items = _get(plan, path)
        if isinstance(items, list):
            for index in reversed(range(len(items))):
                if leaves(items[index]):
                    del items[index]
    for *parent, key in _DROPPED:
        container = _get(plan, tuple(parent))
        if isinstance(container, dict):
            container.pop(key, None)
    for contact in plan.get("contacts") or []:
        contact.pop("meetings_held", None)  # counted afresh each year, against the meetings planned
    # a customer priority keeps pointing only at the deals that stay open (won and lost ones stay behind)
    staying = {o.get("id") for o in _get(plan, ("potential", "opportunities")) or []}
    for priority in plan.get("customer_priorities") or []:
        served = priority.get("opportunities")
        if isinstance(served, list):
            for index in reversed(range(len(served))):
                if served[index] not in staying:
                    del served[index]
    if held:
        plan["annual_review"].setdefault("earlier_reviews", []).insert(0, held)


# --- the same change, made in the text ---------------------------------------------------------------


class _Unsupported(Exception):
    """A shape the text edit does not handle: the round trip takes over."""


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int
    end: int
    text: str


def _entry(mapping: Node | None, key: str) -> tuple[ScalarNode, Node] | None:
    if isinstance(mapping, MappingNode):
        for key_node, value in mapping.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return key_node, value
    return None


def _node(root: Node, path: tuple[str, ...]) -> Node | None:
    node: Node | None = root
    for key in path:
        found = _entry(node, key)
        node = found[1] if found else None
    return node


def _last(node: Node) -> Node:
    """The node whose end is the end of `node`'s text (a block collection's own end lies after the comments that follow)."""
    while isinstance(node, (MappingNode, SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """The start of the line after the one `index` is on (or the end of the text)."""
        if index > 0 and self.text[index - 1] == "\n":
            return index
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def lines_of(self, first: Node, last: Node) -> tuple[int, int]:
        """The whole lines from `first`'s line to the end of `last`; refused when other content shares the first line."""
        start = self.line_start(first.start_mark.index)
        if self.text[start : first.start_mark.index].strip(" -"):
            raise _Unsupported("an entry shares its line with another")
        return start, self.line_end(_last(last).end_mark.index)

    def after_colon(self, key: ScalarNode) -> int:
        index = key.end_mark.index
        while self.text[index] in " \t":
            index += 1
        if self.text[index] != ":":
            raise _Unsupported("a key without its colon right after it")
        return index + 1

    def source(self, node: Node) -> str:
        return self.text[node.start_mark.index : node.end_mark.index]


def _block(node: Node | None, kind: type[Node]) -> bool:
    return isinstance(node, kind) and not node.flow_style  # type: ignore[attr-defined]


def _list_offset(root: Node, text: _Text) -> int:
    """How far the file indents a list under its key (0: `- ` under the key, 2: indented), from its first block list."""
    stack: list[Node] = [root]
    while stack:
        node = stack.pop(0)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if _block(value, SequenceNode) and value.value:
                    dash = text.text.rfind("-", 0, value.value[0].start_mark.index)
                    return max(0, dash - text.line_start(dash) - int(key.start_mark.column))
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return 0


def _edits(root: Node, plan: dict[str, Any], text: _Text, year: int) -> Iterator[_Edit]:
    year_node, status_node = _node(root, ("plan", "year")), _node(root, ("plan", "status"))
    if not isinstance(year_node, ScalarNode) or not isinstance(status_node, ScalarNode):
        raise _Unsupported("plan.year or plan.status is not a plain value")
    yield _Edit(year_node.start_mark.index, year_node.end_mark.index, str(year))
    yield _Edit(status_node.start_mark.index, status_node.end_mark.index, "draft")
    for path, leaves in _LEAVES:
        node, items = _node(root, path), _get(plan, path)
        if not isinstance(items, list) or not any(leaves(item) for item in items):
            continue
        if not _block(node, SequenceNode):
            raise _Unsupported("a flow-style list with items that leave")
        assert isinstance(node, SequenceNode)
        for item_node, item in zip(node.value, items, strict=True):
            if leaves(item):
                yield _Edit(*text.lines_of(item_node, item_node), "")
        if all(leaves(item) for item in items):
            key = _entry(_node(root, path[:-1]), path[-1])
            assert key is not None
            yield _Edit(text.after_colon(key[0]), text.after_colon(key[0]), " []")
    emptied: set[tuple[str, ...]] = set()
    for *parent_path, name in _DROPPED:
        parent = _node(root, tuple(parent_path))
        found = _entry(parent, name)
        if found is None:
            continue
        if not _block(parent, MappingNode):
            raise _Unsupported("a flow-style mapping with keys that leave")
        yield _Edit(*text.lines_of(*found), "")
        assert isinstance(parent, MappingNode)
        dropped_here = {dropped[-1] for dropped in _DROPPED if dropped[:-1] == tuple(parent_path)}
        if all(key.value in dropped_here for key, _ in parent.value):
            emptied.add(tuple(parent_path))
    held = _held_review(plan.get("annual_review"))
    review = _node(root, ("annual_review",))
    if held and isinstance(review, MappingNode):
        yield from _hold_review(review, held, text, _list_offset(root, text))
        emptied.discard(("annual_review",))
    for path in emptied:
        key = _entry(_node(root, path[:-1]), path[-1])
        assert key is not None
        yield _Edit(text.after_colon(key[0]), text.after_colon(key[0]), " {}")


def _hold_review(review: MappingNode, held: dict[str, Any], text: _Text, offset: int) -> Iterator[_Edit]:
    """This year's review as the first of the earlier reviews, written in the file's own style."""
    date, outcome = _entry(review, "date"), _entry(review, "outcome")
    assert date is not None
    item = [f"date: {text.source(date[1])}"]
    if outcome is not None and "summary" in held:
        # the outcome as written, unless it spans lines (its indentation would not fit its new place)
        written = text.source(outcome[1])
        item.append(f"summary: {written if chr(10) not in written else json.dumps(held['summary'], ensure_ascii=False)}")
    earlier = _entry(review, "earlier_reviews")
    if earlier is not None:
        first = earlier[1].value[0] if _block(earlier[1], SequenceNode) and earlier[1].value else None
        if first is None:
            raise _Unsupported("earlier_reviews is empty or flow-style")
        dash = text.text.rfind("-", 0, first.start_mark.index)
        at, indent = text.line_start(dash), " " * (dash - text.line_start(dash))
        yield _Edit(at, at, f"{indent}- {item[0]}\n" + "".join(f"{indent}  {line}\n" for line in item[1:]))
        return
    key_indent = " " * review.value[0][0].start_mark.column
    indent = key_indent + " " * offset
    at = text.line_end(_last(review).end_mark.index)
    lines = [f"{key_indent}earlier_reviews:", f"{indent}- {item[0]}", *(f"{indent}  {line}" for line in item[1:])]
    yield _Edit(at, at, ("" if text.text[at - 1 : at] == "\n" else "\n") + "\n".join(lines) + "\n")


def _apply(text: str, edits: list[_Edit]) -> str:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise _Unsupported("edits overlap")
    out, done = [], 0
    for edit in ordered:
        out += [text[done : edit.start], edit.text]
        done = edit.end
    return "".join([*out, text[done:]])


def _compose(text: str) -> Node:
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is None:
        raise RolloverError("the plan is empty")
    return root


def _edited(text: str, root: Node, document: Document, expected: dict[str, Any], year: int) -> str | None:
    try:
        rolled = _apply(text, list(_edits(root, document.data, _Text(text), year)))
    except _Unsupported:
        return None
    check = parse_text(rolled, document.file)
    return rolled if isinstance(check, Document) and check.data == expected else None


def _round_trip_yaml(text: str) -> Any:
    # imported here: only plans the text edit cannot handle need it
    from ruamel.yaml import YAML

    offset = _list_offset(_compose(text), _Text(text))
    yaml = YAML()  # round-trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = sys.maxsize  # long text stays on one line: rewrapping would show as a change
    yaml.indent(mapping=2, sequence=2 + offset, offset=offset)
    return yaml


def load_round_trip(text: str) -> Any:
    """A plan's text as round-trip data: edit it in place, then `dump` it with the same text."""
    return _round_trip_yaml(text).load(text)


def dump(plan: Any, text: str) -> str:
    """The round-trip data of `text`, written back in the style of `text` (its list indentation, no rewrapping)."""
    out = io.StringIO()
    _round_trip_yaml(text).dump(plan, out)
    return out.getvalue()


def rollover_text(text: str, year: int, file: str = "plan.yaml") -> str:
    """The text of next year's plan from this year's plan text."""
    document = parse_text(text, file)
    if not isinstance(document, Document):
        raise RolloverError(f"{document.file}:{document.line}:{document.column}: {document.message}")
    expected = copy.deepcopy(document.data)
    roll(expected, year)
    root = _compose(text)
    edited = _edited(text, root, document, expected, year)
    if edited is not None:
        return edited
    plan = load_round_trip(text)
    roll(plan, year)
    return dump(plan, text)


def roll_file(source: Path, year: int) -> str:
    """Next year's text of a plan file (a module-level function: worker processes roll many at once)."""
    return rollover_text(source.read_text(encoding="utf-8-sig"), year, str(source))


def unified(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), old_name, new_name))
