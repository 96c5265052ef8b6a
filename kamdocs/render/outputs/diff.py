"""`kam diff` and the site's changes page: a change in words, and whole diffs as text, Markdown or JSON."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from kamdocs.view.compare import PlanDiff, describe
from kamdocs.view.labels import label
from kamdocs.view.numbers import value_text

MARKS = {"added": "+", "removed": "-", "changed": "~"}


def _years(diff: PlanDiff) -> str:
    return f"{diff.old_year or '—'} → {diff.new_year or '—'}"


def diff_data(diffs: Sequence[PlanDiff]) -> list[dict[str, Any]]:
    return [
        {
            "file": d.file,
            "account": d.account,
            "status": d.status,
            "old_year": d.old_year,
            "new_year": d.new_year,
            "changes": [
                {"path": list(c.path), "kind": c.kind, "old": c.old, "new": c.new, "delta": c.delta, "ratio": c.ratio} for c in d.changes
            ],
            "figures": [{"key": f.key, "old": f.old.value, "new": f.new.value, "unit": f.new.unit} for f in d.figures],
        }
        for d in diffs
    ]


def _plain(text: str, **_: Any) -> str:
    return text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]!|~#])")


def _markdown_text(text: str) -> str:
    """Plan text as plain words in a pull-request comment: one line, no HTML, no Markdown (no image, no link)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.splitlines()), quote=False))


def _code(text: str) -> str:
    """A key path or file name as a code span (no HTML, no Markdown inside), fenced by more backticks than it holds."""
    text = " ".join(text.splitlines()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


COLOURS = {"added": "green", "removed": "red", "changed": "yellow"}


def render_diff(diffs: Sequence[PlanDiff], fmt: str, language: str, currency: str, style: Callable[..., str] = _plain) -> str:
    """`style` colours the text format (click.style on a terminal)."""
    if fmt == "json":
        return json.dumps(diff_data(diffs), indent=2, ensure_ascii=False, default=str) + "\n"
    if not diffs:
        return "No plan changed.\n" if fmt == "text" else "**No plan changed.**\n"
    if fmt == "markdown":
        out = ["| Plan | Years | Status | Changes | Forecast |", "|---|---|---|---:|---|"]
        for d in diffs:
            forecast = next((f for f in d.figures if f.key == "forecast"), None)
            moved = f"{value_text(forecast.old, language, currency)} → {value_text(forecast.new, language, currency)}" if forecast else ""
            out.append(f"| {_code(d.file)} | {_years(d)} | {d.status} | {len(d.changes)} | {moved} |")
        for d in diffs:
            out += [
                "",
                f"<details><summary><code>{html.escape(' '.join(d.file.splitlines()))}</code>: {len(d.changes)} changes</summary>",
                "",
            ]
            out += [f"- `{MARKS[c.kind]}` {_code('.'.join(map(str, c.path)))}: {_markdown_text(describe(c, language))}" for c in d.changes]
            out += [
                f"- figure **{label(f.key, language)}**: {value_text(f.old, language, currency)} → {value_text(f.new, language, currency)}"
                for f in d.figures
            ]
            out += ["", "</details>"]
        return "\n".join(out) + "\n"
    out = []
    for d in diffs:
        out.append(
            style(f"{d.file} ({d.account} {_years(d)}, {d.status}): {len(d.changes)} changes, {len(d.figures)} figures changed", bold=True)
        )
        out += [style(f"  {MARKS[c.kind]} {'.'.join(c.path)}: {describe(c, language)}", fg=COLOURS[c.kind]) for c in d.changes]
        out += [
            f"  ~ {label(f.key, language)}: {value_text(f.old, language, currency)} → {value_text(f.new, language, currency)}"
            for f in d.figures
        ]
    return "\n".join(out) + "\n"
