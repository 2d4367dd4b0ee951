"""One visit each: what a reader opens, measured in a page with a network profile and a byte recorder."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator

from playwright.sync_api import BrowserContext, Page, Playwright

from bench.figures import CalculatorVisit, PlainVisit, WholeVisit
from bench.network import NetworkProfile, NetworkRecorder
from bench.pages import CALCULATOR_PAGE, PAINT_PROBE, PLAIN_PAGE
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

WAIT_MS = 180_000  # a cold visit on the slow profile on a busy 2-core machine
# A reader looks at the result for a moment before leaving; Chromium writes the compiled WebAssembly to its code
# cache only after tiering up in the background, so leaving at once would make every next visit compile again.
DWELL_MS = 5_000


@contextlib.contextmanager
def fresh_browser(playwright: Playwright) -> Iterator[BrowserContext]:
    """A new on-disk profile: an empty cache first, then a real HTTP cache (and compiled code) for the next visit."""
    folder = tempfile.mkdtemp(prefix="bench-profile-")
    context = playwright.chromium.launch_persistent_context(folder, executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def open_page(context: BrowserContext, profile: NetworkProfile, policy: str | None = None
              ) -> tuple[Page, NetworkRecorder]:
    page = context.pages[0] if context.pages else context.new_page()
    page.add_init_script(PAINT_PROBE)
    if policy:
        page.add_init_script(f"window.hbSnapshotPolicy = {policy!r};")
    return page, NetworkRecorder.attach(context, page, profile)


def paint(page: Page, key: str) -> float:
    page.wait_for_function(f"() => window.hbPaint && window.hbPaint.{key} !== undefined", timeout=WAIT_MS)
    return float(page.evaluate(f"window.hbPaint.{key}"))


def long_tasks(page: Page) -> tuple[tuple[float, float], ...]:
    tasks = page.evaluate("window.hbLongTasks")
    if tasks is None:
        raise RuntimeError("this Chromium reports no long tasks (PerformanceObserver 'longtask')")
    return tuple((float(start), float(duration)) for start, duration in tasks)


def show_assumptions(page: Page) -> None:
    """Open "Aannames aanpassen", where the hours field waits after the answer (calculators/_form.py)."""
    folded = page.locator('[data-calculator="kosten"] details[data-assumptions]')
    if folded.get_attribute("open") is None:
        folded.locator("summary").click()


def calculator_visit(page: Page, url: str, recorder: NetworkRecorder, path: str = CALCULATOR_PAGE,
                     wait_for_snapshot: bool = False) -> CalculatorVisit:
    """Open a calculator page and wait until it is live; on the cost page also time the first change's answer.

    With `wait_for_snapshot` (a first visit) the visit lasts until the idle-time prefetch has cached the snapshot,
    so the next visit can restore from it; either way the reader stays DWELL_MS on the page.
    """
    recorder.reset()
    page.goto(url + path, timeout=WAIT_MS)
    calculator = "[data-calculator]"
    page.wait_for_selector(f'{calculator}[data-runtime="ready"]', timeout=WAIT_MS)
    ready = float(page.get_attribute(calculator, "data-ready-at"))
    boot = page.get_attribute(calculator, "data-boot") or "?"
    live_bytes = recorder.total(within_s=ready / 1000)  # not what the idle-time prefetch adds right after
    for_later = recorder.for_later(within_s=ready / 1000)
    first, result = float("nan"), float("nan")
    if path == CALCULATOR_PAGE:
        show_assumptions(page)
        page.fill("#kosten-hours_per_week", "30")
        page.wait_for_selector(f'{calculator}[data-computed="1"]', timeout=WAIT_MS)
        first = float(page.get_attribute(calculator, "data-compute-ms"))
        result = paint(page, "result")
    if wait_for_snapshot and boot != "snapshot":  # the idle-time prefetch, for the next visit
        page.wait_for_selector(f"{calculator}[data-snapshot]", timeout=WAIT_MS)
    first_paint = paint(page, "fcp")
    page.wait_for_timeout(DWELL_MS)
    return CalculatorVisit(ready=ready, boot=boot, long_tasks=long_tasks(page), transferred_live=live_bytes,
                           for_later_live=for_later, transferred=recorder.total(), first_paint=first_paint,
                           result_visible=max(first_paint, result), first_recompute=first)


def bare_visit(page: Page, url: str) -> float:
    page.goto(url + "bare.html", timeout=WAIT_MS)
    page.wait_for_selector("body[data-ready-at]", state="attached", timeout=WAIT_MS)
    return float(page.get_attribute("body", "data-ready-at"))


def plain_visit(page: Page, url: str) -> PlainVisit:
    page.goto(url + PLAIN_PAGE, timeout=WAIT_MS, wait_until="load")
    loaded = float(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
    first_paint = paint(page, "fcp")
    page.wait_for_timeout(1000)  # long-task entries arrive after their task
    return PlainVisit(first_paint, loaded, long_tasks(page))


def recompute_latencies(page: Page, changes: int) -> list[float]:
    """Round trips of many changes after the calculator is live (its own debounce not counted)."""
    latencies = []
    calculator = "[data-calculator]"
    show_assumptions(page)
    for i in range(changes):
        before = int(page.get_attribute(calculator, "data-computed") or 0)
        page.fill("#kosten-hours_per_week", str(16 + i % 20))
        page.wait_for_function(f"() => Number(document.querySelector('{calculator}').dataset.computed) > {before}")
        latencies.append(float(page.get_attribute(calculator, "data-compute-ms")))
    return latencies


def whole_visit(context: BrowserContext, url: str, path: str, profile: NetworkProfile, seconds: int = 60,
                warm_seconds: int = 15) -> WholeVisit:
    page, recorder = open_page(context, profile)
    recorder.reset()
    page.goto(url + path, timeout=WAIT_MS)
    page.wait_for_timeout(seconds * 1000)
    first = recorder.total(seconds), recorder.total(seconds, "service_worker"), recorder.count()
    recorder.reset()
    page.goto(url + path, timeout=WAIT_MS)
    page.wait_for_timeout(warm_seconds * 1000)
    return WholeVisit(*first, recorder.total(warm_seconds))
