# The browser entry point: the worker loads the data bundle once and calls run_json per change.
"""JSON in, JSON out: the small surface the web worker (and the Node parity test) call through Pyodide."""

from __future__ import annotations

import json
from typing import Any

from calculators._parameters import load_bundle
from calculators._registry import CALCULATORS, evaluate, fields_of, get, part

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


def _raw(raw_json: str) -> dict[str, str]:
    raw = json.loads(raw_json)
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def run_json(name: str, raw_json: str, expanded_json: str = "null") -> str:
    """Validate and compute; {"status": "result", "html"} or {"status": "invalid", "errors"}. Never raises on input.

    `expanded_json`: a JSON list of the collapsed parts the reader has open, for a live render that leaves the
    others out (calculators/_parts.py); "null" for the full render the build makes.
    """
    assert _bundle is not None, "load() first"
    raw = _raw(raw_json)
    keys = json.loads(expanded_json)
    expanded = frozenset(str(key) for key in keys) if isinstance(keys, list) else None
    outcome = evaluate(get(name), _bundle, raw, expanded)
    outcome.pop("result", None)
    return json.dumps(outcome, ensure_ascii=False, sort_keys=True)


def part_json(name: str, raw_json: str, key: str) -> str:
    """One part a live render left out, for the same input (registry.part). Raises KeyError for an unknown part."""
    assert _bundle is not None, "load() first"
    return json.dumps(part(name, _bundle, _raw(raw_json), key), ensure_ascii=False, sort_keys=True)


def make_document(name: str, bundle: dict[str, Any], raw: dict[str, str], key: str, template: bytes) -> dict[str, Any]:
    """Validate like run(), then fill the calculator's template for `key`: {"status": "file", "name", "content"}
    or {"status": "invalid", "errors"} with the same Dutch messages per field as the form shows."""
    calculator = get(name)
    outcome = evaluate(calculator, bundle, raw)
    if outcome["status"] != "result":
        return outcome
    built = calculator.document(bundle, outcome["result"], key, template)  # type: ignore[attr-defined]
    return {"status": "file", "name": built.file_name, "content": built.content}


def document_json(name: str, key: str, raw_json: str, template_path: str, output_path: str) -> str:
    """The worker's entry for a personal document: the template and the result go through files in Pyodide's
    in-memory file system (no base64 of binary data in JSON). Returns the outcome without the bytes."""
    assert _bundle is not None, "load() first"
    raw = json.loads(raw_json)
    raw = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    with open(template_path, "rb") as file:
        template = file.read()
    outcome = make_document(name, _bundle, raw, key, template)
    content = outcome.pop("content", None)
    outcome.pop("result", None)
    if content is not None:
        with open(output_path, "wb") as file:
            file.write(content)
    return json.dumps(outcome, ensure_ascii=False, sort_keys=True)
