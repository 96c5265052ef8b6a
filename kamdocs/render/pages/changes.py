"""The year-over-year page: what changed between two consecutive plans of an account."""

from __future__ import annotations

import datetime as dt

from kamdocs.render.markup import escape
from kamdocs.render.pages.html import block, html_table, md, table
from kamdocs.render.pages.render import PageSource
from kamdocs.view.compare import ChangeLine, Comparison, word_ops
from kamdocs.view.reader import Reader

_MARKS = {"equal": "{}", "removed": "<del>{}</del>", "added": "<ins>{}</ins>"}


def word_diff(old: str, new: str) -> str:
    """HTML: removed words struck through, added words marked."""
    return " ".join(_MARKS[op].format(escape(words)) for op, words in word_ops(old, new))


SUMMARY = (
    "revenue",
    "forecast",
    "forecast_worst",
    "forecast_best",
    "weighted_pipeline",
    "completeness",
    "health",
    "ka_score",
    "nps",
    "csat",
)
"""The figures the page opens with, where they changed: where the account stands, before the details."""


def _shown(line: ChangeLine) -> str:
    if line.kind != "changed":
        return escape(line.new_text if line.kind == "added" else line.old_text)
    if line.long_text:
        return word_diff(line.old, line.new)
    return escape(f"{line.old_text} → {line.new_text}")


def moved_by_a_year(line: ChangeLine) -> bool:
    """A date the rollover moved: the same day one year later."""
    if line.kind != "changed" or not isinstance(line.old, str) or not isinstance(line.new, str):
        return False
    try:
        old, new = dt.date.fromisoformat(line.old), dt.date.fromisoformat(line.new)
    except ValueError:
        return False
    return (new.year - old.year, new.month, new.day) == (1, old.month, old.day) or (old.month, old.day, new.month, new.day) == (
        2,
        29,
        2,
        28,
    )


def changes_page(diff: Comparison, reader: Reader) -> PageSource:
    """The site's rendering of the comparison `kam diff` prints, as a story: where the account stands (the key
    figures, old, new, difference), then the plan's changes section by section, the dates the rollover moved in a line."""
    title = f"{diff.name}: {reader.text('changes')} {diff.old_year}"
    out = [f"# {md(diff.name)}: {reader.text('changes')} {diff.old_year} → {diff.new_year}", ""]
    headers = [reader.text("figure"), str(diff.old_year), str(diff.new_year), reader.text("difference")]
    key = {f.key: f for f in diff.figures}
    summary = [[escape(f.label), escape(f.old_text), escape(f.new_text), escape(f.difference)] for k in SUMMARY if (f := key.get(k))]
    if summary:
        out += [f"## {reader.text('summary')}", "", table(headers, summary, right=(1, 2, 3), css="kam-table"), ""]
    others = [[escape(f.label), escape(f.old_text), escape(f.new_text), escape(f.difference)] for f in diff.figures if f.key not in SUMMARY]
    out += [
        f"## {reader.text('changed_figures')}",
        "",
        table(headers, others, right=(1, 2, 3), css="kam-table") or reader.text("no_changes"),
        "",
    ]
    moved = [c for c in diff.changes if moved_by_a_year(c)]
    rest = [c for c in diff.changes if not moved_by_a_year(c)]
    out += [f"## {reader.text('changed_fields')}", ""]
    if moved:
        listed = "".join(f"<li>{escape(c.where)}: {escape(c.old_text)} → {escape(c.new_text)}</li>" for c in moved)
        line = reader.say("{count} dates moved by exactly one year, as the rollover moves them").format(count=len(moved))
        out += [block(f'<details class="kam-fold"><summary>{escape(line)}</summary><ul>{listed}</ul></details>'), ""]
    sections: dict[str, list[ChangeLine]] = {}
    for change in rest:
        sections.setdefault(change.path[0], []).append(change)
    for section, lines in sections.items():
        rows = [[escape(c.where), escape(c.kind_label), _shown(c), escape(c.difference)] for c in lines]
        heading = reader.field(reader.node(section), section)
        out += [
            f"### {md(heading)}",
            "",
            block(
                html_table(
                    [reader.text("field"), reader.text("kind"), reader.text("value"), reader.text("difference")],
                    rows,
                    "kam-table kam-diff",
                    right=(3,),
                )
            ),
            "",
        ]
    if not diff.changes:
        out += [reader.text("no_changes"), ""]
    return PageSource(title, "\n".join(out), searchable=False, hide=("navigation",))
