"""The cost page ships its form and the default result, rendered at build time by the same Python code."""

from __future__ import annotations

import re
from pathlib import Path

from calculators import run
from calculators._format import euro
from calculators.cost.inputs import fields
from tests.calculators.conftest import REAL

PAGE = "rekenhulpen/kosten/index.html"


def summary_rows(html: str) -> dict[str, str]:
    table = html[html.index("<table data-summary>"):]
    table = table[: table.index("</table>")]
    return dict(re.findall(r'<tr data-route="(\w+)">(.*?)</tr>', table))


def test_page_has_a_field_for_every_declared_input(national_site: Path) -> None:
    html = (national_site / PAGE).read_text(encoding="utf-8")
    for spec in fields(REAL):
        assert f'name="{spec.name}"' in html
        assert f'<label for="kosten-{spec.name}">' in html


def test_page_shows_the_default_result_equal_to_cpython(national_site: Path) -> None:
    html = (national_site / PAGE).read_text(encoding="utf-8")
    expected = run("kosten", REAL, {})["result"]
    rows = summary_rows(html)
    assert set(rows) == {"uwv", "ssfh", "regulier"}
    for route in expected.routes:
        assert euro(route.total.total_cost) in rows[route.route]
        assert euro(route.total.net.low) in rows[route.route]
        assert euro(route.total.net.high) in rows[route.route]


def test_page_lists_assumptions_with_sources(national_site: Path) -> None:
    html = (national_site / PAGE).read_text(encoding="utf-8")
    assert "Gebruikte gegevens en aannames" in html
    assert 'data-param="cao.working_conditions.holiday_pay_rate"' in html


def test_the_route_questions_come_first_and_every_full_answer_picks_exactly_one_route() -> None:
    from calculators.cost.route_choice import chosen_route

    assert [f.name for f in fields(REAL)][:2] == ["uwv_benefit", "from_other_job"]
    picked = {
        (uwv, job): chosen_route(REAL, {"uwv_benefit": uwv, "from_other_job": job})
        for uwv in ("ja", "nee", "onbekend")
        for job in ("ja", "nee", "onbekend")
    }
    assert picked == {
        ("ja", "ja"): "uwv", ("ja", "nee"): "uwv", ("ja", "onbekend"): "uwv",
        ("nee", "ja"): "ssfh", ("nee", "nee"): "regulier", ("nee", "onbekend"): None,
        ("onbekend", "ja"): None, ("onbekend", "nee"): None, ("onbekend", "onbekend"): None,
    }


def test_headline_typical_month_is_the_median_month_and_the_total_is_the_routes_total() -> None:
    from calculators.cost.cashflow import cash_months
    from calculators.cost.headline import headline

    result = run("kosten", REAL, {"uwv_benefit": "nee", "from_other_job": "nee"})["result"]
    route = next(r for r in result.routes if r.route == "regulier")
    months = cash_months(route, result.payout_months)
    head = headline(months)
    middles = sorted(m.net.low + m.net.high for m in months)
    # 24 months: the 12th cheapest (index 11) is the typical one; as many months cost more as cost less or same.
    assert head.typical.net.low + head.typical.net.high == middles[11]
    assert head.total == route.total.net
    assert head.lowest.net.high <= head.typical.net.high <= head.highest.net.high
    # Allowances are paid once a year (data/cao): in the cash view May and December carry them, other months not.
    paid = {m.first.month for m in months if m.payouts}
    assert paid <= {5, 12, months[-1].first.month}
    allowances = route.total.costs["holiday_pay"] + route.total.costs["year_end"]
    assert sum(m.costs["allowances"] for m in months) == allowances
