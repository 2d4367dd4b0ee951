"""A region's fork changes only its own files; its settings reach the pages and the calculators' defaults.

Checked against the region at hand (tests/conftest.py: regional_project): the fork's own region when the suite runs
in a fork, else the example region applied to a copy of the project as docs/bijdragen/eigen-regio.md says.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from decimal import Decimal
from pathlib import Path

from handbook_build.pages.region import regional_pages
from tests.conftest import build_site, copy_project
from tests.regions import apply_example, region_of


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The page's text: tags dropped (an abbreviation such as ROC becomes an <abbr>), entities decoded."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_region_reaches_the_start_page_and_the_title(regional_project: Path, regional_site: Path) -> None:
    region = region_of(regional_project)
    html = page(regional_site, "")
    text = text_of(html)
    assert f"Jouw regio: {region['name']}" in text
    for organisation in region.get("organisations", []):
        assert organisation["name"] in text
    for school in region.get("schools", []):
        assert school["name"] in text
    short = region.get("logo_text") or region["name"]
    assert re.search(rf"<title>[^<]*{re.escape(html_lib.escape(short, quote=False))}[^<]*</title>", html)
    own_pages = regional_pages(regional_project / "docs")
    if own_pages:
        assert 'href="regio/"' in html  # the region's own pages are linked and in the nav
        assert own_pages[0][1] in text_of(page(regional_site, "regio"))


def test_region_sets_the_calculators_defaults(regional_project: Path, regional_site: Path) -> None:
    region = region_of(regional_project)
    cost = page(regional_site, "rekenhulpen/kosten")
    for key, value in (region.get("cost_defaults") or {}).items():
        if isinstance(value, bool | str):
            continue  # choices and dates: the form shows them as a selected option or a date field
        shown = format(Decimal(str(value)).normalize(), "f")
        assert re.search(rf'name="{key}"[^>]*value="{re.escape(shown)}"', cost), key
    planning = page(regional_site, "rekenhulpen/planning")
    assert f'<option value="{region["holiday_region"]}" selected>' in planning
    bundle = next((regional_site / "assets" / "data").glob("handboek-data.*.json"))
    assert json.loads(bundle.read_text(encoding="utf-8"))["region"]["name"] == region["name"]


def test_the_national_build_shows_no_regional_content(national_site: Path) -> None:
    html = page(national_site, "")
    assert "Jouw regio" not in html and "Voorbeeldregio" not in html
    assert not (national_site / "regio").exists()
    assert '<option value="midden" selected>' in page(national_site, "rekenhulpen/planning")


def test_a_bad_regional_default_stops_the_build_with_the_fields_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    apply_example(project)
    region = project / "data" / "region.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace("hours_per_week: 32", "hours_per_week: 80"),
                      encoding="utf-8")
    result = build_site(project, tmp_path / "site", HB_PYODIDE_SNAPSHOT="0")
    assert result.returncode != 0
    assert "data/region.yaml: cost_defaults.hours_per_week: 80 kan niet: Vul hoogstens 38 uur in." in result.stderr


def test_the_field_reference_lists_every_cost_default(regional_site: Path) -> None:
    text = text_of(page(regional_site, "bijdragen/eigen-regio"))
    bundle = json.loads(next((regional_site / "assets" / "data").glob("handboek-data.*.json")).read_text("utf-8"))
    assert bundle["region"]["cost_defaults"]
    for key in ("hours_per_week", "supervision_hours_per_week", "monthly_salary", "start_date", "deprived_area"):
        assert key in text
    assert "een getal van 16 uur tot en met 38 uur" in text
