"""Numbers in running text that come from data/: '{{ value("training.bbl.bvp_weeks") }}' -> '6 weken'.

A plain function (no MkDocs); the build registers it as the macro `value`. Counts and durations in prose
then change with the data, and tests/data/test_no_literal_counts.py can require that pages use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators import Parameters
from calculators._format import format_value, number
from calculators._parameters import ParameterError

# Unit -> (singular, plural) for durations and counts written in a sentence.
WORDS = {
    "weeks": ("week", "weken"),
    "days": ("dag", "dagen"),
    "months": ("maand", "maanden"),
    "years": ("jaar", "jaar"),
    "hours_per_week": ("uur per week", "uur per week"),
    "hours_per_year": ("uur per jaar", "uur per jaar"),
    "km": ("km", "km"),
}


def prose_value(bundle: Mapping[str, Any], key: str, on: dt.date, bare: bool = False) -> str:
    """A parameter in force on `on` (before the first value: the first; after the data: the last), as text.

    Keys "facts.<file>.<name>" give a fact's number. bare=True gives only the number, for sentences such
    as 'minder dan 12 km' written around it.
    """
    if key.startswith("facts."):
        _, facts_id, name = key.split(".", 2)
        return number(bundle["facts"][facts_id]["facts"][name]["value"])
    param = Parameters(bundle).get(key)
    try:
        value = param.value_on(on)
    except ParameterError:
        value = (param.values[0] if on < param.first_date else param.values[-1]).value
    if param.unit == "code":
        return format_value(param.unit, value)
    if bare or param.unit == "count":
        return number(value)
    if param.unit in WORDS:
        singular, plural = WORDS[param.unit]
        return f"{number(value)} {singular if Decimal(value) == 1 else plural}"
    return format_value(param.unit, value)
