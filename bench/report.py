"""Markdown for the README: one table per run, then each target of issue 19 with met / not met."""

from __future__ import annotations

import statistics

from bench.runs import VARIANTS, ProfileFigures

MB = 1_000_000
VARIANT_LABELS = {"site": "our page, the site's policy", "cached": "our page, snapshot only once cached",
                  "fetch": "our page, snapshot fetched on the first visit"}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def profile_rows(figures: ProfileFigures) -> list[str]:
    bare_cold, bare_warm = median(figures.bare_cold), median(figures.bare_warm)
    name = figures.profile.label
    rows = [f"| {name} | bare Pyodide core | | {bare_cold:.0f} ms | 1.00 | {bare_warm:.0f} ms | 1.00 | | "
            f"{median(figures.bare_bytes) / MB:.1f} MB | |"]
    for variant in VARIANTS:
        cold, warm = figures.cold[variant], figures.warm[variant]
        live_cold, live_warm = median([v.ready for v in cold]), median([v.ready for v in warm])
        boots = "/".join(sorted({v.boot for v in cold})) + " → " + "/".join(sorted({v.boot for v in warm}))
        rows.append(
            f"| {name} | {VARIANT_LABELS[variant]} | {median([v.result_visible for v in cold]):.0f} ms "
            f"| {live_cold:.0f} ms | {live_cold / bare_cold:.2f} | {live_warm:.0f} ms | {live_warm / bare_warm:.2f} "
            f"| {median([v.first_recompute for v in cold]):.0f} ms "
            f"| {median([v.transferred_live for v in cold]) / MB:.1f} MB "
            f"(+{(median([v.transferred for v in cold]) - median([v.transferred_live for v in cold])) / MB:.1f}) "
            f"| {boots} |")
    return rows


def table(all_figures: list[ProfileFigures]) -> list[str]:
    lines = ["| Profile | Page | Result visible | Live, first visit | × bare | Live, next visit | × bare "
             "| First recompute | Bytes until live (+ after) | Boot path |", "|---" * 10 + "|"]
    for figures in all_figures:
        lines += profile_rows(figures)
    lines.append("")
    for figures in all_figures:
        lines.append(f"- {figures.profile.label}: plain handbook page first paint "
                     f"{median(figures.plain_paint):.0f} ms (first visit).")
    return lines


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def bytes_line(home: ProfileFigures, live_bytes: float, bare_bytes: float) -> str:
    """The byte target, or its exception: the snapshot fetched early where that makes the calculator live sooner."""
    fetched = any(v.boot == "snapshot" for v in home.cold["site"])
    fetch, cached = (median([v.ready for v in home.cold[name]]) for name in ("fetch", "cached"))
    ok = live_bytes <= bare_bytes * 1.10 or (fetched and fetch < cached)
    why = f"; fetched early here: live at {fetch:.0f} ms against {cached:.0f} ms" if fetched else ""
    return (f"- Calculator page, bytes until live: {live_bytes / MB:.1f} MB against the bare core's "
            f"{bare_bytes / MB:.1f} MB (≤ + 10 % unless fetching the snapshot early wins{why}): {verdict(ok)}.")


def recompute_lines(figures: ProfileFigures) -> str:
    """The recompute figures of one profile (bench_runtime.py --recompute-only)."""
    first = figures.recompute_visits[0].first_recompute if figures.recompute_visits else float("nan")
    return (f"{figures.profile.label}: first live recompute {first:.0f} ms; over {len(figures.latencies)} changes, "
            f"route questions open p50 {percentile(figures.latencies, 0.5):.1f} ms, p95 "
            f"{percentile(figures.latencies, 0.95):.1f} ms; a route chosen p50 "
            f"{percentile(figures.chosen_latencies, 0.5):.1f} ms, "
            f"p95 {percentile(figures.chosen_latencies, 0.95):.1f} ms")


def targets(home: ProfileFigures) -> list[str]:
    site_cold, site_warm = home.cold["site"], home.warm["site"]
    cold_ratio = median([v.ready for v in site_cold]) / median(home.bare_cold)
    warm_ratio = median([v.ready for v in site_warm]) / median(home.bare_warm)
    p95, first = percentile(home.latencies, 0.95), median([v.first_recompute for v in site_cold])
    visible, plain = median([v.result_visible for v in site_cold]), median(home.plain_paint)
    live_bytes, bare_bytes = median([v.transferred_live for v in site_cold]), median(home.bare_bytes)
    lines = [f"Targets on the home profile ({home.profile.label}):", "",
             f"- Live-ready, first visit: {cold_ratio:.2f} × bare (≤ 1.15): {verdict(cold_ratio <= 1.15)}.",
             f"- Live-ready, next visit: {warm_ratio:.2f} × bare (≤ 0.35): {verdict(warm_ratio <= 0.35)}.",
             f"- Recompute p95 over {len(home.latencies)} changes (route questions open, three routes): {p95:.1f} ms, "
             f"p50 {percentile(home.latencies, 0.5):.1f} ms (≤ 16): {verdict(p95 <= 16)}.",
             *([f"- Recompute p95 with a route chosen: {percentile(home.chosen_latencies, 0.95):.1f} ms, p50 "
                f"{percentile(home.chosen_latencies, 0.5):.1f} ms (≤ 16): "
                f"{verdict(percentile(home.chosen_latencies, 0.95) <= 16)}."] if home.chosen_latencies else []),
             f"- First live recompute: {first:.0f} ms (≤ 50): {verdict(first <= 50)}.",
             f"- Pre-rendered result visible {visible:.0f} ms against a plain page's first paint {plain:.0f} ms "
             f"(≤ + 10 %): {verdict(visible <= plain * 1.10)}.",
             bytes_line(home, live_bytes, bare_bytes)]
    for label, page in (("plain", "Plain handbook page"), ("calculator", "Calculator page")):
        whole = home.whole.get(label)
        if whole:
            limit = " (≤ 1 MB): " + verdict(whole.first_total <= MB) if label == "plain" else ""
            lines.append(f"- {page}, whole first visit (60 s): {whole.first_total / MB:.2f} MB in "
                         f"{whole.first_requests} downloads, of which the service worker "
                         f"{whole.first_service_worker / MB:.2f} MB; next visit {whole.warm_total / 1000:.0f} kB"
                         f"{limit}.")
    return lines
