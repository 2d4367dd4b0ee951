"""The answer first, on any screen: on the built cost page in Chromium, once the two route questions are answered
the headline starts at most one screen height below them, with the assumptions after the answer, and no text in
the cash-flow chart renders under 11 px (at 390 x 844, device scale 1; before this layout the headline stood 2.8
screen heights down and the chart's labels at 6 px)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.test_runtime import CALCULATOR, wait_until

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
SMALLEST_TEXT_PX = 11
# Answers that pick a route (SSFH: uncertain subsidies and payout markers, so every kind of chart text shows).
ANSWERS = {"uwv_benefit": "nee", "from_other_job": "ja"}

# Page positions (px from the top of the document) of the parts, and every chart text the reader can see: its
# rendered size (computed font size times the scale from SVG units to screen pixels) and its box on screen.
MEASURE = """() => {
  const box = (selector) => document.querySelector(selector).getBoundingClientRect();
  const at = (rect) => ({ top: rect.top + scrollY, bottom: rect.bottom + scrollY });
  const texts = [...document.querySelectorAll("[data-result] svg.hb-chart text")]
    .filter((text) => text.checkVisibility())
    .map((text) => {
      const rect = text.getBoundingClientRect();
      const px = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
      const month = text.classList.contains("hb-chart__month");
      return { text: text.textContent, px, left: rect.left, right: rect.right, month };
    });
  return { questions: at(box('form[data-calculator-form="kosten"]')), assumptions: at(box("details[data-assumptions]")),
           headline: at(box("[data-result] .hb-cost__headline")), texts };
}"""


def open_page(browser: Browser, site_url: str, viewport: dict, **options: object) -> tuple[BrowserContext, Page]:
    context = browser.new_context(locale="nl-NL", viewport=viewport, device_scale_factor=1,
                                  service_workers="block", **options)
    page = context.new_page()
    page.goto(site_url + CALCULATOR)
    return context, page


def answer_route_questions(page: Page) -> dict:
    wait_until(page, "ready")
    for name, value in ANSWERS.items():
        page.select_option(f"#kosten-{name}", value)
    expect(page.locator('[data-result] [data-cell="route"]')).to_have_text("SSFH")
    return page.evaluate(MEASURE)


def assert_chart_text_is_legible(texts: list[dict], width: int) -> None:
    assert len(texts) >= 8, texts  # axis amounts, months and payout markers: the check cannot pass on nothing
    small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < SMALLEST_TEXT_PX]
    assert small == [], f"chart text under {SMALLEST_TEXT_PX} px: {small}"
    outside = [t["text"] for t in texts if t["left"] < 0 or t["right"] > width]
    assert outside == [], f"chart text cut off at the screen's edge: {outside}"


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    context, page = open_page(browser, site_url, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


def test_on_a_phone_the_headline_follows_the_route_questions_within_one_screen(phone: Page) -> None:
    found = answer_route_questions(phone)
    gap = found["headline"]["top"] - found["questions"]["bottom"]
    assert 0 < gap <= PHONE["height"], f"headline {gap:.0f} px below the route questions"
    assert found["assumptions"]["top"] > found["headline"]["bottom"]
    expect(phone.locator("details[data-assumptions]")).not_to_have_attribute("open", "")
    assert_chart_text_is_legible(found["texts"], PHONE["width"])
    # Fewer month labels on a narrow chart: at most four, none overlapping the next.
    months = sorted((t for t in found["texts"] if t["month"]), key=lambda t: t["left"])
    assert 2 <= len(months) <= 4, [t["text"] for t in months]
    assert all(a["right"] < b["left"] for a, b in zip(months, months[1:], strict=False))


def test_on_a_laptop_the_headline_stands_above_the_assumptions(browser: Browser, site_url: str) -> None:
    context, page = open_page(browser, site_url, LAPTOP)
    try:
        found = answer_route_questions(page)
        assert found["questions"]["bottom"] < found["headline"]["top"] < found["assumptions"]["top"]
        assert found["headline"]["top"] - found["questions"]["bottom"] <= LAPTOP["height"]
        assert_chart_text_is_legible(found["texts"], LAPTOP["width"])
        assert len([t for t in found["texts"] if t["month"]]) > 4  # a wide chart labels more months
    finally:
        context.close()


FIELD_TOP = "(field) => field.getBoundingClientRect().top"


@pytest.mark.parametrize("anchoring", ["browser", "none"])
def test_an_assumption_being_edited_stays_in_place_when_the_answer_changes(
    phone: Page, anchoring: str
) -> None:
    """The answer above changes height on every keystroke (an invalid value leaves one line); the field being
    typed in stays put. "none": without the browser's scroll anchoring, as in Safari, runtime.js keeps it."""
    page = phone
    answer_route_questions(page)
    if anchoring == "none":
        page.evaluate("() => { for (const e of [document.documentElement, document.body]) "
                      "e.style.overflowAnchor = 'none'; }")
    page.locator("[data-open-assumptions]").click()
    expect(page.locator("details[data-assumptions]")).to_have_attribute("open", "")
    field = page.locator("#kosten-hours_per_week")
    field.evaluate("(field) => field.scrollIntoView({ block: 'center' })")
    top = field.evaluate(FIELD_TOP)
    status = page.locator("[data-status]")
    for value, message in (("1", "1 veld moet worden aangepast."), ("30", "Uitkomst bijgewerkt.")):
        field.fill(value)
        expect(status).to_have_text(message)
        assert abs(field.evaluate(FIELD_TOP) - top) < 2, (value, top, field.evaluate(FIELD_TOP))
    expect(field).to_be_focused()


def test_without_javascript_the_answer_stands_between_questions_and_assumptions(
    browser: Browser, site_url: str
) -> None:
    context, page = open_page(browser, site_url, PHONE, java_script_enabled=False)
    try:
        order = page.evaluate("""() => [...document.querySelectorAll(
            '[data-calculator="kosten"] :is(form[data-calculator-form], [data-result], details[data-assumptions])')]
            .map((e) => e.tagName.toLowerCase())""")
        assert order == ["form", "div", "details"]
        assumptions = page.locator("details[data-assumptions]")
        expect(assumptions).not_to_have_attribute("open", "")
        expect(page.locator("#kosten-hours_per_week")).to_be_hidden()
        page.locator("[data-open-assumptions]").click()  # the link's target is inside: the browser opens the block
        expect(assumptions).to_have_attribute("open", "")
        expect(page.locator("#kosten-hours_per_week")).to_be_visible()
    finally:
        context.close()


def test_a_shared_link_with_a_changed_assumption_shows_it(phone: Page, site_url: str) -> None:
    page = phone
    hours = "31" if page.locator("#kosten-hours_per_week").input_value() == "30" else "30"  # not the default
    page.goto(site_url + CALCULATOR + f"?uwv_benefit=nee&from_other_job=ja&hours_per_week={hours}")
    wait_until(page, "ready")
    expect(page.locator("details[data-assumptions]")).to_have_attribute("open", "")
    expect(page.locator("#kosten-hours_per_week")).to_be_visible()
    expect(page.locator("#kosten-hours_per_week")).to_have_value(hours)
