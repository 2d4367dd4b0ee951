# Calendar helpers for monthly timelines (no dates from the clock: everything is an argument).
"""Month arithmetic and the share of a period that falls inside another."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month `months` later, clipped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def resolve_moment(anchor: dt.date, moment: Mapping[str, Any] | None) -> dt.date | None:
    """The date a scheme's plan step names for `opens` or `closes` ({days: n}, {months: n} or {month_day: "MM-DD"}
    in the anchor's calendar year), relative to its anchor; None when the data names none."""
    if moment is None:
        return None
    if "days" in moment:
        return anchor + dt.timedelta(days=int(moment["days"]))
    if "months" in moment:
        return add_months(anchor, int(moment["months"]))
    month, day = (int(part) for part in moment["month_day"].split("-"))
    # Clipped to the month's last day, so "02-30" in the data still gives a real date.
    return dt.date(anchor.year, month, min(day, calendar.monthrange(anchor.year, month)[1]))


@dataclass(frozen=True)
class Period:
    """Inclusive date range."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def overlap_days(self, other: Period) -> int:
        first, last = max(self.first, other.first), min(self.last, other.last)
        return max(0, (last - first).days + 1)

    def share_in(self, other: Period) -> Decimal:
        """Fraction of this period's days that fall inside `other`."""
        return Decimal(self.overlap_days(other)) / Decimal(self.days)


def programme_months(start: dt.date, months: int) -> list[Period]:
    """Consecutive one-month periods from `start` (month i runs from start+i months to the day before i+1)."""
    return [Period(add_months(start, i), add_months(start, i + 1) - dt.timedelta(days=1)) for i in range(months)]


# A school year runs from 1 August to 31 July (Wet educatie en beroepsonderwijs); the year is a placeholder.
_SCHOOL_YEAR_START = dt.date(1, 8, 1)


@functools.lru_cache(maxsize=1024)  # asked for every month of every route on each keystroke
def study_year_of(day: dt.date) -> Period:
    """The school year (1 August - 31 July) that contains `day`."""
    first_year = (
        day.year if (day.month, day.day) >= (_SCHOOL_YEAR_START.month, _SCHOOL_YEAR_START.day) else day.year - 1
    )
    first = _SCHOOL_YEAR_START.replace(year=first_year)
    return Period(first, first.replace(year=first_year + 1) - dt.timedelta(days=1))
