# Default dates that move with time: they follow from the build date (bundle["as_of"]) and data/, never a
# fixed date, so a handbook built next year does not propose a start in the past.
"""The default first day of the BVP, shared by the planner and the cost calculator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from calculators._holidays import Holiday, covered_range, holiday_regions, holidays_for
from calculators._parameters import Parameters
from calculators._timeline import add_months

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(weeks=1)


def as_of(bundle: Mapping[str, Any]) -> dt.date:
    """The build date the loader wrote into the bundle; a bundle without one counts from its supported period."""
    text = bundle.get("as_of") or bundle["supported_period"]["start"]
    return dt.date.fromisoformat(text)


def default_region(bundle: Mapping[str, Any]) -> str:
    """The holiday region of data/region.yaml, else the first region data/ lists."""
    return (bundle.get("region") or {}).get("holiday_region") or next(iter(holiday_regions(bundle)))


def next_monday(day: dt.date) -> dt.date:
    return day + (-day.weekday() % 7) * DAY


def _clear_of_holidays(start: dt.date, days: int, holidays: list[Holiday]) -> bool:
    last = start + (days - 1) * DAY
    return not any(holiday.overlaps(start, last) for holiday in holidays)


def default_bvp_start(bundle: Mapping[str, Any], preparation_days: int, latest: dt.date | None = None) -> dt.date:
    """The first Monday on which a BVP can start: after the preparation (the planner's phases, and at least the
    playbook's minimum lead time) counted from the build date, with the whole BVP outside the school holidays
    of the default region. `latest` caps the answer (e.g. the last day the cost data covers); then the
    latest such Monday not before the build date is taken.
    """
    today = as_of(bundle)
    parameters = Parameters(bundle)
    reference = dt.date.fromisoformat(bundle["supported_period"]["start"])
    p = parameters.at(reference)
    lead_months, bvp_days = int(p.planning.min_lead_time_months), int(p.training.bbl.bvp_weeks) * 7
    earliest = next_monday(max(today + preparation_days * DAY, add_months(today, lead_months)))
    holidays = holidays_for(bundle, default_region(bundle))
    _, covered_until = covered_range(bundle)
    last = min(latest or covered_until, covered_until - (bvp_days - 1) * DAY)
    day = earliest
    while day <= last:
        if _clear_of_holidays(day, bvp_days, holidays):
            return day
        day += WEEK
    # Too late for the data: the latest fitting Monday that is not in the past, else the earliest date itself.
    day = last - last.weekday() * DAY
    while day >= next_monday(today):
        if _clear_of_holidays(day, bvp_days, holidays):
            return day
        day -= WEEK
    return earliest
