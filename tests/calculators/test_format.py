"""Dutch formatting of amounts, percentages and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calculators import run
from calculators._format import euro, long_date, number, percent, short_date
from calculators._inputs import parse_date
from tests.calculators.conftest import REAL


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-01", dt.date(2027, 3, 1)),
        ("01-03-2027", dt.date(2027, 3, 1)),
        ("1-3-2027", dt.date(2027, 3, 1)),
        ("1/3/2027", dt.date(2027, 3, 1)),
        ("29-02-2027", None),
        ("2027-3-1", None),
        ("3-2027", None),
        ("morgen", None),
    ],
)
def test_dates_typed_the_dutch_way_or_iso(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_the_forms_accept_a_dutch_date() -> None:
    dutch, iso = run("kosten", REAL, {"start_date": "1-3-2027"}), run("kosten", REAL, {"start_date": "2027-03-01"})
    assert dutch["status"] == "result" and dutch["html"] == iso["html"]
    assert run("planning", REAL, {"bvp_start": "31-02-2027"})["errors"] == {
        "bvp_start": "Vul een geldige datum in (dd-mm-jjjj)."
    }
