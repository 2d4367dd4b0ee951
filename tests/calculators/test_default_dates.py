"""Default start dates follow the build date and data/: never in the past, clear of school holidays."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from calculators import run
from calculators._holidays import holidays_for
from calculators._registry import fields_of, get
from calculators.planning.defaults import default_bvp_start, default_region
from calculators.planning.schedule import preparation_days
from tests.calculators.conftest import REAL


def as_of(day: dt.date) -> dict:
    bundle = copy.deepcopy(REAL)
    bundle["as_of"] = day.isoformat()
    return bundle


def default(name: str, field: str, bundle: dict) -> str:
    return next(f.default for f in fields_of(get(name), bundle) if f.name == field)


def test_the_default_worked_out_by_hand_for_1_december_2026() -> None:
    bundle = as_of(dt.date(2026, 12, 1))
    # Preparation with the phases' default weeks: 4+1+3 (survey) +2 (talks) +2 (matching) +2 (bedenktijd)
    # +4 (administratie) = 18 weeks = 126 days, more than the 4 months' minimum lead time.
    assert preparation_days(bundle) == 126
    # 1 Dec 2026 + 126 days = 6 Apr 2027 -> Monday 12 Apr. A six-week BVP from 12, 19 or 26 Apr would touch
    # the compulsory May week of region Midden (24 Apr - 2 May 2027), so the first clear Monday is 3 May.
    assert default("kosten", "start_date", bundle) == "2027-05-03"
    assert default("planning", "bvp_start", bundle) == "2027-05-03"


@pytest.mark.parametrize("months_later", range(0, 13, 2))
def test_defaults_as_of_later_dates_are_never_in_the_past_and_avoid_holidays(months_later: int) -> None:
    today = dt.date(2026, 1, 5) + dt.timedelta(days=30 * months_later)
    bundle = as_of(today)
    start = dt.date.fromisoformat(default("planning", "bvp_start", bundle))
    assert start >= today + dt.timedelta(days=preparation_days(bundle)), "room for the whole preparation"
    assert start.weekday() == 0
    bvp_end = start + dt.timedelta(weeks=6, days=-1)
    clash = [h for h in holidays_for(bundle, default_region(bundle)) if h.overlaps(start, bvp_end)]
    assert not clash, clash
    result = run("planning", bundle, {})
    assert result["status"] == "result", result.get("errors")
    assert "valt deels in de" not in result["html"], "the default BVP lies in a school holiday"


def test_cost_default_is_the_first_sensible_start_also_after_the_running_cao() -> None:
    # As of May 2027 the first holiday-free start after the preparation lies after the running CAO (ends 30 June
    # 2027). The cost calculator accepts starts up to data/index.yaml's latest_start, so it proposes the same
    # first sensible Monday as the planner, and the answer says which values it carries forward.
    bundle = as_of(dt.date(2027, 5, 3))
    start = dt.date.fromisoformat(default("kosten", "start_date", bundle))
    assert start == dt.date.fromisoformat(default("planning", "bvp_start", bundle))
    assert dt.date(2027, 6, 30) < start <= dt.date.fromisoformat(REAL["supported_period"]["latest_start"])
    outcome = run("kosten", bundle, {})
    assert outcome["status"] == "result"
    assert "rekent de rekenhulp met de laatst bekende waarde" in outcome["html"]


def test_cost_default_never_passes_the_latest_start() -> None:
    bundle = as_of(dt.date(2028, 11, 1))
    start = dt.date.fromisoformat(default("kosten", "start_date", bundle))
    assert dt.date(2028, 11, 1) <= start <= dt.date(2028, 12, 31)
    assert run("kosten", bundle, {})["status"] == "result"


def test_a_later_build_moves_the_default() -> None:
    early = default_bvp_start(as_of(dt.date(2026, 3, 1)), 126)
    late = default_bvp_start(as_of(dt.date(2026, 9, 1)), 126)
    assert late > early
