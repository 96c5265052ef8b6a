"""The stock-taking of all customers (ABC analysis) said in one sentence."""

from __future__ import annotations

from kamdocs.figures.classify import Classification
from kamdocs.view.reader import Reader


def classification_summary(result: Classification, reader: Reader) -> str:
    counts = {c: sum(r.abc == c for r in result.ranked) for c in "ABC"}
    a_limit, b_limit = (reader.percent(x) for x in result.limits)
    head = reader.say("ABC analysis {year}: {customers} customers, {total} revenue.").format(
        year=result.year, customers=len(result.ranked), total=reader.amount(result.total)
    )
    body = reader.say("{share} of the customers ({count}) make {limit} of revenue (A); B up to {b_limit}: {b}; C: {c}.").format(
        share=reader.percent(result.pareto_customers), count=counts["A"], limit=a_limit, b_limit=b_limit, b=counts["B"], c=counts["C"]
    )
    return f"{head} {body}"
