"""Personal documents in Chromium: the planner's bar planning and the 5B letters are filled in the browser, hold
what the page shows and what was typed, and nothing leaves the browser."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import RecordedPage
from tests.browser.test_protocol import check
from tests.browser.test_runtime import BOOT_TIMEOUT

pytestmark = pytest.mark.browser


def ready(page: Page, calculator: str) -> None:
    page.wait_for_selector(f'[data-calculator="{calculator}"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)


def download_text(page: Page, button: str) -> tuple[str, str]:
    """Click a document button; return the downloaded file's name and its text (paragraphs and table cells)."""
    with page.expect_download() as info:
        page.click(button)
    download = info.value
    with open(download.path(), "rb") as file:
        document = docx.Document(io.BytesIO(file.read()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return download.suggested_filename, "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_planners_bar_planning_download_contains_the_dates_shown_on_the_page(
    recorded_page: RecordedPage, site_url: str
) -> None:
    page = recorded_page.page
    page.goto(site_url + "rekenhulpen/planning/")
    button = 'button[data-document="8a-balkenplanning"]'
    ready(page, "planning")
    page.fill("#planning-bvp_start", "2027-09-06")
    expect(page.locator('[data-calculator="planning"] [data-status]')).to_have_text("Uitkomst bijgewerkt.")
    expect(page.locator("[data-document-note]")).to_be_hidden()
    name, text = download_text(page, button)
    assert name == "8a-balkenplanning-2027-09-06.docx"
    shown = page.locator("table[data-plan] tbody td").all_inner_texts()
    dates = [cell for cell in shown if cell[:1].isdigit() and " 20" in cell]
    assert len(dates) > 10
    for date in dates:
        assert date in text, date
    assert page.locator("[data-cell='bvp-start']").inner_text() in text
    assert "{{hb:" not in text
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


def test_without_javascript_the_page_offers_the_generic_bijlage(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "rekenhulpen/planning/")
    expect(page.locator('button[data-document="8a-balkenplanning"]')).to_be_hidden()
    note = page.locator("[data-document-note]")
    expect(note).to_be_visible()
    expect(note.locator("a")).to_have_attribute("href", "../../documenten/8a-balkenplanning.docx")
    context.close()


def test_the_5b_letter_contains_the_typed_names_and_bad_input_is_refused_next_to_the_field(
    recorded_page: RecordedPage, site_url: str
) -> None:
    page = recorded_page.page
    page.goto(site_url + "rekenhulpen/matching/")
    ready(page, "matching")
    page.select_option("#matching-a_route", "ssfh")
    page.fill("#matching-letter_candidate_a", "Noor & Jansen")
    page.fill("#matching-letter_practice_name", "Praktijk <De Brug>")
    page.fill("#matching-letter_bvp_start", "2027-02-01")
    expect(page.locator('[data-calculator="matching"] [data-status]')).to_have_text("Uitkomst bijgewerkt.")
    name, text = download_text(page, 'button[data-document="5b-a"]')
    assert name == "brieven-na-de-match-ssfh-noor-jansen.docx"
    assert "Beste Noor & Jansen," in text and "Je leerwerkplek bij Praktijk <De Brug>" in text
    assert "1 februari 2027" in text and "{{hb:" not in text
    assert "letter_candidate_a" not in page.url  # names never go into the shareable link
    page.fill("#matching-letter_practice_name", "x" * 101)
    error = page.locator('[data-error-for="letter_practice_name"]')
    expect(error).to_have_text("Maximaal 100 tekens; nu zijn het er 101.")
    expect(page.locator('button[data-document="5b-a"]')).to_have_count(0)  # no result, so no button
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


def test_the_document_messages_are_checked_on_both_sides() -> None:
    document = {"type": "document", "id": 4, "calculator": "planning", "document": "8a-balkenplanning",
                "template": "http://h/documenten/sjablonen/8a-balkenplanning.docx",
                "input": {"bvp_start": "2027-09-06"}}
    lines = check(
        ("to", document),
        ("to", {key: value for key, value in document.items() if key != "template"}),
        ("from", {"type": "file", "id": 4, "outcome": {"status": "invalid", "errors": {"x": "Vul in."}}}),
        ("from", {"type": "file", "id": 4, "outcome": {"status": "file", "name": "a.docx", "bytes": {}}}),
    )
    assert lines[0] == lines[2] == "ok"
    assert 'veld "template" is undefined' in lines[1]
    assert 'veld "bytes" is geen ArrayBuffer' in lines[3]
