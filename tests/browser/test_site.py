"""The handbook in a real browser: start page, Dutch search, step navigation, no foreign requests."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RecordedPage

pytestmark = pytest.mark.browser


def test_start_page_renders_in_dutch(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("article h1")).to_be_visible()
    expect(page.get_by_text("Laatst bijgewerkt")).to_be_visible()
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


@pytest.mark.parametrize("term", ["BBL", "proeftijd"])
def test_search_finds_term_and_opens_a_result(recorded_page: RecordedPage, site_url: str, term: str) -> None:
    page = recorded_page.page
    page.goto(site_url)
    page.keyboard.press("s")  # Material's keyboard shortcut focuses the search field
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.fill(term)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=60_000)  # the search index is built in a worker on 2 cores
    first_link = results.first.locator("a").first
    target = first_link.get_attribute("href")
    assert target
    first_link.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.rstrip("/") == urlsplit(target).path.rstrip("/")
    assert term.lower() in page.locator("article").inner_text().lower()
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


def test_step_navigation_walks_from_step_one_to_step_two(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + "stappen/")
    page.locator("article").get_by_role("link", name="Stap 1", exact=False).first.click()
    expect(page).to_have_url(site_url + "stappen/stap-1-interesse-peilen/")
    expect(page.locator("article h1")).to_contain_text("Stap 1")
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(site_url + "stappen/stap-2-animo-peilen/")
    expect(page.locator("article h1")).to_contain_text("Stap 2")
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []
