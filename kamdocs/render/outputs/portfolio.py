"""`kam portfolio`: the accounts side by side as text, Markdown, JSON, CSV or XLSX."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from kamdocs.figures.figure import Figure
from kamdocs.figures.portfolio import Portfolio
from kamdocs.render.outputs.spreadsheet import csv_text, safe_row
from kamdocs.render.outputs.tables import table
from kamdocs.view.portfolio import column_label, columns, owner_column_label, owner_columns, rows
from kamdocs.view.reader import Reader


def _short(figure: Figure, reader: Reader) -> str:
    """The value alone: a table cell has no room for its note (kam show and JSON give it)."""
    return "–" if not figure.computable else reader.value(figure, note=False)


def portfolio_data(portfolio: Portfolio, reader: Reader) -> dict[str, Any]:
    keys = columns(portfolio, reader)
    return {
        "year": portfolio.year,
        "edition": reader.edition.value,
        "columns": keys,
        "accounts": [
            {"account": r.account, "name": r.name, "year": r.year, **{k: r.cells[k].to_dict() for k in keys}}
            for r in rows(portfolio, reader)
        ],
        "totals": {k: f.to_dict() for k, f in portfolio.totals.items() if reader.sees(f)},
        "concentration": {k: f.to_dict() for k, f in portfolio.concentration.items() if reader.sees(f)},
        "without_plan": list(portfolio.without_plan),
    }


def owner_data(portfolio: Portfolio, reader: Reader) -> dict[str, Any]:
    return {
        "year": portfolio.year,
        "edition": reader.edition.value,
        "by": "owner",
        "columns": owner_columns(portfolio, reader),
        "owners": [{"owner": o.owner, **{k: o.cells[k].to_dict() for k in owner_columns(portfolio, reader)}} for o in portfolio.owners],
    }


def render_owners(portfolio: Portfolio, reader: Reader, fmt: str) -> str:
    """Per key account manager: accounts, revenue, forecast, completeness, overdue actions."""
    keys = owner_columns(portfolio, reader)
    if fmt == "json":
        return json.dumps(owner_data(portfolio, reader), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return csv_text(
            ["owner", *keys], ([o.owner, *("" if o.cells[k].value is None else o.cells[k].value for k in keys)] for o in portfolio.owners)
        )
    headers = [reader.word("owner"), *(owner_column_label(k, reader) for k in keys)]
    rows = [[o.owner, *(_short(o.cells[k], reader) for k in keys)] for o in portfolio.owners]
    title = f"{reader.word('portfolio')} {portfolio.year}"
    return "\n".join([f"# {title}" if fmt == "markdown" else title, "", table(headers, rows, fmt, tuple(range(1, len(headers))))])


def render_portfolio(portfolio: Portfolio, reader: Reader, fmt: str, by: str = "account") -> str:
    if by == "owner":
        return render_owners(portfolio, reader, fmt)
    keys = columns(portfolio, reader)
    if fmt == "json":
        return json.dumps(portfolio_data(portfolio, reader), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return csv_text(
            ["account", "name", *keys],
            ([r.account, r.name, *("" if r.cells[k].value is None else r.cells[k].value for k in keys)] for r in rows(portfolio, reader)),
        )
    headers = [reader.word("account"), *(column_label(k, reader) for k in keys)]
    body = [[r.account, *(_short(r.cells[k], reader.in_currency(r.currency)) for k in keys)] for r in rows(portfolio, reader)]
    right = tuple(i + 1 for i, k in enumerate(keys) if k not in ("tier", "next_deadline"))
    title = f"{reader.word('portfolio')} {portfolio.year}"
    out = [f"# {title}" if fmt == "markdown" else title, "", table(headers, body, fmt, right)]
    # a total says why it is missing (currencies that cannot be added), a row's cell is short
    totals = [[column_label(k, reader), reader.value(f)] for k, f in portfolio.totals.items() if reader.sees(f)]
    concentration = [[reader.word(k), reader.value(f)] for k, f in portfolio.concentration.items() if reader.sees(f)]
    out += [
        table([reader.word("total"), ""], totals, fmt, right=(1,)),
        table([reader.word("concentration"), ""], concentration, fmt, right=(1,)),
    ]
    if portfolio.without_plan:
        out.append(f"{reader.word('without_plan')}: {', '.join(portfolio.without_plan)}\n")
    return "\n".join(out)


def portfolio_xlsx(portfolio: Portfolio, reader: Reader, by: str = "account") -> bytes:
    """A real sheet: header row frozen and filtered, amounts and percentages as numbers with formats."""
    # imported here: openpyxl costs every other kam command a tenth of a second at start-up
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"{reader.word('portfolio')[:24]} {portfolio.year}"
    if by == "owner":
        keys = owner_columns(portfolio, reader)
        sheet.append(safe_row([reader.word("owner"), "", *(owner_column_label(k, reader) for k in keys)]))
        lines = [(o.owner, "", o.cells) for o in portfolio.owners]
    else:
        keys = columns(portfolio, reader)
        sheet.append(safe_row([reader.word("account"), reader.word("name"), *(column_label(k, reader) for k in keys)]))
        lines = [(r.account, r.name, r.cells) for r in rows(portfolio, reader)]
    formats = {"currency": f'#,##0 "{reader.currency}"', "percent": "0.0%", "score": "0.0", "date": "yyyy-mm-dd"}
    for first, second, cells in lines:
        sheet.append(safe_row([first, second, *(cells[k].value for k in keys)]))
        for offset, k in enumerate(keys):
            unit = cells[k].unit
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
