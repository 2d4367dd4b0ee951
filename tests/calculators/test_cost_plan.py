"""The aanvraagplan: windows computed from the start date and the scheme data, its table, .ics and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from decimal import Decimal as D
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import run
from calculators._timeline import study_year_of
from calculators.cost.plan import resolve
from calculators.cost.plan_view import plan_csv, plan_ics, render_plan
from calculators.cost.types import Range
from handbook_build.data import DataError, load_data
from tests.calculators.conftest import REAL
from tests.conftest import ROOT

PERIOD = REAL["supported_period"]


def routes_for(raw: dict) -> dict:
    outcome = run("kosten", REAL, raw)
    assert outcome["status"] == "result", outcome.get("errors")
    return {route.route: route for route in outcome["result"].routes}


def test_windows_follow_from_the_start_date_and_the_scheme_data() -> None:
    routes = routes_for({"start_date": "2027-03-01", "months": "24", "lkv_target_group": "arbeidsgehandicapt"})
    uwv = {(item.scheme, item.deadline): item for item in routes["uwv"].plan}
    # Proefplaatsing: closes 14 days before the start (UWV decides within 2 weeks): 1 Mar - 14 d = 15 Feb 2027.
    assert ("uwv_proefplaatsing", dt.date(2027, 2, 15)) in uwv
    # Scholingsbudget WW: the day before the start.
    assert ("uwv_scholingsbudget_ww", dt.date(2027, 2, 28)) in uwv
    # LKV doelgroepverklaring: 3 months after employment starts, the day after the 6-week BVP (12 Apr 2027).
    lkv = uwv[("uwv_loonkostenvoordeel", dt.date(2027, 7, 12))]
    assert lkv.opens == dt.date(2027, 4, 12) and lkv.amount.high > 0
    # Praktijkleren: once per study year, 2 June - 17 September after it ends, 3 study years touched.
    windows = [(i.opens, i.deadline) for i in routes["regulier"].plan if i.scheme == "praktijkleren"]
    assert windows == [(dt.date(y, 6, 2), dt.date(y, 9, 17)) for y in (2027, 2028, 2029)]


def test_plan_amounts_are_the_route_rows_for_the_period_they_cover() -> None:
    regulier = routes_for({"start_date": "2027-03-01", "months": "24"})["regulier"]
    for item in (i for i in regulier.plan if i.scheme == "praktijkleren"):
        year = study_year_of(item.deadline.replace(month=7, day=31))
        counted = sum((m.subsidies.get("praktijkleren", Range()) for m in regulier.months
                       if year.first <= dt.date.fromisoformat(m.label) <= year.last), Range())
        assert item.amount == counted


def test_schemes_that_do_not_apply_are_left_out() -> None:
    routes = routes_for({"start_date": "2027-03-01", "lkv_target_group": "geen", "deprived_area": "nee"})
    schemes = {item.scheme for route in routes.values() for item in route.plan}
    assert "uwv_loonkostenvoordeel" not in schemes  # no target group chosen
    assert "achterstandsfondsen_bbl_praktijkplekken" not in schemes  # opt-in not ticked
    assert "sectorplanplus" not in schemes  # ended before the start
    ticked = routes_for({"start_date": "2027-03-01", "deprived_area": "ja"})
    assert any(i.scheme == "achterstandsfondsen_bbl_praktijkplekken" for i in ticked["regulier"].plan)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dates(dt.date.fromisoformat(PERIOD["start"]), dt.date.fromisoformat(PERIOD["end"])),
    st.integers(1, 24),
    st.sampled_from(["geen", "arbeidsgehandicapt", "herplaatst", "banenafspraak"]),
)
def test_every_deadline_is_a_real_date_in_the_order_the_scheme_requires(start: dt.date, months: int,
                                                                         group: str) -> None:
    routes = routes_for({"start_date": start.isoformat(), "months": str(months), "lkv_target_group": group,
                         "deprived_area": "ja"})
    for route in routes.values():
        keys = [item.deadline or item.opens or dt.date.max for item in route.plan]
        assert keys == sorted(keys)  # earliest deadline first
        for item in route.plan:
            assert all(isinstance(day, dt.date) for day in (item.opens, item.deadline) if day is not None)
            assert item.opens is not None or item.deadline is not None
            if item.opens and item.deadline:
                assert item.opens <= item.deadline
            assert D(0) <= item.amount.low <= item.amount.high
        # Applications "before the start" close before the start; per-study-year ones come one per year.
        for item in route.plan:
            if "vóór de start" in item.step or item.scheme == "uwv_proefplaatsing":
                assert item.deadline < start
        yearly = [item.deadline for item in route.plan if item.scheme == "praktijkleren"]
        assert len(set(d.year for d in yearly)) == len(yearly)


def test_month_day_in_the_data_is_clipped_to_a_real_date() -> None:
    assert resolve(dt.date(2027, 7, 31), {"month_day": "02-30"}) == dt.date(2027, 2, 28)
    assert resolve(dt.date(2027, 1, 31), {"months": 1}) == dt.date(2027, 2, 28)
    assert resolve(dt.date(2027, 3, 1), {"days": -1}) == dt.date(2027, 2, 28)


def test_plan_table_ics_and_csv_hold_the_same_items() -> None:
    uwv = routes_for({"start_date": "2027-03-01", "lkv_target_group": "arbeidsgehandicapt"})["uwv"]
    html = render_plan(uwv)
    assert "<caption>Aanvraagplan route UWV" in html and "15 februari 2027" in html and "12 juli 2027" in html
    assert html.count("<tr data-scheme=") == len(uwv.plan)
    assert 'download="aanvraagplan-uwv.ics"' in html and 'download="aanvraagplan-uwv.csv"' in html
    calendar = icalendar.Calendar.from_ical(plan_ics(uwv))
    events = [c for c in calendar.walk("VEVENT")]
    assert sorted(e.decoded("DTSTART") for e in events) == sorted(i.deadline or i.opens for i in uwv.plan)
    assert all(len(line.encode()) <= 75 for line in plan_ics(uwv).split("\r\n"))
    rows = list(csv.reader(io.StringIO(plan_csv(uwv)), delimiter=";"))
    assert len(rows) == len(uwv.plan) + 1
    lkv = next(r for r in rows if r[0] == "Loonkostenvoordeel (LKV)")
    assert lkv[5] == "2027-07-12" and D(lkv[7]) > 0


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def problems_after(data_dir: Path, old: str, new: str) -> list[str]:
    path = data_dir / "schemes" / "praktijkleren.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(data_dir)
    return [str(problem) for problem in caught.value.problems]


def test_schema_rejects_a_window_that_is_no_date(data_copy: Path) -> None:
    found = problems_after(data_copy, 'closes: {month_day: "09-17"}', 'closes: {month_day: "13-45"}')
    assert len(found) == 1 and found[0].startswith("data/schemes/praktijkleren.yaml: plan.steps 1.closes.month_day")


def test_schema_rejects_an_unknown_anchor(data_copy: Path) -> None:
    found = problems_after(data_copy, "anchor: each_study_year_end", "anchor: after_the_summer")
    assert len(found) == 1 and found[0].startswith("data/schemes/praktijkleren.yaml: plan.steps 1.anchor")


def test_a_window_that_closes_before_it_opens_fails_the_build(data_copy: Path) -> None:
    found = problems_after(data_copy, 'opens: {month_day: "06-02"}', 'opens: {month_day: "10-02"}')
    assert found == ["data/schemes/praktijkleren.yaml: plan.steps 1.closes: de aanvraagperiode sluit voordat ze "
                     "opent; controleer opens en closes"]
