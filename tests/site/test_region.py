"""A regional fork changes only its own files; its settings reach the pages and the calculators' defaults."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site
from tests.site.test_links import copy_project

EXAMPLE = ROOT / "examples" / "voorbeeldregio"


@pytest.fixture(scope="module")
def regional_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as the Voorbeeldregio would: its region.yaml and its docs/regio/ pages, nothing else."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    shutil.copy2(EXAMPLE / "region.yaml", project / "data" / "region.yaml")
    shutil.copytree(EXAMPLE / "regio", project / "docs" / "regio")
    site = tmp_path_factory.mktemp("fork-site")
    result = build_site(project, site, HB_PYODIDE_SNAPSHOT="0")
    assert result.returncode == 0, result.stderr
    return site


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
