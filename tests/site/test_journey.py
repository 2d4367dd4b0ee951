"""The pages of "Aan de slag" and "Na de start" in the built site: what they show comes from data/, and the step
pages and the overview of who does what show the same rows."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from pathlib import Path

from calculators._format import long_date
from calculators.planning.yearly import yearly_windows
from handbook_build.options import read_site_config
from handbook_build.pages import journey
from tests.conftest import ROOT, TEST_BUILD_DATE
from tests.regions import national_data, region_of
from tests.site.test_coverage import article_links

BUNDLE = national_data()


def page(site: Path, path: str) -> str:
    return (site / path.removesuffix(".md").removesuffix("index") / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with id `anchor` up to the next heading of the same or a higher level."""
    start = re.search(rf'<h([1-6])[^>]*id="{re.escape(anchor)}"', html)
    assert start, anchor
    level = int(start.group(1))
    end = re.compile(rf"<h[1-{level}][ >]").search(html, start.end())
    return html[start.start():end.start() if end else len(html)]


def table_rows(fragment: str) -> list[tuple[str, ...]]:
    rows = re.findall(r"<tr>(.*?)</tr>", fragment, re.DOTALL)
    return [tuple(text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)) for row in rows
            if "<td" in row]


def test_every_phase_shows_the_same_rows_on_its_page_and_in_the_overview(national_site: Path) -> None:
    roles = BUNDLE["roles"]
    overview = page(national_site, journey.OVERVIEW_PAGE)
    for phase in roles["phases"]:
        expected = [tuple(" ".join(cell.split()) for cell in row) for row in journey.phase_rows(roles, phase)]
        assert expected, phase["key"]
        in_overview = table_rows(section(overview, f"fase-{phase['key'].replace('_', '-')}"))
        assert in_overview == expected, phase["key"]
        own = journey.phase_page(phase)
        if "step" in phase or phase["page"] in {"na-de-start/index.md", "na-de-start/studiejaren.md",
                                                "na-de-start/diploma.md"}:
            on_page = table_rows(section(page(national_site, own), "wie-doet-wat"))
            assert on_page == expected, (own, phase["key"])


def test_the_matrix_gives_every_party_its_role_in_every_phase(national_site: Path) -> None:
    roles = BUNDLE["roles"]
    matrix = table_rows(section(page(national_site, journey.OVERVIEW_PAGE), "rollen"))
    assert len(matrix) == len(roles["phases"])
    for phase, row in zip(roles["phases"], matrix, strict=True):
        expected = [roles["role_labels"][phase["parts"][p["key"]]["role"]] if p["key"] in phase["parts"] else ""
                    for p in roles["parties"]]
        assert row[0] == journey.phase_short_title(phase) and list(row[1:]) == expected


def test_the_employer_page_is_linked_from_steps_4_5_6_and_bijlage_4b(national_site: Path) -> None:
    target = "na-de-start/vragen-van-de-werkgever/"
    for url in ("stappen/stap-4-informatie/", "stappen/stap-5-matching/", "stappen/stap-6-regelzaken/",
                "bijlagen/stap-4/b-checklist-gesprek-huisarts/"):
        assert target in article_links(national_site, url), url


def test_the_employer_page_answers_with_the_figures_and_sources_from_data(national_site: Path) -> None:
    html = page(national_site, "na-de-start/vragen-van-de-werkgever.md")
    text = text_of(html)
    values = {key: param["values"][-1]["value"] for key, param in BUNDLE["parameters"].items()
              if key.startswith(("law.employment.", "law.poortwachter."))}
    assert f"hoogstens {values['law.employment.sick_pay_weeks']} weken" in text
    assert f"ten minste {values['law.employment.sick_pay_percent']} % van het loon" in text
    assert f"in week {values['law.poortwachter.uwv_notification_week']} bij UWV" in text
    supervision = BUNDLE["parameters"]["cost_defaults.supervision_hours_per_week"]["values"][-1]["value"]
    assert f"met {supervision} uur per week van een gediplomeerde doktersassistent" in text
    for anchor in ("ziekte", "stoppen", "verlof", "wet-big", "begeleiding"):
        assert f'id="{anchor}"' in html
    for law in ("BWBR0005290", "BWBR0006251", "BWBR0010346", "BWBR0007625"):
        assert f'href="https://wetten.overheid.nl/{law}/"' in html, law


def test_the_national_contacts_page_names_every_organisation_and_no_regional_gaps(national_site: Path) -> None:
    html = page(national_site, journey.CONTACTS_PAGE)
    for organisation in BUNDLE["contacts"]["national"]:
        assert f'href="{organisation["url"]}"' in html, organisation["key"]
    regional = text_of(section(html, "regio"))
    assert "landelijke versie van het handboek" in regional and "Nog in te vullen" not in regional
    for slot in BUNDLE["contacts"]["regional_slots"]:
        assert slot["label"] in regional


def test_a_fork_lists_the_contacts_it_has_not_filled(regional_project: Path, regional_site: Path) -> None:
    region = region_of(regional_project)
    html = page(regional_site, journey.CONTACTS_PAGE)
    slots = BUNDLE["contacts"]["regional_slots"]
    empty = [slot for slot in slots if not journey.slot_entries(region, slot["field"])]
    filled = [slot for slot in slots if journey.slot_entries(region, slot["field"])]
    if not empty:
        assert "Alle regionale contacten zijn ingevuld." in text_of(html)
        return
    missing = section(html, "nog-in-te-vullen")
    listed = [(text_of(label), field)
              for label, field in re.findall(r"<li><strong>(.*?)</strong> \(<code>(.*?)</code>\)", missing)]
    assert listed == [(slot["label"], slot["field"]) for slot in empty]
    regional = text_of(section(html, "regio"))
    for slot in filled:
        for entry in journey.slot_entries(region, slot["field"]):
            assert entry["name"] in regional


def test_the_study_years_page_shows_the_application_windows_of_the_data(national_site: Path) -> None:
    text = text_of(page(national_site, "na-de-start/studiejaren.md"))
    built = dt.date.fromisoformat(TEST_BUILD_DATE)
    windows, _ = yearly_windows(BUNDLE, dt.date(built.year - 1, 8, 1), dt.date(built.year + 2, 7, 31))
    assert windows
    for window in windows:
        status = "bekend" if window.known else "verwacht"
        assert (f"{window.school_year_label} {long_date(window.opens)} {long_date(window.closes)} {status}"
                in text), window
    listed = BUNDLE["schemes"]["praktijkleren"]["application_windows"][-1]
    assert long_date(dt.date.fromisoformat(listed["closes"])) in text


def test_the_monitoring_page_lists_every_indicator(national_site: Path) -> None:
    text = text_of(page(national_site, "na-de-start/meten-en-rapporteren.md"))
    for indicator in BUNDLE["monitoring"]["indicators"]:
        assert indicator["label"] in text and " ".join(indicator["definition"].split()) in text


def test_the_new_parts_stand_around_the_steps_in_the_nav() -> None:
    nav = [next(iter(item)) if isinstance(item, dict) else item for item in read_site_config(ROOT)["nav"]]
    assert nav.index("Aan de slag") == nav.index("De 8 stappen") - 1
    assert nav.index("Na de start") == nav.index("De 8 stappen") + 1
