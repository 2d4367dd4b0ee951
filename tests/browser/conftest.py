"""Playwright against Debian's Chromium (never a downloaded browser), recording every request.

Every browser context a test opens watches the Content-Security-Policy (handbook_build/html_fixes.py): a
`securitypolicyviolation` event in a page or a "Content Security Policy" console message (also from the
worker) fails the test that was running, with page and directive.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

if TYPE_CHECKING:
    from tests.browser.test_wcag22 import Walk

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


# Runs in every page before its own scripts (an init script is not subject to the page's policy).
WATCH_CSP = """document.addEventListener("securitypolicyviolation", (event) => console.error(
  `CSP-violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:`
  + `${event.lineNumber} (${event.sample})`));"""
CSP_MARKERS = ("CSP-violation", "Content Security Policy", "Content-Security-Policy")

# Every violation seen since the running test started: "page URL: message".
CSP_VIOLATIONS: list[str] = []


def _record(page: Page, text: str) -> None:
    if any(marker in text for marker in CSP_MARKERS):
        CSP_VIOLATIONS.append(f"{page.url}: {text}")


def _watch_page(page: Page) -> None:
    page.on("console", lambda message: _record(page, message.text))
    page.on("pageerror", lambda error: _record(page, str(error)))  # e.g. an eval the policy refused


def watch_csp(context: BrowserContext) -> BrowserContext:
    """Report every Content-Security-Policy violation in this context's pages into CSP_VIOLATIONS."""
    context.add_init_script(WATCH_CSP)
    context.on("page", _watch_page)
    return context


class WatchedBrowser:
    """The launched Chromium, whose new contexts all watch the Content-Security-Policy."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser

    def new_context(self, **options: object) -> BrowserContext:
        return watch_csp(self._browser.new_context(**options))

    def __getattr__(self, name: str) -> object:
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: run ./tasks test, which installs Debian's chromium"
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield WatchedBrowser(browser)  # type: ignore[misc]  # a Browser in every way the tests use
    browser.close()


@pytest.fixture(autouse=True)
def no_csp_violations() -> Iterator[None]:
    """Fail the test if any page it drove broke the site's Content-Security-Policy."""
    CSP_VIOLATIONS.clear()
    yield
    found, CSP_VIOLATIONS[:] = list(CSP_VIOLATIONS), []
    assert not found, "Content-Security-Policy violations:\n" + "\n".join(found[:20])


@dataclass
class RecordedPage:
    page: Page
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self, allowed_host: str) -> list[str]:
        return [
            url for url in self.requests
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != allowed_host
        ]


@pytest.fixture
def recorded_page(browser: Browser) -> Iterator[RecordedPage]:
    """A fresh page in a fresh context; every request it makes is recorded."""
    context = browser.new_context(locale="nl-NL", service_workers="block")  # the offline test allows them
    page = context.new_page()
    recorded = RecordedPage(page)
    page.on("request", lambda request: recorded.requests.append(request.url))
    yield recorded
    context.close()


@pytest.fixture(scope="session")
def desktop_walk(browser: Browser, site_url: str, built_site: Path) -> Walk:
    """Every page opened once on a desktop and measured (tests/browser/test_wcag22.py), for the WCAG 2.2 checks
    there and the policy check in test_csp.py: one walk instead of two."""
    from tests.browser.test_wcag22 import walk_every_page  # the measuring scripts live with their tests

    return walk_every_page(browser, site_url, built_site, "desktop")


@pytest.fixture(params=["site_url", "zensical_site_url"], ids=["mkdocs", "zensical"])
def generator_site_url(request: pytest.FixtureRequest) -> str:
    """Each generator's build, served: for the reader's tests that must pass on the MkDocs and the Zensical site."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["built_site", "zensical_site"], ids=["mkdocs", "zensical"])
def generator_site(request: pytest.FixtureRequest) -> Path:
    """Each generator's build folder (the MkDocs build of the session, the Zensical build of tests/conftest.py)."""
    return request.getfixturevalue(request.param)
