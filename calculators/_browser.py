# The browser entry point: the worker loads the data bundle once and calls run_json per change.
"""JSON in, JSON out: the small surface the web worker (and the Node parity test) call through Pyodide."""

from __future__ import annotations

import json
from typing import Any

from calculators._parameters import load_bundle
from calculators._registry import CALCULATORS, fields_of, get, run

_bundle: dict[str, Any] | None = None


def load(bundle_text: str) -> list[str]:
    """Parse the data bundle once; returns the names of the calculators that can run."""
    global _bundle
    _bundle = load_bundle(bundle_text)
    return sorted(CALCULATORS)


def is_loaded() -> bool:
    """True once the data bundle is loaded (also after restoring a memory snapshot made after load())."""
    return _bundle is not None


def fields_json(name: str) -> str:
    """The declared fields (name, default) so the page can restore and share state."""
    assert _bundle is not None, "load() first"
    return json.dumps([{"name": f.name, "default": f.default} for f in fields_of(get(name), _bundle)])


def run_json(name: str, raw_json: str) -> str:
    """Validate and compute; {"status": "result", "html"} or {"status": "invalid", "errors"}. Never raises on input."""
    assert _bundle is not None, "load() first"
    raw = json.loads(raw_json)
    if not isinstance(raw, dict):
        raw = {}
    outcome = run(name, _bundle, {str(k): str(v) for k, v in raw.items()})
    outcome.pop("result", None)
    return json.dumps(outcome, ensure_ascii=False, sort_keys=True)
