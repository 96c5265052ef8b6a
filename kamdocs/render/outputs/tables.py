"""Plain tables for the terminal and for Markdown."""

from __future__ import annotations

from collections.abc import Sequence


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: str, right: Sequence[int] = ()) -> str:
    """`fmt` text: aligned columns; markdown: a pipe table. `right`: indexes of right-aligned columns."""
    if fmt == "markdown":
        rule = ["---:" if i in right else "---" for i in range(len(headers))]
        lines = [headers, rule, *rows]
        return "\n".join("| " + " | ".join(_escape(str(c)) for c in line) + " |" for line in lines) + "\n"
    widths = [max(len(str(line[i])) for line in (headers, *rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]) + "\n"
