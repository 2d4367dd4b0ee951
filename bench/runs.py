"""The measurements of one condition (network and CPU profile, gzip on or off), side by side with the bare core."""

from __future__ import annotations

import os

from playwright.sync_api import Playwright

from bench.figures import ConditionFigures, RunFigures
from bench.pages import CALCULATOR_PAGE, CHOSEN_QUERY, PLAIN_PAGE
from bench.visits import (
    WAIT_MS,
    bare_visit,
    calculator_visit,
    fresh_browser,
    open_page,
    plain_visit,
    recompute_latencies,
    whole_visit,
)

# None: the site's own policy. The levers, on the cost page only (--levers): "fetch" fetches the snapshot before
# booting on a first visit (what the site did on fast connections before), "none" never restores from it (a plain
# boot on the next visit too), through window.hbSnapshotPolicy.
VARIANTS = {"site": None, "fetch": "fetch", "none": "none"}


def load_average() -> float:
    return os.getloadavg()[0]


def one_run(playwright: Playwright, url: str, figures: ConditionFigures, pages: tuple[str, ...],
            variants: tuple[str, ...]) -> None:
    profile = figures.condition.profile
    load = load_average()
    with fresh_browser(playwright) as context:
        page, recorder = open_page(context, profile)
        recorder.reset()
        bare_cold = bare_visit(page, url)
        bare_bytes = recorder.total()
        bare_warm = bare_visit(page, url)
    run = RunFigures(bare_cold, bare_warm, bare_bytes, load_before=load)
    for path in pages:
        for variant in variants if path == CALCULATOR_PAGE else ("site",):
            with fresh_browser(playwright) as context:
                page, recorder = open_page(context, profile, VARIANTS[variant])
                first = calculator_visit(page, url, recorder, path, wait_for_snapshot=True)
                run.visits[(path, variant)] = (first, calculator_visit(page, url, recorder, path))
    with fresh_browser(playwright) as context:
        page, _ = open_page(context, profile)
        run.plain = plain_visit(page, url)
    run.load_after = load_average()
    figures.runs.append(run)


def recompute_run(playwright: Playwright, url: str, figures: ConditionFigures, changes: int) -> None:
    with fresh_browser(playwright) as context:
        page, recorder = open_page(context, figures.condition.profile)
        figures.recompute_visits.append(calculator_visit(page, url, recorder))
        figures.latencies = recompute_latencies(page, changes)
        page.goto(url + CALCULATOR_PAGE + CHOSEN_QUERY, timeout=WAIT_MS)
        page.wait_for_selector('[data-calculator][data-computed="1"]', timeout=WAIT_MS)  # the linked state
        figures.chosen_latencies = recompute_latencies(page, changes)


def whole_visit_run(playwright: Playwright, url: str, figures: ConditionFigures, seconds: int) -> None:
    for label, path in (("plain", PLAIN_PAGE), ("calculator", CALCULATOR_PAGE)):
        with fresh_browser(playwright) as context:
            figures.whole[label] = whole_visit(context, url, path, figures.condition.profile, seconds)
