"""Privacy enforced by the browser: every page carries a Content-Security-Policy (handbook_build/html_fixes.py) that
allows only this site, and the browser refuses anything else. Violations on any page a browser test opens
fail that test (tests/browser/conftest.py); here every page, 404 and the calculators are opened on purpose."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Route

from tests.browser.conftest import CSP_VIOLATIONS
from tests.browser.test_html_valid import built_html
from tests.browser.test_wcag22 import Walk

pytestmark = pytest.mark.browser

META = re.compile(r'<head>\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">')
REQUIRED = {
    "default-src": "'self'",
    "connect-src": "'self'",
    "font-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
}


def policy_of(text: str) -> dict[str, list[str]]:
    match = META.search(text)
    assert match, "no Content-Security-Policy right after <meta charset>"
    return {name: values for name, *values in (part.split() for part in match.group(1).split(";"))}


def test_every_built_page_carries_a_same_origin_policy(built_site: Path) -> None:
    for path in built_html(built_site):
        name = path.relative_to(built_site).as_posix()
        policy = policy_of(path.read_text(encoding="utf-8"))
        for directive, value in REQUIRED.items():
            assert policy.get(directive) == [value], (name, directive, policy.get(directive))
        assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"], name
        assert all(source.startswith("'sha256-") for source in policy["script-src"][2:]), name
        assert all(source == "'self'" or source.startswith("'sha256-") for source in policy["style-src"]), name


def test_the_browser_refuses_what_the_policy_does_not_allow(browser: Browser, site_url: str) -> None:
    """The check can fail: an injected inline script and a foreign image are blocked and reported."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    try:
        page = context.new_page()
        page.goto(site_url)
        ran = page.evaluate("""() => new Promise((resolve) => {
          window.hbInjected = false;
          const script = document.createElement("script");
          script.textContent = "window.hbInjected = true";
          document.head.append(script);
          const image = new Image();
          image.src = "https://example.org/pixel.png";
          setTimeout(() => resolve(window.hbInjected), 300);
        })""")
        assert ran is False
        blocked = "\n".join(CSP_VIOLATIONS)
        assert "script-src" in blocked and "img-src" in blocked, blocked
    finally:
        CSP_VIOLATIONS.clear()  # expected here; any other test fails on them
        context.close()


def _site_root_route(prefix: str):  # noqa: ANN202 - a Playwright route handler
    """404.html links its assets from the published path (site_url); the test server serves the site at /."""
    def handle(route: Route) -> None:
        url = route.request.url
        route.continue_(url=url.replace(prefix, "/", 1))
    return handle


def test_no_page_breaks_the_policy(desktop_walk: Walk, browser: Browser, site_url: str, built_site: Path) -> None:
    # Every page (404 apart) opened once, calculators booted: the WCAG 2.2 walk (tests/browser/conftest.py).
    opened = [measure.path for measure in desktop_walk.measures]
    assert "print_page/" in opened and "rekenhulpen/planning/" in opened
    assert len(opened) == len(built_html(built_site)) - 1
    assert not desktop_walk.csp_violations, "Content-Security-Policy violations:\n" + "\n".join(
        desktop_walk.csp_violations[:20])
    not_ready = [f"/{m.path}: {m.runtime}" for m in desktop_walk.measures if m.runtime not in (None, "ready")]
    assert not not_ready, not_ready
    context = browser.new_context(locale="nl-NL", service_workers="block")
    try:
        page = context.new_page()
        # 404 as a static host serves it: at any missing address under the published path.
        prefix = urlsplit(re.search(r'href="([^"]*)assets/stylesheets/main',
                                    (built_site / "404.html").read_text(encoding="utf-8")).group(1)).path
        page.route(re.compile(re.escape(prefix)), _site_root_route(prefix))
        page.goto(site_url.rstrip("/") + prefix + "404.html")
        assert page.locator("h1").first.inner_text().strip() == "Pagina niet gevonden"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    finally:
        context.close()
