"""A data bundle for hand calculations: the real bundle with a few values replaced by round numbers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from handbook_build.site import load_site_data
from tests.conftest import ROOT
from tests.regions import as_national

# The national handbook's bundle, also in a region's fork: these tests pin national figures (tests/regions.py).
REAL = as_national(load_site_data(ROOT))


def set_values(bundle: dict, key: str, *values: tuple[str, Any], covered_until: str | None = None) -> None:
    """Replace a parameter's dated values, keeping its label and unit."""
    param = bundle["parameters"][key]
    param["values"] = [
        {"from": start, "value": value, "source": "https://example.org/test", "peildatum": "2026-11-25",
         "confidence": "high"}
        for start, value in values
    ]
    param.pop("covered_until", None)
    if covered_until:
        param["covered_until"] = covered_until


def hand_bundle() -> dict:
    bundle = copy.deepcopy(REAL)
    set_values(bundle, "cao.working_conditions.fulltime_hours_per_week", ("2017-01-01", 40))
    set_values(bundle, "cao.working_conditions.holiday_pay_rate", ("2017-01-01", 8))
    set_values(bundle, "cao.working_conditions.year_end_payment_rate", ("2017-01-01", 8))
    set_values(bundle, "cao.wage_increases.structural_increase",
               ("2026-03-01", {"percent_by_scale": [{"from_scale": 1, "to_scale": 99, "percent": 10}]}))
    set_values(bundle, "cao.salary_tables.salary_table",
               ("2026-01-01", {"complete": True, "scales": {"4": {"0": 2000, "1": 2200}}}))
    for name in ("awf_low", "aof_low", "aof_high", "whk_sector_average", "whk_small_employer_sector",
                 "childcare_surcharge", "zvw_employer_levy"):
        set_values(bundle, f"employer_costs.insurance_premiums.{name}", ("2017-01-01", 10 if name == "awf_low" else 0))
    set_values(bundle, "employer_costs.insurance_premiums.max_premium_wage", ("2017-01-01", 1000000))
    set_values(bundle, "employer_costs.pension_pfzw.premium_rate", ("2017-01-01", 20))
    set_values(bundle, "employer_costs.pension_pfzw.employer_share", ("2017-01-01", 50))
    set_values(bundle, "employer_costs.pension_pfzw.franchise", ("2017-01-01", 12000))
    set_values(bundle, "employer_costs.ssfh_contribution.contribution_rate", ("2017-01-01", 1))
    set_values(bundle, "training.bbl.course_fee_level_3_4", ("2017-08-01", 600))
    set_values(bundle, "training.bbl.bvp_weeks", ("2017-01-01", 6))
    return bundle


@pytest.fixture
def bundle() -> dict:
    return hand_bundle()


@pytest.fixture(scope="session")
def real_bundle() -> dict:
    return REAL


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
