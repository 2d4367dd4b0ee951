"""Hand-checked examples per matching criterion, thresholds from data, and the checklist calculator end to end."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators._inputs import parse_inputs
from calculators.matching import checklist_calculator
from calculators.matching.checklist import advice, compare, verdict
from calculators.matching.criteria import (
    ASSESSMENT,
    ENTRY,
    SBB,
    SUPERVISOR,
    WORKPLACE,
    Candidate,
    Practice,
    candidate_outcomes,
    fit,
    practice_outcomes,
    score,
    thresholds,
)
from calculators.matching.parameters import PARAMETER_KEYS
from tests.calculators.conftest import REAL, hand_bundle, set_values

D = Decimal


def matching_bundle(**overrides) -> dict:
    """The real bundle with round, known matching values (weights 1 everywhere, points 2/1/0)."""
    bundle = hand_bundle()
    values = {
        "hard_min_hours_per_week": 16, "advised_min_hours_per_week": 24, "max_commute_km": 12,
        "candidates_per_practice": 2, "decision_weeks_after_click": 2,
        "fit_weights": {k: 1 for k in ("hours", "distance", "life_experience", "service", "learnability",
                                       "finance", "commitment", "entry")},
        "fit_points": {"voldoet": 2, "aandachtspunt": 1, "voldoet_niet": 0},
        **overrides,
    }
    for name, value in values.items():
        set_values(bundle, PARAMETER_KEYS[name], ("2017-01-01", value))
    return bundle


TH = thresholds(matching_bundle())
GOOD = Candidate("K1", D(32), route="uwv", entry="ja", life_experience="ja", service="ja", learnability="ja",
                 commitment="ja")
PRACTICE = Practice("P1", D(32), supervisor="ja", workplace="ja", sbb="ja")


FIVE = D(5)


def outcome(key: str, candidate: Candidate = GOOD, practice: Practice = PRACTICE, km: Decimal | None = FIVE):
    return next(o for o in candidate_outcomes(TH, candidate, practice, km) if o.key == key)


def practice_outcome(key: str, practice: Practice):
    return next(o for o in practice_outcomes(TH, practice) if o.key == key)


@pytest.mark.parametrize(("candidate_hours", "practice_hours", "status", "blocking"), [
    ("15.5", "32", "voldoet_niet", True),
    ("16", "32", "aandachtspunt", False),
    ("23.5", "32", "aandachtspunt", False),
    ("24", "32", "voldoet", False),
    ("32", "20", "aandachtspunt", False),  # the practice offers fewer hours: those count
    ("32", "12", "voldoet_niet", True),
])
def test_hours(candidate_hours: str, practice_hours: str, status: str, blocking: bool) -> None:
    result = outcome("hours", Candidate("K", D(candidate_hours)), Practice("P", D(practice_hours)))
    assert (result.status, result.blocking, result.anchor) == (status, blocking, "criteria")
    assert "16" in result.reason if status != "voldoet" else "24" in result.reason


@pytest.mark.parametrize(("km", "status"), [(None, "aandachtspunt"), ("0", "voldoet"), ("11.9", "voldoet"),
                                            ("12", "voldoet_niet"), ("40", "voldoet_niet")])
def test_distance_is_soft(km: str | None, status: str) -> None:
    result = outcome("distance", km=None if km is None else D(km))
    assert (result.status, result.blocking) == (status, False)
    if km is not None:
        assert "km" in result.reason and "12" in result.reason


@pytest.mark.parametrize("key", ["life_experience", "service", "learnability", "commitment"])
@pytest.mark.parametrize(("answer", "status"), [("ja", "voldoet"), ("twijfel", "aandachtspunt"),
                                                ("onbekend", "aandachtspunt"), ("nee", "voldoet_niet")])
def test_assessments(key: str, answer: str, status: str) -> None:
    result = outcome(key, Candidate("K", D(32), **{key: answer}))
    assert (result.status, result.blocking) == (status, False)
    assert result.reason.startswith({"ja": "Ja", "twijfel": "Twijfel", "nee": "Nee", "onbekend": "Nog niet"}[answer])


@pytest.mark.parametrize(("route", "accepted", "status", "blocking"), [
    ("onbekend", None, "aandachtspunt", False),
    ("uwv", None, "voldoet", False),
    ("ssfh", frozenset({"uwv"}), "voldoet_niet", True),
    ("regulier", frozenset({"uwv", "ssfh"}), "voldoet_niet", True),
])
def test_finance_route(route: str, accepted: frozenset, status: str, blocking: bool) -> None:
    result = outcome("finance", Candidate("K", D(32), route=route), Practice("P", D(32), routes=accepted))
    assert (result.status, result.blocking) == (status, blocking)
    if blocking:
        assert "accepteert alleen" in result.reason


@pytest.mark.parametrize(("answer", "status", "blocking"), [
    ("ja", "voldoet", False), ("onbekend", "aandachtspunt", False), ("nee", "voldoet_niet", True)])
def test_entry_requirements(answer: str, status: str, blocking: bool) -> None:
    result = outcome("entry", Candidate("K", D(32), entry=answer))
    assert (result.status, result.blocking) == (status, blocking)
    assert "school" in result.reason


@pytest.mark.parametrize(("key", "answer", "status"), [
    ("supervisor", "ja", "voldoet"), ("supervisor", "twijfel", "aandachtspunt"), ("supervisor", "nee", "voldoet_niet"),
    ("workplace", "regelen", "aandachtspunt"), ("workplace", "nee", "voldoet_niet"),
    ("sbb", "aangevraagd", "aandachtspunt"), ("sbb", "nee", "voldoet_niet"), ("sbb", "onbekend", "aandachtspunt"),
])
def test_practice_side(key: str, answer: str, status: str) -> None:
    result = practice_outcome(key, Practice("P", D(32), **{key: answer}))
    assert (result.status, result.blocking) == (status, status == "voldoet_niet")


def test_practice_hours_and_shared_place() -> None:
    small = practice_outcome("place_hours", Practice("P", D(12)))
    assert (small.status, small.blocking, small.anchor) == ("voldoet_niet", True, "als-het-klikt")
    assert "gedeelde plek" in small.reason
    shared = practice_outcome("shared", Practice("P", D(20), shared=True))
    assert (shared.status, shared.anchor) == ("aandachtspunt", "als-het-klikt")
    assert "btw" in shared.reason
    assert practice_outcome("shared", PRACTICE).status == "voldoet"


def test_thresholds_come_from_data() -> None:
    wider = thresholds(matching_bundle(max_commute_km=20, hard_min_hours_per_week=12, advised_min_hours_per_week=20))
    far = next(o for o in candidate_outcomes(wider, GOOD, PRACTICE, D(15)) if o.key == "distance")
    assert far.status == "voldoet"
    few = next(o for o in candidate_outcomes(wider, Candidate("K", D(14)), PRACTICE, None) if o.key == "hours")
    assert few.status == "aandachtspunt"
    assert REAL["parameters"]["matching.max_commute_km"]["values"][-1]["value"] == 12


def test_score_by_hand() -> None:
    # Weights 1, points voldoet 2 / aandachtspunt 1 / voldoet niet 0: a perfect candidate scores 8 x 2.
    assert TH.max_score == 16
    assert score(TH, candidate_outcomes(TH, GOOD, PRACTICE, D(5))) == 16
    # Distance unknown (1) and learnability "nee" (0): 16 - 1 - 2 = 13.
    weaker = Candidate("K2", D(32), route="uwv", entry="ja", life_experience="ja", service="ja", learnability="nee",
                       commitment="ja")
    assert score(TH, candidate_outcomes(TH, weaker, PRACTICE, None)) == 13
    heavy = thresholds(matching_bundle(fit_weights={**{k: 1 for k in TH.weights}, "distance": 3}))
    assert heavy.max_score == 20


candidates = st.builds(
    Candidate, st.just("K"), st.sampled_from([D(10), D(16), D(20), D(24), D(38)]),
    route=st.sampled_from(["uwv", "ssfh", "regulier", "onbekend"]), entry=st.sampled_from(ENTRY),
    life_experience=st.sampled_from(ASSESSMENT), service=st.sampled_from(ASSESSMENT),
    learnability=st.sampled_from(ASSESSMENT), commitment=st.sampled_from(ASSESSMENT))
practices = st.builds(
    Practice, st.just("P"), st.sampled_from([D(12), D(16), D(24), D(32)]), supervisor=st.sampled_from(SUPERVISOR),
    workplace=st.sampled_from(WORKPLACE), sbb=st.sampled_from(SBB), shared=st.booleans(),
    routes=st.sampled_from([None, frozenset({"uwv"}), frozenset({"ssfh", "regulier"})]))


@settings(max_examples=300, deadline=None)
@given(candidates, practices, st.one_of(st.none(), st.decimals(0, 50, places=1)))
def test_fast_fit_equals_the_explained_score(candidate: Candidate, practice: Practice, km: Decimal | None) -> None:
    real = thresholds(REAL)
    outcomes = candidate_outcomes(real, candidate, practice, km)
    blocked = any(o.blocking for o in (*outcomes, *practice_outcomes(real, practice)))
    assert fit(real, candidate, practice, km) == (None if blocked else score(real, outcomes))


def test_advice_levels() -> None:
    side = practice_outcomes(TH, PRACTICE)
    assert advice(candidate_outcomes(TH, GOOD, PRACTICE, D(5)), side).level == "voorstellen"
    assert advice(candidate_outcomes(TH, GOOD, PRACTICE, None), side).level == "bespreken"
    assert advice(candidate_outcomes(TH, GOOD, PRACTICE, D(30)), side).level == "overleggen"
    assert advice(candidate_outcomes(TH, Candidate("K", D(10)), PRACTICE, D(5)), side).level == "niet"
    blocked_side = practice_outcomes(TH, Practice("P", D(32), sbb="nee"))
    result = advice(candidate_outcomes(TH, GOOD, PRACTICE, D(5)), blocked_side)
    assert result.level == "niet" and "erkend leerbedrijf (SBB)" in result.text


def test_compare_two_candidates() -> None:
    side = practice_outcomes(TH, PRACTICE)
    good = verdict(TH, PRACTICE, side, "A", GOOD, D(5))
    weaker = verdict(TH, PRACTICE, side, "B", GOOD, None)
    blocked = verdict(TH, PRACTICE, side, "B", Candidate("K", D(10)), D(5))
    assert compare((good, weaker)) == ("Kandidaat A past beter bij deze praktijk: 16 tegen 15 van de 16 punten.", "A")
    assert compare((weaker, good))[1] == "A"  # the order of the columns does not matter
    assert compare((good, good))[1] is None and "even goed" in compare((good, good))[0]
    assert compare((blocked, good))[1] == "A" and "harde eis" in compare((blocked, good))[0]
    assert compare((good,)) == ("", None)


# --- the calculator through the registry flow ------------------------------------------------------------


def run(raw: dict, bundle: dict = REAL) -> dict:
    calculator = checklist_calculator
    parsed = parse_inputs(calculator.fields(bundle), raw)
    errors = dict(parsed.errors) or calculator.check(bundle, parsed.values)
    if errors:
        return {"status": "invalid", "errors": errors}
    return {"status": "result", "html": calculator.render(calculator.compute(bundle, parsed.values))}


FULL_A = {"a_hours": "32", "a_distance": "5", "a_life_experience": "ja", "a_service": "ja", "a_learnability": "ja",
          "a_commitment": "ja", "a_route": "uwv", "a_entry": "ja"}


def test_defaults_give_one_candidate_with_points_to_check() -> None:
    outcome = run({})
    assert outcome["status"] == "result"
    html = outcome["html"]
    assert 'data-advice="bespreken"' in html and 'data-candidate="B"' not in html
    assert '<a href="../../stappen/stap-5-matching/#criteria">' in html
    assert '<a href="../../stappen/stap-5-matching/#klikgesprek">' in html
    assert "2 weken" in html


def test_two_candidates_side_by_side() -> None:
    html = run({**FULL_A, "b_hours": "20", "b_distance": "14,5", "b_route": "ssfh", "practice_routes": "uwv"})["html"]
    assert html.count("<th scope='col'>Kandidaat") == 2
    assert 'data-best="A"' in html and "bij kandidaat B is een harde eis niet gehaald" in html
    assert re.search(r'data-criterion="finance" data-outcome="voldoet_niet" data-candidate="B"', html)


def test_tables_are_accessible() -> None:
    html = run({**FULL_A, "b_hours": "30"})["html"]
    assert html.count("<table") == html.count("<caption>") == 2
    assert "<th scope='row'>" in html and "<th scope='col'>" in html


def test_candidate_b_needs_hours_when_any_of_its_fields_is_filled() -> None:
    outcome = run({"b_route": "ssfh"})
    assert outcome["status"] == "invalid"
    assert "kandidaat B" in outcome["errors"]["b_hours"]


def test_practice_blocking_shows_for_every_candidate() -> None:
    html = run({**FULL_A, "b_hours": "30", "practice_workplace": "nee"})["html"]
    assert html.count('data-advice="niet"') == 2
    assert "Geen van beide kandidaten" in html


def test_field_errors_are_dutch() -> None:
    outcome = run({"a_hours": "veel", "a_distance": "-3", "practice_routes": "alles"})
    assert outcome["status"] == "invalid"
    assert set(outcome["errors"]) == {"a_hours", "a_distance", "practice_routes"}
