"""Benchmark of the browser runtime: prints figures, asserts nothing (performance goals are not tests).

    uv run python bench/bench_runtime.py [--runs 5] [--changes 100]

Builds the site, serves it on 127.0.0.1 with GitHub Pages-like caching (max-age=600), and measures in
headless Debian Chromium: pre-rendered result visible, worker ready, first live recompute, recompute
latency over many changes, bytes and requests (plain page and calculator page, cold and warm cache),
and, in the same run, a bare page that only boots the same Pyodide core in a worker and runs one line.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from tests.conftest import _QuietHandler  # noqa: E402

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
const started = performance.now();
const worker = new Worker("bare-worker.js", {type: "module"});
worker.onmessage = (e) => { document.body.dataset.readyAt = Math.round(performance.now()); };
worker.postMessage(new URL("assets/pyodide/VERSION/", location.href).href);
</script><body></body>"""
BARE_WORKER = """self.onmessage = async (e) => {
  const { loadPyodide } = await import(e.data + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: e.data, packages: [] });
  self.postMessage(pyodide.runPython("1 + 1"));
};"""


COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".map")


class CachingHandler(_QuietHandler):
    """Like GitHub Pages: Cache-Control max-age=600 and gzip for text files when the browser accepts it."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in COMPRESSIBLE or not accepts_gzip or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build(site: Path, snapshot: bool = True) -> str:
    env = {**os.environ, "HB_PYODIDE_SNAPSHOT": "1" if snapshot else "0"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
                   check=True, capture_output=True, env=env)
    version = next((site / "assets" / "pyodide").iterdir()).name
    (site / "bare.html").write_text(BARE_HTML.replace("VERSION", version), encoding="utf-8")
    (site / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")
    return version


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CachingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class Traffic:
    def __init__(self, page: Page) -> None:
        self.requests = 0
        self.bytes = 0
        page.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        self.requests += 1
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]


def calculator_run(page: Page, url: str, wait_for_snapshot: bool = False) -> dict[str, float]:
    start = time.perf_counter()
    page.goto(url + "rekenhulpen/kosten/")
    page.wait_for_selector("table[data-summary]")
    visible = (time.perf_counter() - start) * 1000
    page.wait_for_selector('[data-calculator][data-runtime="ready"]', timeout=120_000)
    ready = float(page.get_attribute("[data-calculator]", "data-ready-at"))
    boot = page.get_attribute("[data-calculator]", "data-boot")
    page.fill("#kosten-hours_per_week", "30")
    page.wait_for_selector('[data-calculator][data-computed="1"]')
    first = float(page.get_attribute("[data-calculator]", "data-compute-ms"))
    if wait_for_snapshot:  # the idle-time prefetch must finish before the next visit can use it
        page.wait_for_selector("[data-calculator][data-snapshot]", timeout=120_000)
    return {"visible": visible, "ready": ready, "first": first, "boot": boot}


def snapshot_variant(page: Page, variant: str) -> None:
    """with: the site as built; without: a build with HB_PYODIDE_SNAPSHOT=0 (page.route would disable the
    HTTP cache); fetch: the first visit downloads the snapshot too."""
    if variant == "fetch":
        page.add_init_script("window.hbSnapshotPolicy = 'fetch';")


def recompute_latencies(page: Page, changes: int) -> list[float]:
    latencies = []
    for i in range(changes):
        before = int(page.get_attribute("[data-calculator]", "data-computed") or 0)
        page.fill("#kosten-hours_per_week", str(16 + i % 20))
        page.evaluate("document.querySelector('#kosten-hours_per_week').dispatchEvent(new Event('change'))")
        page.wait_for_function(f"() => Number(document.querySelector('[data-calculator]').dataset.computed) > {before}")
        latencies.append(float(page.get_attribute("[data-calculator]", "data-compute-ms")))
    return latencies


def bare_run(page: Page, url: str) -> float:
    page.goto(url + "bare.html")
    page.wait_for_selector("body[data-ready-at]", state="attached", timeout=120_000)
    return float(page.get_attribute("body", "data-ready-at"))


@contextlib.contextmanager
def profile(playwright):
    """A fresh browser profile on disk: an empty cache first, then a real HTTP cache for the warm visit."""
    folder = tempfile.mkdtemp(prefix="bench-profile-")
    context = playwright.chromium.launch_persistent_context(folder, executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def page_weight(context, url: str, path: str) -> tuple[tuple[int, int], tuple[int, int]]:
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(url + path)
    if "rekenhulpen" in path:
        page.wait_for_selector('[data-calculator][data-runtime="ready"]', timeout=120_000)
    page.wait_for_load_state("networkidle")
    cold = (traffic.requests, traffic.bytes)
    traffic.requests = traffic.bytes = 0
    page.goto(url + path)
    if "rekenhulpen" in path:
        page.wait_for_selector('[data-calculator][data-runtime="ready"]', timeout=120_000)
    page.wait_for_load_state("networkidle")
    warm = (traffic.requests, traffic.bytes)
    return cold, warm


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=100)
    args = parser.parse_args()
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    plain_site = Path(tempfile.mkdtemp(prefix="bench-site-plain-"))
    try:
        version = build(site)
        build(plain_site, snapshot=False)
        server, url = serve(site)
        plain_server, plain_url = serve(plain_site)
        with sync_playwright() as playwright:
            variants = ("with", "without", "fetch")
            runs = {v: {"cold": [], "warm": [], "bytes_cold": [], "bytes_warm": []} for v in variants}
            bare = {"cold": [], "warm": []}
            for _ in range(args.runs):
                for variant in variants:
                    with profile(playwright) as context:
                        page = context.new_page()
                        snapshot_variant(page, variant)
                        traffic = Traffic(page)
                        where = plain_url if variant == "without" else url
                        runs[variant]["cold"].append(calculator_run(page, where, wait_for_snapshot=variant == "with"))
                        runs[variant]["bytes_cold"].append(traffic.bytes)
                        traffic.bytes = 0
                        runs[variant]["warm"].append(calculator_run(page, where))
                        runs[variant]["bytes_warm"].append(traffic.bytes)
                with profile(playwright) as context:
                    page = context.new_page()
                    bare["cold"].append(bare_run(page, url))
                    bare["warm"].append(bare_run(page, url))
            results = runs["with"]
            with profile(playwright) as context:
                page = context.new_page()
                calculator_run(page, url)
                latencies = recompute_latencies(page, args.changes)
            with profile(playwright) as context:
                plain = page_weight(context, url, "stappen/stap-6-regelzaken/")
            with profile(playwright) as context:
                calc = page_weight(context, url, "rekenhulpen/kosten/")
        server.shutdown()
        plain_server.shutdown()
    finally:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(plain_site, ignore_errors=True)

    print(f"Pyodide {version}, {args.runs} runs (median), headless Chromium, 127.0.0.1, Cache-Control max-age=600")
    print(f"{'':34}{'cold':>10}{'warm':>10}")
    for key, label in (("visible", "pre-rendered result visible (ms)"), ("ready", "worker ready (ms)"),
                       ("first", "first live recompute (ms)")):
        cold, warm = median([r[key] for r in results["cold"]]), median([r[key] for r in results["warm"]])
        print(f"{label:34}{cold:10.0f}{warm:10.0f}")
    print(f"{'bare Pyodide core ready (ms)':34}{median(bare['cold']):10.0f}{median(bare['warm']):10.0f}")
    print("live-ready (ms) and bytes per variant; boot path of the warm visit in brackets")
    for variant, label in (("with", "snapshot (default policy)"), ("without", "no snapshot"),
                           ("fetch", "snapshot on first visit")):
        data = runs[variant]
        cold, warm = median([r["ready"] for r in data["cold"]]), median([r["ready"] for r in data["warm"]])
        paths = "/".join(sorted({r["boot"] for r in data["warm"]}))
        cold_mb, warm_mb = median(data["bytes_cold"]) / 1e6, median(data["bytes_warm"]) / 1e6
        print(f"  {label:28} cold {cold:6.0f} ({cold / median(bare['cold']):.2f} x bare) {cold_mb:6.1f} MB"
              f" | warm {warm:6.0f} ({warm / median(bare['warm']):.2f} x bare) {warm_mb:6.1f} MB [{paths}]")
    print("targets: snapshot warm <= 0.3 x bare warm; snapshot cold <= 1.3 x bare cold;"
          " without snapshot ready <= 1.15 x bare")
    print(f"recompute over {args.changes} changes: p50 {percentile(latencies, 0.5):.1f} ms, "
          f"p95 {percentile(latencies, 0.95):.1f} ms  (target p95 < 30 ms)")
    for label, ((cold_n, cold_b), (warm_n, warm_b)) in (("plain handbook page", plain), ("calculator page", calc)):
        print(f"{label:22} cold {cold_n:3} requests {cold_b / 1024:8.0f} KB | warm {warm_n:3} requests "
              f"{warm_b / 1024:8.0f} KB")
    print("target: plain handbook page under 300 KB (cold)")


if __name__ == "__main__":
    main()
