"""Golden figures: each expected value is worked out by hand from tests/fixtures/golden/globex."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import FIXTURES, SCHEMA, load_plan, make_reader
from hypothesis import given, settings
from hypothesis import strategies as st

from kamdocs.core.confidentiality import Confidentiality
from kamdocs.core.config import Config, FigureSettings
from kamdocs.core.schema import load_schema
from kamdocs.figures.derive import derive, sales_by_year
from kamdocs.figures.derive.forecast import forecast_distribution

GLOBEX = FIXTURES / "golden" / "globex"
INITECH = FIXTURES / "golden" / "initech" / "2026.yaml"
AS_OF = dt.date(2026, 6, 30)


def config(as_of: dt.date = AS_OF, **figures) -> Config:
    return Config(root=FIXTURES, accounts=FIXTURES / "golden", schema=SCHEMA, as_of=as_of, figures=FigureSettings(**figures))


@pytest.fixture(scope="module")
def history() -> list[dict]:
    return [load_plan(GLOBEX / "2025.yaml"), load_plan(GLOBEX / "2026.yaml")]


@pytest.fixture(scope="module")
def figures(history):
    return derive(history, config(), Confidentiality.of(load_schema(SCHEMA)))


def value(figures, key):
    return figures[key].value


def test_revenue_and_growth(figures) -> None:
    # 2025: 150,000 + 50,000; 2024 from the newest plan listing it (the 2026 plan): 120,000 + 30,000
    assert value(figures, "revenue") == 200_000
    assert figures["revenue"].detail == {"A": 150_000, "B": 50_000}
    assert value(figures, "revenue_growth") == pytest.approx(200_000 / 150_000 - 1)
    assert figures["revenue_growth"].detail == pytest.approx({"A": 0.25, "B": 50 / 30 - 1})
    # 2023 comes from the 2025 plan only: (200,000 / 100,000)^(1/2) - 1
    assert value(figures, "revenue_cagr") == pytest.approx(2**0.5 - 1)
    assert value(figures, "volume_growth") == pytest.approx(1800 / 1500 - 1)


def test_margins_are_confidential(figures) -> None:
    # DB I = 200,000 − (60,000 + 20,000); DB II = DB I − (15,000 + 5,000); the 9,000 of allocated overheads count in neither
    assert value(figures, "contribution_margin_1") == 120_000
    assert value(figures, "margin_1_pct") == pytest.approx(0.6)
    assert figures["contribution_margin_1"].detail == {"A": 90_000, "B": 30_000}
    assert value(figures, "contribution_margin") == 100_000
    assert figures["contribution_margin"].detail == {"A": 75_000, "B": 25_000}
    assert value(figures, "margin_pct") == pytest.approx(0.5)
    assert value(figures, "cost_ratio") == pytest.approx(0.5)
    assert all(
        figures[k].confidential
        for k in ("contribution_margin_1", "margin_1_pct", "contribution_margin", "margin_pct", "cost_ratio", "clv", "instrument_ratio")
    )
    assert not figures["revenue"].confidential and not figures["forecast"].confidential


def test_instruments(figures) -> None:
    assert value(figures, "instrument_ratio") == pytest.approx(4000 / 8000)
    detail = figures["instrument_ratio"].detail
    assert detail["instruments"]["i1"] == {"ratio": 0.25, "above_limit": False}
    assert detail["instruments"]["i2"] == {"ratio": 0.75, "above_limit": True}


def test_position(figures) -> None:
    assert value(figures, "share_of_wallet") == pytest.approx(0.25)
    assert value(figures, "vs_comparable") == pytest.approx(2.0)


def test_forecast(figures) -> None:
    assert value(figures, "forecast") == pytest.approx(120_000 + 100_000 * 0.5 + 40_000)
    assert value(figures, "forecast_worst") == 160_000
    assert value(figures, "forecast_best") == 260_000
    # either 160,000 or 260,000, half and half: beats 200,000 with 0.5
    assert value(figures, "forecast_beats_last_year") == pytest.approx(0.5)


def test_kpis(figures) -> None:
    assert value(figures, "nps") == pytest.approx(40.0)
    # 20 answers: 6 × 5, 6 × 4, 5 × 3, 2 × 2, 1 × 1; satisfied = the top two boxes (4 and 5) = 12
    assert value(figures, "csat") == pytest.approx(12 / 20)
    assert figures["csat"].detail == {"satisfied": 12, "answers": 20}
    assert value(figures, "csat_average") == pytest.approx((30 + 24 + 15 + 4 + 1) / 20)
    assert value(figures, "renewal_rate") == pytest.approx(0.75)
    # typed in: 2 of 8 deals; the won opportunity is not counted on top
    assert value(figures, "cross_upsell_rate") == pytest.approx(0.25)


def test_clv_models(history) -> None:
    secrets = Confidentiality.of(load_schema(SCHEMA))
    annuity = (1 - 1.08**-5) / 0.08
    assert derive(history, config(), secrets)["clv"].value == pytest.approx(100_000 * annuity)
    assert derive(history, config(clv_model="simple"), secrets)["clv"].value == pytest.approx(500_000)


def test_action_plan(figures) -> None:
    assert value(figures, "actions_done") == pytest.approx(1 / 3)
    assert figures["overdue_actions"].detail == ["a2"]
    assert value(figures, "milestones_reached") == pytest.approx(0.5)
    assert figures["overdue_milestones"].detail == ["m2"]


def test_risks(figures) -> None:
    assert value(figures, "risk_exposure") == pytest.approx(25_000)
    assert [r["id"] for r in figures["risk_exposure"].detail] == ["r1", "r2"]


def test_relationship(figures) -> None:
    assert value(figures, "active_contacts") == 2
    assert value(figures, "single_threaded") is False
    assert value(figures, "decision_maker_known") is True
    assert value(figures, "supporter_among_deciders") is True
    assert figures["supporter_among_deciders"].confidential


def test_contract(figures) -> None:
    assert value(figures, "notice_deadline") == "2026-09-30"
    assert value(figures, "days_to_notice") == 92
    assert value(figures, "renewal_due") is False


def test_score_and_tier(figures) -> None:
    # revenue 1,000,000 of 2,000,000 for full score: 2.5, weight 2; criteria 4 and 2, weight 1 each
    assert value(figures, "ka_score") == pytest.approx((2 * 2.5 + 4 + 2) / 4)
    assert value(figures, "tier") == "B"


def test_dates(figures) -> None:
    assert value(figures, "days_since_review") == 29
    assert value(figures, "stale") is False
    assert value(figures, "days_to_review") == 15
    assert make_reader(language="en").value(figures["days_to_review"]) == "15 days"


def test_missing_inputs_are_not_computable_with_a_reason() -> None:
    plan = {"kamdocs": 2, "account": {"id": "x", "name": "X"}, "plan": {"year": 2026, "owner": "O", "status": "draft"}}
    figures = derive([plan], config(), Confidentiality())
    for key in (
        "revenue",
        "revenue_growth",
        "contribution_margin",
        "forecast",
        "nps",
        "clv",
        "risk_exposure",
        "notice_deadline",
        "ka_score",
    ):
        assert figures[key].value is None and figures[key].reason, key
    assert figures["revenue"].reason == "no sales figures for 2025"
    assert figures["stale"].value is True
    assert figures["single_threaded"].value is True


def test_costs_missing_for_one_category(history) -> None:
    plan = {**history[1], "sales": [dict(row) for row in history[1]["sales"]]}
    del plan["sales"][3]["direct_costs"]
    figures = derive([plan], config(), Confidentiality())
    assert figures["contribution_margin"].reason == "costs missing for B in 2025"


def test_sales_by_year_prefers_the_newest_plan(history) -> None:
    assert sales_by_year(history, "revenue")[2024] == {"A": 120_000, "B": 30_000}
    assert sales_by_year(history, "revenue")[2023] == {"A": 100_000}


OPPORTUNITIES = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([0, 0.1, 0.25, 0.5, 0.9, 1])), max_size=8)


@settings(deadline=None)
@given(committed=st.integers(0, 10**6), opportunities=OPPORTUNITIES)
def test_forecast_lies_between_worst_and_best(committed: int, opportunities) -> None:
    plan = {
        "kamdocs": 2,
        "account": {"id": "x", "name": "X"},
        "plan": {"year": 2026, "owner": "O", "status": "draft"},
        "potential": {
            "committed_revenue": committed,
            "opportunities": [{"id": f"o{i}", "title": "t", "value": v, "probability": p} for i, (v, p) in enumerate(opportunities)],
        },
        "sales": [{"period": 2025, "category": "A", "revenue": 500_000}],
    }
    figures = derive([plan], config(), Confidentiality())
    assert figures["forecast_worst"].value <= figures["forecast"].value + 1e-6 <= figures["forecast_best"].value + 2e-6
    assert 0 <= figures["forecast_beats_last_year"].value <= 1 + 1e-9


def test_distribution_sums_to_one() -> None:
    distribution = forecast_distribution(10, [(5, 0.5), (7, 0.25)], 1)
    assert sum(distribution.values()) == pytest.approx(1)
    assert distribution == pytest.approx({10: 0.375, 15: 0.375, 17: 0.125, 22: 0.125})


def test_config_is_unchanged_by_derive(history) -> None:
    settings = config()
    derive(history, settings, Confidentiality())
    assert dataclasses.asdict(settings.figures) == dataclasses.asdict(FigureSettings())


# The corrected definitions (issue 11), worked out by hand from tests/fixtures/golden/initech, as of 2026-06-30.


@pytest.fixture
def initech() -> dict:
    """A fresh copy for each test to change."""
    return load_plan(INITECH)


def derived(plan: dict, as_of: dt.date = AS_OF):
    return derive([plan], config(as_of), Confidentiality.of(load_schema(SCHEMA)))


@pytest.mark.parametrize(
    ("end", "months", "deadline"),
    [
        ("2026-06-30", 3, "2026-03-31"),  # from the end of the month: not 2026-03-30
        ("2026-12-31", 3, "2026-09-30"),
        ("2027-02-28", 1, "2027-01-31"),
        ("2026-05-31", 3, "2026-02-28"),
        ("2026-06-15", 3, "2026-03-15"),  # not a month end: the same day
    ],
)
def test_notice_deadline_counts_months_from_the_end_of_the_month(initech, end: str, months: int, deadline: str) -> None:
    initech["contract"] = {"end": end, "notice_period_months": months, "renewal": "option"}
    assert derived(initech, dt.date(2026, 1, 1))["notice_deadline"].value == deadline


def test_automatic_renewal_rolls_the_end_forward(initech) -> None:
    # end 2026-06-30 renews by 12 months; as of 2026-11-25 the next end is 2027-06-30, notice by 2027-03-31:
    # 6 days to 1 December, then 31 + 31 + 28 + 30 = 126 days
    figures = derived(initech, dt.date(2026, 11, 25))
    assert figures["contract_end"].value == "2027-06-30"
    assert figures["contract_end"].detail == {"renewal": "automatic", "rolled_from": "2026-06-30"}
    assert figures["notice_deadline"].value == "2027-03-31"
    assert figures["days_to_notice"].value == 126
    # two terms on: as of 2027-07-01 the end is 2028-06-30
    assert derived(initech, dt.date(2027, 7, 1))["contract_end"].value == "2028-06-30"
    # on the end date itself the contract still runs: no roll
    assert derived(initech)["contract_end"].value == "2026-06-30"


def test_a_passed_notice_deadline_is_overdue_never_negative_days(initech) -> None:
    # as of 2026-06-30 the last notice day 2026-03-31 passed 91 days ago
    days = derived(initech)["days_to_notice"]
    assert days.value == -91
    assert make_reader(language="en").value(days) == "overdue by 91 days"
    assert make_reader(language="de").value(days) == "seit 91 Tagen überfällig"


def test_no_renewal_means_the_contract_ends(initech) -> None:
    initech["contract"]["renewal"] = "none"
    figures = derived(initech, dt.date(2026, 5, 1))
    assert figures["contract_end"].value == "2026-06-30"
    assert figures["notice_deadline"].value is None
    assert figures["notice_deadline"].reason == "the contract ends on 2026-06-30 without renewal: no notice to give"
    assert figures["renewal_due"].value is False


def test_csat_is_the_share_of_the_top_two_boxes(initech) -> None:
    # scale 10: satisfied are 9 and 10: 3 + 5 of 15 answers; average (30 + 45 + 32 + 18) / 15
    figures = derived(initech)
    assert figures["csat"].value == pytest.approx(8 / 15)
    assert figures["csat_average"].value == pytest.approx(125 / 15)
    assert figures["csat_average"].detail == {"scale_max": 10}


def test_csat_from_an_average_only_is_the_average_satisfaction(initech) -> None:
    initech["kpis"]["csat"] = {"score": 4.2, "scale_max": 5}
    figures = derived(initech)
    assert figures["csat"].value is None and "answers per score" in figures["csat"].reason
    assert figures["csat_average"].value == pytest.approx(4.2)


def test_contribution_margins_in_stages(initech) -> None:
    figures = derived(initech)
    # revenue 268,000; direct 110,000; customer costs 22,000; the 40,000 allocated overheads count in no margin
    assert figures["contribution_margin_1"].value == 158_000
    assert figures["margin_1_pct"].value == pytest.approx(158_000 / 268_000)
    assert figures["contribution_margin"].value == 136_000
    assert figures["margin_pct"].value == pytest.approx(136_000 / 268_000)
    assert figures["cost_ratio"].value == pytest.approx(132_000 / 268_000)


def test_db_one_without_customer_costs(initech) -> None:
    for row in initech["sales"]:
        row.pop("indirect_costs", None)
    figures = derived(initech)
    assert figures["contribution_margin_1"].value == 158_000
    assert figures["contribution_margin"].reason == "costs missing for A in 2025"


def test_forecast_counts_each_won_deal_once_and_shows_stale_opportunities_apart(initech) -> None:
    figures = derived(initech)
    forecast = figures["forecast"]
    # 200,000 committed (includes the booked 30,000) + 0.4 × 50,000 (late) + 10,000 + 20,000 won; lost and booked not again
    assert forecast.value == pytest.approx(250_000)
    assert forecast.detail["stale"] == ["late"]
    assert forecast.detail["stale_pipeline"] == pytest.approx(20_000)
    assert figures["forecast_worst"].value == 230_000
    assert figures["forecast_best"].value == 280_000


def test_partial_year_compared_like_for_like(initech) -> None:
    figures = derived(initech)
    # 2025: Q1 + Q2 = 268,000; 2024: 460,000, of which Q1 + Q2 = 210,000
    assert figures["revenue"].value == 268_000
    assert figures["revenue"].note == "sales recorded for months 1–6 of 2025 only"
    growth = figures["revenue_growth"]
    assert growth.value == pytest.approx(268_000 / 210_000 - 1)  # +27.6 %, not 268,000 / 460,000 − 1 = −41.7 %
    assert growth.note == "like for like: months 1–6 of 2025 against the same months of 2024"
    assert make_reader(language="en").value(growth) == "27.6% (like for like: months 1–6 of 2025 against the same months of 2024)"
    # the full year's forecast is compared with the last full year: 2024, 460,000; at best 280,000
    chance = figures["forecast_beats_last_year"]
    assert chance.value == 0 and chance.detail == {"target": 460_000, "year": 2024}
    assert chance.note == "2025 has sales for months 1–6 only: compared with 2024, the last full year"
    assert figures["revenue_cagr"].reason == "needs sales figures of at least two full years"


def test_partial_year_that_cannot_be_split(initech) -> None:
    initech["sales"] = [
        {"period": 2024, "category": "A", "revenue": 460_000},
        {"period": "2025-Q1", "category": "A", "revenue": 125_000},
    ]
    growth = derived(initech)["revenue_growth"]
    assert growth.value is None and "no like-for-like comparison" in growth.reason


def test_share_of_wallet_from_quarterly_spend(initech) -> None:
    share = derived(initech)["share_of_wallet"]
    # 268,000 of 500,000 + 600,000
    assert share.value == pytest.approx(268_000 / 1_100_000)
    assert share.note == "months 1–6 of 2025"
    initech["key_figures"]["customer_spend"] = [{"period": f"2025-0{m}", "amount": 100_000} for m in range(1, 4)]
    # spend of January to March: our Q1 revenue 125,000 of 300,000
    assert derived(initech)["share_of_wallet"].value == pytest.approx(125_000 / 300_000)
    initech["key_figures"]["customer_spend"] = [{"period": "2025-01", "amount": 100_000}]
    assert derived(initech)["share_of_wallet"].reason == (
        "the customer's spend and our sales of 2025 are recorded by periods that do not match"
    )


def test_cross_upsell_rate_from_won_opportunities(initech) -> None:
    rate = derived(initech)["cross_upsell_rate"]
    # won: booked (cross-sell), more (upsell), first (new business); the lost cross-sell does not count
    assert rate.value == pytest.approx(2 / 3)
    assert rate.detail == {"additional": 2, "deals": 3, "from": "opportunities"}


def test_no_contact_is_no_contact_recorded(initech) -> None:
    single = derived(initech)["single_threaded"]
    assert single.value is True and single.detail == "no contact recorded"


def test_a_passed_review_date_is_overdue(initech) -> None:
    # 2026-03-10 to 2026-06-30: 21 + 30 + 31 + 30 = 112 days
    days = derived(initech)["days_to_review"]
    assert days.value == -112
    assert make_reader(language="en").value(days) == "overdue by 112 days"


def plan_with(potential: dict, **more) -> dict:
    return {
        "kamdocs": 2,
        "account": {"id": "x", "name": "X"},
        "plan": {"year": 2026, "owner": "O", "status": "draft"},
        "sales": [{"period": 2025, "category": "A", "revenue": 900_000}],
        "potential": potential,
        **more,
    }


def test_forecast_counts_recurring_revenue_without_committed_revenue() -> None:
    # a SaaS customer paying 850,000 a year, nothing one-time committed, one upsell at 40 %: 850,000 + 0.4 × 100,000
    plan = plan_with(
        {"recurring_revenue": 850_000, "opportunities": [{"id": "up", "title": "Upsell", "value": 100_000, "probability": 0.4}]}
    )
    figures = derive([plan], config(), Confidentiality())
    assert value(figures, "forecast") == pytest.approx(890_000)
    assert value(figures, "forecast_worst") == 850_000
    assert value(figures, "forecast_best") == 950_000
    detail = figures["forecast"].detail
    assert detail["committed"] == 850_000
    assert detail["secured"] == {"committed": None, "recurring": 850_000, "run_rate": None}
    # beats 900,000 only when the upsell is won: 40 %
    assert value(figures, "forecast_beats_last_year") == pytest.approx(0.4)


def test_secured_base_adds_committed_recurring_and_run_rate() -> None:
    plan = plan_with({"committed_revenue": 50_000, "recurring_revenue": 600_000, "run_rate_revenue": 200_000})
    figures = derive([plan], config(), Confidentiality())
    assert value(figures, "forecast") == 850_000 == value(figures, "forecast_worst") == value(figures, "forecast_best")
    assert value(figures, "forecast_beats_last_year") == 0


def test_no_secured_revenue_is_said_never_shown_as_zero() -> None:
    with_pipeline = plan_with({"opportunities": [{"id": "o", "title": "O", "value": 100_000, "probability": 0.5}]})
    figures = derive([with_pipeline], config(), Confidentiality())
    assert value(figures, "forecast") == 50_000
    assert figures["forecast"].detail["committed"] is None
    empty = derive([plan_with({})], config(), Confidentiality())
    assert empty["forecast"].value is None
    assert empty["forecast"].reason == "no secured revenue recorded (committed, recurring or run-rate) and no opportunities"


def test_an_unknown_probability_is_left_out_with_a_reason_not_taken_at_half() -> None:
    plan = plan_with(
        {
            "committed_revenue": 100_000,
            "opportunities": [
                {"id": "known", "title": "K", "value": 100_000, "probability": 0.5},
                {"id": "vague", "title": "V", "value": 400_000, "probability": "unknown"},
            ],
        }
    )
    figures = derive([plan], config(), Confidentiality())
    assert value(figures, "forecast") == 150_000
    assert value(figures, "forecast_best") == 200_000
    assert figures["forecast"].detail["left_out"] == [{"id": "vague", "reason": "probability not known yet: left out of the forecast"}]
    only_unknown = derive([plan_with({"opportunities": plan["potential"]["opportunities"][1:]})], config(), Confidentiality())
    assert only_unknown["forecast"].reason == (
        "no secured revenue recorded (committed, recurring or run-rate) and no opportunity with a known probability"
    )


def test_kpi_targets_met_and_adoption() -> None:
    plan = plan_with(
        {},
        kpis={
            "nps": {"promoters": 6, "passives": 2, "detractors": 2},  # NPS 40
            "complaints": 3,
            "targets": {"nps": 50, "adoption": 0.8, "complaints_max": 5, "renewal_rate": 0.9},
        },
        footprint=[
            {"id": "crm", "offering": "CRM", "seats": 400, "active_users": 340},
            {"id": "bi", "offering": "BI", "seats": 100, "active_users": 60},
        ],
    )
    figures = derive([plan], config(), Confidentiality())
    # adoption = (340 + 60) / (400 + 100) = 0.8: met; NPS 40 < 50: missed; 3 complaints ≤ 5: met;
    # renewal rate not measured: not counted. 2 of 3.
    assert value(figures, "adoption") == pytest.approx(0.8)
    assert value(figures, "kpi_targets_met") == pytest.approx(2 / 3)
    assert {k: v["met"] for k, v in figures["kpi_targets_met"].detail.items()} == {"nps": False, "adoption": True, "complaints_max": True}


def test_economic_buyer_decides_and_weak_relationships_do_not_count() -> None:
    contacts = [
        {"id": "cfo", "name": "CFO", "buying_roles": ["economic_buyer", "influencer"], "owner": "a", "relationship_strength": "strong"},
        {"id": "it", "name": "IT", "buying_roles": ["technical_evaluator"], "owner": "b", "relationship_strength": "weak"},
        {"id": "ops", "name": "Ops", "buying_roles": ["user"], "owner": "b", "relationship_strength": "none"},
    ]
    figures = derive([plan_with({}, contacts=contacts)], config(), Confidentiality.of(load_schema(SCHEMA)))
    assert value(figures, "decision_maker_known") is True
    assert value(figures, "active_contacts") == 3
    assert value(figures, "single_threaded") is True
    assert figures["single_threaded"].detail == "at most one contact with a good or strong relationship"
    assert figures["single_threaded"].confidential


def test_contacts_overdue_by_their_cadence() -> None:
    contacts = [
        {"id": "a", "name": "A", "buying_roles": ["user"], "contact_cadence": "monthly", "last_contact": "2026-05-31"},  # due 2026-06-30
        {"id": "b", "name": "B", "buying_roles": ["user"], "contact_cadence": {"every": 2, "unit": "weeks"}, "last_contact": "2026-06-10"},
        {"id": "c", "name": "C", "buying_roles": ["user"], "contact_cadence": "quarterly"},
    ]
    figures = derive([plan_with({}, contacts=contacts)], config(), Confidentiality())
    # as of 2026-06-30: a is due today (not overdue), b was due 2026-06-24, c has no last contact
    assert value(figures, "contacts_overdue") == 2
    assert figures["contacts_overdue"].detail == [{"id": "b", "due": "2026-06-24"}, {"id": "c", "due": None}]


def test_quarters_mean_their_last_day_as_due_dates() -> None:
    actions = [
        {"id": "q1", "title": "Q1", "status": "planned", "due": "2026-Q1"},  # 2026-03-31: overdue
        {"id": "q2", "title": "Q2", "status": "unknown", "due": "2026-Q2"},  # 2026-06-30: due today, not overdue
    ]
    figures = derive([plan_with({}, actions=actions)], config(), Confidentiality())
    assert value(figures, "overdue_actions") == 1


def test_meetings_held_against_planned() -> None:
    contacts = [
        {"id": "a", "name": "A", "buying_roles": ["user"], "meetings_planned": 4, "meetings_held": 3},
        {"id": "b", "name": "B", "buying_roles": ["user"], "meetings_planned": 2},
        {"id": "c", "name": "C", "buying_roles": ["user"], "meetings_held": 5},  # nothing planned: not counted
    ]
    figures = derive([plan_with({}, contacts=contacts)], config(), Confidentiality())
    # (3 + 0) / (4 + 2)
    assert value(figures, "meetings_held") == pytest.approx(0.5)
    assert derive([plan_with({})], config(), Confidentiality())["meetings_held"].reason == "no meetings planned with the contacts"


def test_executive_sponsor_paired_only_with_a_named_contact() -> None:
    contacts = [{"id": "cfo", "name": "Cleo", "buying_roles": ["economic_buyer"]}]
    by_position = plan_with({}, contacts=contacts, executive_sponsors=[{"ours": "ceo", "theirs_position": "CFO"}])
    figures = derive([by_position], config(), Confidentiality())
    assert value(figures, "sponsor_paired") is False and figures["sponsor_paired"].detail == ["CFO"]
    named = plan_with({}, contacts=contacts, executive_sponsors=[{"ours": "ceo", "theirs": "cfo"}])
    assert value(derive([named], config(), Confidentiality()), "sponsor_paired") is True
    assert derive([plan_with({})], config(), Confidentiality())["sponsor_paired"].reason == "no executive sponsors paired"


def test_health_score(history) -> None:
    # NPS 40 -> 0.7; decision maker and influencer active (Eve, the user, has left) -> 2 of 4 roles; reviewed 29 days
    # ago -> 1, but no visit or contact recorded -> 0, so recency 0.5; no open risk of 50 % or more (r2 is mitigated,
    # r3 closed) -> 1; half the checklist items done -> 0.5
    half = derive(history, config(), Confidentiality(), lambda figures: 0.5)
    assert half["health"].detail == pytest.approx({"satisfaction": 0.7, "coverage": 0.5, "recency": 0.5, "risks": 1.0, "completeness": 0.5})
    assert value(half, "health") == pytest.approx(64.0)
    late = derive(history, config(as_of=dt.date(2027, 6, 1)), Confidentiality(), lambda figures: 0.5)  # twice the stale days
    assert late["health"].detail["recency"] == 0.0 and late["health"].value == pytest.approx(54.0)
    silent = [*history[:-1], {**history[-1], "kpis": {}}]
    unknown = derive(silent, config(), Confidentiality(), lambda figures: 0.5)["health"]
    assert not unknown.computable and unknown.reason == "needs the NPS or CSAT of the customer"
    unmeasured = derive(history, config(), Confidentiality())["health"]
    assert not unmeasured.computable and unmeasured.reason == "needs the completeness of the checklists"


def test_health_counts_the_last_visit_or_contact_up_to_today(history) -> None:
    plan = history[-1]
    contacts = [
        {**plan["contacts"][0], "last_contact": "2026-02-01"},  # 149 days before 30 June: fresh
        *plan["contacts"][1:],
    ]
    met = [*history[:-1], {**plan, "contacts": contacts}]
    assert derive(met, config(), Confidentiality(), lambda figures: 1.0)["health"].detail["recency"] == 1.0
    # Eve has left: her last contact says nothing of the relationship now
    gone = [*history[:-1], {**plan, "contacts": [*plan["contacts"][:2], {**plan["contacts"][2], "last_contact": "2026-06-29"}]}]
    assert derive(gone, config(), Confidentiality(), lambda figures: 1.0)["health"].detail["recency"] == 0.5
    # a visit after today is planned, not made; one 270 days ago is half fresh (stale at 180, gone at 360)
    visits = {"customer_visits": [{"date": "2026-07-15"}, {"date": "2025-10-03"}]}
    visited = [*history[:-1], {**plan, "key_figures": {**plan.get("key_figures", {}), **visits}}]
    assert derive(visited, config(), Confidentiality(), lambda figures: 1.0)["health"].detail["recency"] == pytest.approx(0.75)


def test_an_annual_review_with_an_outcome_is_not_overdue(history) -> None:
    plan = history[-1]
    held = [*history[:-1], {**plan, "annual_review": {"date": "2026-02-10", "outcome": "Agreed the 2026 plan."}}]
    figure = derive(held, config(), Confidentiality())["days_to_review"]
    assert not figure.computable and figure.reason == "the annual review took place on 2026-02-10"
    due = [*history[:-1], {**plan, "annual_review": {"date": "2026-02-10"}}]
    assert value(derive(due, config(), Confidentiality()), "days_to_review") == -140
