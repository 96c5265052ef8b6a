"""Strict, safe YAML loading: plain data or a Problem, never an exception on bad input.

YAML 1.1 surprises are switched off (only true/false are booleans, dates stay
strings, no sexagesimal numbers), duplicate keys and aliases are errors, and
only the standard scalar, sequence and mapping tags are accepted.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode

from kamdocs.problem import Problem

if yaml.__with_libyaml__:
    from yaml.cyaml import CParser as _Parser
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


class _AliasFound(ConstructorError):
    pass


class _Constructor(yaml.constructor.BaseConstructor):
    """Builds str, int, float, bool, None, list and dict only."""

    yaml_constructors: dict[str | None, Any] = {}

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        # A node met twice can only be reached through an alias.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasFound(None, None, "aliases (*name) are not allowed in plans", node.start_mark)
        return super().construct_object(node, deep=deep)

    def _scalar(self, node: ScalarNode) -> str:
        return self.construct_scalar(node)  # type: ignore[return-value]

    def construct_null(self, node: ScalarNode) -> None:
        return None

    def construct_bool(self, node: ScalarNode) -> bool:
        return self._scalar(node).lower() == "true"

    def construct_int(self, node: ScalarNode) -> int:
        text = self._scalar(node)
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text, 10)

    def construct_float(self, node: ScalarNode) -> float:
        return float(self._scalar(node))

    def construct_str(self, node: ScalarNode) -> str:
        return self._scalar(node)

    def construct_seq(self, node: Node) -> Any:
        data: list[Any] = []
        yield data
        data.extend(self.construct_sequence(node))  # type: ignore[arg-type]

    def construct_map(self, node: MappingNode) -> Any:
        data: dict[str, Any] = {}
        yield data
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise ConstructorError(None, None, "a key must be plain text, not a list or mapping", key_node.start_mark)
            key = key_node.value
            if key in first_line:
                raise ConstructorError(
                    None, None, f"duplicate key '{key}' (first at line {first_line[key]})", key_node.start_mark
                )
            first_line[key] = key_node.start_mark.line + 1
            data[key] = self.construct_object(value_node)

    def construct_unknown(self, node: Node) -> Any:
        raise ConstructorError(
            None, None, f"tag {node.tag} is not allowed: plans hold text, numbers, true/false, lists and mappings",
            node.start_mark,
        )


for _tag, _method in (
    ("null", _Constructor.construct_null),
    ("bool", _Constructor.construct_bool),
    ("int", _Constructor.construct_int),
    ("float", _Constructor.construct_float),
    ("str", _Constructor.construct_str),
    ("seq", _Constructor.construct_seq),
    ("map", _Constructor.construct_map),
):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _method)
_Constructor.add_constructor(None, _Constructor.construct_unknown)


class StrictLoader(_Parser, _Constructor, _Resolver):  # type: ignore[misc, valid-type]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


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
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None


def parse_text(text: str, file: str) -> Document | Problem:
    """Parse plan text; the top level must be a mapping."""
    if not text.strip():
        return _problem(file, 1, 1, "file is empty: a plan needs at least kamdocs, account and plan", "empty")
    loader = StrictLoader(text)
    try:
        data = loader.get_single_data()
    except _AliasFound as err:
        mark = err.problem_mark
        line, column = _alias_position(text) or (mark.line + 1, mark.column + 1)
        return _problem(file, line, column, f"{err.problem}: write the value out instead")
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        return _problem(file, line, column, f"character U+{err.character:04X} is not allowed: {err.reason}")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
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
    if len(raw) > MAX_BYTES:
        return _problem(file, 1, 1, f"file is larger than {MAX_BYTES:,} bytes: a plan is far smaller, split or trim it", "size")
    text = _decode(raw, file)
    if isinstance(text, Problem):
        return text
    return parse_text(text, file)
