"""Strict, safe YAML loading: plain data or a Problem, never an exception on bad input.

YAML 1.1 surprises are switched off (only true/false are booleans, dates stay
strings, no sexagesimal numbers), duplicate keys and aliases are errors, and
only the standard scalar, sequence and mapping tags are accepted.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

from kamdocs.core.problem import Problem

if yaml.__with_libyaml__:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
else:  # pragma: no cover - PyYAML built without libyaml: same behaviour, slower

    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)


MAX_BYTES = 1_000_000
"""Larger files are refused: a rich plan is about 30 kB."""

_RULE = "yaml"

_INDENT = re.compile(r"[ \t-]*")


def _tab_column(text: str, index: int) -> int | None:
    """The column of a tab in the indentation (spaces and list dashes) of the line where parsing failed, if any."""
    start = text.rfind("\n", 0, index) + 1
    indent = _INDENT.match(text, start)
    found = text.find("\t", start, max(indent.end() if indent else start, index + 1))
    return found - start + 1 if found >= 0 else None


class _Resolver(yaml.resolver.BaseResolver):
    """The YAML 1.2 core schema: no yes/no/on/off booleans, no timestamps."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}


for _tag, _regexp, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _Resolver.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


_BY_FIRST: dict[str | None, list[tuple[str, re.Pattern[str]]]] = _Resolver.yaml_implicit_resolvers
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class StrictLoader(_Parser, _Resolver):
    """libyaml's parser and composer with the YAML 1.2 core resolver: yields nodes."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)

    # Called for every node of every plan: BaseResolver.resolve without the path resolvers we never register.
    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _BY_FIRST.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    # No path resolvers are registered: skip the bookkeeping for every node.
    def descend_resolver(self, current_node: Node | None, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _Refused(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _int(text: str) -> int:
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


_SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda text: {"true": True, "false": False}[text.lower()],
    "tag:yaml.org,2002:null": lambda text: None,
}


def _tag_refused(node: Node) -> _Refused:
    return _Refused(node, f"tag {node.tag} is not allowed: plans hold text, numbers, true/false, lists and mappings")


def _to_data(node: Node, seen: set[int]) -> Any:
    """Plain data from a node tree; refuses aliases, duplicate keys and other tags.

    PyYAML's constructor would build shared objects for aliases (an alias bomb
    then explodes in every later walk) and keep the last of duplicate keys.
    """
    if id(node) in seen:
        raise _Refused(node, "aliases (*name) are not allowed in plans")
    seen.add(id(node))
    if isinstance(node, ScalarNode):
        construct = _SCALARS.get(node.tag)
        if construct is None:
            raise _tag_refused(node)
        try:
            return construct(node.value)
        except (ValueError, KeyError):
            raise _Refused(node, f"'{node.value}' is not a valid {node.tag.rsplit(':', 1)[-1]}") from None
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ:
            raise _tag_refused(node)
        return [_to_data(child, seen) for child in node.value]
    if node.tag != _MAP:
        raise _tag_refused(node)
    data: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise _Refused(key_node, "a key must be plain text, not a list or mapping")
        key = key_node.value
        if key in data:
            first = next(k for k, _ in node.value if k.value == key)
            raise _Refused(key_node, f"duplicate key '{key}' (first at line {first.start_mark.line + 1})")
        data[key] = _to_data(value_node, seen)
    return data


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded plan: its file, its text (for positions) and its data."""

    file: str
    text: str
    data: dict[str, Any]


def _problem(file: str, line: int, column: int, message: str, rule: str = _RULE) -> Problem:
    return Problem(file=file, line=line, column=column, path="", rule=rule, message=message)


def _decode(raw: bytes, file: str) -> str | Problem:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _problem(file, 1, 1, "file is UTF-16/UTF-32: save it as UTF-8", "encoding")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        line = raw.count(b"\n", 0, err.start) + 1
        column = len(raw[line_start : err.start].decode("utf-8", "replace")) + 1
        return _problem(file, line, column, f"not UTF-8 (byte 0x{raw[err.start]:02x}): save the file as UTF-8", "encoding")


def _alias_position(text: str) -> tuple[int, int] | None:
    for event in yaml.parse(text, Loader=StrictLoader):  # type: ignore[arg-type]
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None


def parse_text(text: str, file: str) -> Document | Problem:
    """Parse plan text; the top level must be a mapping."""
    if not text.strip():
        return _problem(file, 1, 1, "file is empty: a plan needs at least kamdocs, account and plan", "empty")
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else _to_data(root, set())
    except _Refused as err:
        mark = err.node.start_mark
        line, column = mark.line + 1, mark.column + 1
        if err.message.startswith("aliases"):
            line, column = _alias_position(text) or (line, column)
            return _problem(file, line, column, f"{err.message}: write the value out instead")
        return _problem(file, line, column, err.message)
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        return _problem(file, line, column, f"character U+{err.character:04X} is not allowed: {err.reason}")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = _tab_column(text, mark.index) if mark else None
        if tab:
            # libyaml says "found character that cannot start any token" or speaks of a tab: say what to do
            return _problem(file, line, tab, "a tab indents this line: YAML indents with spaces")
        message = ": ".join(part for part in (err.context, err.problem) if part)
        return _problem(file, line, column, message)
    except yaml.YAMLError as err:
        return _problem(file, 1, 1, str(err).replace("\n", " "))
    except RecursionError:
        return _problem(file, 1, 1, "nesting is too deep for a plan")
    finally:
        loader.dispose()
    if data is None:
        return _problem(file, 1, 1, "file holds no data, only comments: a plan needs at least kamdocs, account and plan", "empty")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return _problem(file, 1, 1, f"the top level must be a mapping (key: value), not {kind}", "top-level")
    return Document(file=file, text=text, data=data)


def load_file(path: Path, display: str | None = None) -> Document | Problem:
    """Read and parse one plan file; `display` is the name problems use."""
    file = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return _problem(file, 1, 1, "file not found", "io")
    except IsADirectoryError:
        return _problem(file, 1, 1, "is a folder, not a plan file", "io")
    except OSError as err:
        return _problem(file, 1, 1, f"cannot read: {err.strerror}", "io")
    return parse_bytes(raw, file)


def parse_bytes(raw: bytes, file: str) -> Document | Problem:
    """Plan bytes, from a file or from Git: the size bound, UTF-8, then the strict parse."""
    if len(raw) > MAX_BYTES:
        return _problem(file, 1, 1, f"file is larger than {MAX_BYTES:,} bytes: a plan is far smaller, split or trim it", "size")
    text = _decode(raw, file)
    if isinstance(text, Problem):
        return text
    return parse_text(text, file)
