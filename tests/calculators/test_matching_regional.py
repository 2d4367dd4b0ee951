"""Regional matching: hand-checked proposals and explanations, exports, and no crash for any text."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from urllib.parse import unquote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators._registry import Calculator, evaluate
from calculators.matching import checklist_calculator, regional_calculator
from calculators.matching.regional import haversine_km
from tests.calculators.conftest import REAL

YES = "ja;ja;ja;ja;ja"  # instroomeisen, levenservaring, houding, leerbaarheid, commitment
HEAD = "id;uren;route;instroomeisen;levenservaring;houding;leerbaarheid;commitment"


def run(calculator: Calculator, raw: dict) -> dict:
    """The registry's flow for a calculator object: parse, check, compute, render."""
    return evaluate(calculator, REAL, raw)


def regional(candidates: str, practices: str) -> dict:
    return run(regional_calculator, {"candidates": candidates, "practices": practices})


def proposals(result) -> dict[str, list[str]]:
    return {e.practice.id: [p.candidate.id for p in e.proposals] for e in result.practices}


def test_haversine_by_hand() -> None:
    # One degree of latitude on a sphere of radius 6371.0088 km: 2 * pi * r / 360 = 111.195 km.
    assert haversine_km(Decimal(0), Decimal(0), Decimal(1), Decimal(0)) == Decimal("111.2")
    assert haversine_km(Decimal("52.0907"), Decimal("5.1214"), Decimal("52.0907"), Decimal("5.1214")) == 0
    # Utrecht Centraal to Amersfoort Centraal, about 20 km as the crow flies.
    assert Decimal(19) < haversine_km(Decimal("52.0894"), Decimal("5.1100"), Decimal("52.1533"), Decimal("5.3742")) \
        < Decimal(21)


CANDIDATES = f"""{HEAD};afstand_P1;afstand_P2
K1;32;uwv;{YES};3;3
K2;32;ssfh;{YES};5;5
K3;32;uwv;{YES};20;4
K4;32;uwv;{YES};2;30
K5;10;uwv;{YES};1;1
"""
PRACTICES = "id;uren;begeleider;werkplek;sbb;routes\nP1;32;ja;ja;ja;alle\nP2;32;ja;ja;ja;uwv\n"


def test_hand_example_maximises_the_total_fit() -> None:
    # Fit 22 (max) everywhere within 12 km, 18 beyond it; K2 (SSFH) cannot go to P2; K5 has too few hours.
    # Best total: P1 {K2, K4} and P2 {K1, K3} = 4 x 22. The nearer candidate comes first within a practice.
    outcome = regional(CANDIDATES, PRACTICES)
    result = outcome["result"]
    assert proposals(result) == {"P1": ["K4", "K2"], "P2": ["K1", "K3"]}
    assert result.total_score == 4 * result.thresholds.max_score
    assert [(u.candidate.id, u.reason) for u in result.unplaced] == [
        ("K5", "Voldoet bij geen enkele praktijk aan de harde eisen (meestal: beschikbare uren).")]
    first = result.practices[0].proposals[0]
    assert (first.distance, first.distance_source) == (Decimal(2), "kolom")
    assert "Elke praktijk krijgt 2 voorstellen." in outcome["html"]


def test_a_better_fit_elsewhere_is_explained() -> None:
    candidates = f"{HEAD};afstand_P1;afstand_P2\nK1;32;uwv;{YES};2;30\nK2;32;ssfh;{YES};30;1\nK3;32;ssfh;{YES};30;1\n"
    result = regional(candidates, PRACTICES)["result"]
    assert proposals(result) == {"P1": ["K2", "K3"], "P2": ["K1"]}
    notes = {e.practice.id: e.note for e in result.practices}
    assert notes["P1"] == ("K1 past hier beter (22 punten), maar is voorgesteld aan P2: zo is de totale passing van "
                           "alle voorstellen het hoogst.")
    assert notes["P2"] == ("Minder dan 2 voorstellen: er is geen andere kandidaat die aan de harde eisen voldoet. "
                           "Zo is de totale passing van alle voorstellen het hoogst.")


def test_blocked_practices_and_practices_without_candidates() -> None:
    practices = "id;uren;begeleider;werkplek;sbb;routes\nP1;32;ja;ja;nee;alle\nP2;32;ja;ja;ja;regulier\n"
    result = regional(CANDIDATES, practices)["result"]
    assert proposals(result) == {"P1": [], "P2": []}
    notes = {e.practice.id: e.note for e in result.practices}
    assert notes["P1"].startswith("Geen voorstel: Geen erkend leerbedrijf")
    assert notes["P2"] == ("Geen enkele kandidaat voldoet aan de harde eisen voor deze praktijk (meestal: financiën "
                           "en route, bij 4 kandidaten).")


def test_distance_from_coordinates_or_unknown() -> None:
    candidates = "id;uren;breedtegraad;lengtegraad\nK1;32;52,0907;5,1214\nK2;32;;\n"
    practices = "id,uren,latitude,longitude\nP1,32,52.1561,5.3878\n"
    result = regional(candidates, practices)["result"]
    found = {p.candidate.id: (p.distance, p.distance_source) for p in result.practices[0].proposals}
    assert found["K2"] == (None, "")
    assert found["K1"][1] == "coördinaten" and Decimal(19) < found["K1"][0] < Decimal(21)


def test_result_html_has_privacy_sentence_downloads_and_accessible_tables() -> None:
    html = regional(CANDIDATES, PRACTICES)["html"]
    assert "alleen in je browser gelezen en verwerkt" in html
    assert '<a download="kandidaten-sjabloon.csv" href="data:text/csv;charset=utf-8,' in html
    assert '<a download="praktijken-sjabloon.csv" href="data:text/csv;charset=utf-8,' in html
    assert html.count("<table") == html.count("<caption>")
    assert "<th scope='col'>" in html and '<th scope="row">' in html
    assert '<a href="../../stappen/stap-5-matching/#klikgesprek">' in html


def test_export_csv_lists_every_proposal() -> None:
    html = regional(CANDIDATES, PRACTICES)["html"]
    url = re.search(r'<a download="matchingsvoorstellen.csv" href="data:text/csv;charset=utf-8,([^"]+)"', html)
    assert url
    text = unquote(url.group(1)).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["praktijk", "voorstel", "kandidaat", "score", "maximum", "afstand_km", "afstand_bron",
                       "toelichting"]
    assert ["P1", "1", "K4", "22", "22", "2,0", "kolom", "Voldoet aan alle criteria."] in rows
    assert ["", "", "K5", "", "", "", "", "Voldoet bij geen enkele praktijk aan de harde eisen (meestal: beschikbare "
            "uren)."] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_comma_files_export_with_a_decimal_point() -> None:
    html = regional(CANDIDATES.replace(";", ","), PRACTICES.replace(";", ","))["html"]
    text = unquote(re.search(r'matchingsvoorstellen.csv" href="data:text/csv;charset=utf-8,([^"]+)"', html).group(1))
    assert '"P1","1","K4","22","22","2.0","kolom"' in text


def test_defaults_show_an_example_result() -> None:
    outcome = run(regional_calculator, {})
    assert outcome["status"] == "result"
    assert all(len(e.proposals) == 2 for e in outcome["result"].practices)


@st.composite
def csv_files(draw):
    """Small valid files with random answers, hours, routes and distances."""
    n_candidates, n_practices = draw(st.integers(1, 7)), draw(st.integers(1, 4))
    answer = st.sampled_from(["ja", "twijfel", "nee", "onbekend", ""])
    head = f"{HEAD};" + ";".join(f"afstand_P{i}" for i in range(n_practices))
    rows = [head]
    for c in range(n_candidates):
        cells = [f"K{c}", str(draw(st.sampled_from([10, 16, 20, 24, 32]))),
                 draw(st.sampled_from(["uwv", "ssfh", "regulier", ""])), draw(st.sampled_from(["ja", "nee", ""]))]
        cells += [draw(answer) for _ in range(4)]
        cells += [draw(st.sampled_from(["", "3", "11,9", "12", "25"])) for _ in range(n_practices)]
        rows.append(";".join(cells))
    practices = ["id;uren;begeleider;sbb;routes"] + [
        f"P{p};{draw(st.sampled_from([12, 20, 32]))};{draw(st.sampled_from(['ja', 'nee', 'twijfel']))};"
        f"{draw(st.sampled_from(['ja', 'nee', 'aangevraagd']))};{draw(st.sampled_from(['', 'uwv', 'ssfh/regulier']))}"
        for p in range(n_practices)]
    return "\n".join(rows), "\n".join(practices)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files())
def test_proposals_respect_capacity_uniqueness_and_hard_criteria(files) -> None:
    result = regional(*files)["result"]
    placed = [p.candidate.id for e in result.practices for p in e.proposals]
    assert len(placed) == len(set(placed))
    for entry in result.practices:
        assert len(entry.proposals) <= result.thresholds.per_practice
        assert not any(o.blocking for o in entry.practice_outcomes) or not entry.proposals
        for proposal in entry.proposals:
            assert not any(o.blocking for o in proposal.outcomes)
    assert len(placed) + len(result.unplaced) == result.candidate_count


TOKENS = st.sampled_from(["id", "uren", "route", "uwv", "ja", "nee", "afstand_p1", "breedtegraad", "lengtegraad",
                          "K1", "P1", "24", "12,5", "-3", "=1", "@", '"', ";", ",", "\t", "\n", "\r", " ", "\x00"])
TEXTS = st.one_of(st.text(max_size=200), st.lists(TOKENS, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, TEXTS)
def test_regional_never_raises(candidates: str, practices: str) -> None:
    outcome = regional(f"id;uren\n{candidates}", practices)
    assert outcome["status"] in {"result", "invalid"}
    outcome = regional(candidates, f"id;uren\nP1;24\n{practices}")
    assert outcome["status"] in {"result", "invalid"}


CHECKLIST_FIELDS = [f.name for f in checklist_calculator.fields(REAL)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(CHECKLIST_FIELDS),
                       st.one_of(st.text(max_size=40), st.sampled_from(["ja", "nee", "uwv", "24", "1e9", "9" * 40])),
                       max_size=8))
def test_checklist_never_raises(raw: dict) -> None:
    assert run(checklist_calculator, raw)["status"] in {"result", "invalid"}
