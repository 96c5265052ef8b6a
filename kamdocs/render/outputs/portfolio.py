"""`kam portfolio`: the accounts side by side as text, Markdown, JSON, CSV or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from kamdocs.figures.figure import Figure
from kamdocs.figures.portfolio import Portfolio
from kamdocs.render.outputs.tables import table
from kamdocs.view.labels import FIGURES, word
from kamdocs.view.numbers import value_text, visible
from kamdocs.view.portfolio import column_label, columns


def _short(figure: Figure, language: str, currency: str) -> str:
    return "–" if not figure.computable else value_text(figure, language, currency)


def portfolio_data(portfolio: Portfolio, edition: str) -> dict[str, Any]:
    keys = columns(portfolio, edition)
    return {
        "year": portfolio.year,
        "edition": edition,
        "columns": keys,
        "accounts": [
            {"account": r.account, "name": r.name, "year": r.year, **{k: r.cells[k].to_dict() for k in keys}} for r in portfolio.rows
        ],
        "totals": {k: f.to_dict() for k, f in portfolio.totals.items() if visible(f, edition)},
        "concentration": {k: f.to_dict() for k, f in portfolio.concentration.items()},
        "without_plan": list(portfolio.without_plan),
    }


def render_portfolio(portfolio: Portfolio, fmt: str, edition: str, language: str, currency: str) -> str:
    keys = columns(portfolio, edition)
    if fmt == "json":
        return json.dumps(portfolio_data(portfolio, edition), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["account", "name", *keys])
        for r in portfolio.rows:
            writer.writerow([r.account, r.name, *("" if r.cells[k].value is None else r.cells[k].value for k in keys)])
        return out.getvalue()
    headers = [word("account", language), *(column_label(k, language) for k in keys)]
    rows = [[r.account, *(_short(r.cells[k], language, r.currency) for k in keys)] for r in portfolio.rows]
    right = tuple(i + 1 for i, k in enumerate(keys) if k not in ("tier", "next_deadline"))
    title = f"{word('portfolio', language)} {portfolio.year}"
    out = [f"# {title}" if fmt == "markdown" else title, "", table(headers, rows, fmt, right)]
    totals = [
        # a total says why it is missing (currencies that cannot be added), a row's cell is short
        [column_label(k, language) if k in FIGURES else k, value_text(f, language, currency)]
        for k, f in portfolio.totals.items()
        if visible(f, edition)
    ]
    concentration = [[word(k, language), value_text(f, language, currency)] for k, f in portfolio.concentration.items()]
    out += [
        table([word("total", language), ""], totals, fmt, right=(1,)),
        table([word("concentration", language), ""], concentration, fmt, right=(1,)),
    ]
    if portfolio.without_plan:
        out.append(f"{word('without_plan', language)}: {', '.join(portfolio.without_plan)}\n")
    return "\n".join(out)


def portfolio_xlsx(portfolio: Portfolio, edition: str, language: str, currency: str) -> bytes:
    """A real sheet: header row frozen and filtered, amounts and percentages as numbers with formats."""
    # imported here: openpyxl costs every other kam command a tenth of a second at start-up
    from openpyxl import Workbook
    from openpyxl.styles import Font

    keys = columns(portfolio, edition)
    book = Workbook()
    sheet = book.active
    sheet.title = f"{word('portfolio', language)[:24]} {portfolio.year}"
    sheet.append([word("account", language), word("name", language), *(column_label(k, language) for k in keys)])
    formats = {"currency": f'#,##0 "{currency}"', "percent": "0.0%", "score": "0.0", "date": "yyyy-mm-dd"}
    for r in portfolio.rows:
        sheet.append([r.account, r.name, *(r.cells[k].value for k in keys)])
        for offset, k in enumerate(keys):
            unit = r.cells[k].unit
            target = sheet.cell(row=sheet.max_row, column=3 + offset)
            if unit == "date" and isinstance(target.value, str):
                target.value = dt.date.fromisoformat(target.value)
            if unit in formats:
                target.number_format = formats[unit]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(40, max(10, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
