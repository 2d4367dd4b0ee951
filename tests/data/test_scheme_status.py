"""Each scheme's dated status (open, unconfirmed, ended) and what it makes of each funding route."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import pytest

from calculators._status import (
    CERTAIN,
    CLOSED,
    ENDED,
    OPEN,
    UNCERTAIN,
    UNCONFIRMED,
    first_ended,
    route_check,
    route_summary,
    scheme_status,
    status_problems,
)
from handbook_build.data import DataError, load_data
from tests.calculators.conftest import REAL
from tests.conftest import ROOT

D = dt.date.fromisoformat


@pytest.mark.parametrize(("scheme", "before", "change", "state_before", "state_after"), [
    # The SSFH pilot was confirmed up to 2024; whether it continued is not found (data-facts §2.2, gap 4).
    ("ssfh_bbl_zij_instroom", "2024-12-31", "2025-01-01", OPEN, UNCONFIRMED),
    # SectorplanPlus: "volgend jaar stopt de subsidie" (March 2025), last round for starts up to 2025-12-31.
    ("sectorplanplus", "2025-12-31", "2026-01-01", OPEN, ENDED),
    # Stagefonds Zorg: "Regeling vervalt per 01-08-2027" (BWBR0030326, data-facts §8).
    ("stagefonds_zorg", "2027-07-31", "2027-08-01", OPEN, ENDED),
    # Scholingsbudget WW: a 2018-2020 scheme, confirmed for 2022 in the pilot, nothing found since.
    ("uwv_scholingsbudget_ww", "2022-12-31", "2023-01-01", OPEN, UNCONFIRMED),
    # Praktijkleren: applications up to and including study year 2027-2028.
    ("praktijkleren", "2028-07-31", "2028-08-01", OPEN, ENDED),
])
def test_status_changes_on_its_day(scheme: str, before: str, change: str, state_before: str,
                                   state_after: str) -> None:
    assert scheme_status(REAL, scheme, D(before)).state == state_before
    on_the_day = scheme_status(REAL, scheme, D(change))
    assert on_the_day.state == state_after
    assert on_the_day.since == D(change)
    assert scheme_status(REAL, scheme, D(change) + dt.timedelta(days=1)).state == state_after


def test_the_phrases_name_the_day() -> None:
    assert scheme_status(REAL, "ssfh_bbl_zij_instroom", D("2026-12-01")).phrase() == (
        "niet bevestigd sinds 1 januari 2025")
    assert scheme_status(REAL, "sectorplanplus", D("2026-12-01")).phrase() == "gestopt per 1 januari 2026"
    assert scheme_status(REAL, "praktijkleren", D("2026-12-01")).phrase() == "open"
    assert first_ended(REAL["schemes"]["stagefonds_zorg"]) == D("2027-08-01")
    assert first_ended(REAL["schemes"]["uwv_no_riskpolis"]) is None


def test_every_scheme_has_a_status_names_and_who_confirms_it() -> None:
    for scheme_id, scheme in REAL["schemes"].items():
        assert scheme["status"] and scheme["aliases"] and scheme["confirmed_by"], scheme_id
    assert status_problems(REAL) == []


def test_routes_today_one_certain_two_uncertain() -> None:
    on = D("2026-12-01")
    checks = {route: route_check(REAL, route, on) for route in ("uwv", "ssfh", "regulier")}
    assert {route: check.state for route, check in checks.items()} == {
        "uwv": UNCERTAIN, "ssfh": UNCERTAIN, "regulier": CERTAIN}
    assert [point.scheme for point in checks["ssfh"].doubtful()] == ["ssfh_bbl_zij_instroom"]
    assert route_summary(checks["ssfh"]) == (
        "Route SSFH is onzeker (de vergoeding van SSFH voor de BVP en de opleiding: niet bevestigd sinds "
        "1 januari 2025). Vraag het na bij SSFH; klopt het niet, dan geldt route Regulier.")
    # Every route also shows what holds for all: SBB and the school confirm those.
    assert {point.confirmed_by for point in checks["regulier"].points} >= {"SBB", "de school"}


def test_a_route_closes_when_a_scheme_it_rests_on_ends() -> None:
    bundle = copy.deepcopy(REAL)
    status = bundle["schemes"]["ssfh_bbl_zij_instroom"]["status"]
    status["2026-06-01"] = {**status["2025-01-01"], "state": ENDED, "label": "Gestopt (test)."}
    assert route_check(bundle, "ssfh", D("2026-05-31")).state == UNCERTAIN
    closed = route_check(bundle, "ssfh", D("2026-06-01"))
    assert closed.state == CLOSED
    assert route_summary(closed).startswith("Route SSFH is gesloten (")


def test_two_schemes_cannot_share_a_name() -> None:
    bundle = copy.deepcopy(REAL)
    bundle["schemes"]["ssfh_bol_stage"]["aliases"] = ["BOL-stage", "ssfh"]
    assert status_problems(bundle) == [(
        "data/schemes/ssfh_bol_stage.yaml", "aliases 2",
        "de naam 'ssfh' hoort al bij de regeling 'ssfh_bbl_zij_instroom'; een naam hoort bij één regeling")]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _problems_after(path: Path, old: str, new: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(path.parents[1] if path.parent.name == "schemes" else path.parent)
    return [str(problem) for problem in caught.value.problems]


def test_status_out_of_order_is_refused(data_copy: Path) -> None:
    found = _problems_after(data_copy / "schemes" / "sectorplanplus.yaml", '"2026-01-01":\n    state: ended',
                            '"2024-01-01":\n    state: ended')
    assert found == ["data/schemes/sectorplanplus.yaml: status: statusdata staan niet op volgorde (oud naar nieuw)"]


def test_an_unknown_state_and_the_old_ends_key_are_refused(data_copy: Path) -> None:
    found = _problems_after(data_copy / "schemes" / "sectorplanplus.yaml", "state: ended", "state: gestopt")
    assert len(found) == 1 and found[0].startswith("data/schemes/sectorplanplus.yaml: status.2026-01-01.state")
    path = data_copy / "schemes" / "stagefonds_zorg.yaml"
    path.write_text(path.read_text(encoding="utf-8") + 'ends:\n  label: x\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(data_copy)
    assert any("stagefonds_zorg.yaml" in str(p) and "ends" in str(p) for p in caught.value.problems)


def test_a_route_check_naming_an_unknown_scheme_is_refused(data_copy: Path) -> None:
    found = _problems_after(data_copy / "routes.yaml", "        scheme: ssfh_bbl_zij_instroom",
                            "        scheme: ssfh_bbl")
    assert found == ["data/routes.yaml: routes 2.funding_check 1.scheme: onbekende regeling 'ssfh_bbl'"]
