"""Dated parameters: the day before, on and after every change; a monthly sweep of the supported period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calculators import ParameterError, Parameters, load_bundle
from handbook_build.data import bundle_json, load_data
from tests.conftest import ROOT

BUNDLE = load_bundle(bundle_json(load_data(ROOT / "data")))
PARAMETERS = Parameters(BUNDLE)
ONE_DAY = dt.timedelta(days=1)


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    days, day = [], start.replace(day=1)
    while day <= end:
        days.append(max(day, start))
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return days


CHANGES = [
    pytest.param(key, index, id=f"{key}@{PARAMETERS.get(key).values[index].start}")
    for key in PARAMETERS.keys()
    for index in range(len(PARAMETERS.get(key).values))
]


@pytest.mark.parametrize(("key", "index"), CHANGES)
def test_day_before_on_and_after_each_change(key: str, index: int) -> None:
    param = PARAMETERS.get(key)
    entry = param.values[index]
    if index == 0:
        with pytest.raises(ParameterError, match="geen waarde"):
            param.value_on(entry.start - ONE_DAY)
    else:
        assert param.value_on(entry.start - ONE_DAY) == param.values[index - 1].value
    assert param.entry_on(entry.start) == entry
    if index + 1 < len(param.values) and param.values[index + 1].start == entry.start + ONE_DAY:
        return
    if param.covered_until is None or entry.start < param.covered_until:
        assert param.entry_on(entry.start + ONE_DAY) == entry


# Hand-pinned values: typed here on purpose, so a wrong edit of the YAML fails a test.
@pytest.mark.parametrize(
    ("key", "day", "expected"),
    [
        ("cao.working_conditions.fulltime_hours_per_week", dt.date(2026, 1, 1), 38),
        ("cao.working_conditions.year_end_payment_rate", dt.date(2022, 12, 31), Decimal("7.5")),
        ("cao.working_conditions.year_end_payment_rate", dt.date(2023, 1, 1), Decimal("8.33")),
        ("cao.function_scales.doktersassistent_a", dt.date(2026, 1, 1), 4),
        ("cao.function_scales.doktersassistent_b", dt.date(2026, 1, 1), 5),
        ("employer_costs.pension_pfzw.premium_rate", dt.date(2026, 6, 1), Decimal("25.9")),
        ("employer_costs.pension_pfzw.franchise", dt.date(2026, 6, 1), 17283),
        ("employer_costs.ssfh_contribution.contribution_rate", dt.date(2025, 6, 1), Decimal("0.5")),
    ],
)
def test_pinned_values(key: str, day: dt.date, expected: object) -> None:
    assert PARAMETERS.value_on(key, day) == expected


def test_wage_increase_of_february_2024_has_the_minimum_amount_rule() -> None:
    value = PARAMETERS.value_on("cao.wage_increases.structural_increase", dt.date(2024, 2, 1))
    assert value["minimum_monthly_amount"] == 175
    assert [band["percent"] for band in value["percent_by_scale"]] == [5, 4]


def test_lookup_after_covered_until_is_refused() -> None:
    param = PARAMETERS.get("cao.working_conditions.minimum_hourly_wage")
    assert param.covered_until is not None
    assert param.value_on(param.covered_until) == Decimal("16.00")
    with pytest.raises(ParameterError, match="gelden t/m"):
        param.value_on(param.covered_until + ONE_DAY)


def test_unknown_parameter_is_refused() -> None:
    with pytest.raises(ParameterError, match="onbekende parameter"):
        PARAMETERS.get("cao.bestaat_niet")


def test_numbers_are_exact_decimals_never_floats() -> None:
    def walk(node: object) -> None:
        assert not isinstance(node, float)
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(BUNDLE)


SUPPORTED = BUNDLE["supported_period"]
SWEEP = months(dt.date.fromisoformat(SUPPORTED["start"]), dt.date.fromisoformat(SUPPORTED["end"]))


# Parameters whose data ends before the supported period does, by name and why. The calculators carry their
# last value forward with a warning (calculators/_data.py) or count them as uncertain. Anything else must
# resolve for every month; a name here whose data has since been extended fails too, so the list stays true.
ENDS_EARLY = {
    "schemes.praktijkleren.realised_per_full_place": "the paid-out amount is known only up to 2022-2023",
    "schemes.ssfh_bbl_zij_instroom.books_materials": "SSFH pilot amounts known up to 2024",
    "schemes.ssfh_bbl_zij_instroom.course_fee_reimbursement": "SSFH pilot amounts known up to 2024",
    "schemes.ssfh_bbl_zij_instroom.practice_supervision": "SSFH pilot amounts known up to 2024",
    "schemes.ssfh_bbl_zij_instroom.student_allowance": "SSFH pilot amounts known up to 2024",
    "schemes.uwv_scholingsbudget_ww.limit_without_job_intention": "the temporary scheme's limit ended in 2021",
    "training.bbl.course_fee_level_3_4": "the fee for 2025-2026 was not found",
}


# Parameters whose data begins after the supported period does, by name and why. No calculation looks them up
# before their first date (they only explain a form field); a name whose data has since been extended fails.
STARTS_LATE = {
    "employer_costs.insurance_premiums.small_employer_wage_bill_limit": "only the limit for premium year 2027 "
    "was found; the cost form's help text names it with its year",
}


def unresolved_months(key: str) -> list[dt.date]:
    param = PARAMETERS.get(key)
    missing = []
    for day in SWEEP:
        try:
            param.entry_on(day)
        except ParameterError:
            missing.append(day)
    return missing


@pytest.mark.parametrize("key", [k for k in PARAMETERS.keys() if k not in ENDS_EARLY and k not in STARTS_LATE])
def test_parameter_resolves_for_every_month_of_the_supported_period(key: str) -> None:
    assert unresolved_months(key) == []


@pytest.mark.parametrize("key", sorted(STARTS_LATE))
def test_parameters_listed_as_starting_late_do_start_late(key: str) -> None:
    assert key in PARAMETERS.keys(), "listed but no longer in data/: remove it from STARTS_LATE"
    missing = unresolved_months(key)
    assert missing and missing[0] == SWEEP[0], "resolves from the start of the supported period: remove it"


@pytest.mark.parametrize("key", sorted(ENDS_EARLY))
def test_parameters_listed_as_ending_early_do_end_early(key: str) -> None:
    assert key in PARAMETERS.keys(), "listed but no longer in data/: remove it from ENDS_EARLY"
    assert unresolved_months(key), "resolves for the whole supported period now: remove it from ENDS_EARLY"


def test_sweep_covers_the_whole_supported_period() -> None:
    assert SWEEP[0].isoformat() == SUPPORTED["start"]
    assert len(SWEEP) >= 12


def test_school_holidays_cover_every_month_of_the_supported_period() -> None:
    years = BUNDLE["school_holidays"].values()
    for day in SWEEP:
        assert any(y["first_day"] <= day.isoformat() <= y["last_day"] for y in years), day
