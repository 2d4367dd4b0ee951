"""Markdown for bench/RESULTS.md: one table per condition, then every target with met / not met."""

from __future__ import annotations

from dataclasses import dataclass

from bench.figures import ConditionFigures, Spread, median, percentile
from bench.pages import CALCULATOR_PAGE, CALCULATOR_PAGES

MB = 1_000_000
TBT_LIMIT_MS = 100.0
FIRST_VISIT_LIMIT = 1.15
NEXT_VISIT_LIMIT = 0.35
PAGE_NAMES = {"rekenhulpen/kosten/": "kosten", "rekenhulpen/planning/": "planning",
              "rekenhulpen/matching/": "matching", "rekenhulpen/matching-regio/": "matching-regio"}
VARIANT_LABELS = {"site": "", "fetch": ", lever: snapshot fetched before booting",
                  "none": ", lever: never restored from the snapshot"}
VISITS = ("first", "next")


def page_name(path: str) -> str:
    return PAGE_NAMES.get(path, path)


def megabytes(values: list[float]) -> str:
    return f"{median(values) / MB:.1f} MB" if values else "—"


def condition_table(figures: ConditionFigures) -> list[str]:
    """One row per page and visit: live (ms) and × the bare core of the same run, each a median with its range."""
    lines = [f"#### {figures.condition.label}", "",
             "| Page | Visit | Live | × bare | TBT until live | Longest task | Bytes until live (+ after) "
             "| For a later visit, before live | Boot path |", "|---" * 9 + "|"]
    for visit, name in enumerate(VISITS):
        bare_bytes = f"{megabytes([run.bare_bytes for run in figures.runs])}" if visit == 0 else ""
        lines.append(f"| bare Pyodide core | {name} | {Spread.of(figures.bare(visit)).text(unit=' ms')} | 1.00 | | "
                     f"| {bare_bytes} | | |")
    pages = [page for page in CALCULATOR_PAGES if figures.visits(page, "site", 0)]
    variants = [variant for variant in VARIANT_LABELS if figures.visits(CALCULATOR_PAGE, variant, 0)]
    for page, variant in [(CALCULATOR_PAGE, v) for v in variants] + [(p, "site") for p in pages[1:]]:
        for visit, name in enumerate(VISITS):
            visits = figures.visits(page, variant, visit)
            live_bytes = [v.transferred_live for v in visits]
            after = median([v.transferred for v in visits]) - median(live_bytes)
            boots = "/".join(sorted({v.boot for v in visits}))
            lines.append(
                f"| {page_name(page)}{VARIANT_LABELS[variant]} | {name} "
                f"| {Spread.of([v.ready for v in visits]).text(unit=' ms')} "
                f"| {Spread.of(figures.ratios(page, variant, visit)).text(2)} "
                f"| {Spread.of([v.tbt for v in visits]).text(unit=' ms')} "
                f"| {Spread.of([v.longest_task for v in visits]).text(unit=' ms')} "
                f"| {megabytes(live_bytes)} (+{after / MB:.1f}) "
                f"| {megabytes([v.for_later_live for v in visits])} | {boots} |")
    lines.append("")
    cost, next_cost = figures.visits(CALCULATOR_PAGE, "site", 0), figures.visits(CALCULATOR_PAGE, "site", 1)
    plains = [run.plain for run in figures.runs if run.plain]
    if cost:
        lines.append(f"- Cost page, first visit: first paint {Spread.of([v.first_paint for v in cost]).text()} ms, "
                     f"pre-rendered result visible {Spread.of([v.result_visible for v in cost]).text()} ms, "
                     f"first recompute {Spread.of([v.first_recompute for v in cost]).text()} ms; next visit: first "
                     f"recompute {Spread.of([v.first_recompute for v in next_cost]).text()} ms.")
    if plains:
        lines.append(f"- Plain handbook page (the theme without a calculator), first visit: first paint "
                     f"{Spread.of([p.first_paint for p in plains]).text()} ms, TBT until its load event "
                     f"{Spread.of([p.tbt for p in plains]).text()} ms.")
    lines.append("- Load average (1 min) at the start and end of each run: "
                 + ", ".join(f"{run.load_before:.1f}→{run.load_after:.1f}" for run in figures.runs) + ".")
    lines.append("")
    return lines


@dataclass(frozen=True)
class TargetRow:
    target: str
    condition: str
    figure: str
    met: bool | None  # None: no target set (the phone profile; a figure without a limit)
    unset: str = "no target yet"

    def markdown(self) -> str:
        status = self.unset if self.met is None else "met" if self.met else "**not met**"
        return f"| {self.target} | {self.condition} | {self.figure} | {status} |"


def _status(figures: ConditionFigures, ok: bool) -> bool | None:
    return ok if figures.condition.profile.has_targets else None


def target_rows(figures: ConditionFigures) -> list[TargetRow]:
    """The targets of the main-thread work, the first and the next visit, for one condition."""
    label = figures.condition.label
    rows = []
    worst, worst_page = -1.0, ""
    for page in CALCULATOR_PAGES:
        for visit in (0, 1):
            tbt = median([v.tbt for v in figures.visits(page, "site", visit)])
            if tbt == tbt and tbt > worst:
                worst, worst_page = tbt, f"{page_name(page)}, {VISITS[visit]} visit"
    if worst_page:
        rows.append(TargetRow(f"TBT until live ≤ {TBT_LIMIT_MS:.0f} ms, every calculator page, first and next visit",
                              label, f"{worst:.0f} ms at most (median; {worst_page})",
                              _status(figures, worst <= TBT_LIMIT_MS)))
    for visit, limit, what in ((0, FIRST_VISIT_LIMIT, "first"), (1, NEXT_VISIT_LIMIT, "next")):
        ratios = figures.ratios(CALCULATOR_PAGE, "site", visit)
        if ratios:
            spread = Spread.of(ratios)
            rows.append(TargetRow(f"Cost page live, {what} visit ≤ {limit:.2f} × bare (median of the runs' ratios)",
                                  label, f"{spread.text(2)} ×", _status(figures, spread.median <= limit)))
    later = [v.for_later_live for page in CALCULATOR_PAGES for v in figures.visits(page, "site", 0)]
    if later:
        rows.append(TargetRow("First visit: nothing for a later visit (snapshot, offline copy) before live", label,
                              f"{max(later) / MB:.2f} MB at most", _status(figures, max(later) == 0)))
    return rows


def recompute_lines(figures: ConditionFigures) -> str:
    """The recompute figures of one condition (bench_runtime.py --recompute-only)."""
    first = figures.recompute_visits[0].first_recompute if figures.recompute_visits else float("nan")
    return (f"{figures.condition.label}: first live recompute {first:.0f} ms; over {len(figures.latencies)} "
            f"changes, route questions open p50 {percentile(figures.latencies, 0.5):.1f} ms, p95 "
            f"{percentile(figures.latencies, 0.95):.1f} ms; a route chosen p50 "
            f"{percentile(figures.chosen_latencies, 0.5):.1f} ms, "
            f"p95 {percentile(figures.chosen_latencies, 0.95):.1f} ms")


def earlier_targets(home: ConditionFigures) -> list[TargetRow]:
    """The runtime's earlier targets, on the home profile with gzip."""
    label = home.condition.label
    cost = home.visits(CALCULATOR_PAGE, "site", 0)
    rows = []
    if home.latencies:
        for name, latencies in (("route questions open, three routes", home.latencies),
                                ("a route chosen", home.chosen_latencies)):
            if latencies:
                p95 = percentile(latencies, 0.95)
                rows.append(TargetRow(f"Recompute p95 ≤ 16 ms ({name}, {len(latencies)} changes)", label,
                                      f"{p95:.1f} ms (p50 {percentile(latencies, 0.5):.1f} ms)", p95 <= 16))
    if cost:
        first = median([v.first_recompute for v in cost])
        rows.append(TargetRow("First live recompute ≤ 50 ms", label, f"{first:.0f} ms", first <= 50))
        plains = [run.plain.first_paint for run in home.runs if run.plain]
        visible, plain = median([v.result_visible for v in cost]), median(plains)
        rows.append(TargetRow("Pre-rendered result visible ≤ a plain page's first paint + 10 %", label,
                              f"{visible:.0f} ms against {plain:.0f} ms", visible <= plain * 1.10))
        live_bytes, bare_bytes = median([v.transferred_live for v in cost]), median([r.bare_bytes for r in home.runs])
        rows.append(TargetRow("Cost page, bytes until live ≤ the bare core's + 10 %", label,
                              f"{live_bytes / MB:.2f} MB against {bare_bytes / MB:.2f} MB",
                              live_bytes <= bare_bytes * 1.1))
    for key, page in (("plain", "Plain handbook page"), ("calculator", "Calculator page")):
        whole = home.whole.get(key)
        if whole:
            figure = (f"{whole.first_total / MB:.2f} MB in {whole.first_requests} downloads, of which the service "
                      f"worker {whole.first_service_worker / MB:.2f} MB; next visit {whole.warm_total / 1000:.0f} kB")
            if key == "plain":
                rows.append(TargetRow(f"{page}, whole first visit (60 s) ≤ 1 MB", label, figure,
                                      whole.first_total <= MB))
            else:
                rows.append(TargetRow(f"{page}, whole first visit (60 s)", label, figure, None, "figure only"))
    return rows


def targets(all_figures: list[ConditionFigures]) -> list[str]:
    lines = ["| Target | Condition | Figure | Status |", "|---|---|---|---|"]
    for figures in all_figures:
        lines += [row.markdown() for row in target_rows(figures)]
    home = next((f for f in all_figures if f.condition.profile.name == "home" and f.condition.gzip), None)
    if home:
        lines += ["", "Earlier targets of the runtime (home profile, gzip on):", "",
                  "| Target | Condition | Figure | Status |", "|---|---|---|---|"]
        lines += [row.markdown() for row in earlier_targets(home)]
    return lines
