"""The stock-taking of the customer base: Pareto/ABC analysis over all customers' revenue."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from kamdocs.core.config import EARLIEST, LATEST
from kamdocs.core.loader import MAX_BYTES
from kamdocs.core.problem import Problem
from kamdocs.core.rules import MAGNITUDE

REQUIRED = ("customer_id", "name")
_REVENUE = re.compile(r"^revenue_([0-9]{4})$")


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    name: str
    revenue: float
    line: int


@dataclass(frozen=True, slots=True)
class Ranked:
    customer: Customer
    share: float
    cumulative: float
    abc: str


@dataclass(frozen=True, slots=True)
class Classification:
    year: int
    total: float
    ranked: tuple[Ranked, ...]
    limits: tuple[float, float]
    pareto_customers: float
    """Share of the customers (largest first) that together make the first limit of revenue (80 %)."""
    candidates: tuple[Ranked, ...]
    """Class A customers without a plan."""


def read_customers(path: Path, year: int | None = None, display: str | None = None) -> tuple[list[Customer], int, list[Problem]]:
    """Customers with their revenue of `year` (default: the latest revenue_YYYY column)."""
    file = display or str(path)

    def problem(line: int, column: int, message: str, rule: str = "customers") -> Problem:
        return Problem(file, line, column, "", rule, message)

    try:
        raw = path.read_bytes()
    except OSError as err:
        return [], 0, [problem(1, 1, f"cannot read: {err.strerror}", "io")]
    if len(raw) > 50 * MAX_BYTES:
        return [], 0, [problem(1, 1, f"file is larger than {50 * MAX_BYTES:,} bytes", "size")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return [], 0, [problem(raw.count(b"\n", 0, err.start) + 1, 1, "not UTF-8: save the file as UTF-8", "encoding")]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return [], 0, [problem(1, 1, "file is empty: expected a header customer_id,name,revenue_YYYY,...", "empty")]
    header = [cell.strip() for cell in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    years = sorted(y for cell in header if (m := _REVENUE.match(cell)) and EARLIEST.year <= (y := int(m.group(1))) <= LATEST.year)
    if missing or not years:
        what = ", ".join(missing + ([] if years else ["revenue_YYYY"]))
        return [], 0, [problem(1, 1, f"header lacks {what}: expected customer_id,name,revenue_YYYY,...", "header")]
    year = year or years[-1]
    if year not in years:
        return [], year, [problem(1, 1, f"no column revenue_{year} (columns: {', '.join(f'revenue_{y}' for y in years)})", "header")]
    index = {name: header.index(name) for name in (*REQUIRED, f"revenue_{year}")}
    customers: list[Customer] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(problem(number, 1, f"{len(cells)} fields, the header has {len(header)}"))
            continue
        ident, name, amount = (cells[index[k]].strip() for k in (*REQUIRED, f"revenue_{year}"))
        column = sum(len(c) + 1 for c in cells[: index[f"revenue_{year}"]]) + 1
        if not ident:
            problems.append(problem(number, 1, "customer_id is empty"))
        elif ident in seen:
            problems.append(problem(number, 1, f"customer_id '{ident}' appears twice (first in line {seen[ident]})"))
        try:
            revenue = float(amount)
        except ValueError:
            problems.append(
                problem(number, column, f"revenue_{year} '{amount}' is not a number (write 1234567.89, no thousands separators)")
            )
            continue
        if not 0 <= revenue <= MAGNITUDE:  # also false for nan
            problems.append(problem(number, column, f"revenue_{year} {amount} must be a number from 0 to {MAGNITUDE:g}"))
            continue
        seen.setdefault(ident, number)
        customers.append(Customer(ident, name, revenue, number))
    return customers, year, problems


def classify(customers: list[Customer], year: int, limits: tuple[float, float], planned: Collection[str]) -> Classification:
    """ABC by cumulative revenue share, largest first: A up to and including the customer that
    reaches the first limit (80 %), B up to the second (95 %), C the rest."""
    ordered = sorted(customers, key=lambda c: (-c.revenue, c.id))
    total = sum(c.revenue for c in ordered)
    ranked: list[Ranked] = []
    cumulative = 0.0
    for customer in ordered:
        before = cumulative
        share = customer.revenue / total if total else 0.0
        cumulative += share
        abc = "A" if before < limits[0] else "B" if before < limits[1] else "C"
        ranked.append(Ranked(customer, share, cumulative, abc))
    in_a = sum(r.abc == "A" for r in ranked)
    return Classification(
        year=year,
        total=total,
        ranked=tuple(ranked),
        limits=limits,
        pareto_customers=in_a / len(ranked) if ranked else 0.0,
        candidates=tuple(r for r in ranked if r.abc == "A" and r.customer.id not in planned),
    )
