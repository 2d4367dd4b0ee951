# Money arithmetic: one rounding rule, written down once; whole cents as ints from that rounding on.
"""Amounts are euros; every line of a monthly table is rounded to whole cents, half up, and totals are sums of
rounded lines (so a table always adds up on paper).

A line is computed in `Decimal` up to its rounding (its rates and divisions round at Decimal's 28 digits, and the
answers must stay exactly what they were), and from that rounding on it is an `int` of cents: sums, shares,
ranges, the cash-flow view and the page's text then add and print ints, several times cheaper than Decimal in
Pyodide. `euros()` gives the Decimal an amount of cents stands for, exactly as the rounding made it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal(0)


def cents(amount: Decimal) -> Decimal:
    """Round to whole cents, half up: the project's only rounding rule for money."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """cents(amount) as an int of cents: 1234.565 -> 123457."""
    return int(amount.quantize(CENT, rounding=ROUND_HALF_UP).scaleb(2))


def euros(amount: int) -> Decimal:
    """An int of cents as the Decimal that cents() gives for it: 123457 -> Decimal('1234.57')."""
    return Decimal(amount).scaleb(-2)


def plain(amount: int, scaled: bool = True) -> str:
    """str() of euros(amount): '1234.57', '-0.05', '0.00'; '0' for a zero that was never rounded (Decimal(0))."""
    if not scaled:
        return str(amount)
    whole, part = divmod(abs(amount), 100)
    return f"{'-' if amount < 0 else ''}{whole}.{part:02d}"


def rate(percent: Decimal) -> Decimal:
    """A percentage from data (e.g. 8.33) as a fraction (0.0833); the few rates in data/ are divided once."""
    found = _RATES.get(percent)
    if found is None:
        if len(_RATES) > 1000:
            _RATES.clear()
        found = _RATES[percent] = Decimal(percent) / 100
    return found


# Equal percentages give equal fractions (a Decimal's value, not its exponent, decides what follows from it).
_RATES: dict[Decimal, Decimal] = {}
