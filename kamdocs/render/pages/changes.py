"""The year-over-year page: what changed between two consecutive plans of an account."""

from __future__ import annotations

from kamdocs.render.markup import escape
from kamdocs.render.pages.html import block, html_table, md, table
from kamdocs.render.pages.render import PageSource
from kamdocs.view.compare import ChangeLine, Comparison, word_ops
from kamdocs.view.reader import Reader

_MARKS = {"equal": "{}", "removed": "<del>{}</del>", "added": "<ins>{}</ins>"}


def word_diff(old: str, new: str) -> str:
    """HTML: removed words struck through, added words marked."""
    return " ".join(_MARKS[op].format(escape(words)) for op, words in word_ops(old, new))


def _shown(line: ChangeLine) -> str:
    if line.kind != "changed":
        return escape(line.new_text if line.kind == "added" else line.old_text)
    if line.long_text:
        return word_diff(line.old, line.new)
    return escape(f"{line.old_text} → {line.new_text}") + (f" <strong>{escape(line.difference)}</strong>" if line.difference else "")


def changes_page(diff: Comparison, reader: Reader) -> PageSource:
    """The site's rendering of the comparison `kam diff` prints."""
    title = f"{diff.name}: {reader.text('changes')} {diff.old_year}"
    out = [f"# {md(diff.name)}: {reader.text('changes')} {diff.old_year} → {diff.new_year}", ""]
    figures = [[escape(f.label), escape(f.old_text), escape(f.new_text)] for f in diff.figures]
    out += [
        f"## {reader.text('changed_figures')}",
        "",
        table([reader.text("figure"), str(diff.old_year), str(diff.new_year)], figures) or reader.text("no_changes"),
        "",
    ]
    rows = [[escape(c.where), escape(c.kind_label), _shown(c)] for c in diff.changes]
    out += [
        f"## {reader.text('changed_fields')}",
        "",
        block(html_table([reader.text("field"), reader.text("kind"), reader.text("value")], rows, "kam-table kam-diff"))
        if rows
        else reader.text("no_changes"),
        "",
    ]
    return PageSource(title, "\n".join(out), searchable=False)
