"""Properties of the cost calculator that must hold for any valid input, and a validator that never crashes."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import Parameters, run
from calculators._inputs import parse_inputs, typed_input
from calculators.cost.inputs import CostInput, fields, hidden_defaults
from calculators.cost.model import compute
from tests.calculators.conftest import REAL

FIELDS = fields(REAL)
PERIOD = REAL["supported_period"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

valid_inputs = st.fixed_dictionaries({
    "start_date": st.dates(dt.date.fromisoformat(PERIOD["start"]), dt.date.fromisoformat(PERIOD["end"])).map(str),
    "months": st.integers(1, 24).map(str),
    "hours_per_week": st.integers(16, 38).map(str),
    "supervision_hours_per_week": st.integers(0, 8).map(str),
    "books_per_year": st.integers(0, 900).map(str),
    "share_percent": st.integers(1, 100).map(str),
    "lkv_target_group": st.sampled_from(["geen", "arbeidsgehandicapt", "herplaatst", "banenafspraak"]),
    "commute_km": st.integers(0, 60).map(str),
    "deprived_area": st.sampled_from(["ja", "nee"]),
    "course_fee_paid_by_practice": st.sampled_from(["ja", "nee"]),
})


def computed(raw: dict):
    parsed = parse_inputs(FIELDS, raw)
    assert parsed.ok, parsed.errors
    return compute(REAL, typed_input(CostInput, hidden_defaults(REAL, parsed.values)))


@SETTINGS
@given(valid_inputs, st.integers(1, 99))
def test_two_practices_sharing_a_place_pay_what_one_practice_pays(raw: dict, percent: int) -> None:
    """Shares of p % and (100 - p) % add up to the whole place to the cent, line by line (share.py); only at
    exactly 50/50, where the two practices cannot be told apart, may they together count one cent more."""
    whole = computed({**raw, "share_percent": "100"})
    parts = computed({**raw, "share_percent": str(percent)}), computed({**raw, "share_percent": str(100 - percent)})
    for index, route in enumerate(whole.routes):
        for month, *shares in zip(route.months, *(p.routes[index].months for p in parts), strict=True):
            for kind, amount in month.costs.items():
                together = sum(share.costs[kind] for share in shares)
                assert together == amount if percent != 50 else 0 <= together - amount <= Decimal("0.01")
            for scheme, whole_range in month.subsidies.items():
                low = sum(share.subsidies[scheme].low for share in shares)
                high = sum(share.subsidies[scheme].high for share in shares)
                if percent != 50:
                    assert (low, high) == (whole_range.low, whole_range.high), (scheme, month.label)
            assert all(amount >= 0 for amount in month.costs.values())
            assert month.subsidy.low <= month.subsidy.high


@SETTINGS
@given(valid_inputs)
def test_salary_during_the_bvp_follows_the_route_policy(raw: dict) -> None:
    """data/routes.yaml: on UWV and SSFH the BVP salary is a cost unless agreed beforehand, shown as a range."""
    # The whole place: a share rounds each line on its own (share.py), which may put the agreement a cent above
    # the shared total; shares have their own property above.
    result = computed({**raw, "months": "24", "share_percent": "100"})
    by_route = {route.route: route for route in result.routes}
    first = {key: route.months[0] for key, route in by_route.items()}  # the BVP's 6 weeks
    assert first["regulier"].costs["salary"] == first["uwv"].costs["salary"] == first["ssfh"].costs["salary"] > 0
    assert "bvp_agreement" not in first["regulier"].subsidies
    for key in ("uwv", "ssfh"):
        agreement = first[key].subsidies["bvp_agreement"]
        assert agreement.low == 0 < agreement.high <= first[key].total_cost
    later = {key: route.months[3].costs for key, route in by_route.items()}  # after the BVP
    assert later["regulier"] == later["uwv"] == later["ssfh"]


@SETTINGS
@given(valid_inputs)
def test_no_subsidy_above_its_ceiling(raw: dict) -> None:
    result = computed(raw)
    parameters = Parameters(REAL)
    share = Decimal(raw["share_percent"]) / 100
    ceiling = max(Decimal(v.value) for v in parameters.get("schemes.praktijkleren.max_per_place").values)
    for route in result.routes:
        for month in route.months:
            if "praktijkleren" in month.subsidies:  # at most one full place per study year
                assert month.subsidies["praktijkleren"].high <= ceiling * share + Decimal("0.01")
        group = raw["lkv_target_group"]
        if route.route == "uwv" and group != "geen":
            cap = Decimal(parameters.value_on(f"schemes.uwv_loonkostenvoordeel.{group}_max_per_year",
                                              dt.date.fromisoformat(raw["start_date"])))
            # One payment per 12 months of employment, each at most the cap; two of them can fall in the last
            # programme month (a year that ends in it and the part of the next that started in it).
            payments = [month.subsidies["uwv_loonkostenvoordeel"].high for month in route.months
                        if "uwv_loonkostenvoordeel" in month.subsidies]
            years = -(-int(raw["months"]) // 12)
            assert sum(payments, Decimal(0)) <= (cap * share + Decimal("0.01")) * years
            assert all(payment <= (cap * share + Decimal("0.01")) * 2 for payment in payments)


@SETTINGS
@given(valid_inputs, st.integers(1, 6))
def test_cost_grows_with_hours(raw: dict, extra: int) -> None:
    more = {**raw, "hours_per_week": str(min(38, int(raw["hours_per_week"]) + extra))}
    for fewer_route, more_route in zip(computed(raw).routes, computed(more).routes, strict=True):
        assert more_route.total.total_cost >= fewer_route.total.total_cost


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in FIELDS] + ["onbekend"]), st.text(max_size=12)))
def test_validator_never_crashes_on_arbitrary_text(raw: dict) -> None:
    outcome = run("kosten", REAL, raw)
    assert outcome["status"] in {"result", "invalid"}
    if outcome["status"] == "invalid":
        assert outcome["errors"] and all(isinstance(m, str) and m for m in outcome["errors"].values())
        assert set(outcome["errors"]) <= {f.name for f in FIELDS}
    else:
        assert "NaN" not in outcome["html"] and "Infinity" not in outcome["html"]


ANSWERS = st.sampled_from([{"uwv_benefit": "ja"}, {"uwv_benefit": "nee", "from_other_job": "ja"},
                           {"uwv_benefit": "nee", "from_other_job": "nee"}])
RECT = re.compile(r'<rect class="[^"]*" [^>]*data-month="([\d-]+)" data-kind="([\w.]+)" data-amount="([-\d.]+)"/>')
CASH_ROW = re.compile(
    r'<tr data-cash-month="([\d-]+)">.*?<td data-amount="([-\d.]+)">.*?<td data-low="([-\d.]+)" data-high="([-\d.]+)">'
)


@SETTINGS
@given(valid_inputs, ANSWERS)
def test_chart_bars_and_table_rows_add_up_to_the_same_totals(raw: dict, answers: dict) -> None:
    """Per month the stacked bars equal the table's row, and over all months both equal the model's totals."""
    outcome = run("kosten", REAL, {**raw, **answers})
    assert outcome["status"] == "result"
    result, html = outcome["result"], outcome["html"]
    route = next(r for r in result.routes if r.route == result.chosen_route)
    bars: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for month, kind, amount in RECT.findall(html):
        assert Decimal(amount) > 0, (month, kind)  # zero-height bars are not drawn
        bars[month, kind.split(".")[0] + ("" if kind.startswith("cost") else "." + kind.rsplit(".", 1)[1])] += (
            Decimal(amount)
        )
    rows = CASH_ROW.findall(html)
    assert [month for month, *_ in rows] == [m.label for m in route.months]
    for month, cost, low, high in rows:
        assert bars[month, "cost"] == Decimal(cost)
        assert bars[month, "subsidy.low"] == Decimal(low)
        assert bars[month, "subsidy.low"] + bars[month, "subsidy.uncertain"] == Decimal(high)
    assert sum(Decimal(cost) for _, cost, _, _ in rows) == route.total.total_cost
    assert sum(Decimal(low) for _, _, low, _ in rows) == route.total.subsidy.low
    assert sum(Decimal(high) for _, _, _, high in rows) == route.total.subsidy.high
    assert 'role="img"' in html and "NaN" not in html
