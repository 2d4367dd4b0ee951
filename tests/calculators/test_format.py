"""Dutch formatting of amounts, percentages and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calculators._format import euro, long_date, number, percent, short_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2700, "€ 2.700"), (Decimal("2545.83"), "€ 2.545,83"), (137800, "€ 137.800"), (Decimal("0.21"), "€ 0,21"),
     (Decimal("16.00"), "€ 16")],
)
def test_euro(value: Decimal, expected: str) -> None:
    assert euro(value) == expected


def test_percent_and_number() -> None:
    assert percent(Decimal("4.35")) == "4,35 %"
    assert percent(25) == "25 %"
    assert number(Decimal("-1234567.5")) == "-1.234.567,5"
    assert number(Decimal("2.005"), 2) == "2,01"


def test_dates_use_dutch_month_names() -> None:
    assert long_date(dt.date(2024, 2, 1)) == "1 februari 2024"
    assert short_date(dt.date(2026, 3, 1)) == "1 mrt 2026"
    assert short_date(dt.date(2026, 10, 18)) == "18 okt 2026"
