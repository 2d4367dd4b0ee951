"""What one keystroke costs in Python: the cost calculator's live path, timed in CPython and in Pyodide under Node.

    uv run python bench/recompute.py [--changes 100] [--engine cpython,pyodide,snapshot] [--profile] [--sections]
                                     [--project DIR]

A keystroke in the browser is one `run_json("kosten", form, open)` in the worker (calculators/_browser.py,
worker.js): parse, check, compute_live, render_live, JSON. This times that call, as the page makes it (every
field of the form as text, no collapsed block open), for the route questions open and for a route chosen, over
`--changes` varied inputs (hours, salary, start date, share, commute, ...). Per case: the first call in a fresh
runtime (cold), the second (the page's warm-up has taken the first), and p50/p95 of the rest.

Engines: CPython; Pyodide under Node from a plain start (its first call fills Python's caches); Pyodide restored
from the build's memory snapshot (as the browser's next visit: Python's caches warm, WebAssembly not yet optimised).

`--project` times the calculators of another revision (e.g. unpacked with
`git archive REV calculators | tar -x -C /tmp/base`) on this checkout's data, to compare two revisions side by side
in one run. `--sections` also times parse + check, compute_live, render_live and the JSON step separately (in
Pyodide too); `--profile` prints cProfile's top functions in CPython. Prints figures and asserts nothing; on this
shared machine compare before and after only within one run of the same conditions.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = "2026-12-01"  # the golden cases' build date
PROJECT = ROOT  # whose calculators are timed (--project)
CHOSEN = {"uwv_benefit": "nee", "from_other_job": "ja"}  # bench/pages.py CHOSEN_QUERY: route SSFH


def bundle_text() -> str:
    from handbook_build.data import bundle_json
    from tests.cases.golden import bundle_as_of
    from tests.regions import national_data

    return bundle_json(bundle_as_of(national_data(), AS_OF))


def form_inputs(bundle: str, changes: int, seed: int = 20261201) -> list[dict[str, str]]:
    """The form as the page sends it (every field, as text), first at its defaults, then `changes` edits of one
    to three assumption fields each (the benchmark's own edit, the hours, in every other one)."""
    from calculators import _browser

    _browser.load(bundle)
    defaults = {f["name"]: f["default"] for f in json.loads(_browser.fields_json("kosten"))}
    start = dt.date.fromisoformat(defaults["start_date"])
    pick = random.Random(seed)
    edits = {
        "hours_per_week": lambda: str(16 + pick.randrange(20)),
        "monthly_salary": lambda: f"{pick.randrange(2700, 4200)},{pick.randrange(100):02d}",
        "start_date": lambda: (start + dt.timedelta(days=pick.randrange(-60, 400))).isoformat(),
        "months": lambda: str(pick.choice([12, 18, 24, 24, 24])),
        "share_percent": lambda: str(pick.choice([100, 100, 50, 60, 33])),
        "commute_km": lambda: str(pick.choice([0, 0, 5, 12, 40])),
        "supervision_hours_per_week": lambda: str(pick.choice([2, 4, 6, 8])),
        "books_per_year": lambda: str(pick.choice([0, 250, 400])),
        "small_employer": lambda: pick.choice(["ja", "nee"]),
        "deprived_area": lambda: pick.choice(["ja", "nee"]),
        "lkv_target_group": lambda: pick.choice(["geen", "geen", "arbeidsgehandicapt"]),
        "freelance_hourly_rate": lambda: str(pick.choice([0, 0, 45])),
    }
    found = [dict(defaults)]
    for index in range(changes):
        form = dict(defaults)
        form["hours_per_week"] = str(16 + index % 20)
        for name in pick.sample(sorted(edits), pick.randrange(0, 3)):
            form[name] = edits[name]()
        found.append(form)
    return found


def _summary(times: list[float]) -> dict[str, float]:
    rest = sorted(times[2:])
    return {
        "first": times[0],
        "second": times[1],
        "p50": statistics.median(rest),
        "p95": rest[min(len(rest) - 1, round(0.95 * (len(rest) - 1)))],
        "min": rest[0],
    }


def cpython(bundle: str, cases: dict[str, list[dict[str, str]]], sections: bool, profile: bool) -> dict:
    """Each case in a fresh interpreter would be fairer for 'first'; here the bundle is loaded once per case
    and every module cache that persists between keystrokes starts empty (a new Parameters per load)."""
    from calculators import _browser

    found = {}
    for name, inputs in cases.items():
        _browser.load(bundle)
        times, parts = [], {"check": [], "compute": [], "render": [], "json": []}
        for form in inputs:
            start = time.perf_counter()
            answer = _browser.run_json("kosten", json.dumps(form), "[]")
            times.append((time.perf_counter() - start) * 1000)
            assert json.loads(answer)["status"] == "result", answer[:300]
        if sections:
            for form in inputs:
                for key, value in _sectioned(form).items():
                    parts[key].append(value)
        found[name] = {"run_json": _summary(times)}
        if sections:
            found[name].update({key: _summary(values) for key, values in parts.items()})
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for form in inputs * 3:
                _browser.run_json("kosten", json.dumps(form), "[]")
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(35)
            print(f"--- cProfile, {name}, {len(inputs) * 3} calls, by own time ---")
            print(out.getvalue())
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
            print(f"--- cProfile, {name}, by cumulative time ---")
            print(out.getvalue())
    return found


def _sectioned(form: dict[str, str]) -> dict[str, float]:
    from bench.recompute_sections import STEPS, sectioned

    return dict(zip(STEPS, json.loads(sectioned(json.dumps(form))), strict=True))


def pyodide(bundle: str, cases: dict[str, list[dict[str, str]]], sections: bool, snapshot: bool = False) -> dict:
    from handbook_build.runtime import calculators_zip
    from handbook_build.runtime.artifacts import make_snapshot

    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is needed for --engine pyodide")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "calculators.zip").write_bytes(calculators_zip(PROJECT))
        (work / "data.json").write_text(bundle, encoding="utf-8")
        (work / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
        extra = []
        if snapshot:
            pyodide_dir = ROOT / "node_modules" / "pyodide"
            make_snapshot(pyodide_dir, (work / "calculators.zip").read_bytes(), bundle.encode(), work / "snap.bin.gz")
            extra = [str(work / "snap.bin.gz")]
        finished = subprocess.run(
            [node, str(ROOT / "bench" / "recompute_node.mjs"), str(work / "calculators.zip"), str(work / "data.json"),
             str(work / "cases.json"), "sections" if sections else "plain", *extra],
            cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False,
        )
    if finished.returncode != 0:
        raise SystemExit(finished.stderr)
    raw = json.loads(finished.stdout)
    return {name: {key: _summary(values) for key, values in timings.items()} for name, timings in raw.items()}


def report(engine: str, figures: dict) -> None:
    print(f"\n{engine}: ms per keystroke (first = fresh runtime; second = after the warm-up; p50/p95/min of the rest)")
    print("| case | step | first | second | p50 | p95 | min |")
    print("|---|---|---|---|---|---|---|")
    for name, steps in figures.items():
        for step, values in steps.items():
            print(f"| {name} | {step} | {values['first']:.1f} | {values['second']:.1f} | {values['p50']:.2f} | "
                  f"{values['p95']:.2f} | {values['min']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--engine", default="cpython,pyodide")
    parser.add_argument("--sections", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--project", type=Path, help="time the calculators of this checkout instead")
    args = parser.parse_args()
    bundle = bundle_text()
    if args.project is not None:
        global PROJECT
        PROJECT = args.project.resolve()
        sys.path.insert(0, str(PROJECT))
        for name in [name for name in sys.modules if name == "calculators" or name.startswith("calculators.")]:
            del sys.modules[name]
        import calculators

        assert Path(calculators.__file__).resolve().is_relative_to(PROJECT), calculators.__file__
    inputs = form_inputs(bundle, args.changes)
    cases = {"open": inputs, "chosen": [{**form, **CHOSEN} for form in inputs]}
    found = {}
    for engine in args.engine.split(","):
        if engine == "cpython":
            found[engine] = cpython(bundle, cases, args.sections, args.profile)
        elif engine == "pyodide":
            found[engine] = pyodide(bundle, cases, args.sections)
        elif engine == "snapshot":
            found[engine] = pyodide(bundle, cases, args.sections, snapshot=True)
        else:
            raise SystemExit(f"unknown engine {engine}")
        report(engine, found[engine])
    if args.json:
        Path(args.json).write_text(json.dumps(found, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
