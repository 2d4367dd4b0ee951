"""Worked examples for the cost calculator, computed by hand (the arithmetic is written out).

The `bundle` fixture uses round numbers (tests/calculators/conftest.py): 40-hour week, holiday pay 8 %,
year-end payment 8 %, one CAO increase of 10 % on 1 March 2026, a complete table for scale 4
(trede 0: 2000, trede 1: 2200 from 1 January 2026), premiums 10 %, pension 20 % with a 50 % employer
share over (gross - franchise 12000/12 x part-time factor), SSFH contribution 1 %, course fee 600, BVP 6 weeks.
Subsidy amounts are the real ones from data/.
"""

from __future__ import annotations

import copy
from decimal import Decimal as D

import pytest

from calculators import run
from calculators._inputs import parse_inputs, typed_input
from calculators.cost.inputs import CostInput, fields, hidden_defaults
from calculators.cost.model import compute
from calculators.cost.share import share_of
from calculators.cost.types import Range
from tests.calculators.conftest import set_values


def cost_input(bundle: dict, **raw: str):
    base = {"hours_per_week": "20", "supervision_hours_per_week": "0", "books_per_year": "0", "step": "0"}
    parsed = parse_inputs(fields(bundle), {**base, **raw})
    assert parsed.ok, parsed.errors
    return typed_input(CostInput, hidden_defaults(bundle, parsed.values))


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
    # The first month starts a study year, but 5 months of it (Aug-Dec) are over: 600 x 7 / 12 = 350.
    assert first["course_fee"] == D("350.00")


def test_course_fee_is_the_remaining_part_of_the_school_year_then_the_full_fee(bundle: dict) -> None:
    months = route(compute(bundle, cost_input(bundle, start_date="2026-03-15", months="17")), "regulier").months
    # Start 15 March: August to February (7 months) are over, March counts -> 600 x 5 / 12 = 250.
    # The first month in the next school year (index 5: 15 Aug - 14 Sep 2026) pays the full 600.
    fees = [(i, m.costs["course_fee"]) for i, m in enumerate(months) if m.costs["course_fee"]]
    assert fees == [(0, D("250.00")), (5, D("600.00"))]


def test_uwv_bvp_salary_is_a_cost_unless_agreed_shown_as_a_range(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3"))
    months = route(result, "uwv").months
    # Without an agreement the practice pays from day one: Jan 2000 x 0.5 = 1000 (all BVP: 1 Jan - 11 Feb).
    assert months[0].costs["salary"] == D("1000.00")
    # With the agreement it pays nothing in January: salary 1000 + 8 % + 8 % = 1160 gross; premiums 10 % = 116;
    # pension (1160 - 500) x 10 % = 66; SSFH 1 % = 11.60 -> 1353.60 saved. Course fee and books stay.
    assert months[0].subsidies["bvp_agreement"] == Range(D("0"), D("1353.60"))
    # Feb: 11 BVP days of 28 -> unpaid share 11/28; 2000 x 0.5 x 11 / 28 = 392.857 of salary saved at most.
    assert months[1].subsidies["bvp_agreement"].low == 0 < months[1].subsidies["bvp_agreement"].high
    assert "bvp_agreement" not in months[2].subsidies and months[2].costs["salary"] == D("1100.00")
    assert "bvp_agreement" not in route(result, "regulier").months[0].subsidies


def test_supervision_costs_at_the_supervisors_own_salary(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", supervision_hours_per_week="2",
                                        supervisor_monthly_salary="3000"))
    feb = route(result, "regulier").months[1].costs["supervision"]
    # hourly 3000 x 12 / (40 x 52) = 17.307692; 2 h x 52 / 12 = 8.666667 h a month; x employed 17/28 = 5.261905 h
    # 5.261905 h x 17.307692 = 91.0714; x (1 + 8 % + 8 %) = 105.6429; x (1 + 10 % premiums) = 116.207 -> 116.21
    assert feb == D("116.21")


def test_praktijkleren_for_a_full_study_year_is_a_range_up_to_the_maximum(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="12", hours_per_week="36"))
    for name in ("uwv", "ssfh", "regulier"):
        subsidy = route(result, name).months[11].subsidies["praktijkleren"]
        # 365 - 42 BVP days = 323 days = 46.1 weeks >= 40 -> a full place: up to the maximum 2700,
        # at least the lowest realised normbedrag (2079.27 in 2019-2020); 36 hours a week is a full place.
        assert (subsidy.low, subsidy.high) == (D("2079.27"), D("2700.00"))
        assert all("praktijkleren" not in m.subsidies for m in route(result, name).months[:11])


def test_praktijkleren_counts_paid_bvp_weeks_and_part_time_lowers_the_low_end(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2027-03-01", months="5", hours_per_week="20"))
    # Study year 2026-27 from 1 March to 31 July 2027: 153 days.
    # Regulier employs during the BVP: 153 / 7 = 21.857 weeks / 40 = 0.546429 of a full place.
    # UWV employs after the 42-day BVP only: 111 days = 15.857 weeks / 40 = 0.396429.
    # High end: 2700 x fraction; low end: 2079.27 x fraction x 20 / 36 hours (SSFH's part-time rule).
    regulier = route(result, "regulier").months[4].subsidies["praktijkleren"]
    # 2079.27 x 153 / 280 x 20 / 36 = 631.2070 -> 631.21; 2700 x 153 / 280 = 1475.357 -> 1475.36
    assert (regulier.low, regulier.high) == (D("631.21"), D("1475.36"))
    uwv = route(result, "uwv").months[4].subsidies["praktijkleren"]
    # 2079.27 x 111 / 280 x 20 / 36 = 457.934 -> 457.93; 2700 x 111 / 280 = 1070.357 -> 1070.36
    assert (uwv.low, uwv.high) == (D("457.93"), D("1070.36"))


def test_ssfh_pilot_after_its_data_ends_counts_from_zero_to_the_last_amounts(bundle: dict) -> None:
    result = compute(bundle, cost_input(bundle, start_date="2026-08-01", months="3"))
    months = route(result, "ssfh").months
    # Aug: all BVP, so no supervision allowance; course fee min(715, 600) = 600; books min(715, 0) = 0
    assert (months[0].subsidies["ssfh_bbl_zij_instroom"].low, months[0].subsidies["ssfh_bbl_zij_instroom"].high) == (
        D("0.00"), D("600.00"))
    # Sep: BVP until 11 Sep -> employed 19/30; 115 x 19 / 30 = 72.83
    assert months[1].subsidies["ssfh_bbl_zij_instroom"].high == D("72.83")
    assert "ssfh_bbl_zij_instroom" not in route(result, "uwv").months[1].subsidies


def test_loonkostenvoordeel_is_hours_times_rate_per_year_of_employment_rounded_once(bundle: dict) -> None:
    raw = {"start_date": "2026-01-01", "months": "13", "lkv_target_group": "arbeidsgehandicapt"}
    months = route(compute(bundle, cost_input(bundle, **raw)), "uwv").months
    # Employment starts after the 42-day BVP: 12 Feb 2026. Hours a month: 20 x 52 / 12 = 86.6667.
    # Up to 31 Jan 2027: Feb 17/28 month + Mar-Jan 11 months = 11.607143 months x 86.6667 = 1005.9524 h
    # x 3.05 = 3068.1548 -> 3068.15, counted once in the last month (not thirteen rounded monthly amounts).
    paid = [(i, m.subsidies["uwv_loonkostenvoordeel"]) for i, m in enumerate(months) if "uwv_loonkostenvoordeel"
            in m.subsidies]
    assert paid == [(12, Range(D("3068.15"), D("3068.15")))]


def test_loonkostenvoordeel_is_capped_per_twelve_months_and_lasts_per_target_group(bundle: dict) -> None:
    raw = {"start_date": "2026-01-01", "months": "24", "hours_per_week": "40"}
    lkv = "uwv_loonkostenvoordeel"
    disabled = route(compute(bundle, cost_input(bundle, **raw, lkv_target_group="arbeidsgehandicapt")), "uwv")
    # Year 12 Feb 2026 - 11 Feb 2027: 40 x 52 = 2080 h x 3.05 = 6344 > cap 6000 -> 6000 in Feb 2027 (index 13).
    assert disabled.months[13].subsidies[lkv].high == D("6000.00")
    # Year 2 is cut off by the programme's end (31 Dec 2027): 12 Feb - 31 Dec 2027
    # = 17/28 + 10 months = 10.607143 x 173.3333 h = 1838.5714 h x 3.05 = 5607.64 (below the cap).
    assert disabled.months[23].subsidies[lkv].high == D("5607.64")
    replaced = route(compute(bundle, cost_input(bundle, **raw, lkv_target_group="herplaatst")), "uwv")
    # Herplaatste werknemer: 1 year only, so nothing for the second year.
    assert replaced.total.subsidies[lkv].high == D("6000.00")
    jobs = route(compute(bundle, cost_input(bundle, **raw, lkv_target_group="banenafspraak")), "uwv")
    # Banenafspraak: 2080 h x 1.01 = 2100.80 > cap 2000; second year 1838.5714 h x 1.01 = 1856.96; no end.
    assert (jobs.months[13].subsidies[lkv].high, jobs.months[23].subsidies[lkv].high) == (D("2000.00"), D("1856.96"))


def test_travel_costs_follow_the_cao_allowance_per_km_with_its_maximum(bundle: dict) -> None:
    near = route(compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", commute_km="10")), "regulier")
    # Days in the practice: 20 h / (40 / 5) = 2.5 days - 1 school day = 1.5 a week.
    # 10 km x 2 x 0.21 x 1.5 x 52 / 12 = 27.30 in a full month of employment; January is all BVP: 0.
    assert (near.months[0].costs["travel"], near.months[2].costs["travel"]) == (D("0.00"), D("27.30"))
    far = route(compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", commute_km="50")), "regulier")
    # Capped at 30 km one way: 30 x 2 x 0.21 x 1.5 x 52 / 12 = 81.90.
    assert far.months[2].costs["travel"] == D("81.90")


def test_shares_split_the_rounding_remainder_instead_of_rounding_each_share() -> None:
    # 10.05 at 30 / 70 %: exact 3.015 and 7.035; rounded down 3.01 + 7.03 = 10.04, one cent left over.
    # Equal remainders (0.005 each) -> the cent goes to the larger share: 3.01 + 7.04 = 10.05.
    # (Rounding each share half up would give 3.02 + 7.04 = 10.06.)
    assert (share_of(D("10.05"), D("0.3")), share_of(D("10.05"), D("0.7"))) == (D("3.01"), D("7.04"))
    # 100.00 at 1/3: 33.333 and 66.667 -> floors 33.33 + 66.66, cent to the larger remainder (66.667).
    assert (share_of(D("100.00"), D(1) / 3), share_of(D("100.00"), D(2) / 3)) == (D("33.33"), D("66.67"))


def test_deprived_area_counts_half_the_first_calendar_years_employer_costs_when_ticked(bundle: dict) -> None:
    raw = {"start_date": "2026-08-01", "months": "12", "supervision_hours_per_week": "2"}
    scheme = "achterstandsfondsen_bbl_praktijkplekken"
    unticked = route(compute(bundle, cost_input(bundle, **raw)), "regulier")
    assert scheme not in unticked.total.subsidies
    assert scheme in {b.scheme for b in unticked.benefits}
    ticked = route(compute(bundle, cost_input(bundle, **raw, deprived_area="ja")), "regulier")
    # Aug-Dec 2026 (the first calendar year): salary 5 x 1100, + 8 % + 8 % = 6380 gross, premiums 638,
    # pension (1276 - 500) x 10 % x 5 = 388, SSFH 63.80, course fee 600 -> 8069.80 (supervision excluded:
    # the practice's own time, no expense). 50 % = 4034.90, below the 10000 maximum; 0 up to it.
    assert ticked.months[4].subsidies[scheme] == Range(D("0"), D("4034.90"))


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
        ("start_date", "2031-01-01", "Kies een startdatum tussen 1 januari 2026 en 31 december 2028"),
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


def test_a_small_employer_pays_its_sector_whk_and_the_low_aof_a_large_one_the_average_and_the_high(
        bundle: dict) -> None:
    premiums = "employer_costs.insurance_premiums."
    for name, value in (("whk_small_employer_sector", 2), ("whk_sector_average", 1), ("aof_high", 3)):
        set_values(bundle, premiums + name, ("2017-01-01", value))
    small = route(compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3")), "regulier")
    large = route(compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", small_employer="nee")),
                  "regulier")
    # March: gross 1276 (see above). Small: AWf 10 + Aof low 0 + sector Whk 2 = 12 %; large: 10 + 3 + 1 = 14 %.
    assert (small.months[2].costs["premiums"], large.months[2].costs["premiums"]) == (D("153.12"), D("178.64"))


def test_pfzw_wia_excedent_premium_over_pay_above_its_threshold_and_the_pensionable_cap(bundle: dict) -> None:
    pension = "employer_costs.pension_pfzw."
    set_values(bundle, pension + "wia_excedent_rate", ("2017-01-01", 10))
    set_values(bundle, pension + "wia_excedent_threshold", ("2017-01-01", 24000))
    set_values(bundle, pension + "max_pensionable_salary", ("2017-01-01", 1000000))
    march = route(compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", hours_per_week="40")),
                  "regulier").months[2].costs
    # Full time: 2200 + 8 % + 8 % = 2552 gross. Pension (2552 - 12000 / 12) x 20 % x 50 % = 155.20; WIA excedent
    # (2552 - 24000 / 12) x 10 % x 50 % = 27.60 (the same assumed employer share).
    assert march["pension"] == D("182.80")
    bundle = copy.deepcopy(bundle)  # a new bundle: parameters are read once per bundle
    set_values(bundle, pension + "max_pensionable_salary", ("2017-01-01", 24000))
    capped = route(compute(bundle, cost_input(bundle, start_date="2026-01-01", months="3", hours_per_week="40")),
                   "regulier").months[2].costs
    # Pensionable pay capped at 24000 / 12 = 2000: (2000 - 1000) x 20 % x 50 % = 100; nothing above the threshold.
    assert capped["pension"] == D("100.00")


def test_values_past_their_end_are_carried_forward_and_named_in_one_warning(real_bundle: dict) -> None:
    from calculators.cost import compute as compute_answer

    result = compute_answer(real_bundle, hidden_defaults(real_bundle, parse_inputs(
        fields(real_bundle), {"start_date": "2028-02-01"}).values))
    carried = [w for w in result.warnings if "laatst bekende waarde" in w]
    assert len(carried) == 1
    # The Zvw levy of 2026 (valid until 31 December 2026, no 2027 value) is used from 1 January 2027 and named
    # there once, with its value; a 2027 premium (valid until 31 December 2027) from 1 January 2028.
    assert "Vanaf 1 januari 2027: " in carried[0] and "werkgeversheffing Zvw (6,1 %)" in carried[0]
    assert carried[0].index("Vanaf 1 januari 2028") < carried[0].index("werkhervattingskas (Whk), kleine werkgever")
    assert carried[0].count("werkgeversheffing Zvw") == 1


@pytest.mark.parametrize(
    ("raw", "field", "fragment"),
    [
        ({"monthly_salary": "2000", "hours_per_week": "38"}, "monthly_salary", "Dat is op 3 mei 2027"),
        ({"monthly_salary": "2000"}, "monthly_salary", "Voor 24 uur per week is dat op 3 mei 2027"),
        ({"monthly_salary": "1200", "age": "19", "start_date": "2026-09-07"}, "monthly_salary",
         "minimumjeugdloon voor 19 jaar (52,5 % van het minimumloon)"),
        ({"supervisor_monthly_salary": "2000"}, "supervisor_monthly_salary", "bij voltijd (38 uur per week)"),
        ({"age": "17"}, "age", "18 jaar of ouder"),
    ],
)
def test_a_salary_below_the_legal_minimum_is_refused_at_its_field(real_bundle: dict, raw: dict, field: str,
                                                                   fragment: str) -> None:
    outcome = run("kosten", dict(real_bundle, as_of="2026-12-01"), raw)
    assert outcome["status"] == "invalid"
    assert list(outcome["errors"]) == [field] and fragment in outcome["errors"][field]


def test_the_legal_minimum_is_the_floor_exactly_and_a_youth_below_21_gets_the_youth_minimum(real_bundle: dict) -> None:
    bundle = dict(real_bundle, as_of="2026-12-01")
    # 1 September 2026: 14,99 x 38 x 52 / 12 = 2468,35 at full time; at exactly that amount the form accepts it.
    assert run("kosten", bundle, {"start_date": "2026-09-07", "monthly_salary": "2468,35"})["status"] == "result"
    assert run("kosten", bundle, {"start_date": "2026-09-07", "monthly_salary": "2468,34"})["status"] == "invalid"
    # 20 years old in 2026 (BBL youth wage 61,5 %): 2468,35 x 0,615 = 1518,04 accepted; in 2027 (87,5 %) refused.
    young = {"age": "20", "monthly_salary": "1518,04"}
    assert run("kosten", bundle, {**young, "start_date": "2026-09-07"})["status"] == "result"
    assert run("kosten", bundle, {**young, "start_date": "2027-02-01"})["status"] == "invalid"
