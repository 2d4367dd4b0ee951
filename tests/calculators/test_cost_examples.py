"""Worked examples for the cost calculator, computed by hand (the arithmetic is written out).

The `bundle` fixture uses round numbers (tests/calculators/conftest.py): 40-hour week, holiday pay 8 %,
year-end payment 8 %, one CAO increase of 10 % on 1 March 2026, a complete table for scale 4
(trede 0: 2000, trede 1: 2200 from 1 January 2026), premiums 10 %, pension 20 % with a 50 % employer
share over (gross - franchise 12000/12 x part-time factor), SSFH contribution 1 %, course fee 600, BVP 6 weeks.
Subsidy amounts are the real ones from data/.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from calculators import run
from calculators._inputs import parse_inputs, typed_input
from calculators.cost.inputs import CostInput, fields
from calculators.cost.model import compute


def cost_input(bundle: dict, **raw: str):
    base = {"hours_per_week": "20", "supervision_hours_per_week": "0", "books_per_year": "0", "step": "0"}
    parsed = parse_inputs(fields(bundle), {**base, **raw})
    assert parsed.ok, parsed.errors
    return typed_input(CostInput, parsed.values)


def route(result, name: str):
    return next(r for r in result.routes if r.route == name)


def test_salary_crosses_a_cao_increase_and_a_trede_step(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="14"))
    salary = [m.costs["salary"] for m in route(result, "regulier").months]
    # Part-time factor 20 / 40 = 0.5; the regular route pays from day one.
    assert salary[0] == D("1000.00")  # Jan 2026: table trede 0 = 2000 x 0.5
    assert salary[1] == D("1000.00")  # Feb 2026: no increase yet
    assert salary[2] == D("1100.00")  # Mar 2026: 2000 + 10 % = 2200 x 0.5
    assert salary[11] == D("1100.00")  # Dec 2026: still trede 0
    assert salary[12] == D("1210.00")  # Jan 2027: one year in -> trede 1 = 2200, + 10 % = 2420 x 0.5


def test_one_month_of_costs_in_the_regular_route(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3"))
    march = route(result, "regulier").months[2].costs
    # salary 1100; holiday pay 8 % = 88; year-end 8 % = 88; gross 1276
    assert (march["salary"], march["holiday_pay"], march["year_end"]) == (D("1100.00"), D("88.00"), D("88.00"))
    assert march["premiums"] == D("127.60")  # 10 % x 1276
    # franchise 12000 / 12 x 0.5 = 500; (1276 - 500) x 20 % x 50 % = 77.60
    assert march["pension"] == D("77.60")
    assert march["ssfh_contribution"] == D("12.76")  # 1 % x 1276
    assert (march["course_fee"], march["books"], march["supervision"]) == (D("0.00"), D("0.00"), D("0.00"))
    first = route(result, "regulier").months[0].costs
    assert first["course_fee"] == D("600.00")  # the first month starts a study year


def test_uwv_route_pays_no_salary_during_the_bvp(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3"))
    months = route(result, "uwv").months
    assert months[0].costs["salary"] == D("0.00")  # 1-31 Jan: all BVP (42 days: 1 Jan - 11 Feb)
    # Feb: 11 BVP days of 28 -> employed 17/28; 2000 x 0.5 x 17 / 28 = 607.142857... -> 607.14
    assert months[1].costs["salary"] == D("607.14")
    assert months[2].costs["salary"] == D("1100.00")


def test_supervision_costs_at_the_supervisors_own_salary(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", supervision_hours_per_week="2",
                                        supervisor_monthly_salary="3000"))
    feb = route(result, "regulier").months[1].costs["supervision"]
    # hourly 3000 x 12 / (40 x 52) = 17.307692; 2 h x 52 / 12 = 8.666667 h a month; x employed 17/28 = 5.261905 h
    # 5.261905 h x 17.307692 = 91.0714; x (1 + 8 % + 8 %) = 105.6429; x (1 + 10 % premiums) = 116.207 -> 116.21
    assert feb == D("116.21")


def test_praktijkleren_for_a_full_study_year_is_a_range_up_to_the_maximum(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="12"))
    for name in ("uwv", "ssfh", "regulier"):
        subsidy = route(result, name).months[11].subsidies["praktijkleren"]
        # 365 - 42 BVP days = 323 days = 46.1 weeks >= 40 -> a full place: up to the maximum 2700,
        # at least the lowest realised normbedrag (2079.27 in 2019-2020).
        assert (subsidy.low, subsidy.high) == (D("2079.27"), D("2700.00"))
        assert all("praktijkleren" not in m.subsidies for m in route(result, name).months[:11])


def test_ssfh_pilot_after_its_data_ends_counts_from_zero_to_the_last_amounts(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="3"))
    months = route(result, "ssfh").months
    # Aug: all BVP, so no supervision allowance; course fee min(715, 600) = 600; books min(715, 0) = 0
    assert (months[0].subsidies["ssfh_bbl_zij_instroom"].low, months[0].subsidies["ssfh_bbl_zij_instroom"].high) == (
        D("0.00"), D("600.00"))
    # Sep: BVP until 11 Sep -> employed 19/30; 115 x 19 / 30 = 72.83
    assert months[1].subsidies["ssfh_bbl_zij_instroom"].high == D("72.83")
    assert "ssfh_bbl_zij_instroom" not in route(result, "uwv").months[1].subsidies


def test_uwv_route_with_loonkostenvoordeel(bundle: dict) -> None:
    raw = {"start_date": "2026-01-01", "months": "3", "lkv_target_group": "arbeidsgehandicapt"}
    result = compute(bundle, cost_input(bundle, **raw))
    march = route(result, "uwv").months[2].subsidies["uwv_loonkostenvoordeel"]
    # 20 h x 52 / 12 = 86.667 h x 3.05 = 264.33
    assert march.low == march.high == D("264.33")
    assert "uwv_loonkostenvoordeel" not in route(result, "regulier").months[2].subsidies


def test_shared_workplace_halves_costs_and_subsidies(bundle: dict) -> None:
    whole = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="12"))
    half = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="12", share_percent="50"))
    assert route(half, "regulier").months[2].costs["salary"] * 2 == route(whole, "regulier").months[2].costs["salary"]
    assert route(half, "regulier").total.subsidy.high == D("1350.00")  # 2700 / 2


def test_freelance_comparison(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", freelance_hourly_rate="40"))
    assert result.freelance_per_year == D("41600.00")  # 40 x 20 h x 52 weeks


def test_net_cost_is_cost_minus_subsidy_for_both_ends(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="12"))
    for r in result.routes:
        total = r.total
        assert total.net.low == total.total_cost - total.subsidy.high
        assert total.net.high == total.total_cost - total.subsidy.low


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_week", "12", "minimaal 16 uur per week"),
        ("hours_per_week", "", "Vul werkuren per week in de praktijk in."),
        ("hours_per_week", "veel", "Vul een getal in"),
        ("monthly_salary", "-5", "Vul minimaal 1 euro in."),
        ("monthly_salary", "9999999", "Vul hoogstens 20.000 euro in."),
        ("start_date", "2031-01-01", "Kies een startdatum tussen 1 januari 2026 en 30 juni 2027"),
        ("start_date", "31-2-2027", "Vul een geldige datum in"),
        ("months", "2,5", "Vul een geheel getal in."),
        ("lkv_target_group", "iets", "Kies een van de mogelijkheden"),
    ],
)
def test_bad_input_gives_a_dutch_message_at_the_field(real_bundle: dict, field: str, value: str, message: str) -> None:
    outcome = run("kosten", real_bundle, {field: value})
    assert outcome["status"] == "invalid"
    assert message in outcome["errors"][field]
    assert "html" not in outcome


def test_dutch_number_formats_are_accepted(real_bundle: dict) -> None:
    for text in ("2.634,67", "2634,67", "2634.67", "€ 2.634,67"):
        assert run("kosten", real_bundle, {"monthly_salary": text})["status"] == "result"
