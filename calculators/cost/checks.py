# Checks across fields and data that a single field's bounds cannot express.
"""Cross-field validation for the cost calculator, with Dutch messages keyed by field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from calculators._data import Lookups
from calculators._format import euro, long_date, number, percent
from calculators._parameters import parameters_of
from calculators.cost.inputs import start_range
from calculators.cost.wages import Minimum, legal_minimum


def check(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    first, last = start_range(bundle)
    start = values.get("start_date")
    if start is not None and not first <= start <= last:
        errors["start_date"] = (
            f"Kies een startdatum tussen {long_date(first)} en {long_date(last)}: "
            "voor andere data zijn de gegevens niet gecontroleerd."
        )
    elif start is not None:
        errors.update(_below_minimum_wage(bundle, values, start))
    return errors


def _when(minimum: Minimum) -> str:
    """'op 1 september 2026', or with the last known amount named when the date lies after the data."""
    if minimum.carried:
        return f"op {long_date(minimum.on)} (het laatst bekende bedrag, van {long_date(minimum.since)})"
    return f"op {long_date(minimum.on)}"


def _below_minimum_wage(bundle: Mapping[str, Any], values: Mapping[str, Any], start: dt.date) -> dict[str, str]:
    """Salaries (entered at full time) below the legal minimum wage on the start date are refused."""
    errors = {}
    look = Lookups(parameters_of(bundle))
    hours, age = values.get("hours_per_week"), values.get("age")
    salary, supervisor = values.get("monthly_salary"), values.get("supervisor_monthly_salary")
    trainee = legal_minimum(look, start, hours, age) if hours is not None else None
    if trainee is not None and salary is not None and salary < trainee.fulltime:
        what = "het wettelijk minimumloon" if trainee.percent == 100 else (
            f"het wettelijk minimumjeugdloon voor {age} jaar ({percent(trainee.percent)} van het minimumloon)")
        fulltime = f"bij voltijd ({number(trainee.fulltime_hours)} uur per week)"
        if hours == trainee.fulltime_hours:
            amounts = f"Dat is {_when(trainee)} {euro(trainee.fulltime)} bruto per maand {fulltime}."
        else:
            amounts = (f"Voor {number(hours)} uur per week is dat {_when(trainee)} {euro(trainee.for_hours)} bruto "
                       f"per maand, {fulltime} {euro(trainee.fulltime)}.")
        errors["monthly_salary"] = (
            f"Dit salaris is lager dan {what}. {amounts} Vul hier het salaris bij voltijd in: minimaal "
            f"{euro(trainee.fulltime)}."
        )
    adult = legal_minimum(look, start, hours, None) if hours is not None else None
    if adult is not None and supervisor is not None and supervisor < adult.fulltime:
        errors["supervisor_monthly_salary"] = (
            f"Dit salaris is lager dan het wettelijk minimumloon: bij voltijd ({number(adult.fulltime_hours)} uur per "
            f"week) is dat {_when(adult)} {euro(adult.fulltime)} bruto per maand. Vul het salaris bij voltijd in."
        )
    return errors
