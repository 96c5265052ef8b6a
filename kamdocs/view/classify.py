"""The stock-taking of all customers (ABC analysis) said in one sentence."""

from __future__ import annotations

from kamdocs.figures.classify import Classification
from kamdocs.view.i18n import amount, percent, translate


def classification_summary(result: Classification, language: str, currency: str) -> str:
    counts = {c: sum(r.abc == c for r in result.ranked) for c in "ABC"}
    a_limit, b_limit = (percent(x, language) for x in result.limits)
    head = translate("ABC analysis {year}: {customers} customers, {total} revenue.", language).format(
        year=result.year, customers=len(result.ranked), total=amount(result.total, language, currency)
    )
    body = translate("{share} of the customers ({count}) make {limit} of revenue (A); B up to {b_limit}: {b}; C: {c}.", language).format(
        share=percent(result.pareto_customers, language), count=counts["A"], limit=a_limit, b_limit=b_limit, b=counts["B"], c=counts["C"]
    )
    return f"{head} {body}"
