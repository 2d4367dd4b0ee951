"""Benchmark of the browser runtime as readers meet it: prints figures, asserts nothing.

    uv run python bench/bench_runtime.py [--runs 3] [--changes 100] [--profiles localhost,home,mobile]
    uv run python bench/bench_runtime.py --recompute-only --profiles home [--site DIR]

Builds the site, serves it like GitHub Pages (max-age=600, gzip for the types it compresses: bench/server.py),
and measures in headless Debian Chromium under each network profile (bench/network.py): pre-rendered result
visible, live-ready, first recompute and bytes for our calculator page, in the same run as a bare page that only
boots the same Pyodide core, and a plain handbook page's first paint. On the home profile also: recompute latency
over many changes and everything a first visit fetches in 60 s, service worker included (bench/visits.py).
Prints Markdown for the README (bench/report.py). `--recompute-only` measures only the first live recompute and the
recompute latencies (route questions open, a route chosen), e.g. of two built sites one after the other.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.network import PROFILES  # noqa: E402
from bench.pages import add_bare_page  # noqa: E402
from bench.report import recompute_lines, table, targets  # noqa: E402
from bench.runs import ProfileFigures, one_run, recompute_run, whole_visit_run  # noqa: E402
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
    parser.add_argument("--profiles", default="localhost,home,mobile")
    parser.add_argument("--whole-visit-seconds", type=int, default=60)
    parser.add_argument("--site", type=Path, help="an already built site (skips the build)")
    parser.add_argument("--recompute-only", action="store_true",
                        help="only the recompute figures on the home profile: first recompute and p50/p95")
    return parser.parse_args()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {chromium}, {time.strftime('%Y-%m-%d %H:%M %Z')}"


def main() -> None:
    args = arguments()
    site = args.site or Path(tempfile.mkdtemp(prefix="bench-site-"))
    version = add_bare_page(site) if args.site else build(site)
    host = serve(site)
    all_figures = [ProfileFigures(PROFILES[name]) for name in args.profiles.split(",")]
    if args.recompute_only:
        try:
            with sync_playwright() as playwright:
                for figures in all_figures:
                    recompute_run(playwright, host.url, figures, args.changes)
        finally:
            host.close()
        print(f"Pyodide {version}; {machine()}.\n")
        print("\n".join(recompute_lines(figures) for figures in all_figures))
        return
    try:
        with sync_playwright() as playwright:
            for _ in range(args.runs):
                for figures in all_figures:
                    one_run(playwright, host.url, figures)
            for figures in all_figures:
                if figures.profile.name == "home":
                    recompute_run(playwright, host.url, figures, args.changes)
                    whole_visit_run(playwright, host.url, figures, args.whole_visit_seconds)
    finally:
        host.close()
        if not args.site:
            shutil.rmtree(site, ignore_errors=True)
    print(f"Pyodide {version}; {machine()}; median of {args.runs} runs, each visit in a fresh on-disk profile.\n")
    print("\n".join(table(all_figures)) + "\n")
    home = next((f for f in all_figures if f.profile.name == "home"), None)
    if home and home.latencies:
        print("\n".join(targets(home)))


if __name__ == "__main__":
    main()
