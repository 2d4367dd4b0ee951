"""Printing: no navigation chrome, external links show their address, tables stay whole, and the cost
calculator prints as a compact overview (form values, result, warnings, assumptions open) and as a PDF."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
BOOT_TIMEOUT = 60_000
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-path"]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL")
    yield context.new_page()
    context.close()


def display(page: Page, selector: str) -> str:
    return page.locator(selector).first.evaluate("(e) => getComputedStyle(e).display")


def assert_no_chrome(page: Page) -> None:
    for selector in CHROME:
        if page.locator(selector).count():
            assert display(page, selector) == "none", f"{selector} is printed"


def test_a_step_page_prints_without_navigation_and_with_link_targets(page: Page, site_url: str) -> None:
    page.goto(site_url + "stappen/stap-6-regelzaken/")
    page.emulate_media(media="print")
    assert_no_chrome(page)
    expect(page.locator("article h1")).to_be_visible()
    external = page.locator('article a[href^="https://"]').first
    after = external.evaluate("(e) => getComputedStyle(e, '::after').content")
    assert external.get_attribute("href") in after
    table = page.locator("article table").first
    expect(table).to_be_visible()
    assert table.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid"
    # Nothing scrolls on paper: the table's wrappers let it show in full.
    assert table.evaluate(
        "(e) => { for (let p = e.parentElement; p && p.tagName !== 'ARTICLE'; p = p.parentElement) {"
        "  if (!['visible', 'clip'].includes(getComputedStyle(p).overflowX)) return false; } return true; }"
    )


def test_the_cost_calculator_prints_a_compact_overview(page: Page, site_url: str) -> None:
    page.goto(site_url + "rekenhulpen/kosten/?hours_per_week=30")
    page.wait_for_selector('[data-calculator="kosten"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
    expect(page.locator("[data-status]")).to_have_text("Uitkomst bijgewerkt.")
    page.emulate_media(media="print")
    assert_no_chrome(page)
    # What the reader filled in is printed, with its value; buttons and help texts are not.
    hours = page.locator("#kosten-hours_per_week")
    expect(hours).to_be_visible()
    expect(hours).to_have_value("30")
    expect(page.locator("#kosten-lkv_target_group")).to_be_visible()
    assert display(page, "[data-copy-link]") == "none"
    assert display(page, ".hb-calc__help") == "none"
    # The result: the comparison and per-year tables, warnings, and the assumptions opened.
    expect(page.locator("table[data-summary]")).to_be_visible()
    assert display(page, "table[data-summary]") != "none"
    expect(page.locator(".hb-calc__output > .admonition.warning").first).to_be_visible()
    expect(page.locator('[data-route-detail="uwv"] table').first).to_be_visible()
    expect(page.locator(".hb-calc__assumptions li").first).to_be_visible()
    # The month-by-month tables (a column per month) stay on screen.
    assert display(page, ".hb-calc__route > details") == "none"

    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "rekenhulp-kosten.pdf"
    pdf.unlink(missing_ok=True)
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000, f"{pdf}: {len(data)} bytes"
    print(f"PDF of the cost calculator: {pdf}")
