"""Plan format 1 -> 2, with the round-trip writer of `kam rollover`: comments, key order, `x-` keys and every
value are kept. A value moves (a contact's one buying role into the list of roles, a care measure's free-text
frequency into a structured interval or into `occasion`), it never vanishes: where a value is rewritten, the
old text stays beside it as a comment, so the diff of a migration is a plain, reviewable pull request."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamdocs.core.formats import CURRENT, interval_of, upgrade
from kamdocs.core.loader import load_file, parse_text
from kamdocs.core.problem import Problem, Severity
from kamdocs.core.validate import FORMAT_RULE, check_document, display_name
from kamdocs.figures.figure import because
from kamdocs.history.rollover import dump, load_round_trip


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a migration changed, said so that a reviewer can check it in the diff."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Migration:
    """A plan's text before and after, and what changed; `changes` is empty for a plan already in format 2."""

    old: str
    new: str
    changes: tuple[Change, ...]


class NotMigratable(Exception):
    """The plan is in no format this version knows how to carry forward."""


def plan_format(data: Any) -> Any:
    """The value of the format marker (1, 2, or whatever a hand wrote there)."""
    return data.get("kamdocs") if isinstance(data, dict) else None


# a value as written after its key: quoted, or plain up to a comment, a comma or a bracket
_SCALAR = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^,\[\]{}#\n]*[^,\[\]{}#\s]")


@dataclass(frozen=True, slots=True)
class _Edit:
    """Replace columns start..end of a line (0-based) by `text`."""

    line: int
    start: int
    end: int
    text: str


class _Plan:
    """The round-trip data of a plan and the text edits that make the same change in place."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = load_round_trip(text)
        self.edits: list[_Edit] = []
        self.changes: list[Change] = []

    def value_span(self, mapping: Any, key: str) -> tuple[int, int, int]:
        line, column = mapping.lc.value(key)
        found = _SCALAR.match(self.text.splitlines()[line], column)
        return line, column, found.end() if found else column

    def source(self, mapping: Any, key: str) -> str:
        """The value of `key` as written in the text."""
        line, start, end = self.value_span(mapping, key)
        return self.text.splitlines()[line][start:end]

    def rename(self, mapping: Any, old: str, new: str, value: Any, shown: str) -> None:
        """Put `value` (written as `shown`) under `new` where `old` was: same position, same comment."""
        key_line, key_column = mapping.lc.key(old)
        line, start, end = self.value_span(mapping, old)
        self.edits += [_Edit(line, start, end, shown), _Edit(key_line, key_column, key_column + len(old), new)]
        position = list(mapping).index(old)
        comment = mapping.ca.items.pop(old, None)
        del mapping[old]
        mapping.insert(position, new, value)
        if comment is not None:
            mapping.ca.items[new] = comment

    def replace(self, mapping: Any, key: str, value: Any, shown: str, note: str) -> None:
        """A new value for `key`, the old one kept as a comment `note` at the end of its line."""
        line, start, end = self.value_span(mapping, key)
        self.edits.append(_Edit(line, start, end, shown))
        if "#" not in self.text.splitlines()[line][end:]:
            length = len(self.text.splitlines()[line])
            self.edits.append(_Edit(line, length, length, f"  # {note}"))
        mapping[key] = value

    def patched(self) -> str:
        """The text with the edits made in place; the round-trip writer's text when the two would differ."""
        lines = self.text.splitlines(keepends=True)
        for edit in sorted(self.edits, key=lambda e: (e.line, e.start), reverse=True):
            body = lines[edit.line].rstrip("\r\n")
            lines[edit.line] = body[: edit.start] + edit.text + body[edit.end :] + lines[edit.line][len(body) :]
        text = "".join(lines)
        # the edits are checked against what format 1 means in format 2: a plan written in a way they do not
        # foresee is written whole by the round-trip writer
        expected = upgrade(_plain(load_round_trip(self.text)))
        if _plain(load_round_trip(text)) == expected:
            return text
        written = dump(self.data, self.text)
        if _plain(load_round_trip(written)) != expected:
            raise NotMigratable("the migrated plan would not mean what the format-1 plan meant: report this plan as a bug")
        return written


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    return data


def _flow(items: Any) -> Any:
    """A short list or mapping written on one line, as people write them in plans."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = CommentedMap(items) if isinstance(items, dict) else CommentedSeq(items)
    node.fa.set_flow_style()
    return node


def _shown(interval: Any) -> str:
    return interval if isinstance(interval, str) else f"{{every: {interval['every']}, unit: {interval['unit']}}}"


def _buying_roles(plan: _Plan) -> None:
    for index, contact in enumerate(plan.data.get("contacts") or []):
        if isinstance(contact, dict) and "buying_role" in contact:
            role = contact["buying_role"]
            plan.rename(contact, "buying_role", "buying_roles", _flow([role]), f"[{role}]")
            plan.changes.append(
                Change(f"contacts[{index}].buying_roles", because("buying_role {role} became the list buying_roles: [{role}]", role=role))
            )


def _frequencies(plan: _Plan) -> None:
    care = plan.data.get("care")
    measures = (care.get("measures") or []) if isinstance(care, dict) else []
    for index, measure in enumerate(measures):
        if not isinstance(measure, dict) or not isinstance(measure.get("frequency"), str):
            continue
        text = measure["frequency"]
        interval = interval_of(text)
        where = f"care.measures[{index}]"
        if interval is None:
            plan.rename(measure, "frequency", "occasion", text, plan.source(measure, "frequency"))
            plan.changes.append(
                Change(f"{where}.occasion", because("frequency '{text}' names no regular interval: moved to occasion", text=text))
            )
        elif interval != text:
            plan.replace(
                measure, "frequency", _flow(interval) if isinstance(interval, dict) else interval, _shown(interval), f"format 1: {text}"
            )
            plan.changes.append(
                Change(
                    f"{where}.frequency",
                    because("frequency '{text}' became {interval} (the old text stays as a comment)", text=text, interval=_shown(interval)),
                )
            )


def migrate_text(text: str) -> Migration:
    """Carry one plan's text to format 2; a plan already in format 2 comes back unchanged."""
    plan = _Plan(text)
    found = plan_format(plan.data)
    if found == CURRENT:
        return Migration(text, text, ())
    if found != 1:
        raise NotMigratable(f"kamdocs: {found} is no plan format this version knows (1 or {CURRENT})")
    line, start, end = plan.value_span(plan.data, "kamdocs")
    plan.edits.append(_Edit(line, start, end, str(CURRENT)))
    plan.data["kamdocs"] = CURRENT
    plan.changes.append(Change("kamdocs", because("format marker 1 became {format}", format=CURRENT)))
    _buying_roles(plan)
    _frequencies(plan)
    return Migration(text, plan.patched(), tuple(plan.changes))


@dataclass(frozen=True, slots=True)
class PlanMigration:
    """One plan file carried forward, or the problems that stop it (then nothing is written anywhere)."""

    path: Path
    display: str
    migration: Migration | None
    problems: tuple[Problem, ...]


def _check(text: str, display: str, path: Path, schema_path: Path, as_of: dt.date) -> list[Problem]:
    parsed = parse_text(text, display)
    if isinstance(parsed, Problem):
        return [parsed]
    problems = check_document(parsed, schema_path, as_of, path)
    return [p for p in problems if p.rule != FORMAT_RULE and p.severity is Severity.ERROR]


def migrate_file(path: Path, display: str, schema_path: Path, as_of: dt.date) -> PlanMigration:
    """Check the plan in its own format, carry it to the current one, and check the result."""
    loaded = load_file(path, display)
    if isinstance(loaded, Problem):
        return PlanMigration(path, display, None, (loaded,))
    before = _check(loaded.text, display, path, schema_path, as_of)
    if before:
        return PlanMigration(path, display, None, tuple(before))
    from ruamel.yaml.error import YAMLError  # imported here, as in rollover: not at start-up of every kam command

    try:
        migration = migrate_text(loaded.text)
    except (NotMigratable, YAMLError) as err:
        message = str(err).replace("\n", " ")
        return PlanMigration(path, display, None, (Problem(display, 1, 1, "kamdocs", "migrate", message),))
    after = _check(migration.new, display, path, schema_path, as_of) if migration.changes else []
    return PlanMigration(path, display, None if after else migration, tuple(after))


def migrate_files(files: Sequence[Path], schema_path: Path, as_of: dt.date, base: Path) -> list[PlanMigration]:
    """Every plan migrated in memory; write them only when none has a problem (all or nothing)."""
    return [migrate_file(path, display_name(path, base), schema_path, as_of) for path in files]
