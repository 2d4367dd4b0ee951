"""Dutch formatting of amounts, percentages and dates."""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest

from calculators import run
from calculators._format import count, euro, format_value, long_date, number, percent, short_date, with_unit
from calculators._inputs import parse_date
from calculators._registry import CALCULATORS, fields_of
from calculators._routes import routes
from tests.calculators.conftest import REAL, set_values


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


def test_count_uses_the_singular_for_exactly_one() -> None:
    assert [count(n, "maand", "maanden") for n in (0, 1, 2)] == ["0 maanden", "1 maand", "2 maanden"]
    assert count(1200, "kandidaat", "kandidaten") == "1.200 kandidaten"
    assert [format_value("weeks", n) for n in (1, 2)] == ["1 week", "2 weken"]
    assert [format_value("months", Decimal(n)) for n in (1, 2)] == ["1 maand", "2 maanden"]
    assert [format_value("days", n) for n in (1, 2)] == ["1 dag", "2 dagen"]


def bundle_with(**values: int) -> dict:
    bundle = copy.deepcopy(REAL)
    for key, value in values.items():
        set_values(bundle, key.replace("__", "."), ("2017-01-01", value))
    return bundle


def html_of(name: str, bundle: dict, raw: dict) -> str:
    outcome = run(name, bundle, raw)
    assert outcome["status"] == "result", outcome.get("errors")
    return " ".join(re.sub(r"<[^>]+>", " ", outcome["html"]).split())


def csv_rows(head: str, rows: list[str]) -> str:
    return "\n".join([head, *rows]) + "\n"


@pytest.mark.parametrize(("n", "week", "month", "candidate", "practice", "proposal"), [
    (1, "1 week", "1 maand", "1 kandidaat", "1 praktijk", "1 voorstel"),
    (2, "2 weken", "2 maanden", "2 kandidaten", "2 praktijken", "2 voorstellen"),
])
def test_each_calculator_says_one_and_two_in_correct_dutch(n: int, week: str, month: str, candidate: str,
                                                           practice: str, proposal: str) -> None:
    bundle = bundle_with(matching__decision_weeks_after_click=n, matching__candidates_per_practice=n)
    assert f"over {month}" in html_of("kosten", bundle, {"months": str(n)})
    planning = run("planning", bundle, {"weeks_gp_decision": str(n + 1)})["result"]
    assert f"Het draaiboek geeft de huisarts hoogstens {week} bedenktijd na het klikgesprek." in planning.warnings
    checklist = html_of("matching", bundle, {"b_hours": "24", "b_route": "uwv", "b_entry": "ja"})
    assert f"heeft daarna {week} om de projectcoördinator ja of nee" in checklist
    assert f"stelt per huisarts {candidate} voor" in checklist
    candidates = csv_rows("id;uren;route;instroomeisen", [f"K{i};32;uwv;ja" for i in range(n)])
    practices = csv_rows("id;uren;routes", [f"P{i};32;alle" for i in range(n)])
    regional = html_of("matching-regio", bundle, {"candidates": candidates, "practices": practices})
    assert f"{proposal} voor {practice} uit {candidate}: hoogstens {n} per praktijk" in regional
    assert re.search(rf"(Elke praktijk krijgt|minder dan) {proposal}\.", regional)


def test_amounts_in_messages_have_thousands_separators() -> None:
    outcome = run("matching", REAL, {"a_distance": "30000"})
    assert outcome["errors"]["a_distance"] == "Vul hoogstens 20.000 km in."
    assert run("kosten", REAL, {"start_date": ""})["errors"]["start_date"] == "Vul startdatum BVP in."


def test_a_bound_of_one_takes_the_singular() -> None:
    assert run("kosten", REAL, {"months": "0"})["errors"]["months"] == "Vul minimaal 1 maand in."
    assert run("kosten", REAL, {"months": "99"})["errors"]["months"] == "Vul hoogstens 24 maanden in."
    assert [with_unit(n, "weken") for n in (1, 2)] == ["1 week", "2 weken"]
    assert with_unit(Decimal("1.5"), "uur") == "1,5 uur" and with_unit(3, "") == "3"


LABEL_WORD = re.compile(r"\b[A-Z][a-zé]+")
# Names, not words: "Kandidaat A", regions, routes ("Route Regulier"), programs.
PROPER = {"Kandidaat", "Praktijk", "Stap", "Route", "Noord", "Midden", "Zuid", "Excel", "LibreOffice",
          *(route.label for route in routes(REAL)),
          *(word for scheme in REAL["schemes"].values() for word in scheme["title"].split())}


def not_in_sentence_case(text: str) -> bool:
    # A capital right after a colon starts a name ("Subsidie: Scholingsbudget WW"), so it is allowed there.
    _, _, rest = re.sub(r":\s+\w+", ":", text).partition(" ")
    return text[0].islower() or bool(set(LABEL_WORD.findall(rest)) - PROPER)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_labels_and_table_headings_are_in_sentence_case(name: str) -> None:
    """Only the first word starts with a capital, apart from names; column names of a CSV file (code) are exempt."""
    texts = [f.label for f in fields_of(CALCULATORS[name], REAL)]
    texts += [label for f in fields_of(CALCULATORS[name], REAL) for _, label in f.choices]
    html = run(name, REAL, {})["html"]
    headings = re.findall(r"<(?:th|caption|h3)\b[^>]*>(?!<code>)(.*?)</", html)
    # A line break inside a heading starts a new line of text (a scheme's name above its step in the plan).
    texts += [unescape(re.sub(r"<[^>]+>", "", line)) for t in headings for line in t.split("<br>")]
    assert len(texts) > 2
    assert [t for t in texts if t and not_in_sentence_case(t)] == []
