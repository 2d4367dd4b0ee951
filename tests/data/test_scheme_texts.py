"""Sentences about schemes written through their data: the claim macro, the document fields, the funding check and
the salary floors, as plain functions (no build)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal

import pytest

from calculators._data import Lookups
from calculators._format import euro
from calculators._parameters import parameters_of
from calculators.cost.wages import cao_floor, legal_minimum
from handbook_build.documents.fields import fill_fields
from handbook_build.documents.model import Document, DocumentError
from handbook_build.pages.schemes import funding_check_html, scheme_claim_html, scheme_status_html
from handbook_build.pages.tables import schemes_by_route
from handbook_build.pages.wages import wage_floors_html
from tests.calculators.conftest import REAL
from tests.conftest import ROOT

TODAY = dt.date(2026, 12, 1)
CLAIM = "SSFH betaalt de BVP in het eerste studiejaar"


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_an_open_scheme_reads_as_written() -> None:
    html = scheme_claim_html(REAL, "ssfh_bbl_zij_instroom", CLAIM, dt.date(2024, 6, 1))
    assert 'data-state="open"' in html
    assert text(html) == CLAIM + "."


def test_an_unconfirmed_scheme_gets_its_status_reason_and_who_confirms_it() -> None:
    html = scheme_claim_html(REAL, "ssfh_bbl_zij_instroom", CLAIM, TODAY)
    assert 'data-state="unconfirmed"' in html
    assert text(html).startswith(
        "Niet bevestigd sinds 1 januari 2025 (bron: ssfh.nl, gecontroleerd op 1 november 2026): " + CLAIM + ".")
    assert "is niet gevonden" in text(html)
    assert text(html).endswith("Vraag het na bij SSFH voordat je erop rekent.")
    short = scheme_claim_html(REAL, "ssfh_bbl_zij_instroom", "SSFH", TODAY, short=True)
    assert text(short) == "SSFH (niet bevestigd sinds 1 januari 2025)"


def test_an_ended_scheme_says_since_when_and_asks_nobody() -> None:
    html = scheme_claim_html(REAL, "sectorplanplus", "SectorplanPlus is een opleidingssubsidie", TODAY)
    assert text(html).startswith("Gestopt per 1 januari 2026")
    assert "Vraag het na" not in html
    assert "gestopt per 1 januari 2026" in scheme_status_html(REAL, "sectorplanplus", TODAY)


def _document(body: str) -> Document:
    return Document("5b-test", "Test", "5B", "bijlagen/stap-5/b-voorbeeldbrieven.md", "brief", body,
                    ROOT / "documents" / "5b-test.md")


def test_document_fields_write_the_claim_and_the_status_with_their_source() -> None:
    body = ("Intro. ⟦claim:ssfh_bbl_zij_instroom|Voor het eerste\nstudiejaar betaalt SSFH de BVP⟧ "
            "Verder ⟦scheme:sectorplanplus⟧.\n")
    filled, figures = fill_fields(_document(body), REAL, TODAY)
    assert filled.startswith("Intro. **Niet bevestigd sinds 1 januari 2025:** *Voor het eerste studiejaar betaalt "
                             "SSFH de BVP.* ")
    assert "Vraag het na bij SSFH voordat u erop rekent." in filled  # letters use "u"
    assert filled.endswith("Verder (gestopt per 1 januari 2026).\n")
    assert [(f.label, f.text) for f in figures] == [
        ("Status van SSFH-vergoedingen voor BBL-zij-instromers (pilot)", "niet bevestigd sinds 1 januari 2025"),
        ("Status van SectorplanPlus", "gestopt per 1 januari 2026"),
    ]
    assert figures[0].source_url == "https://www.ssfh.nl/vergoedingen-voor-stagiaires"


@pytest.mark.parametrize(("field", "reason"), [
    ("⟦scheme:ssfh⟧", "onbekende regeling 'ssfh'"),
    ("⟦claim:ssfh_bbl_zij_instroom⟧", "na de regeling volgt '|' en de zin"),
])
def test_a_wrong_scheme_field_names_the_document(field: str, reason: str) -> None:
    with pytest.raises(DocumentError, match=re.escape(reason)) as caught:
        fill_fields(_document(f"Tekst {field}.\n"), REAL, TODAY)
    assert "5b-test.md" in str(caught.value)


def test_an_assumed_figure_says_so_in_the_sources() -> None:
    _, figures = fill_fields(_document("Dat duurt naar schatting ⟦param:planning.uwv_admin_weeks⟧.\n"), REAL, TODAY)
    assert figures[0].label.endswith("(een aanname van het handboek)")


def test_the_funding_check_shows_each_route_its_points_and_who_confirms_them() -> None:
    html = funding_check_html(REAL, TODAY, "../../rekenhulpen/kosten/")
    assert "Eerst de financiering (UWV: onzeker, SSFH: onzeker, Regulier: zeker)" in text(html)
    groups = dict(re.findall(r'<tbody data-route="(\w+)" data-state="(\w+)">', html))
    assert groups == {"uwv": "uncertain", "ssfh": "uncertain", "regulier": "certain"}
    assert re.findall(r'<li data-route="(\w+)" data-state="(\w+)">', html) == list(groups.items())  # one line each
    ssfh = html.split('<tbody data-route="ssfh"')[1].split("</tbody>")[0]
    assert "SSFH</td>" in ssfh and "niet bevestigd sinds 1 januari 2025" in ssfh
    assert "klopt het niet, dan geldt route Regulier" in ssfh
    common = html.split('data-route="all"')[1]
    assert "SBB" in common and "de school" in common
    assert 'href="../../rekenhulpen/kosten/"' in html


def test_a_closed_route_shows_as_closed() -> None:
    bundle = copy.deepcopy(REAL)
    status = bundle["schemes"]["ssfh_bbl_zij_instroom"]["status"]
    status["2026-06-01"] = {**status["2025-01-01"], "state": "ended", "label": "Gestopt (test)."}
    assert "SSFH: gesloten" in text(funding_check_html(bundle, TODAY))


def test_the_subsidiewijzer_overview_shows_each_status() -> None:
    html = schemes_by_route(REAL, TODAY)
    assert re.search(r'data-scheme-status="sectorplanplus" data-state="ended">gestopt per 1 januari 2026', html)
    assert re.search(r'data-scheme-status="praktijkleren" data-state="open">open', html)


def test_the_salary_floors_are_the_calculators_own() -> None:
    html = wage_floors_html(REAL, TODAY, "../../../rekenhulpen/kosten/")
    look = Lookups(parameters_of(REAL))
    hours = Decimal(look.value("cao.working_conditions.fulltime_hours_per_week", TODAY))
    legal = legal_minimum(look, TODAY, hours)
    floor, hourly = cao_floor(parameters_of(REAL), TODAY)
    assert euro(legal.fulltime) in html and euro(floor) in html
    assert f'<span data-floor="cao">{euro(hourly)}</span>' in html
    # The rule: the legal minimum is refused below, the CAO floor warned below (calculators/cost/checks.py, notices.py).
    assert "neemt een lager salaris niet aan" in text(html)
    assert "Een lager salaris neemt ze aan, met een waarschuwing" in text(html)
