# Salary over time: CAO table where data/ has one, otherwise a user amount indexed by dated increases.
"""Gross full-time monthly salary on a date, following the dated structural increases of the CAO."""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import Decimal

from calculators._parameters import Parameters

INCREASES = "cao.wage_increases.structural_increase"
TABLE = "cao.salary_tables.salary_table"


def increase_amount(value: dict, salary: Decimal, scale: int) -> Decimal:
    """One structural increase for a full-time salary: the percentage of its band, at least the minimum."""
    band = next(b for b in value["percent_by_scale"] if b["from_scale"] <= scale <= b["to_scale"])
    amount = salary * Decimal(band["percent"]) / 100
    minimum = value.get("minimum_monthly_amount")
    return max(amount, Decimal(minimum)) if minimum is not None else amount


def index_salary(parameters: Parameters, salary: Decimal, known_on: dt.date, on: dt.date, scale: int) -> Decimal:
    """Apply every increase that starts after `known_on` and on or before `on` (unrounded)."""
    for entry in parameters.get(INCREASES).changes_between(known_on, on):
        salary += increase_amount(entry.value, salary, scale)
    return salary


def indexed_salary(parameters: Parameters, salary: Decimal, known_on: dt.date, on: dt.date, scale: int) -> Decimal:
    """index_salary(), remembered per data bundle: the months between two increases share one answer (the same
    Decimal, computed the same way once)."""
    changes = parameters.get(INCREASES)
    starts = parameters.memo.get(INCREASES)
    if starts is None:
        starts = parameters.memo[INCREASES] = [entry.start for entry in changes.values]
    key = ("indexed_salary", salary, known_on, scale, bisect.bisect_right(starts, on))
    found = parameters.memo.get(key)
    if found is None:
        found = parameters.remember(key, index_salary(parameters, salary, known_on, on, scale))
    return found


def table_salary(parameters: Parameters, on: dt.date, scale: int, step: int) -> tuple[Decimal, dt.date] | None:
    """Amount from the newest complete table on or before `on`, if that table has the scale and step."""
    key = ("table_salary", on, scale, step)
    if key in parameters.memo:
        return parameters.memo[key]
    return parameters.remember(key, _table_salary(parameters, on, scale, step))


def _table_salary(parameters: Parameters, on: dt.date, scale: int, step: int) -> tuple[Decimal, dt.date] | None:
    for entry in reversed(parameters.get(TABLE).values):
        if entry.start <= on and entry.value.get("complete"):
            steps = entry.value["scales"].get(str(scale), {})
            if not steps:
                return None
            top = max(int(s) for s in steps)
            amount = steps.get(str(min(step, top)))
            return (Decimal(amount), entry.start) if amount is not None else None
    return None


def has_complete_table(parameters: Parameters) -> bool:
    """True when data/ holds a complete CAO salary table (then the form asks for scale and step)."""
    return any(entry.value.get("complete") for entry in parameters.get(TABLE).values if entry.value)
