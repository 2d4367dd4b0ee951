"""What the bench measures, as plain data, and the arithmetic on it (no browser here: tests/bench checks it)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from bench.network import NetworkProfile

LONG_TASK_MS = 50.0  # a main-thread task longer than this blocks input (the Long Tasks API's threshold)


def total_blocking_time(tasks: list[tuple[float, float]], until: float) -> float:
    """Sum of (duration - 50 ms) over the long tasks that started before `until` (ms from navigation start).

    `tasks` are (start, duration) pairs as PerformanceObserver("longtask") reports them. Unlike Lighthouse's TBT
    (first contentful paint to time-to-interactive), this counts from navigation start to the calculator going
    live: everything the reader waits through before the page answers.
    """
    return sum(max(0.0, duration - LONG_TASK_MS) for start, duration in tasks if start < until)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


@dataclass(frozen=True)
class Spread:
    """A median with the lowest and highest value it came from."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        if not values:
            return cls(float("nan"), float("nan"), float("nan"), 0)
        return cls(median(values), min(values), max(values), len(values))

    def text(self, digits: int = 0, unit: str = "") -> str:
        """"1.23 (1.10–1.31)" for several values, "1.23" for one, "—" for none."""
        if not self.count:
            return "—"
        value = f"{self.median:.{digits}f}{unit}"
        return value if self.count == 1 else f"{value} ({self.low:.{digits}f}–{self.high:.{digits}f})"


@dataclass(frozen=True)
class CalculatorVisit:
    """One visit to a calculator page, first or next, until it is live."""

    ready: float  # ms from navigation start until the calculator answers input (data-ready-at)
    boot: str  # plain or snapshot
    long_tasks: tuple[tuple[float, float], ...]  # (start, duration) of the page's main-thread long tasks
    transferred_live: int  # bytes as transferred until live
    for_later_live: int  # of which bytes that only serve a later visit (the snapshot, the service worker's copies)
    transferred: int = 0  # bytes as transferred until the visit ended (the snapshot prefetch included)
    first_paint: float = float("nan")
    result_visible: float = float("nan")  # the pre-rendered result painted (the cost page only)
    first_recompute: float = float("nan")  # ms from a change to its answer on the page (the cost page only)

    @property
    def tbt(self) -> float:
        return total_blocking_time(list(self.long_tasks), self.ready)

    @property
    def longest_task(self) -> float:
        return max((duration for start, duration in self.long_tasks if start < self.ready), default=0.0)


@dataclass(frozen=True)
class PlainVisit:
    """A handbook page without a calculator: the theme's own baseline."""

    first_paint: float
    loaded: float  # the load event, ms from navigation start
    long_tasks: tuple[tuple[float, float], ...]

    @property
    def tbt(self) -> float:
        return total_blocking_time(list(self.long_tasks), self.loaded)


@dataclass
class RunFigures:
    """One run of one condition: the bare core and every calculator page, side by side on the same machine."""

    bare_cold: float
    bare_warm: float
    bare_bytes: int
    load_before: float  # the machine's 1-minute load average when the run started and ended
    load_after: float = float("nan")
    visits: dict[tuple[str, str], tuple[CalculatorVisit, CalculatorVisit]] = field(default_factory=dict)
    plain: PlainVisit | None = None


@dataclass(frozen=True)
class Condition:
    profile: NetworkProfile
    gzip: bool

    @property
    def label(self) -> str:
        return f"{self.profile.label}; gzip {'aan' if self.gzip else 'uit'}"


@dataclass
class WholeVisit:
    first_total: int  # every byte in the first `seconds` after opening the page, service worker included
    first_service_worker: int
    first_requests: int
    warm_total: int


@dataclass
class ConditionFigures:
    condition: Condition
    runs: list[RunFigures] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # the cost page: route questions open, 3 routes
    chosen_latencies: list[float] = field(default_factory=list)  # a route chosen
    recompute_visits: list[CalculatorVisit] = field(default_factory=list)  # the visits the latencies follow
    whole: dict[str, WholeVisit] = field(default_factory=dict)

    def visits(self, page: str, variant: str, visit: int) -> list[CalculatorVisit]:
        """Every run's first (visit 0) or next (visit 1) visit to `page` under `variant`."""
        return [run.visits[(page, variant)][visit] for run in self.runs if (page, variant) in run.visits]

    def ratios(self, page: str, variant: str, visit: int) -> list[float]:
        """Live time over the bare core's, per run: only figures of the same run are compared."""
        return [run.visits[(page, variant)][visit].ready / (run.bare_warm if visit else run.bare_cold)
                for run in self.runs if (page, variant) in run.visits]

    def bare(self, visit: int) -> list[float]:
        return [run.bare_warm if visit else run.bare_cold for run in self.runs]
