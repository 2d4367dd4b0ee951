"""A regional fork changes only its own files; its settings reach the pages and the calculators' defaults."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "voorbeeldregio"




def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_region_reaches_the_start_page_and_the_title(regional_site: Path) -> None:
    html = page(regional_site, "")
    assert "Jouw regio: Voorbeeldregio" in html
    for organisation in (
        "Huisartsenkring Voorbeeldregio",
        "Zorggroep Voorbeeld",
        "Werkgeversservicepunt Voorbeeldregio",
    ):
        assert organisation in html
    assert "Voorbeeld, School voor Gezondheidszorg" in html  # "ROC" itself becomes an <abbr>
    assert re.search(r"<title>[^<]*Regio Voorbeeld[^<]*</title>", html)
    assert 'href="regio/"' in html  # the region's own pages are linked and in the nav
    assert "Aanpak in de Voorbeeldregio" in page(regional_site, "regio")


def test_region_sets_the_calculators_defaults(regional_site: Path) -> None:
    cost = page(regional_site, "rekenhulpen/kosten")
    assert re.search(r'name="hours_per_week"[^>]*value="32"', cost)
    assert re.search(r'name="supervision_hours_per_week"[^>]*value="3"', cost)
    planning = page(regional_site, "rekenhulpen/planning")
    assert '<option value="zuid" selected>' in planning
    bundle = next((regional_site / "assets" / "data").glob("handboek-data.*.json"))
    assert json.loads(bundle.read_text(encoding="utf-8"))["region"]["name"] == "Voorbeeldregio"


def test_the_default_build_shows_no_regional_content(built_site: Path) -> None:
    html = page(built_site, "")
    assert "Jouw regio" not in html and "Voorbeeldregio" not in html
    assert not (built_site / "regio").exists()
    assert '<option value="midden" selected>' in page(built_site, "rekenhulpen/planning")
