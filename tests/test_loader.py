from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamdocs.core.loader import MAX_BYTES, Document, load_file, parse_text
from kamdocs.core.problem import Problem


def problem(text: str) -> Problem:
    result = parse_text(text, "plan.yaml")
    assert isinstance(result, Problem), f"expected a problem, got {result}"
    assert result.file == "plan.yaml"
    return result


def data(text: str) -> dict:
    result = parse_text(text, "plan.yaml")
    assert isinstance(result, Document), result
    return result.data


def test_yaml_1_1_surprises_are_off() -> None:
    loaded = data("country: NO\nanswer: yes\nflag: on\nday: 2026-01-01\ntime: 1:30\nzip: 010\nok: true\nbad: false\n")
    assert loaded == {
        "country": "NO",
        "answer": "yes",
        "flag": "on",
        "day": "2026-01-01",
        "time": "1:30",
        "zip": 10,
        "ok": True,
        "bad": False,
    }


def test_numbers_and_null_follow_yaml_1_2() -> None:
    assert data("a: 0x1F\nb: 0o17\nc: -2.5e3\nd: ~\ne:\nf: null\ng: .5\nh: 1_000\ni: .inf\n") == {
        "a": 31,
        "b": 15,
        "c": -2500.0,
        "d": None,
        "e": None,
        "f": None,
        "g": 0.5,
        "h": "1_000",
        "i": ".inf",
    }


def test_explicit_standard_tags_are_accepted() -> None:
    assert data("a: !!str 12\nb: !!int '7'\n") == {"a": "12", "b": 7}


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1)"),
        ("outer:\n  x: 1\n  x: 2\n", 3, 3, "duplicate key 'x'"),
        ("a: &x [1, 2]\nb: *x\n", 2, 4, "aliases (*name) are not allowed"),
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\n", 2, 8, "aliases"),
        ("a: &a [*a]\n", 1, 8, "aliases"),
        ("a: !!python/object/apply:os.system ['echo hi']\n", 1, 4, "tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
        ("a: !!binary aGk=\n", 1, 4, "tag tag:yaml.org,2002:binary is not allowed"),
        ("a: !!timestamp 2026-01-01\n", 1, 4, "timestamp is not allowed"),
        ("a: !custom 1\n", 1, 4, "tag !custom is not allowed"),
        ("a: !!int abc\n", 1, 4, "'abc' is not a valid int"),
        ("a: !!bool yes\n", 1, 4, "'yes' is not a valid bool"),
        ("? [1, 2]\n: x\n", 1, 3, "a key must be plain text"),
        ("a: [1, 2\nb: 3\n", 2, 2, "did not find expected ',' or ']'"),
        ("a: 1\n\tb: 2\n", 2, 1, "tab"),
        ("a: 1\n---\nb: 2\n", 2, 1, "expected a single document"),
        ("a: x\n  \x00\n", 2, 3, "U+0000 is not allowed"),
        ("- 1\n- 2\n", 1, 1, "the top level must be a mapping (key: value), not a list"),
        ("just text\n", 1, 1, "not a single value"),
        ("", 1, 1, "file is empty"),
        ("  \n\n", 1, 1, "file is empty"),
        ("# only a comment\n", 1, 1, "only comments"),
        ("a: " + "[" * 2000 + "]" * 2000 + "\n", 1, 1003, "nesting depth"),
    ],
)
def test_bad_input_gives_one_problem_with_position(text: str, line: int, column: int, words: str) -> None:
    found = problem(text)
    assert (found.line, found.column) == (line, column)
    assert words in found.message
    assert "\n" not in found.message


def test_merge_key_is_just_an_unknown_key() -> None:
    # `<<` needs aliases to merge anything; without them it stays a plain key for the schema to refuse
    assert data("a: {x: 1}\n<<: {y: 2}\n") == {"a": {"x": 1}, "<<": {"y": 2}}


def write(tmp_path: Path, raw: bytes, name: str = "2026.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def test_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + "name: Müller\r\nnote: ok\r\n".encode())
    loaded = load_file(path)
    assert isinstance(loaded, Document)
    assert loaded.data == {"name": "Müller", "note": "ok"}


def test_crlf_keeps_line_numbers(tmp_path: Path) -> None:
    found = load_file(write(tmp_path, b"a: 1\r\nb: 2\r\na: 3\r\n"))
    assert isinstance(found, Problem) and found.line == 3


def test_latin1_is_refused_at_the_byte(tmp_path: Path) -> None:
    found = load_file(write(tmp_path, "a: 1\nname: Müller\n".encode("latin-1")))
    assert isinstance(found, Problem)
    assert (found.line, found.column, found.rule) == (2, 8, "encoding")
    assert "not UTF-8 (byte 0xfc)" in found.message


def test_utf16_is_refused(tmp_path: Path) -> None:
    found = load_file(write(tmp_path, "a: 1\n".encode("utf-16")))
    assert isinstance(found, Problem) and "UTF-16" in found.message


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    found = load_file(write(tmp_path, b"a: " + b"x" * (MAX_BYTES + 10) + b"\n"))
    assert isinstance(found, Problem)
    assert found.rule == "size" and "larger than 1,000,000 bytes" in found.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = load_file(tmp_path / "nope.yaml")
    assert isinstance(missing, Problem) and missing.message == "file not found"
    folder = load_file(tmp_path)
    assert isinstance(folder, Problem) and "is a folder" in folder.message


def test_display_name_is_used(tmp_path: Path) -> None:
    found = load_file(write(tmp_path, b""), display="accounts/x/2026.yaml")
    assert isinstance(found, Problem) and found.file == "accounts/x/2026.yaml"


def test_loading_does_not_change_the_file(tmp_path: Path) -> None:
    raw = b"a: 1\na: 2\n"
    path = write(tmp_path, raw)
    load_file(path)
    assert path.read_bytes() == raw


YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            "b",
            ":",
            " ",
            "  ",
            "\n",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x ",
            "*x",
            "!!str ",
            "!t ",
            "'",
            '"',
            "#",
            "?",
            "|",
            ">",
            "---",
            "...",
            "%YAML 1.2",
            "\t",
            "1",
            "0x",
            "true",
            "~",
            "\x00",
            "\ufeff",
            "é",
            "\r\n",
            "<<",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(YAMLISH)
def test_parse_never_raises_on_yaml_like_text(text: str) -> None:
    result = parse_text(text, "f.yaml")
    assert isinstance(result, (Document, Problem))
    if isinstance(result, Problem):
        assert result.line >= 1 and result.column >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parse_never_raises_on_any_text(text: str) -> None:
    assert isinstance(parse_text(text, "f.yaml"), (Document, Problem))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_load_never_raises_on_any_bytes(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("raw") / "2026.yaml"
    path.write_bytes(raw)
    assert isinstance(load_file(path), (Document, Problem))


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("a:\n  b: 1\n\tc: 2\n", 3, 1), ("a:\n  b: 1\n  \tc: 2\n", 3, 3), ("a:\n\t- 1\n", 2, 1), ("- a\n-\tb: 1\n\t  c: 2\n", 2, 2)],
)
def test_promise_a_tab_in_the_indentation_is_named_where_it_is(text: str, line: int, column: int) -> None:
    problem = parse_text(text, "p.yaml")
    assert isinstance(problem, Problem)
    assert (problem.line, problem.column, problem.message) == (line, column, "a tab indents this line: YAML indents with spaces")
