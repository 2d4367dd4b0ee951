"""Chromium: checklists can be ticked, remember their ticks per version, reset, and print with the ticks."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from handbook_build.documents import handbook_version
from handbook_build.site import load_site_data
from tests.browser.conftest import RecordedPage
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGE = "bijlagen/stap-5/e-papierwerk-voor-de-start/"
VERSION = handbook_version(load_site_data(ROOT))  # the newest release in data/changelog.yaml


def first_checklist(recorded: RecordedPage):
    return recorded.page.locator("ul.hb-checklist").first


def click_box(page, box) -> None:
    """Click where the reader sees the box: Material hides the real checkbox under its drawn indicator."""
    box.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    area = box.bounding_box()
    page.mouse.click(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)


def test_ticks_survive_a_reload_and_reset_clears_them(recorded_page: RecordedPage, generator_site_url: str) -> None:
    site_url = generator_site_url  # MkDocs' build and Zensical's
    page = recorded_page.page
    page.goto(site_url + PAGE)
    checklist = first_checklist(recorded_page)
    boxes = checklist.locator('input[type="checkbox"]')
    total = boxes.count()
    assert total >= 5
    count = page.locator(".hb-checklist-count").first
    expect(count).to_have_text(f"0 van {total} afgevinkt")
    expect(page.locator(".hb-checklist-reset").first).to_be_disabled()

    click_box(page, boxes.nth(0))
    # Keyboard: Tab from the first box to the next, Space ticks it.
    boxes.nth(0).focus()
    page.keyboard.press("Tab")
    assert boxes.nth(1).evaluate("(box) => box === document.activeElement")
    page.keyboard.press("Space")
    expect(count).to_have_text(f"2 van {total} afgevinkt")
    expect(count).to_have_attribute("role", "status")
    assert boxes.nth(1).get_attribute("aria-label")  # named after its item (handbook_build/documents/checklists.py)

    page.reload()
    checklist = first_checklist(recorded_page)
    boxes = checklist.locator('input[type="checkbox"]')
    expect(page.locator(".hb-checklist-count").first).to_have_text(f"2 van {total} afgevinkt")
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked() and not boxes.nth(2).is_checked()
    stored = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('hb-checklist:'))")
    assert stored == [f"hb-checklist:{VERSION}:{PAGE}#1"]

    # Printing shows the ticks: the boxes stay checked and the reset button is hidden.
    page.emulate_media(media="print")
    assert boxes.nth(0).is_checked()
    indicator = checklist.locator(".task-list-indicator").first
    assert indicator.evaluate("(e) => getComputedStyle(e, '::before').printColorAdjust") == "exact"
    assert page.locator(".hb-checklist-reset").first.evaluate("(e) => getComputedStyle(e).display") == "none"
    page.emulate_media(media="screen")

    page.locator(".hb-checklist-reset").first.click()
    expect(page.locator(".hb-checklist-count").first).to_have_text(f"0 van {total} afgevinkt")
    page.reload()
    expect(page.locator(".hb-checklist-count").first).to_have_text(f"0 van {total} afgevinkt")
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('hb-checklist:')).length") == 0

    host = urlsplit(site_url).netloc
    assert recorded_page.foreign_requests(host) == []


def test_another_checklist_keeps_its_own_ticks(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + PAGE)
    lists = page.locator("ul.hb-checklist")
    click_box(page, lists.nth(1).locator('input[type="checkbox"]').first)
    counts = page.locator(".hb-checklist-count")
    expect(counts.nth(1)).to_contain_text("1 van")
    expect(counts.nth(0)).to_contain_text("0 van")


def test_without_javascript_the_checklist_is_a_printable_list(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    boxes = page.locator("ul.hb-checklist").first.locator('input[type="checkbox"]')
    assert boxes.count() >= 5 and boxes.first.is_disabled()
    assert page.locator(".hb-checklist-count").count() == 0
    context.close()
