"""The measurements of one profile, side by side with the bare core in the same run."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Playwright

from bench.network import NetworkProfile
from bench.pages import CALCULATOR_PAGE, CHOSEN_QUERY, PLAIN_PAGE
from bench.visits import (
    WAIT_MS,
    CalculatorVisit,
    WholeVisit,
    bare_visit,
    calculator_visit,
    fresh_browser,
    open_page,
    plain_first_paint,
    recompute_latencies,
    whole_visit,
)

# None: the site's own policy; "cached"/"fetch": forced through window.hbSnapshotPolicy to compare levers.
VARIANTS = {"site": None, "cached": "cached", "fetch": "fetch"}


@dataclass
class ProfileFigures:
    profile: NetworkProfile
    cold: dict[str, list[CalculatorVisit]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    warm: dict[str, list[CalculatorVisit]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    bare_cold: list[float] = field(default_factory=list)
    bare_warm: list[float] = field(default_factory=list)
    bare_bytes: list[int] = field(default_factory=list)
    plain_paint: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # the default page: route questions open, 3 routes
    chosen_latencies: list[float] = field(default_factory=list)  # a route chosen (CHOSEN_QUERY)
    recompute_visits: list[CalculatorVisit] = field(default_factory=list)  # the visits the latencies follow
    whole: dict[str, WholeVisit] = field(default_factory=dict)


def one_run(playwright: Playwright, url: str, figures: ProfileFigures) -> None:
    profile = figures.profile
    for variant, policy in VARIANTS.items():
        with fresh_browser(playwright) as context:
            page, recorder = open_page(context, profile, policy)
            figures.cold[variant].append(calculator_visit(page, url, recorder, wait_for_snapshot=True))
            figures.warm[variant].append(calculator_visit(page, url, recorder))
    with fresh_browser(playwright) as context:
        page, recorder = open_page(context, profile)
        recorder.reset()
        figures.bare_cold.append(bare_visit(page, url))
        figures.bare_bytes.append(recorder.total())
        figures.bare_warm.append(bare_visit(page, url))
    with fresh_browser(playwright) as context:
        page, _ = open_page(context, profile)
        figures.plain_paint.append(plain_first_paint(page, url))


def recompute_run(playwright: Playwright, url: str, figures: ProfileFigures, changes: int) -> None:
    with fresh_browser(playwright) as context:
        page, recorder = open_page(context, figures.profile)
        figures.recompute_visits.append(calculator_visit(page, url, recorder))
        figures.latencies = recompute_latencies(page, changes)
        page.goto(url + CALCULATOR_PAGE + CHOSEN_QUERY, timeout=WAIT_MS)
        page.wait_for_selector('[data-calculator][data-computed="1"]', timeout=WAIT_MS)  # the linked state
        figures.chosen_latencies = recompute_latencies(page, changes)


def whole_visit_run(playwright: Playwright, url: str, figures: ProfileFigures, seconds: int) -> None:
    for label, path in (("plain", PLAIN_PAGE), ("calculator", CALCULATOR_PAGE)):
        with fresh_browser(playwright) as context:
            figures.whole[label] = whole_visit(context, url, path, figures.profile, seconds)
