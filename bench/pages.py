"""The reference page written next to the built site: the same Pyodide core booted in a worker, nothing else."""

from __future__ import annotations

from pathlib import Path

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
const worker = new Worker("bare-worker.js", {type: "module"});
worker.onmessage = () => { document.body.dataset.readyAt = Math.round(performance.now()); };
worker.postMessage(new URL("assets/pyodide/VERSION/", location.href).href);
</script><body></body>"""
BARE_WORKER = """self.onmessage = async (e) => {
  const { loadPyodide } = await import(e.data + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: e.data, packages: [] });
  self.postMessage(pyodide.runPython("1 + 1"));
};"""

# Records, relative to navigation start, when the page first painted and when the pre-rendered result was in
# the document and painted (the frame after it was parsed, never before the first paint), and every long task of
# the page's main thread (>= 50 ms; registered before the page's first script, and buffered besides).
PAINT_PROBE = """
window.hbLongTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.hbLongTasks.push([entry.startTime, entry.duration]);
  }).observe({type: "longtask", buffered: true});
} catch (error) { window.hbLongTasks = null; }
window.hbPaint = {};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === "first-contentful-paint") window.hbPaint.fcp = entry.startTime;
  }
}).observe({type: "paint", buffered: true});
const hbResultSeen = () => requestAnimationFrame(() => { window.hbPaint.result ??= performance.now(); });
new MutationObserver((changes, observer) => {
  if (document.querySelector("table[data-summary]")) { observer.disconnect(); hbResultSeen(); }
}).observe(document, {childList: true, subtree: true});
"""

CALCULATOR_PAGE = "rekenhulpen/kosten/"
# Every calculator page: the total-blocking-time target holds on each. The cost page comes first (its figures are
# the most detailed: result visible, first recompute, the levers).
CALCULATOR_PAGES = (CALCULATOR_PAGE, "rekenhulpen/planning/", "rekenhulpen/matching/", "rekenhulpen/matching-regio/")
CHOSEN_QUERY = "?uwv_benefit=nee&from_other_job=ja"  # the route questions answered: route SSFH
PLAIN_PAGE = "stappen/stap-6-regelzaken/"


def add_bare_page(site: Path) -> str:
    """Write bare.html and its worker into the site; returns the Pyodide version found there."""
    version = next(p.name for p in (site / "assets" / "pyodide").iterdir() if p.is_dir())
    (site / "bare.html").write_text(BARE_HTML.replace("VERSION", version), encoding="utf-8")
    (site / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")
    return version
