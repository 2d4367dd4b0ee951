"""Chromium: the progress overview counts the ticks of every checklist per step, links the open points, and saves
the ticks to a file that loads back; a file of another version or a damaged file changes nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import RecordedPage
from tests.browser.test_a11y import audit
from tests.browser.test_checklists import click_box
from tests.browser.test_wcag22 import TARGET_SIZE

pytestmark = pytest.mark.browser

OVERVIEW = "stappen/voortgang/"
FORMAT = "handboek-zij-instroom-voortgang"  # the "format" of a progress file (progress.js)
PAPERWORK = "bijlagen/stap-5/e-papierwerk-voor-de-start/"  # step 5
ADMINISTRATION = "bijlagen/stap-6/a-administratie/"  # step 6
STORED = "() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('hb-checklist:')))"


def tick(page: Page, site_url: str, path: str, indexes: list[int]) -> str:
    """Tick boxes of the first checklist on a page the way a reader does; its id."""
    page.goto(site_url + path)
    checklist = page.locator("ul.hb-checklist").first
    for index in indexes:
        click_box(page, checklist.locator('input[type="checkbox"]').nth(index))
    expect(page.locator(".hb-checklist-count").first).to_contain_text(f"{len(indexes)} van")
    return checklist.get_attribute("data-checklist")


def row(page: Page, step: int) -> list[str]:
    cells = page.locator(f'[data-progress-row="voortgang-stap-{step}"] > *')
    return [cells.nth(index).inner_text().strip() for index in range(4)]


def open_overview(page: Page, site_url: str) -> str:
    """Open the overview once its script has counted; the handbook version its checklists keep their ticks under."""
    page.goto(site_url + OVERVIEW)
    page.wait_for_selector("[data-progress-ready]", state="attached")
    return page.locator('[data-progress="steps"]').get_attribute("data-version")


def test_the_overview_counts_ticks_per_step_and_links_the_open_points(recorded_page: RecordedPage,
                                                                      site_url: str) -> None:
    page = recorded_page.page
    paperwork = tick(page, site_url, PAPERWORK, [0, 2])
    administration = tick(page, site_url, ADMINISTRATION, [1])

    open_overview(page, site_url)
    five, six = row(page, 5), row(page, 6)
    assert five[0].startswith("Stap 5") and six[0].startswith("Stap 6")
    assert (int(five[2]), int(five[3])) == (2, int(five[1]) - 2)
    assert (int(six[2]), int(six[3])) == (1, int(six[1]) - 1)
    assert row(page, 1)[2:] == ["0", row(page, 1)[1]]
    totals = page.locator('[data-progress-row="totaal"] > *')
    assert totals.nth(2).inner_text() == "3"
    expect(page.locator('[data-progress-step="voortgang-stap-5"] [data-progress-summary]')).to_have_text(
        f"2 van {five[1]} punten gedaan, {int(five[1]) - 2} open.")
    assert page.locator("[data-progress-nojs]").is_hidden()

    listed = page.locator(f'[data-progress-checklist="{paperwork}"]')
    points = int(listed.get_attribute("data-items"))
    expect(listed.locator("[data-progress-count]")).to_have_text(f"(2 van {points} gedaan, {points - 2} open)")
    visible = listed.locator("[data-progress-item]:visible")
    expect(visible).to_have_count(points - 2)
    assert listed.locator('[data-progress-item="0"]').is_hidden()
    assert page.locator(f'[data-progress-checklist="{administration}"] [data-progress-item="1"]').is_hidden()
    # The points are named as on their page, and the controls are large enough targets (WCAG 2.5.8).
    first_open = visible.first
    assert first_open.get_attribute("data-progress-item") == "1"
    assert page.evaluate(TARGET_SIZE) == []
    assert audit(page, "voortgang met vinkjes")[0] == []  # axe, WCAG 2.2 AA

    # An open point leads to its checklist on its page.
    text = first_open.inner_text()
    first_open.locator("a").click()
    page.wait_for_load_state()
    target = urlsplit(page.url)
    assert target.path.endswith("/" + PAPERWORK) and target.fragment
    heading = page.locator(f"#{target.fragment}")
    expect(heading).to_be_visible()
    box = page.locator(f'ul[data-checklist="{paperwork}"] input[aria-label="{text}"]')
    expect(box).to_have_count(1)
    assert not box.is_checked()
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


def test_progress_saved_to_a_file_loads_back_after_the_storage_is_cleared(recorded_page: RecordedPage,
                                                                          site_url: str, tmp_path: Path) -> None:
    page = recorded_page.page
    paperwork = tick(page, site_url, PAPERWORK, [1, 3])
    administration = tick(page, site_url, ADMINISTRATION, [0])
    version = open_overview(page, site_url)
    before = page.evaluate(STORED)
    assert len(before) == 2

    save = page.get_by_role("button", name="Voortgang bewaren als bestand")
    save.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")  # keyboard only
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert re.fullmatch(rf"voortgang-handboek-{re.escape(version)}-\d{{4}}-\d{{2}}-\d{{2}}\.json", saved.name)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert set(data) == {"format", "version", "saved", "checklists"}
    assert (data["format"], data["version"]) == (FORMAT, version)
    assert data["checklists"] == {paperwork: [1, 3], administration: [0]}
    status = page.get_by_role("status").filter(has_text="bewaard")
    expect(status).to_contain_text(f"3 punten afgevinkt) is bewaard in het bestand {saved.name}")

    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-progress-ready]", state="attached")
    assert row(page, 5)[2] == "0"
    page.get_by_label("Voortgangsbestand laden").set_input_files(saved)
    expect(page.locator("[data-progress-status]")).to_contain_text(
        f"De voortgang uit {saved.name} (bewaard op ")
    expect(page.locator("[data-progress-status]")).to_contain_text("3 punten afgevinkt")
    assert page.evaluate(STORED) == before
    assert row(page, 5)[2] == "2" and row(page, 6)[2] == "1"
    # And the checklist itself shows the ticks from the file.
    page.goto(site_url + PAPERWORK)
    boxes = page.locator("ul.hb-checklist").first.locator('input[type="checkbox"]')
    assert [boxes.nth(index).is_checked() for index in range(4)] == [False, True, False, True]


def bad_files(version: str) -> dict[str, tuple[object, str]]:
    """Files the overview must refuse, each with (part of) the Dutch message it shows; `version`: this site's."""
    return {
        "another version": (
            {"format": FORMAT, "version": "1999.1", "saved": "1999-11-02T10:00:00.000Z", "checklists": {}},
            f"Dit voortgangsbestand hoort bij versie 1999.1 van het handboek, deze site is versie {version}.",
        ),
        "damaged JSON": (f'{{"format": "{FORMAT}", "version": "{version}", "checkl',
                         "Dit bestand is beschadigd of geen voortgangsbestand"),
        "another kind of file": ({"naam": "iets anders"}, "Dit is geen voortgangsbestand van dit handboek."),
        "an unknown checklist": (
            {"format": FORMAT, "version": version, "saved": "2026-05-01T10:00:00.000Z",
             "checklists": {"bijlagen/bestaat-niet/#1": [0]}},
            "noemt een checklist die deze versie van het handboek niet kent (bijlagen/bestaat-niet/#1)",
        ),
        "a tick past the end of its list": (
            {"format": FORMAT, "version": version, "saved": "2026-05-01T10:00:00.000Z",
             "checklists": {f"{PAPERWORK}#1": [0, 999]}},
            f"de vinkjes bij de checklist {PAPERWORK}#1 kloppen niet",
        ),
        "a missing date": (
            {"format": FORMAT, "version": version, "checklists": {f"{PAPERWORK}#1": [1]}},
            "Dit voortgangsbestand is beschadigd: het mist gegevens of heeft onbekende gegevens.",
        ),
    }


def test_a_file_of_another_version_or_a_damaged_file_changes_nothing(recorded_page: RecordedPage, site_url: str,
                                                                      tmp_path: Path) -> None:
    page = recorded_page.page
    tick(page, site_url, PAPERWORK, [0])
    version = open_overview(page, site_url)
    before, counts = page.evaluate(STORED), row(page, 5)
    status = page.locator("[data-progress-status]")
    for name, (content, message) in bad_files(version).items():
        file = tmp_path / f"{name.replace(' ', '-')}.json"
        file.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        page.get_by_label("Voortgangsbestand laden").set_input_files(file)
        expect(status).to_contain_text(message)
        expect(status).to_contain_text("Er is niets veranderd.")
        assert status.get_attribute("aria-live") == "polite"
        assert page.evaluate(STORED) == before, name
        assert row(page, 5) == counts, name
        if name == "another version":  # the page with a message, checked once
            assert audit(page, "voortgang met een melding")[0] == []
        page.evaluate("document.querySelector('[data-progress-status]').textContent = ''")


def test_without_javascript_the_overview_lists_every_checklist(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + OVERVIEW)
    assert page.locator("h2[id^='voortgang-stap-']").count() == 8
    assert page.locator("[data-progress-checklist]").count() >= 40
    assert page.locator("[data-progress-nojs]").is_visible()
    assert page.locator("[data-progress-file]").is_hidden()  # no buttons that do nothing
    assert row(page, 5)[2:] == ["–", "–"]
    context.close()
