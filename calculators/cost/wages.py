# Wage floors for a monthly salary entered at full time: the legal minimum (refused below) and the CAO floor.
"""The statutory minimum wage (with the youth percentages) and the CAO floor, per month, on a date.

A salary field of the cost calculator holds the gross monthly salary *at full time*. The legal minimum is an
hourly wage, so for the contract hours it is hourly x hours x 52 / 12 a month; at full time the same with the
CAO's full-time week. A full-time salary at or above the full-time minimum pays at least the minimum for any
number of hours, so the check compares full-time amounts and the message names both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from calculators._data import Lookups
from calculators._money import cents
from calculators._parameters import Parameters
from calculators.cost.salary import TABLE, index_salary

MINIMUM = "statutory.minimum_wage.hourly_adult"
YOUTH = "statutory.minimum_wage.youth_percentages"
CAO_FLOOR = "cao.working_conditions.minimum_hourly_wage"
FULLTIME = "cao.working_conditions.fulltime_hours_per_week"
ADULT = Decimal(100)


@dataclass(frozen=True)
class Minimum:
    """The legal minimum on one day for one age, per month (cents) at full time and for the contract hours."""

    on: dt.date
    percent: Decimal  # of the adult minimum: 100, or the youth percentage for the age
    fulltime: Decimal
    for_hours: Decimal
    fulltime_hours: Decimal
    since: dt.date  # the hourly amount applies from this day
    carried: bool  # `on` lies after the known amounts: the last one is used


def per_month(hourly: Decimal, hours: Decimal) -> Decimal:
    return cents(hourly * hours * 52 / 12)


def youth_percent(table: dict, age: int | None) -> Decimal | None:
    """Percentage of the adult minimum for `age` (None: an adult); None when data/ has no percentage for the
    age (younger than the youngest age listed). Older than the oldest age listed is an adult."""
    if age is None or age > max(int(key) for key in table):
        return ADULT
    found = table.get(str(age))
    return Decimal(found) if found is not None else None


def legal_minimum(look: Lookups, on: dt.date, hours: Decimal, age: int | None = None) -> Minimum | None:
    """The legal minimum wage on `on` for `hours` a week at `age` (None: 21 or older); None if unknown for the age."""
    fulltime_hours = Decimal(look.value(FULLTIME, on))
    percent = youth_percent(look.value(YOUTH, on)["percent_by_age"], age) if age is not None else ADULT
    if percent is None:
        return None
    entry = look.entry(MINIMUM, on)
    hourly = Decimal(entry.value) * percent / 100
    return Minimum(on, percent, per_month(hourly, fulltime_hours), per_month(hourly, hours), fulltime_hours,
                   entry.start, look.carried_from(MINIMUM, on) is not None)


def cao_floor(parameters: Parameters, on: dt.date) -> tuple[Decimal, Decimal]:
    """(CAO floor per month at full time on `on` in cents, the CAO minimum hourly wage it starts from).

    The minimum hourly wage x the full-time week x 52 / 12, as known on its own date, raised with every CAO
    increase from then up to `on` (an assumption, labelled as such). After its data ends the last known
    minimum is used, raised the same way."""
    param = parameters.get(CAO_FLOOR)
    last = param.covered_until
    floor = param.entry_on(min(on, last) if last is not None else on)
    hours = Decimal(parameters.at(on).cao.working_conditions.fulltime_hours_per_week)
    scale = int(parameters.at(on).cao.function_scales.doktersassistent_a)
    monthly = Decimal(floor.value) * hours * 52 / 12
    return cents(index_salary(parameters, monthly, floor.start, on, scale)), Decimal(floor.value)


def default_salary(parameters: Parameters, on: dt.date) -> Decimal:
    """The CAO floor at full time on `on` (cao_floor), the default of the trainee's salary (an assumption)."""
    return cao_floor(parameters, on)[0]


def default_supervisor_salary(parameters: Parameters, on: dt.date) -> Decimal:
    """Last known table amount for the reference scale/step, indexed with the CAO increases since then."""
    reference = parameters.at(on).cost_defaults.supervisor_reference_scale
    scale, step = str(reference["scale"]), str(reference["step"])
    for entry in reversed(parameters.get(TABLE).values):
        amount = entry.value["scales"].get(scale, {}).get(step)
        if entry.start <= on and amount is not None:
            return cents(index_salary(parameters, Decimal(amount), entry.start, on, int(scale)))
    return default_salary(parameters, on)
