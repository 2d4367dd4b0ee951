# Money arithmetic: Decimal everywhere, one rounding rule, written down once.
"""Amounts are Decimal euros. Rule: every line of a monthly table is rounded to whole cents,
half up; totals are sums of rounded lines (so a table always adds up on paper)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal(0)


def cents(amount: Decimal) -> Decimal:
    """Round to whole cents, half up: the project's only rounding rule for money."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def rate(percent: Decimal) -> Decimal:
    """A percentage from data (e.g. 8.33) as a fraction (0.0833)."""
    return Decimal(percent) / 100
