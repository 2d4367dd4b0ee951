"""Funding first: the route check at the top of step 1, step 6 and the cost calculator; the statuses and the salary
floors where a GP reads about money (built national site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.calculators.conftest import REAL


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("path", ["stappen/stap-1-interesse-peilen", "stappen/stap-6-regelzaken", "rekenhulpen/kosten"])
def test_the_funding_check_comes_before_anything_else(national_site: Path, path: str) -> None:
    body = article(page(national_site, path))
    check = body.index("data-funding-check")
    assert check < body.index("<h2"), "the check stands before the first section"
    assert body.count("data-funding-check") == 1
    for route in ("uwv", "ssfh", "regulier"):
        assert f'<tbody data-route="{route}" data-state=' in body
    if path == "rekenhulpen/kosten":
        assert check < body.index("<form")


def test_the_check_links_to_the_calculator_from_the_steps(national_site: Path) -> None:
    body = article(page(national_site, "stappen/stap-6-regelzaken"))
    assert 'href="../../rekenhulpen/kosten/"' in body
    assert (national_site / "rekenhulpen/kosten/index.html").exists()


def test_step_6_names_three_routes_and_no_scheme_as_open_that_is_not(national_site: Path) -> None:
    body = article(page(national_site, "stappen/stap-6-regelzaken"))
    text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    assert "langs drie wegen" in text and "langs twee wegen" not in text
    claims = dict(re.findall(r'data-scheme-claim="(\w+)" data-state="(\w+)"', body))
    assert claims == {"ssfh_bbl_zij_instroom": "unconfirmed", "uwv_scholingsbudget_ww": "unconfirmed",
                      "praktijkleren": "open", "stagefonds_zorg": "open", "sectorplanplus": "ended"}
    assert "Gestopt per 1 januari 2026" in text


def test_the_subsidiewijzer_shows_every_schemes_status(national_site: Path) -> None:
    body = article(page(national_site, "gegevens/subsidiewijzer"))
    shown = set(re.findall(r'<p class="hb-scheme-status" data-scheme-status="(\w+)"', body))
    assert shown == set(REAL["schemes"])
    assert "hb-ends" not in body


def test_bijlage_6f_states_the_floors_with_the_calculators_rule(national_site: Path) -> None:
    body = article(page(national_site, "bijlagen/stap-6/f-leerlingsalaris"))
    assert "data-wage-floors" in body and 'id="ondergrenzen"' in body
    assert 'href="../../../rekenhulpen/kosten/"' in body
