"""`kam classify`: the ABC analysis as text, Markdown, JSON or CSV."""

from __future__ import annotations

import json

from kamdocs.figures.classify import Classification
from kamdocs.render.outputs.spreadsheet import csv_text
from kamdocs.render.outputs.tables import table
from kamdocs.view.labels import word
from kamdocs.view.numbers import amount, percent


def render_classification(result: Classification, fmt: str, language: str, currency: str, top: int | None = None) -> str:
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
    counts = {c: sum(r.abc == c for r in result.ranked) for c in "ABC"}
    a_limit, b_limit = (percent(x, language) for x in result.limits)
    if language == "de":
        summary = (
            f"ABC-Analyse {result.year}: {len(result.ranked)} Kunden, {amount(result.total, language, currency)} Umsatz. "
            f"{percent(result.pareto_customers, language)} der Kunden ({counts['A']}) machen {a_limit} des Umsatzes (A); "
            f"B bis {b_limit}: {counts['B']}; C: {counts['C']}."
        )
    else:
        summary = (
            f"ABC analysis {result.year}: {len(result.ranked)} customers, {amount(result.total, language, currency)} revenue. "
            f"{percent(result.pareto_customers, language)} of the customers ({counts['A']}) make {a_limit} of revenue (A); "
            f"B up to {b_limit}: {counts['B']}; C: {counts['C']}."
        )
    shown = result.ranked[:top] if top else result.ranked
    headers = [
        word("class", language),
        word("customer", language),
        word("name", language),
        word("revenue", language),
        word("share", language),
        word("cumulative", language),
    ]
    rows = [
        [
            r.abc,
            r.customer.id,
            r.customer.name,
            amount(r.customer.revenue, language, currency),
            percent(r.share, language),
            percent(r.cumulative, language),
        ]
        for r in shown
    ]
    out = [f"# {summary}" if fmt == "markdown" else summary, "", table(headers, rows, fmt, right=(3, 4, 5))]
    if top and len(result.ranked) > top:
        out.append(f"… {len(result.ranked) - top} more\n")
    candidates = ", ".join(f"{r.customer.id} ({amount(r.customer.revenue, language, currency)})" for r in result.candidates) or word(
        "none", language
    )
    out.append(f"{word('candidates', language)}: {candidates}\n")
    return "\n".join(out)
