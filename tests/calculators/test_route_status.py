"""The cost answer and scheme statuses: UWV pays short courses only, ended schemes are not counted, the chosen
route's status stands next to the headline, and the BVP sentence carries the status of the scheme it rests on."""

from __future__ import annotations

import copy
from decimal import Decimal as D

from calculators import run
from calculators.cost.model import compute
from calculators.cost.types import Range
from tests.calculators.conftest import set_values
from tests.calculators.test_cost_examples import cost_input, route
from tests.cases.key_figures import key_figures


def test_uwv_pays_at_most_the_course_fee_of_the_first_twelve_months(bundle: dict) -> None:
    # Start 1 May 2026 (course fee 600 in the hand bundle): the school year's last 3 months cost 600 x 3 / 12 = 150,
    # the next school year 600 (August). UWV's year covers May 2026 - April 2027: all of the first part and 9 of the
    # 12 months of the second: 150 + 600 x 9 / 12 = 600, one year's fee. The third school year is the practice's.
    months = route(compute(bundle, cost_input(bundle, start_date="2026-05-01", months="24")), "uwv").months
    paid = [(i, m.subsidies["uwv_scholingsbudget_ww"]) for i, m in enumerate(months)
            if "uwv_scholingsbudget_ww" in m.subsidies]
    assert paid == [(0, Range(D("0"), D("150.00"))), (3, Range(D("0"), D("450.00")))]
    fees = [(i, m.costs["course_fee"]) for i, m in enumerate(months) if m.costs["course_fee"]]
    assert fees == [(0, D("150.00")), (3, D("600.00")), (15, D("600.00"))]


def test_a_start_in_august_counts_one_whole_school_year(bundle: dict) -> None:
    months = route(compute(bundle, cost_input(bundle, start_date="2026-08-01", months="24")), "uwv").months
    paid = [(i, m.subsidies["uwv_scholingsbudget_ww"]) for i, m in enumerate(months)
            if "uwv_scholingsbudget_ww" in m.subsidies]
    assert paid == [(0, Range(D("0"), D("600.00")))]


def test_the_number_of_years_comes_from_the_data(bundle: dict) -> None:
    set_values(bundle, "schemes.uwv_scholingsbudget_ww.max_course_years", ("2018-07-01", 2))
    months = route(compute(bundle, cost_input(bundle, start_date="2026-08-01", months="24")), "uwv").months
    paid = [(i, m.subsidies["uwv_scholingsbudget_ww"].high) for i, m in enumerate(months)
            if "uwv_scholingsbudget_ww" in m.subsidies]
    assert paid == [(0, D("600.00")), (12, D("600.00"))]
    warnings = route(compute(bundle, cost_input(bundle, start_date="2026-08-01", months="24")), "uwv").warnings
    assert any("de eerste 2 jaar van het traject" in warning for warning in warnings)


def test_a_scheme_that_has_ended_by_the_start_is_not_counted_and_says_so(real_bundle: dict) -> None:
    before = compute(real_bundle, cost_input(real_bundle, start_date="2027-07-01", months="24"))
    after = compute(real_bundle, cost_input(real_bundle, start_date="2027-08-01", months="24"))
    assert "stagefonds_zorg" in route(before, "regulier").scheme_titles
    assert "stagefonds_zorg" not in route(after, "regulier").scheme_titles
    assert "Stagefonds Zorg: gestopt per 1 augustus 2027; de rekenhulp telt de regeling niet mee." in route(
        after, "regulier").warnings


def test_the_bvp_sentence_carries_the_status_of_its_scheme(real_bundle: dict) -> None:
    result = compute(real_bundle, cost_input(real_bundle, start_date="2027-05-01"))
    assert route(result, "ssfh").bvp_salary == (
        "SSFH betaalt de BVP in het eerste studiejaar (niet bevestigd sinds 1 januari 2025; vraag het na bij SSFH)")
    # UWV's scheme for the BVP (scholing met behoud van uitkering) is open: the sentence stands as written.
    assert route(result, "uwv").bvp_salary == (
        "de kandidaat houdt in de BVP de uitkering, als dat vooraf met UWV is afgesproken")
    opened = copy.deepcopy(real_bundle)
    del opened["schemes"]["ssfh_bbl_zij_instroom"]["status"]["2025-01-01"]
    assert route(compute(opened, cost_input(opened, start_date="2027-05-01")), "ssfh").bvp_salary == (
        "SSFH betaalt de BVP in het eerste studiejaar")


def test_the_chosen_routes_status_stands_next_to_the_headline(real_bundle: dict) -> None:
    outcome = run("kosten", real_bundle, {"uwv_benefit": "nee", "from_other_job": "ja"})
    html = outcome["html"]
    headline = html.split('class="hb-cost__headline"')[1].split("</section>")[0]
    assert 'data-cell="route-status" data-state="uncertain"' in headline
    assert key_figures(outcome)["figures"]["route-status"].startswith("Route SSFH is onzeker (")
    regulier = run("kosten", real_bundle, {"uwv_benefit": "nee", "from_other_job": "nee"})
    assert key_figures(regulier)["figures"]["route-status"].startswith("Route Regulier is zeker")
    # Before the route questions are answered there is no headline, so no route status either.
    assert "route-status" not in key_figures(run("kosten", real_bundle, {}))["figures"]
