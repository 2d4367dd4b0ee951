"""Benchmark of the browser runtime as readers meet it: prints figures and targets, asserts nothing.

    uv run python bench/bench_runtime.py [--runs 3] [--changes 100] [--profiles unthrottled,home,mobile,phone]
        [--gzip on,off] [--gzip-off-profiles home] [--pages kosten,planning,matching,matching-regio] [--levers]
        [--site DIR]
    uv run python bench/bench_runtime.py --recompute-only --profiles home --gzip on [--site DIR]

Builds the site, serves it like GitHub Pages (max-age=600, gzip for the types it compresses; with gzip off, every
file as stored: bench/server.py) and measures in headless Debian Chromium under each profile (bench/network.py)
and each gzip setting: for every calculator page a first visit in a fresh browser profile and the next visit in
the same profile, live time, long tasks on the page's main thread until live (total blocking time) and bytes; the
bare Pyodide core in the same run, so every ratio compares figures of one run. On the home profile with gzip also:
recompute latency over many changes and everything a first visit fetches in 60 s (bench/visits.py). Prints
Markdown for bench/RESULTS.md (bench/report.py), the targets with met / not met last. `--recompute-only` measures
only the first live recompute and the recompute latencies (route questions open, a route chosen), e.g. of two built
sites one after the other.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.figures import Condition, ConditionFigures  # noqa: E402
from bench.network import PROFILES  # noqa: E402
from bench.pages import CALCULATOR_PAGES, add_bare_page  # noqa: E402
from bench.report import condition_table, page_name, recompute_lines, targets  # noqa: E402
from bench.runs import one_run, recompute_run, whole_visit_run  # noqa: E402
from bench.server import serve  # noqa: E402


def build(site: Path) -> str:
    env = {**os.environ, "HB_PYODIDE_SNAPSHOT": "1", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                   check=True, capture_output=True, env=env)
    return add_bare_page(site)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--profiles", default=",".join(PROFILES))
    parser.add_argument("--gzip", default="on,off", help="on, off or both (on,off)")
    parser.add_argument("--gzip-off-profiles", help="the profiles measured with gzip off too (default: every one)")
    parser.add_argument("--pages", default=",".join(page_name(p) for p in CALCULATOR_PAGES))
    parser.add_argument("--levers", action="store_true",
                        help="also the cost page with the snapshot fetched before booting, and never restored")
    parser.add_argument("--whole-visit-seconds", type=int, default=60)
    parser.add_argument("--site", type=Path, help="an already built site (skips the build)")
    parser.add_argument("--recompute-only", action="store_true",
                        help="only the recompute figures: first recompute and p50/p95")
    return parser.parse_args()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {chromium}"


def main() -> None:
    args = arguments()
    pages = tuple(p for p in CALCULATOR_PAGES if page_name(p) in args.pages.split(","))
    variants = ("site", "fetch", "none") if args.levers else ("site",)
    gzip_off = (args.gzip_off_profiles or args.profiles).split(",")
    conditions = [Condition(PROFILES[name], gzip == "on") for gzip in args.gzip.split(",")
                  for name in args.profiles.split(",") if gzip == "on" or name in gzip_off]
    site = args.site or Path(tempfile.mkdtemp(prefix="bench-site-"))
    version = add_bare_page(site) if args.site else build(site)
    hosts = {compress: serve(site, compress) for compress in {c.gzip for c in conditions}}
    all_figures = [ConditionFigures(condition) for condition in conditions]
    started = time.monotonic()
    if args.recompute_only:
        try:
            with sync_playwright() as playwright:
                for figures in all_figures:
                    recompute_run(playwright, hosts[figures.condition.gzip].url, figures, args.changes)
        finally:
            for host in hosts.values():
                host.close()
            if not args.site:
                shutil.rmtree(site, ignore_errors=True)
        print(f"Pyodide {version}; {machine()}.\n")
        print("\n".join(recompute_lines(figures) for figures in all_figures))
        return
    try:
        with sync_playwright() as playwright:
            for run in range(args.runs):  # runs interleave the conditions, so a busy minute hits all of them alike
                for figures in all_figures:
                    one_run(playwright, hosts[figures.condition.gzip].url, figures, pages, variants)
                    print(f"run {run + 1}/{args.runs}, {figures.condition.label}: done at "
                          f"{time.strftime('%H:%M:%S')}", file=sys.stderr, flush=True)
            for figures in all_figures:
                if figures.condition.profile.name == "home" and figures.condition.gzip:
                    url = hosts[True].url
                    recompute_run(playwright, url, figures, args.changes)
                    whole_visit_run(playwright, url, figures, args.whole_visit_seconds)
    finally:
        for host in hosts.values():
            host.close()
        if not args.site:
            shutil.rmtree(site, ignore_errors=True)
    command = "uv run python bench/bench_runtime.py " + shlex.join(sys.argv[1:])
    print(f"`{command.strip()}`: Pyodide {version}; {machine()}; {time.strftime('%Y-%m-%d')}, "
          f"{(time.monotonic() - started) / 60:.0f} minutes; {args.runs} runs, each visit in a fresh on-disk "
          "browser profile. "
          "A figure is the median of the runs with their lowest and highest value in brackets; a ratio is taken "
          "within each run (against that run's bare core), then the median of those.\n")
    for figures in all_figures:
        print("\n".join(condition_table(figures)))
    print("\n".join(targets(all_figures)))


if __name__ == "__main__":
    main()
