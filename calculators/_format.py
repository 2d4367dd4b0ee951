# Dutch display formatting shared by the build (data pages) and the calculators (results).
"""Format amounts, percentages and dates the Dutch way: € 2.545,83 · 4,35 % · 1 februari 2024."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _group(digits: str) -> str:
    """'1234567' -> '1.234.567' (thousands by dots)."""
    return f"{int(digits):,}".replace(",", ".")


_QUANTA = {0: Decimal(1), 1: Decimal("0.1"), 2: Decimal("0.01")}  # the usual decimals, made once


def _decimal(value: Decimal | int | float) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def number(value: Decimal | int | float, decimals: int | None = None) -> str:
    """1234.5 -> '1.234,5'; decimals fixes the number of decimals (rounded half up)."""
    amount = _decimal(value)
    if decimals is not None:
        amount = amount.quantize(_QUANTA[decimals] if decimals in _QUANTA else Decimal(1).scaleb(-decimals),
                                 rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    text = format(abs(amount), "f")
    whole, _, fraction = text.partition(".")
    return f"{sign}{_group(whole)}" + (f",{fraction}" if fraction else "")


def euro(value: Decimal | int | float) -> str:
    """Whole euros without cents ('€ 2.700'), otherwise two decimals ('€ 2.545,83')."""
    amount = _decimal(value)
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"€ {number(amount, decimals)}"


def euro_cents(amount: int) -> str:
    """euro() of an int of cents: '€ 2.700' for whole euros, otherwise '€ 2.545,83' (no Decimal on the way)."""
    if amount < 0:
        whole, part = divmod(-amount, 100)
        text = f"€ -{whole:,}".replace(",", ".") if whole >= 1000 else f"€ -{whole}"
    else:
        whole, part = divmod(amount, 100)
        text = f"€ {whole:,}".replace(",", ".") if whole >= 1000 else f"€ {whole}"
    return f"{text},{part:02d}" if part else text


def count(amount: Decimal | int, one: str, many: str) -> str:
    """A count with its noun, singular for exactly 1: '1 maand', '2 maanden', '1.200 kandidaten'.

    Nouns that do not change after a number ("uur", "jaar") are passed twice.
    """
    return f"{number(amount)} {one if amount == 1 else many}"


# Units of form fields that have a singular after exactly 1 ("minimaal 1 maand"); the others do not change.
SINGULAR_UNITS = {"maanden": "maand", "weken": "week", "dagen": "dag", "kandidaten": "kandidaat",
                  "praktijken": "praktijk"}


def with_unit(amount: Decimal | int, unit: str) -> str:
    """'1 maand', '2 maanden', '20.000 km', '3' (no unit): a bound or value with its unit in correct Dutch."""
    return count(amount, SINGULAR_UNITS.get(unit, unit), unit).rstrip()


def percent(value: Decimal | int | float) -> str:
    amount = Decimal(str(value)).normalize()
    return f"{number(amount)} %"


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


UNIT_SUFFIX = {
    "euro_per_month": " per maand", "euro_per_year": " per jaar", "euro_per_study_year": " per studiejaar",
    "euro_per_hour": " per uur", "hours_per_week": " uur per week", "hours_per_year": " uur per jaar",
    "weeks": " weken", "days": " dagen", "months": " maanden", "years": " jaar", "km": " km",
}
# The suffix for exactly 1 where Dutch has a singular: "1 week", not "1 weken".
UNIT_SINGULAR = {"weeks": " week", "days": " dag", "months": " maand"}


def format_value(unit: str, value: Any) -> str:
    """A parameter value as Dutch text, for every unit and for the structured values we use."""
    if value is None:
        return "vervallen"
    if isinstance(value, dict) and "percent_by_scale" in value:
        parts = []
        for band in value["percent_by_scale"]:
            scales = (f"schaal {band['from_scale']} t/m {band['to_scale']}" if band["to_scale"] < 99
                      else "alle schalen" if band["from_scale"] == 1 else f"schaal {band['from_scale']} en hoger")
            parts.append(f"{percent(band['percent'])} ({scales})")
        text = ", ".join(parts)
        if "minimum_monthly_amount" in value:
            text += f"; minimaal {euro(value['minimum_monthly_amount'])} per maand (voltijd)"
        return text
    if isinstance(value, dict) and "percent_by_age" in value:
        ages = sorted(value["percent_by_age"].items(), key=lambda item: int(item[0]))
        return ", ".join(f"{age} jaar: {percent(share)}" for age, share in ages)
    if isinstance(value, dict) and "first_day" in value:
        first, last = dt.date.fromisoformat(value["first_day"]), dt.date.fromisoformat(value["last_day"])
        return f"{value['name']}: {short_date(first)} t/m {short_date(last)}"
    if isinstance(value, dict):
        return str(value)
    if unit.startswith("euro"):
        return euro(value) + UNIT_SUFFIX.get(unit, "")
    if unit == "percent":
        return percent(value)
    if unit == "code":  # an identifier such as a crebo number: digits as they are, no thousands dots
        return str(value)
    if unit == "scale":
        return f"schaal {number(value)}"
    suffix = UNIT_SINGULAR.get(unit) if value == 1 else None
    return number(value) + (suffix or UNIT_SUFFIX.get(unit, ""))
