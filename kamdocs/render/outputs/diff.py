"""`kam diff`: comparisons as text, Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from kamdocs.view.compare import ChangeLine, Comparison, FigureChangeLine, word_ops
from kamdocs.view.reader import Reader

MARKS = {"added": "+", "removed": "-", "changed": "~"}
COLOURS = {"added": "green", "removed": "red", "changed": "yellow"}


def word_changes(old: str, new: str) -> str:
    """Words removed as [-…-] and added as {+…+}, as `git diff --word-diff` writes them."""
    marks = {"equal": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    return " ".join(marks[op].format(words) for op, words in word_ops(old, new))


def describe(line: ChangeLine) -> str:
    """old → new with the difference, a word diff for long text; the value of an added or removed entry."""
    if line.kind != "changed":
        return line.new_text if line.kind == "added" else line.old_text
    if line.long_text:
        return word_changes(line.old, line.new)
    return f"{line.old_text} → {line.new_text}" + (f" ({line.difference})" if line.difference else "")


def figure_change(line: FigureChangeLine) -> str:
    return f"{line.old_text} → {line.new_text}" + (f" ({line.difference})" if line.difference else "")


def _years(diff: Comparison) -> str:
    return f"{diff.old_year or '—'} → {diff.new_year or '—'}"


def diff_data(diffs: Sequence[Comparison]) -> list[dict[str, Any]]:
    return [
        {
            "file": d.file,
            "account": d.account,
            "status": d.status,
            "old_year": d.old_year,
            "new_year": d.new_year,
            "changes": [
                {"path": list(c.path), "where": c.where, "kind": c.kind, "old": c.old, "new": c.new, "delta": c.delta, "ratio": c.ratio}
                for c in d.changes
            ],
            "figures": [
                {"key": f.key, "label": f.label, "old": f.old.value, "new": f.new.value, "unit": f.new.unit, "difference": f.difference}
                for f in d.figures
            ],
        }
        for d in diffs
    ]


def _plain(text: str, **_: Any) -> str:
    return text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]!|~#])")


def _cell(text: str) -> str:
    """Plan text as plain words in a pull-request comment: one line, no HTML, no Markdown (no image, no link)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _code(text: str) -> str:
    """A file name as a code span (no HTML, no Markdown inside), fenced by more backticks than it holds."""
    text = " ".join(text.splitlines()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _summary(d: Comparison, reader: Reader) -> str:
    if d.status != "changed":
        return d.status_label
    return reader.text("changes_count").format(count=len(d.changes)) + ", " + reader.text("figures_count").format(count=len(d.figures))


def render_diff(diffs: Sequence[Comparison], reader: Reader, fmt: str, style: Callable[..., str] = _plain) -> str:
    """`style` colours the text format (click.style on a terminal)."""
    if fmt == "json":
        return json.dumps(diff_data(diffs), indent=2, ensure_ascii=False, default=str) + "\n"
    if not diffs:
        return reader.text("no_plan_changed") + "\n" if fmt == "text" else f"**{reader.text('no_plan_changed')}**\n"
    text = reader.text
    if fmt == "markdown":
        out = [
            f"| {text('plan_file')} | {text('years')} | {text('status')} | {text('changes_col')} | {reader.label('forecast')} |",
            "|---|---|---|---:|---|",
        ]
        for d in diffs:
            forecast = next((f for f in d.figures if f.key == "forecast"), None)
            moved = f"{forecast.old_text} → {forecast.new_text}" if forecast else ""
            out.append(f"| {_code(d.file)} | {_years(d)} | {_cell(d.status_label)} | {len(d.changes)} | {_cell(moved)} |")
        for d in diffs:
            out += [
                "",
                f"<details><summary><code>{html.escape(' '.join(d.file.splitlines()))}</code>: {html.escape(_summary(d, reader))}</summary>",
                "",
            ]
            out += [f"- `{MARKS[c.kind]}` {_cell(c.where)}: {_cell(describe(c))}" for c in d.changes]
            out += [f"- **{_cell(f.label)}**: {_cell(figure_change(f))}" for f in d.figures]
            out += ["", "</details>"]
        return "\n".join(out) + "\n"
    out = []
    for d in diffs:
        out.append(style(f"{d.file} ({d.name}, {_years(d)}): {_summary(d, reader)}", bold=True))
        out += [style(f"  {MARKS[c.kind]} {c.where}: {describe(c)}", fg=COLOURS[c.kind]) for c in d.changes]
        out += [f"  ~ {f.label}: {figure_change(f)}" for f in d.figures]
    return "\n".join(out) + "\n"
