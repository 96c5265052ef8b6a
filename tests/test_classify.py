from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kamdocs.figures.classify import Customer, classify, read_customers


def test_reads_the_latest_year_by_default() -> None:
    customers, year, problems = read_customers(FIXTURES / "customers" / "good.csv")
    assert problems == [] and year == 2025
    assert [(c.id, c.revenue, c.line) for c in customers][:2] == [("big", 600.0, 2), ("mid", 250.0, 3)]
    _, year, _ = read_customers(FIXTURES / "customers" / "good.csv", 2024)
    assert year == 2024


def test_abc_by_cumulative_share() -> None:
    customers, year, _ = read_customers(FIXTURES / "customers" / "good.csv")
    result = classify(customers, year, (0.8, 0.95), planned={"acme-tools"})
    # 600 of 1000 (60 %) -> A; 850 (85 %) -> A, it crosses 80 %; 950 -> B; 990 -> C; 1000 -> C
    assert [(r.customer.id, r.abc) for r in result.ranked] == [
        ("big", "A"),
        ("mid", "A"),
        ("acme-tools", "B"),
        ("small", "C"),
        ("tiny", "C"),
    ]
    assert result.pareto_customers == pytest.approx(2 / 5)
    assert [r.customer.id for r in result.candidates] == ["big", "mid"]
    assert result.ranked[-1].cumulative == pytest.approx(1.0)


def test_bad_rows_are_each_reported_with_line_and_column() -> None:
    _, _, problems = read_customers(FIXTURES / "customers" / "bad.csv", display="customers.csv")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, 1, "4 fields, the header has 3"),
        (4, 5, "revenue_2025 'lots' is not a number (write 1234567.89, no thousands separators)"),
        (5, 1, "customer_id 'a' appears twice (first in line 2)"),
        (6, 5, "revenue_2025 -3 must be a number from 0 to 1e+15"),
    ]
    assert all(p.file == "customers.csv" for p in problems)


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "file is empty"), ("id,name\n", "header lacks customer_id, revenue_YYYY"), ("customer_id,name,revenue_2025\n", None)],
)
def test_header_problems(tmp_path: Path, text: str, words: str | None) -> None:
    path = tmp_path / "c.csv"
    path.write_text(text)
    _, _, problems = read_customers(path)
    assert problems[0].message.startswith(words) if words else problems == []


def test_unknown_year_names_the_columns() -> None:
    _, _, [problem] = read_customers(FIXTURES / "customers" / "good.csv", 2019)
    assert problem.message == "no column revenue_2019 (columns: revenue_2024, revenue_2025)"


def test_example_customers_file_is_clean() -> None:
    customers, year, problems = read_customers(ROOT / "accounts" / "customers.csv")
    assert problems == [] and len(customers) >= 200 and year == 2025


@settings(deadline=None)
@given(st.lists(st.integers(0, 10**7), min_size=1, max_size=60), st.floats(0.05, 0.9))
def test_classes_partition_the_customers_in_order(revenues: list[int], first: float) -> None:
    customers = [Customer(f"c{i}", "n", float(r), i + 2) for i, r in enumerate(revenues)]
    result = classify(customers, 2025, (first, min(0.99, first + 0.05)), planned=())
    assert sorted(r.customer.id for r in result.ranked) == sorted(c.id for c in customers)
    classes = [r.abc for r in result.ranked]
    assert classes == sorted(classes)
    assert classes[0] == "A"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("customer_id,name,revenue_0000\na,A,10\n", "header lacks revenue_YYYY"),
        ("customer_id,name,revenue_2025\na,A,1e400\n", "revenue_2025 1e400 must be a number from 0 to 1e+15"),
        ("customer_id,name,revenue_2025\na,A,nan\n", "revenue_2025 nan must be a number from 0 to 1e+15"),
    ],
)
def test_promise_a_customer_file_gives_a_message_never_a_traceback(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(text)
    _, _, problems = read_customers(path)
    assert problems[0].message.startswith(words)
