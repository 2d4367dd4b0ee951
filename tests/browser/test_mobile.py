"""On a phone (375 px wide): the page never scrolls sideways, wide tables and the Gantt chart scroll in
their own region, the calculators' fields and buttons fit. Full-page screenshots go to
test-artifacts/screenshots/ for a human look (the folder is printed once, in the terminal summary)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 375, 812
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
BOOT_TIMEOUT = 60_000
PAGES = {
    "start": "",
    "stap-6-regelzaken": "stappen/stap-6-regelzaken/",
    "gegevens-salaris-en-cao": "gegevens/salaris-en-cao/",
    "rekenhulp-kosten": "rekenhulpen/kosten/",
    "rekenhulp-planning": "rekenhulpen/planning/",
}


class _ArtifactsNote:
    """Prints where the screenshots are, once, at the end of the run."""

    def pytest_terminal_summary(self, terminalreporter) -> None:  # noqa: ANN001 - pytest hook signature
        terminalreporter.write_line(f"Screenshots at {WIDTH} px: {SCREENSHOTS}")


@pytest.fixture(scope="session")
def screenshots_dir(request: pytest.FixtureRequest) -> Iterator[str]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    manager = request.config.pluginmanager
    if not manager.has_plugin("hb-screenshots"):
        manager.register(_ArtifactsNote(), "hb-screenshots")
    yield str(SCREENSHOTS)


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1,
        is_mobile=True, has_touch=True,
    )
    yield context
    context.close()


def overflowing(page: Page) -> list[str]:
    """Elements that stick out to the right of the viewport, outside any element that scrolls them."""
    return page.evaluate(
        """(width) => {
          const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (["auto", "scroll", "hidden"].includes(style.overflowX) && p !== document.documentElement
                && p !== document.body) return true; }
            return false; };
          return [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length && !scrolls(e))
            .slice(0, 10).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`);
        }""",
        WIDTH,
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_a_phone_and_is_captured(
    phone: BrowserContext, site_url: str, screenshots_dir: str, name: str
) -> None:
    page = phone.new_page()
    try:
        page.goto(site_url + PAGES[name])
        calculator = page.locator("[data-calculator]")
        if calculator.count():
            page.wait_for_selector("[data-calculator][data-runtime='ready']", timeout=BOOT_TIMEOUT)
        page.screenshot(path=f"{screenshots_dir}/{name}.png", full_page=True)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= WIDTH + 1, f"/{PAGES[name]} scrolls sideways ({scroll_width} px): {overflowing(page)}"
        # Wide tables scroll inside their own wrapper, never the page.
        for table in page.locator(".hb-table").all():
            box = table.bounding_box()
            assert box is None or box["x"] >= 0 and box["x"] + box["width"] <= WIDTH + 1
        if calculator.count():
            # Every field and button fits on the screen.
            for control in page.locator(".hb-calc__form input:visible, .hb-calc__form select:visible, "
                                        "[data-copy-link], .hb-planning__downloads .md-button").all():
                box = control.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH + 1, control.get_attribute("id")
    finally:
        page.close()


def test_gantt_chart_stays_readable_on_a_phone(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    try:
        page.goto(site_url + "rekenhulpen/planning/")
        page.wait_for_selector("[data-calculator='planning'][data-runtime='ready']", timeout=BOOT_TIMEOUT)
        # Two charts: the preparation, and the two study years after the start.
        assert page.locator("svg.hb-gantt").count() == 2
        for index in range(2):
            chart = page.locator("svg.hb-gantt").nth(index)
            scroller = page.locator(".hb-gantt__scroll").nth(index)
            scroller.scroll_into_view_if_needed()
            # Shrunk to the phone's width the labels would be about 5 px high; the chart keeps a readable size
            # and its region scrolls sideways instead.
            view_width = float(chart.get_attribute("viewBox").split()[2])
            scale = chart.bounding_box()["width"] / view_width
            label = chart.locator(".hb-gantt__label").first.evaluate(
                "(e) => parseFloat(getComputedStyle(e).fontSize)")
            assert label * scale >= 10, f"Gantt labels rendered at {label * scale:.1f} px"
            assert scroller.evaluate("(e) => e.scrollWidth > e.clientWidth")
            expect(scroller).to_have_attribute("tabindex", "0")
            assert scroller.evaluate(
                "(e) => { const x = e.scrollLeft; e.scrollBy(200, 0); return e.scrollLeft > x; }")
    finally:
        page.close()
