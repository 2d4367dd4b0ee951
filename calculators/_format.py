# Dutch display formatting shared by the build (data pages) and the calculators (results).
"""Format amounts, percentages and dates the Dutch way: € 2.545,83 · 4,35 % · 1 februari 2024."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _group(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def number(value: Decimal | int | float, decimals: int | None = None) -> str:
    """1234.5 -> '1.234,5'; decimals fixes the number of decimals (rounded half up)."""
    amount = Decimal(str(value))
    if decimals is not None:
        amount = amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    text = format(abs(amount), "f")
    whole, _, fraction = text.partition(".")
    return f"{sign}{_group(whole)}" + (f",{fraction}" if fraction else "")


def euro(value: Decimal | int | float) -> str:
    """Whole euros without cents ('€ 2.700'), otherwise two decimals ('€ 2.545,83')."""
    amount = Decimal(str(value))
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"€ {number(amount, decimals)}"


def percent(value: Decimal | int | float) -> str:
    amount = Decimal(str(value)).normalize()
    return f"{number(amount)} %"


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
