"""`kam classify`: the ABC analysis as text, Markdown, JSON or CSV."""

from __future__ import annotations

import json

from kamdocs.figures.classify import Classification
from kamdocs.render.outputs.spreadsheet import csv_text
from kamdocs.render.outputs.tables import table
from kamdocs.view.classify import classification_summary
from kamdocs.view.reader import Reader


def render_classification(result: Classification, reader: Reader, fmt: str, top: int | None = None) -> str:
    if fmt == "json":
        return (
            json.dumps(
                {
                    "year": result.year,
                    "total_revenue": result.total,
                    "limits": list(result.limits),
                    "customers": len(result.ranked),
                    "classes": {c: sum(r.abc == c for r in result.ranked) for c in "ABC"},
                    "pareto_customers_share": result.pareto_customers,
                    "ranked": [
                        {
                            "customer_id": r.customer.id,
                            "name": r.customer.name,
                            "revenue": r.customer.revenue,
                            "share": r.share,
                            "cumulative": r.cumulative,
                            "class": r.abc,
                        }
                        for r in result.ranked
                    ],
                    "candidates": [r.customer.id for r in result.candidates],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    if fmt == "csv":
        candidates = {r.customer.id for r in result.candidates}
        return csv_text(
            ["customer_id", "name", f"revenue_{result.year}", "share", "cumulative", "class", "has_plan"],
            (
                [
                    r.customer.id,
                    r.customer.name,
                    r.customer.revenue,
                    round(r.share, 6),
                    round(r.cumulative, 6),
                    r.abc,
                    "no" if r.customer.id in candidates else "",
                ]
                for r in result.ranked
            ),
        )
    summary = classification_summary(result, reader)
    shown = result.ranked[:top] if top else result.ranked
    headers = [
        reader.word("class"),
        reader.word("customer"),
        reader.word("name"),
        reader.word("revenue"),
        reader.word("share"),
        reader.word("cumulative"),
    ]
    rows = [
        [
            r.abc,
            r.customer.id,
            r.customer.name,
            reader.amount(r.customer.revenue),
            reader.percent(r.share),
            reader.percent(r.cumulative),
        ]
        for r in shown
    ]
    out = [f"# {summary}" if fmt == "markdown" else summary, "", table(headers, rows, fmt, right=(3, 4, 5))]
    if top and len(result.ranked) > top:
        out.append("… " + reader.word("more").format(count=len(result.ranked) - top) + "\n")
    candidates = ", ".join(f"{r.customer.id} ({reader.amount(r.customer.revenue)})" for r in result.candidates) or reader.word("none")
    out.append(f"{reader.word('candidates')}: {candidates}\n")
    return "\n".join(out)
