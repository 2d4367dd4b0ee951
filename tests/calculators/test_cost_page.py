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


def test_page_has_a_field_for_every_declared_input(built_site: Path) -> None:
    html = (built_site / PAGE).read_text(encoding="utf-8")
    for spec in fields(REAL):
        assert f'name="{spec.name}"' in html
        assert f'<label for="kosten-{spec.name}">' in html


def test_page_shows_the_default_result_equal_to_cpython(built_site: Path) -> None:
    html = (built_site / PAGE).read_text(encoding="utf-8")
    expected = run("kosten", REAL, {})["result"]
    rows = summary_rows(html)
    assert set(rows) == {"uwv", "ssfh", "regulier"}
    for route in expected.routes:
        assert euro(route.total.total_cost) in rows[route.route]
        assert euro(route.total.net.low) in rows[route.route]
        assert euro(route.total.net.high) in rows[route.route]


def test_page_lists_assumptions_with_sources(built_site: Path) -> None:
    html = (built_site / PAGE).read_text(encoding="utf-8")
    assert "Gebruikte gegevens en aannames" in html
    assert 'data-param="cao.working_conditions.holiday_pay_rate"' in html
