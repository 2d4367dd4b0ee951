"""After one visit the handbook and a calculator keep working without a network (service worker)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_runtime import BOOT_TIMEOUT, assert_summary_matches

pytestmark = pytest.mark.browser


def test_offline_after_one_visit(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="nl-NL", service_workers="allow")
    page = context.new_page()
    try:
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(site_url + "rekenhulpen/kosten/")
        page.wait_for_selector('[data-calculator="kosten"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
        # The page asked the service worker to keep the runtime; wait until it holds the WebAssembly file.
        page.wait_for_function(
            "() => caches.open('hb-runtime').then(c => c.keys()).then(k => k.some(r => r.url.endsWith('.wasm')))",
            timeout=BOOT_TIMEOUT,
        )
        context.set_offline(True)
        page.goto(site_url + "stappen/stap-6-regelzaken/")
        expect(page.locator("article h1")).to_contain_text("Stap 6")
        page.goto(site_url + "rekenhulpen/kosten/?hours_per_week=30")
        page.wait_for_selector('[data-calculator="kosten"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
        expect(page.locator('[data-calculator="kosten"] p[data-status]')).to_have_text("Uitkomst bijgewerkt.")
        assert_summary_matches(page, {"hours_per_week": "30"})
        before = int(page.get_attribute('[data-calculator="kosten"]', "data-computed"))
        page.fill("#kosten-hours_per_week", "20")
        expect(page.locator('[data-calculator="kosten"]')).to_have_attribute("data-computed", str(before + 1))
        assert_summary_matches(page, {"hours_per_week": "20"})
    finally:
        context.close()
