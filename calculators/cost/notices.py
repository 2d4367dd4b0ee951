# The cost answer's general warnings: values carried past their data (one grouped notice) and the salary floors.
"""Warnings that concern the whole answer rather than one route, as Dutch sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from calculators._data import Lookups
from calculators._format import euro, format_value, long_date, number
from calculators.cost.context import Context
from calculators.cost.salary import has_complete_table, index_salary
from calculators.cost.wages import ADULT, MINIMUM, YOUTH, cao_floor, legal_minimum

DAY = dt.timedelta(days=1)


def _in_sentence(label: str) -> str:
    """A label inside a sentence: first letter lower case, but an acronym stays ("BVP", "PFZW")."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _item(label: str, value: str) -> str:
    """'werkgeversheffing Zvw (6,1 %)'; a label that ends in brackets takes the value inside them."""
    label = _in_sentence(label)
    return f"{label[:-1]}; {value})" if label.endswith(")") else f"{label} ({value})"


def carried_notice(look: Lookups, cao_end: dt.date, last_day: dt.date) -> str | None:
    """One notice for every value used past the end of its data, grouped by the first day it was carried to,
    led by the end of the running CAO when the programme runs past it. None when nothing was carried."""
    key = ("carried_notice", tuple(look.extrapolated.items()), cao_end, last_day)
    return look.parameters.recall(key, _carried_notice, look, cao_end, last_day)


def _carried_notice(look: Lookups, cao_end: dt.date, last_day: dt.date) -> str | None:
    groups: dict[dt.date, list[str]] = {}
    for key, until in look.extrapolated.items():
        param = look.parameters.get(key)
        value = format_value(param.unit, param.entry_on(until).value)  # the last known value, the one carried
        groups.setdefault(until + DAY, []).append(_item(param.label, value))
    parts = []
    if last_day > cao_end:
        parts.append(f"Het traject loopt door na {long_date(cao_end)}, het einde van de lopende cao: loonsverhogingen "
                     "daarna zijn nog niet bekend.")
    if groups:
        parts.append("Voor maanden na het einde van hun gegevens rekent de rekenhulp met de laatst bekende waarde.")
        for day, items in sorted(groups.items()):
            parts.append(f"Vanaf {long_date(day)}: {'; '.join(sorted(items, key=str.casefold))}.")
    return " ".join(parts) or None


def salary_notices(ctx: Context) -> list[str]:
    """The salary below the CAO floor (a warning; below the legal minimum the form refuses it), and for a trainee
    under 21 the first month in which the youth minimum wage rises above the salary."""
    inp, parameters = ctx.inp, ctx.look.parameters
    notices = []
    if not has_complete_table(parameters):
        floor, hourly = cao_floor(parameters, inp.start_date)
        if inp.monthly_salary < floor:
            hours = ctx.look.at(inp.start_date).cao.working_conditions.fulltime_hours_per_week
            notices.append(
                f"Het salaris bij voltijd ({euro(inp.monthly_salary)} per maand) is lager dan de cao-bodem op "
                f"{long_date(inp.start_date)}: {euro(floor)} per maand (het cao-minimumuurloon van {euro(hourly)} "
                f"maal {number(Decimal(hours))} uur per week, bijgewerkt met de cao-verhogingen; een aanname). Kijk "
                "in de salaristabel van de cao welk bedrag geldt."
            )
    if inp.age is not None:
        notices.extend(_youth_notices(ctx))
    return notices


def _youth_notices(ctx: Context) -> list[str]:
    inp = ctx.inp
    start = legal_minimum(ctx.look, inp.start_date, inp.hours_per_week, inp.age)
    if start is None or start.percent == ADULT:
        return []
    notices = [f"De zij-instromer is jonger dan 21: het minimumjeugdloon stijgt bij elke verjaardag. De rekenhulp "
               f"controleert het salaris alleen op de startdatum, voor {inp.age} jaar."]
    # The days within the programme on which the minimum wage or the youth percentages change.
    last = ctx.months[-1].last
    days = sorted({entry.start for key in (MINIMUM, YOUTH) for entry in ctx.look.parameters.get(key).values
                   if inp.start_date < entry.start <= last})
    for day in days:
        minimum = legal_minimum(ctx.look, day, inp.hours_per_week, inp.age)
        salary = index_salary(ctx.look.parameters, inp.monthly_salary, inp.start_date, day, inp.scale)
        if minimum is not None and salary < minimum.fulltime:
            notices.append(
                f"Vanaf {long_date(day)} is het minimumjeugdloon voor {inp.age} jaar {euro(minimum.fulltime)} per "
                "maand bij voltijd, meer dan het salaris in deze berekening. Verhoog het salaris dan; de rekenhulp "
                "rekent met het ingevulde salaris."
            )
            break
    return notices
