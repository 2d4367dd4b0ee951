"""One keystroke of the cost calculator in its steps, timed inside Python: the call run_json makes
(calculators/_registry.evaluate) split into check, compute, render and JSON. bench/recompute.py runs it in CPython
and bench/recompute_node.mjs reads this file into Pyodide, so both engines time the same code."""

import json
import time

from calculators import _browser, cost
from calculators._inputs import parse_inputs
from calculators._registry import fields_of

STEPS = ("check", "compute", "render", "json")


def sectioned(form_json: str) -> str:
    """ms per step for one form (JSON text in, a JSON list in the order of STEPS out), on the loaded bundle."""
    data = _browser._bundle
    marks = [time.perf_counter()]
    parsed = parse_inputs(fields_of(cost, data), json.loads(form_json))
    assert not parsed.errors and not cost.check(data, parsed.values)
    marks.append(time.perf_counter())
    result = cost.compute_live(data, parsed.values, frozenset())
    marks.append(time.perf_counter())
    html = cost.render_live(result, frozenset())
    marks.append(time.perf_counter())
    json.dumps({"status": "result", "html": html}, ensure_ascii=False, sort_keys=True)
    marks.append(time.perf_counter())
    return json.dumps([(b - a) * 1000 for a, b in zip(marks, marks[1:], strict=False)])
