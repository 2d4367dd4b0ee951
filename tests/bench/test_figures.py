"""The bench's arithmetic (bench/figures.py) and its verdicts (bench/report.py), without a browser."""

from __future__ import annotations

import math

import pytest

from bench.figures import (
    CalculatorVisit,
    Condition,
    ConditionFigures,
    RunFigures,
    Spread,
    percentile,
    total_blocking_time,
)
from bench.network import PROFILES
from bench.pages import CALCULATOR_PAGE, CALCULATOR_PAGES
from bench.report import target_rows


def test_total_blocking_time_counts_what_each_long_task_lasts_beyond_50_ms_until_live() -> None:
    tasks = [(10.0, 120.0), (300.0, 50.0), (400.0, 51.5), (900.0, 500.0)]
    # 70 + 0 + 1.5; the task that starts at 900 ms starts after the page went live at 800 ms.
    assert total_blocking_time(tasks, until=800.0) == pytest.approx(71.5)
    assert total_blocking_time(tasks, until=1000.0) == pytest.approx(521.5)
    assert total_blocking_time([], until=1000.0) == 0.0


def test_a_spread_is_the_median_with_its_lowest_and_highest_value() -> None:
    spread = Spread.of([300.0, 100.0, 200.0])
    assert (spread.median, spread.low, spread.high, spread.count) == (200.0, 100.0, 300.0, 3)
    assert spread.text(unit=" ms") == "200 ms (100–300)"
    assert Spread.of([0.456]).text(2) == "0.46"
    assert Spread.of([]).text() == "—"
    assert Spread.of([1.0, 2.0]).median == 1.5


def test_percentile_takes_the_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]  # 1 .. 100
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 51.0  # rank round(0.5 * 99) = 50 (0-based): the value 51
    assert math.isnan(percentile([], 0.95))


def visit(ready: float, tasks: tuple[tuple[float, float], ...] = (), later: int = 0) -> CalculatorVisit:
    return CalculatorVisit(ready=ready, boot="plain", long_tasks=tasks, transferred_live=1, for_later_live=later)


def figures(profile: str, runs: list[tuple[float, float, float, float]], tbt_task: float = 120.0,
            later: int = 0) -> ConditionFigures:
    """Runs of (bare first, bare next, page first, page next) live times; every page alike."""
    result = ConditionFigures(Condition(PROFILES[profile], gzip=True))
    for bare_cold, bare_warm, first, nxt in runs:
        run = RunFigures(bare_cold, bare_warm, 1, load_before=0.0)
        for page in CALCULATOR_PAGES:
            run.visits[(page, "site")] = (visit(first, ((5.0, tbt_task),), later), visit(nxt))
        result.runs.append(run)
    return result


def test_ratios_compare_each_run_with_its_own_bare_core() -> None:
    home = figures("home", [(1000, 800, 1100, 240), (2000, 1000, 2100, 400)])
    assert home.ratios(CALCULATOR_PAGE, "site", 0) == pytest.approx([1.1, 1.05])
    assert home.ratios(CALCULATOR_PAGE, "site", 1) == pytest.approx([0.3, 0.4])
    assert home.bare(1) == [800, 1000]


def test_the_targets_are_met_or_not_by_their_limits() -> None:
    rows = {row.target.split(" ≤")[0].split(",")[0]: row
            for row in target_rows(figures("home", [(1000, 800, 1100, 240)] * 3, tbt_task=140.0))}
    assert rows["TBT until live"].met is True  # 140 - 50 = 90 ms
    assert rows["TBT until live"].figure.startswith("90 ms")
    assert rows["Cost page live"].met is True  # 1.10 × bare first visit
    rows = target_rows(figures("home", [(1000, 800, 1200, 280)] * 3, tbt_task=151.0, later=5))
    assert [row.met for row in rows] == [False, False, True, False]  # TBT 101, 1.20, 0.35, 5 bytes before live
    assert rows[2].figure.startswith("0.35")
    assert not target_rows(figures("home", [(1000, 800, 1100, 290)] * 3))[2].met  # 0.3625


def test_the_phone_profile_reports_figures_without_a_verdict() -> None:
    rows = target_rows(figures("phone", [(1000, 800, 5000, 5000)], tbt_task=1000.0))
    assert rows and all(row.met is None for row in rows)
    assert rows[0].markdown().endswith("| no target yet |")
