"""Every golden case gives its expected output in CPython (the same cases run in Pyodide: tests/pyodide)."""

from __future__ import annotations

import pytest

from calculators import run
from tests.calculators.conftest import REAL
from tests.cases.golden import bundle_as_of, case_files
from tests.cases.key_figures import figures_from_html, key_figures

FILES = case_files()
CASES = [
    pytest.param(name, spec["as_of"], case, id=f"{name}: {case['name']}")
    for name, spec in FILES.items()
    for case in spec["cases"]
]


def test_every_calculator_has_cases_with_a_result_and_with_messages_per_field() -> None:
    from calculators._registry import CALCULATORS

    assert set(FILES) == set(CALCULATORS)
    for name, spec in FILES.items():
        statuses = {case["output"]["status"] for case in spec["cases"]}
        assert statuses == {"result", "invalid"}, name
        assert all(set(case) == {"name", "input", "output"} for case in spec["cases"]), name
        assert all(isinstance(value, str) for case in spec["cases"] for value in case["input"].values()), name


@pytest.mark.parametrize(("name", "as_of", "case"), CASES)
def test_case_gives_its_expected_output(name: str, as_of: str, case: dict) -> None:
    outcome = run(name, bundle_as_of(REAL, as_of), case["input"])
    assert key_figures(outcome) == case["output"]


def test_key_figures_read_what_the_page_shows() -> None:
    html = (
        '<table><tr data-route="uwv"><th>UWV</th><td data-cell="net"><span>€\u00a01,00</span> tot '
        "<span>€ 2,00</span></td></tr></table>"
        '<div class="admonition warning"><p class="admonition-title">Let op</p><ul><li>Eén</li><li>Twee</li></ul></div>'
        '<td data-criterion="hours" data-outcome="voldoet" data-candidate="A">x</td>'
    )
    assert figures_from_html(html) == {
        "figures": {"uwv.net": "€ 1,00 tot € 2,00", "A.hours": "voldoet"},
        "messages": {"Let op": ["Eén", "Twee"]},
    }


def test_route_policy_shows_in_the_default_costs() -> None:
    """From data/routes.yaml: on UWV and SSFH the BVP salary is paid by others only by prior agreement, so the
    costs are those of the regular route and the agreement widens the subsidy range; Regulier pays from day one."""
    figures = FILES["kosten"]["cases"][0]["output"]["figures"]

    def euros(text: str) -> float:
        return float(text.removeprefix("€ ").replace(".", "").replace(",", "."))

    def high(text: str) -> float:
        return euros(text.split(" tot ")[-1])

    assert figures["uwv.cost"] == figures["ssfh.cost"] == figures["regulier.cost"]
    assert high(figures["uwv.subsidy"]) > high(figures["regulier.subsidy"])
    assert "Route UWV: de kandidaat houdt in de BVP de uitkering" in FILES["kosten"]["cases"][0]["output"][
        "messages"]["Let op bij route UWV"][0]
