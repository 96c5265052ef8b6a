"""Inline SVG charts: readable without JavaScript, each with a title and a text table for screen readers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kamdocs.render.markup import escape

WIDTH, HEIGHT, PAD = 560, 220, 44
COLOURS = ("#3f51b5", "#90a4ae", "#e57373", "#81c784")


def _frame(title: str, body: str, table: str) -> str:
    return (
        f'<figure class="kam-chart"><svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>{body}</svg>'
        f"<figcaption>{escape(title)}</figcaption>{table}</figure>"
    )


def _axis_titles(titles: tuple[str, str]) -> str:
    """The horizontal axis's title under it, the vertical one's above it (beside it, it would meet the tick labels)."""
    return (
        f'<text x="{WIDTH / 2:.1f}" y="{HEIGHT - 6}" font-size="11" text-anchor="middle" fill="#555">{escape(titles[0])}</text>'
        f'<text x="{PAD + 6}" y="{PAD - 14}" font-size="11" text-anchor="start" fill="#555">{escape(titles[1])}</text>'
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="kam-sr-only"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def bars(title: str, labels: Sequence[str], values: Sequence[float], shown: Sequence[str], headers: tuple[str, str]) -> str:
    """Vertical bars; `shown` are the values as text (also the fallback table)."""
    if not values:
        return ""
    top = max(max(values), 1e-9)
    span = (WIDTH - 2 * PAD) / len(values)
    body = [f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#999"/>']
    for i, (label, value, text) in enumerate(zip(labels, values, shown, strict=False)):
        h = max(0.0, value) / top * (HEIGHT - 2 * PAD)
        x = PAD + i * span + span * 0.15
        body.append(f'<rect x="{x:.1f}" y="{HEIGHT - PAD - h:.1f}" width="{span * 0.7:.1f}" height="{h:.1f}" fill="{COLOURS[0]}"/>')
        body.append(
            f'<text x="{x + span * 0.35:.1f}" y="{HEIGHT - PAD - h - 4:.1f}" font-size="11" text-anchor="middle">{escape(text)}</text>'
        )
        body.append(
            f'<text x="{x + span * 0.35:.1f}" y="{HEIGHT - PAD + 16:.1f}" font-size="12" text-anchor="middle">{escape(label)}</text>'
        )
    return _frame(title, "".join(body), _table(headers, list(zip(labels, shown, strict=False))))


def hbars(title: str, labels: Sequence[str], shares: Sequence[float], shown: Sequence[str], headers: tuple[str, str]) -> str:
    """Horizontal bars of shares 0-1 (completeness)."""
    if not shares:
        return ""
    row = (HEIGHT - 20) / len(shares)
    left = 250
    body = []
    for i, (label, share, text) in enumerate(zip(labels, shares, shown, strict=False)):
        y = 10 + i * row
        short = label if len(label) <= 38 else label[:37] + "…"
        body.append(
            f'<text x="{left - 8}" y="{y + row * 0.65:.1f}" font-size="11" text-anchor="end"><title>{escape(label)}</title>{escape(short)}</text>'
        )
        body.append(f'<rect x="{left}" y="{y + row * 0.15:.1f}" width="{WIDTH - left - 60}" height="{row * 0.7:.1f}" fill="#eceff1"/>')
        body.append(
            f'<rect x="{left}" y="{y + row * 0.15:.1f}" width="{(WIDTH - left - 60) * min(1.0, share):.1f}" height="{row * 0.7:.1f}" fill="{COLOURS[0]}"/>'
        )
        body.append(f'<text x="{WIDTH - 52}" y="{y + row * 0.65:.1f}" font-size="11">{escape(text)}</text>')
    return _frame(title, "".join(body), _table(headers, list(zip(labels, shown, strict=False))))


def stacked(title: str, parts: Sequence[tuple[str, float, str]], marks: Sequence[tuple[str, float, str]], headers: tuple[str, str]) -> str:
    """One horizontal stacked bar (parts) with marker lines (marks): the forecast composition."""
    total = max([sum(v for _, v, _ in parts), *(v for _, v, _ in marks), 1e-9])
    scale = (WIDTH - 2 * PAD) / total
    body, x = [], float(PAD)
    for i, (label, value, text) in enumerate(parts):
        w = max(0.0, value) * scale
        body.append(f'<rect x="{x:.1f}" y="70" width="{w:.1f}" height="50" fill="{COLOURS[i % len(COLOURS)]}"/>')
        body.append(f'<text x="{x + 4:.1f}" y="62" font-size="11">{escape(label)}: {escape(text)}</text>' if w > 60 else "")
        x += w
    ends: list[float] = []
    """Per row of labels under the bar: where its last label ends; a label takes the first row it fits in."""
    for label, value, _text in sorted(marks, key=lambda m: m[1]):
        mx = PAD + value * scale
        half = 3.1 * len(label)  # about half the width of the text at 11 px
        cx = min(max(mx, half + 2), WIDTH - half - 2)
        row = next((i for i, end in enumerate(ends) if cx - half > end + 6), len(ends))
        ends[row : row + 1] = [cx + half]
        ty = 146 + 16 * row
        body.append(f'<line x1="{mx:.1f}" y1="60" x2="{mx:.1f}" y2="{ty - 12}" stroke="#333" stroke-dasharray="4 3"/>')
        body.append(f'<text x="{cx:.1f}" y="{ty}" font-size="11" text-anchor="middle">{escape(label)}</text>')
    rows = [(label, text) for label, _, text in [*parts, *marks]]
    return _frame(title, "".join(body), _table(headers, rows))


def line(
    title: str,
    points: Sequence[tuple[float, float]],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    labels: Sequence[tuple[str, str]],
    headers: tuple[str, str],
    guide: float | None = None,
    x_ticks: Sequence[str] = (),
    y_ticks: Sequence[tuple[float, str]] = (),
    guide_label: str = "",
) -> str:
    """A polyline through points in the given ranges, both axes titled (`headers`); `guide` draws a horizontal
    reference line, named by `guide_label`; `y_ticks` are (value, text) on the vertical axis."""
    if not points:
        return ""
    (x0, x1), (y0, y1) = x_range, y_range

    def px(x: float) -> float:
        return PAD + (x - x0) / ((x1 - x0) or 1) * (WIDTH - 2 * PAD)

    def py(y: float) -> float:
        return HEIGHT - PAD - (y - y0) / ((y1 - y0) or 1) * (HEIGHT - 2 * PAD)

    body = [
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#999"/>',
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{HEIGHT - PAD}" stroke="#999"/>',
    ]
    if guide is not None:
        body.append(
            f'<line x1="{PAD}" y1="{py(guide):.1f}" x2="{WIDTH - PAD}" y2="{py(guide):.1f}" stroke="{COLOURS[2]}" stroke-dasharray="4 3"/>'
        )
        if guide_label:
            body.append(
                f'<text x="{WIDTH - PAD - 4}" y="{py(guide) + 14:.1f}" font-size="11" text-anchor="end" fill="{COLOURS[2]}">{escape(guide_label)}</text>'
            )
    for value, text in y_ticks:
        body.append(f'<text x="{PAD - 6}" y="{py(value) + 4:.1f}" font-size="11" text-anchor="end">{escape(text)}</text>')
    body.append(_axis_titles(headers))
    path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
    body.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS[0]}" stroke-width="2"/>')
    if len(points) <= 12:
        body += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{COLOURS[0]}"/>' for x, y in points]
        if len(labels) == len(points):
            body += [
                f'<text x="{px(x):.1f}" y="{py(y) - 8:.1f}" font-size="11" text-anchor="middle">{escape(text)}</text>'
                for (x, y), (_, text) in zip(points, labels, strict=False)
            ]
    for i, tick in enumerate(x_ticks):
        x = x0 + i * (x1 - x0) / max(1, len(x_ticks) - 1)
        body.append(f'<text x="{px(x):.1f}" y="{HEIGHT - PAD + 16}" font-size="11" text-anchor="middle">{escape(tick)}</text>')
    return _frame(title, "".join(body), _table(headers, labels))


def matrix(
    title: str,
    points: Sequence[tuple[str, float, float, str, str]],
    ranges: tuple[tuple[float, float], tuple[float, float]],
    splits: tuple[float, float],
    fields: tuple[str, str, str, str],
    axes: tuple[str, str],
    headers: tuple[str, str],
    number: Callable[[float], str],
) -> str:
    """A four-field grid: each point (label, x, y, x as text, y as text) placed on x against y, the fields split at
    `splits` and named (top left, top right, bottom left, bottom right), both axes titled, their ticks written by
    `number` (in the reader's locale); the text table lists every point with its field (`headers`: of the point
    column and of the field column)."""
    if not points:
        return ""
    width, height, left, bottom, top, right = WIDTH, 380, 56, 44, 16, 16
    (x0, x1), (y0, y1) = ranges

    def px(x: float) -> float:
        return left + (min(max(x, x0), x1) - x0) / ((x1 - x0) or 1) * (width - left - right)

    def py(y: float) -> float:
        return height - bottom - (min(max(y, y0), y1) - y0) / ((y1 - y0) or 1) * (height - bottom - top)

    sx, sy = px(splits[0]), py(splits[1])
    body = [
        f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{height - top - bottom}" fill="#fafafa" stroke="#999"/>',
        f'<line x1="{sx:.1f}" y1="{top}" x2="{sx:.1f}" y2="{height - bottom}" stroke="#bbb" stroke-dasharray="4 3"/>',
        f'<line x1="{left}" y1="{sy:.1f}" x2="{width - right}" y2="{sy:.1f}" stroke="#bbb" stroke-dasharray="4 3"/>',
    ]
    corners = (
        (left + 6, top + 14, "start"),
        (width - right - 6, top + 14, "end"),
        (left + 6, height - bottom - 6, "start"),
        (width - right - 6, height - bottom - 6, "end"),
    )
    body += [
        f'<text x="{x}" y="{y}" font-size="12" font-weight="700" fill="#607d8b" text-anchor="{anchor}">{escape(name)}</text>'
        for (x, y, anchor), name in zip(corners, fields, strict=True)
    ]
    body.append(f'<text x="{(left + width - right) / 2:.1f}" y="{height - 8}" font-size="12" text-anchor="middle">{escape(axes[0])}</text>')
    body.append(
        f'<text x="14" y="{(top + height - bottom) / 2:.1f}" font-size="12" text-anchor="middle" transform="rotate(-90 14 {(top + height - bottom) / 2:.1f})">{escape(axes[1])}</text>'
    )
    for value in (x0, splits[0], x1):
        body.append(
            f'<text x="{px(value):.1f}" y="{height - bottom + 14}" font-size="10" text-anchor="middle">{escape(number(value))}</text>'
        )
    for value in (y0, splits[1], y1):
        body.append(f'<text x="{left - 4}" y="{py(value) + 4:.1f}" font-size="10" text-anchor="end">{escape(number(value))}</text>')
    rows = []
    legend = []
    for number, (label, x, y, shown_x, shown_y) in enumerate(sorted(points, key=lambda p: (-p[2], -p[1])), start=1):
        # a number beside the point, the name in the list under the chart: names of close neighbours would overlap
        cx, cy = px(x), py(y)
        body.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{COLOURS[0]}" fill-opacity=".8"/>')
        body.append(f'<text x="{cx + 7:.1f}" y="{cy - 5:.1f}" font-size="10" font-weight="700">{number}</text>')
        field = fields[(0 if y >= splits[1] else 2) + (1 if x >= splits[0] else 0)]
        rows.append((label, shown_x, shown_y, field))
        legend.append(f"<li>{escape(label)} <span>({escape(shown_x)} · {escape(shown_y)} · {escape(field)})</span></li>")
    table = _table((headers[0], axes[0], axes[1], headers[1]), rows)
    return (
        f'<figure class="kam-chart kam-matrix"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>{"".join(body)}</svg>'
        f'<figcaption>{escape(title)}</figcaption><ol class="kam-legend" aria-hidden="true">{"".join(legend)}</ol>{table}</figure>'
    )
