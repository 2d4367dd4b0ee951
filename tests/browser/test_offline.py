"""Offline use: after one visit the handbook and a calculator work without a network, published versions (mike)
keep each other's offline copies, a connection that saves data gets no precaching, and no file comes twice."""

from __future__ import annotations

import collections
import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from handbook_build.offline import pyodide_release, write_service_worker
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, watch_csp
from tests.browser.test_runtime import BOOT_TIMEOUT, assert_summary_matches
from tests.conftest import _QuietHandler

pytestmark = pytest.mark.browser

STEP = "stappen/stap-6-regelzaken/"
CALCULATOR = "rekenhulpen/kosten/"
VERSIONS = ("2026.1", "2027.1")


class _CountingHandler(_QuietHandler):
    counts: collections.Counter  # set per server: path -> GET requests that reached the server

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.counts[self.path.split("?")[0]] += 1
        super().do_GET()


@contextlib.contextmanager
def serve(root: Path) -> Iterator[tuple[str, collections.Counter]]:
    """Serve `root` on 127.0.0.1, counting the requests per path (what really went over the network)."""
    counts: collections.Counter = collections.Counter()
    handler = type("Handler", (_CountingHandler,), {"counts": counts})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counts
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def mike_root(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two published versions side by side as mike lays them out: <root>/<version>/ and versions.json.

    The second is the session's site (hard links, cheap) with one page changed and its worker written again by
    the plain pipeline step, so it has a different build version, as a later release would.
    """
    root = tmp_path_factory.mktemp("mike")
    for version in VERSIONS:
        shutil.copytree(built_site, root / version, copy_function=os.link)
    later = root / VERSIONS[1]
    for name in ("index.html", "sw.js"):  # replace, never write through a hard link into the first version
        text = (later / name).read_text(encoding="utf-8")
        (later / name).unlink()
        (later / name).write_text(text + ("\n<!-- 2027.1 -->\n" if name == "index.html" else ""), encoding="utf-8")
    write_service_worker(later)
    (root / "versions.json").write_text(json.dumps([{"version": v, "title": v, "aliases": []} for v in VERSIONS]))
    return root


def new_context(browser: Browser, save_data: bool = False) -> BrowserContext:
    context = browser.new_context(locale="nl-NL", service_workers="allow")
    if save_data:  # what Chromium reports with the data saver on (Playwright cannot switch it on)
        context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}});")
    return context


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def cached_urls(page: Page, prefix: str) -> list[str]:
    return page.evaluate(
        """async (prefix) => { const urls = [];
             for (const name of await caches.keys()) if (name.startsWith(prefix))
               for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
             return urls; }""",
        prefix,
    )


def open_and_keep(page: Page, url: str) -> None:
    """Open a plain page, then a second one, and wait until the worker has precached the handbook in idle time.

    The first page of a first visit keeps only itself (asserted here), so a one-page visit stays small."""
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("data-offline", "page")
    page.goto(url + STEP)
    expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=BOOT_TIMEOUT)


def test_two_published_versions_both_work_offline(browser: Browser, mike_root: Path) -> None:
    context = new_context(browser)
    page = context.new_page()
    with serve(mike_root) as (url, _):
        try:
            open_and_keep(page, f"{url}{VERSIONS[0]}/")
            # Runtime caches of two Pyodide releases: the one both versions use, and one that nothing uses any more.
            release = pyodide_release(mike_root / VERSIONS[0])
            page.evaluate("(names) => Promise.all(names.map(name => caches.open(name)))",
                          [f"hb-pyodide:{release}", "hb-pyodide:0.27.0"])
            open_and_keep(page, f"{url}{VERSIONS[1]}/")
            names = cache_names(page)
            assert f"hb-pyodide:{release}" in names and "hb-pyodide:0.27.0" not in names, names
            users = page.evaluate("caches.match(new URL('/hb-index/pyodide-by-scope.json', location.href).href)"
                                  ".then(response => response.json())")
            assert users == {f"/{version}/": release for version in VERSIONS}
            for version in VERSIONS:  # the later version's worker left the first version's cache alone
                assert sum(name.startswith(f"hb-site:/{version}/:") for name in names) == 1, names
            context.set_offline(True)
            for version in VERSIONS:
                page.goto(f"{url}{version}/{STEP}")
                expect(page.locator("article h1")).to_contain_text("Stap 6")
                page.goto(f"{url}{version}/")
                expect(page.locator("article")).to_contain_text("zij-instromer")
        finally:
            context.close()


def test_saving_data_keeps_only_the_page_that_was_read(browser: Browser, mike_root: Path) -> None:
    context = new_context(browser, save_data=True)
    page = context.new_page()
    with serve(mike_root) as (url, counts):
        try:
            page.goto(f"{url}{VERSIONS[0]}/{STEP}")
            expect(page.locator("html")).to_have_attribute("data-offline", "save-data")
            kept = f"{url}{VERSIONS[0]}/{STEP}"
            page.wait_for_function("(url) => caches.match(url).then(Boolean)", arg=kept, timeout=BOOT_TIMEOUT)
            urls = cached_urls(page, "hb-site:")
            assert kept in urls and not any("stap-5" in cached for cached in urls), urls
            assert not any("stap-5" in path for path in counts), "precached on a connection that saves data"
            context.set_offline(True)
            page.reload()
            expect(page.locator("article h1")).to_contain_text("Stap 6")
        finally:
            context.close()


def test_a_calculator_works_offline_after_one_visit_and_downloads_its_webassembly_once(
    playwright_instance: Playwright, generator_site: Path, tmp_path: Path
) -> None:
    built_site = generator_site  # MkDocs' build and Zensical's: on both a calculator goes live, then works offline
    # A profile on disk, as a reader's browser has: its HTTP cache keeps the 9.6 MB WebAssembly file, which the
    # service worker then takes from there. (A private window's memory cache does not keep a file that large;
    # the worker then keeps it on the next visit, when it sees the page fetch it, still never downloading it twice.)
    context = watch_csp(playwright_instance.chromium.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_FLAGS, locale="nl-NL", service_workers="allow"))
    page = context.new_page()
    with serve(built_site) as (url, counts):
        try:
            page.goto(url + CALCULATOR)
            page.wait_for_selector('[data-calculator="kosten"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
            expect(page.locator("html")).to_have_attribute("data-offline", "page")
            # The page handed the runtime to the service worker, which takes it from the browser's cache.
            page.wait_for_function(
                "() => caches.keys().then(names => Promise.all(names.filter(n => n.startsWith('hb-pyodide:'))"
                ".map(n => caches.open(n).then(c => c.keys()))))"
                ".then(k => k.flat().some(r => r.url.endsWith('.wasm')))",
                timeout=BOOT_TIMEOUT,
            )
            wasm = [path for path in counts if path.endswith("/pyodide.asm.wasm")]
            assert len(wasm) == 1 and counts[wasm[0]] == 1, dict(counts)
            page.goto(url + STEP)  # the second page: now the rest of the handbook follows
            expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=BOOT_TIMEOUT)
            assert counts[wasm[0]] == 1
            context.set_offline(True)
            page.goto(url + "stappen/stap-5-matching/")
            expect(page.locator("article h1")).to_contain_text("Stap 5")
            page.goto(url + CALCULATOR + "?hours_per_week=30")
            page.wait_for_selector('[data-calculator="kosten"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
            expect(page.locator('[data-calculator="kosten"] p[data-status]')).to_have_text("Uitkomst bijgewerkt.")
            assert_summary_matches(page, {"hours_per_week": "30"})
            before = int(page.get_attribute('[data-calculator="kosten"]', "data-computed"))
            page.fill("#kosten-hours_per_week", "20")
            expect(page.locator('[data-calculator="kosten"]')).to_have_attribute("data-computed", str(before + 1))
            assert_summary_matches(page, {"hours_per_week": "20"})
        finally:
            context.close()
