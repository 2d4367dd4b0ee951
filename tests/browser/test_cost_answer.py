"""The GP's answer first: the route questions pick the route, headline and chart follow live, and the answer
prints on at most two A4 pages."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from calculators import run
from calculators._format import long_date
from tests.browser.conftest import RecordedPage
from tests.browser.test_runtime import BUNDLE, show_assumptions, wait_until
from tests.cases.key_figures import key_figures

pytestmark = pytest.mark.browser

CALCULATOR = "rekenhulpen/kosten/"


def expected(raw: dict[str, str]) -> dict[str, str]:
    return key_figures(run("kosten", BUNDLE, raw))["figures"]


def shown(page: Page, cell: str) -> str:
    return " ".join(page.locator(f'[data-result] [data-cell="{cell}"]').inner_text().replace("\u00a0", " ").split())


def test_route_questions_pick_the_route_and_headline_and_chart_follow(
    recorded_page: RecordedPage, site_url: str
) -> None:
    page = recorded_page.page
    page.goto(site_url + CALCULATOR)
    expect(page.locator(".hb-cost__prompt")).to_be_visible()  # pre-rendered: questions open, routes side by side
    wait_until(page, "ready")
    page.select_option("#kosten-uwv_benefit", "ja")
    expect(page.locator('[data-result] [data-cell="route"]')).to_have_text("UWV")
    want = expected({"uwv_benefit": "ja"})
    for cell in ("month.typical", "month.lowest", "month.highest", "total"):
        assert shown(page, cell) == want[cell], cell
    chart = page.locator("[data-result] svg.hb-chart")
    expect(chart).to_have_attribute("role", "img")
    assert chart.locator("rect[data-kind]").count() > 24
    assert parse_qs(urlsplit(page.url).query) == {"uwv_benefit": ["ja"]}
    # The other routes stay one click away: the live answer leaves them out until the block is opened.
    compare = page.locator("details.hb-cost__compare")
    expect(compare).to_have_attribute("data-part-empty", "")
    compare.locator("summary").click()
    expect(compare.locator("table[data-summary]")).to_be_visible()
    expect(compare).not_to_have_attribute("data-part-empty", "")

    page.select_option("#kosten-uwv_benefit", "nee")
    page.select_option("#kosten-from_other_job", "ja")
    expect(page.locator('[data-result] [data-cell="route"]')).to_have_text("SSFH")
    show_assumptions(page)
    page.fill("#kosten-hours_per_week", "30")
    raw = {"uwv_benefit": "nee", "from_other_job": "ja", "hours_per_week": "30"}
    want = expected(raw)
    page.wait_for_function(
        "(want) => document.querySelector('[data-result] [data-cell=\"total\"]')"
        "?.innerText.replace(/\\s+/g, ' ') === want",
        arg=want["total"],
    )
    assert shown(page, "month.typical") == want["month.typical"]
    # The block the reader opened stays open, in full, after each recompute.
    expect(compare).to_have_attribute("open", "")
    expect(compare.locator("table[data-summary] [data-route='uwv'] [data-cell='cost']")).to_have_text(want["uwv.cost"])
    # The aanvraagplan's calendar file is made when its button is pressed, with the plan's dates.
    with page.expect_download() as info:
        page.locator('.hb-calc__route [data-part-file="ics:ssfh"]').click()
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
    assert info.value.suggested_filename == "aanvraagplan-ssfh.ics"
    events = [event for event in calendar.walk("VEVENT")]
    deadlines = {cell.inner_text() for cell in page.locator('[data-plan="ssfh"] [data-plan-cell="deadline"]').all()}
    assert events and {long_date(event.decoded("DTSTART")) for event in events} <= deadlines | {
        cell.inner_text() for cell in page.locator('[data-plan="ssfh"] [data-plan-cell="opens"]').all()}
    # The chart draws with the text colour (currentColor): the net line follows the palette toggle.
    stroke = "() => getComputedStyle(document.querySelector('[data-result] .hb-chart__net')).stroke"
    light = page.evaluate(stroke)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate(stroke)
    assert light != dark
    assert dark == page.evaluate("() => getComputedStyle(document.querySelector('[data-result] .hb-chart')).color")
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


def test_the_answer_prints_on_at_most_two_a4_pages(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + CALCULATOR + "?uwv_benefit=nee&from_other_job=ja")
    wait_until(page, "ready")
    expect(page.locator("[data-result] svg.hb-chart")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".hb-cost__headline")).to_be_visible()
    expect(page.locator(".hb-calc__assumptions li").first).to_be_visible()
    assert page.locator(".hb-cost__compare").evaluate("(e) => getComputedStyle(e).display") == "none"
    pdf = PdfReader(BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Kasstroom per maand" in text and "Gebruikte gegevens en aannames" in text
    assert 1 <= len(pdf.pages) <= 2, f"{len(pdf.pages)} pages"
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []
