"""The worker protocol (overrides/assets/javascripts/protocol.js) under Node: the messages the page and
the worker build pass the checks, a renamed, missing or unknown field is refused by name, and both sides
of the runtime import the one module instead of spelling messages themselves."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
RUNTIME = {
    "root": "../../", "pyodide": "assets/pyodide/1/", "pyodide_version": "1", "pyodide_files": ["pyodide.mjs"],
    "calculators": "assets/python/c.zip", "data": "assets/data/d.json",
}

# Each case: [direction, message]; prints one line per case: "ok" or the ProtocolError's message.
CHECK = """
import { checkFromWorker, checkToWorker } from "%s";
const cases = JSON.parse(process.argv[1]);
for (const [direction, message] of cases) {
  try {
    (direction === "to" ? checkToWorker : checkFromWorker)(message);
    console.log("ok");
  } catch (error) {
    console.log(error.name + ": " + error.message);
  }
}
"""


def check(*cases: tuple[str, dict]) -> list[str]:
    node = shutil.which("node")
    assert node, "node missing: ./tasks installs the npm packages with it"
    script = CHECK % (JAVASCRIPTS / "protocol.js").as_uri()
    result = subprocess.run([node, "--input-type=module", "-e", script, json.dumps(cases)],
                            capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def test_the_messages_of_a_session_pass() -> None:
    assert check(
        ("to", {"type": "init", "runtime": RUNTIME, "page": "http://h/r/", "snapshotPolicy": "cached"}),
        ("to", {"type": "run", "id": 1, "calculator": "kosten", "input": {"hours_per_week": "24"}}),
        ("to", {"type": "run", "id": 4, "calculator": "kosten", "input": {}, "open": ["compare"]}),
        ("to", {"type": "part", "id": 5, "calculator": "kosten", "part": "ics:uwv", "input": {}}),
        ("to", {"type": "prefetch-snapshot"}),
        ("from", {"type": "part", "id": 5, "outcome": {"status": "text", "name": "a.ics", "type": "text/calendar",
                                                       "text": "BEGIN:VCALENDAR"}}),
        ("from", {"type": "part", "id": 6, "outcome": {"status": "result", "html": "<table></table>"}}),
        ("from", {"type": "ready", "version": "1", "path": "plain", "bootMs": 5, "timings": {}, "snapshot": False}),
        ("from", {"type": "outcome", "id": 1, "outcome": {"status": "result", "html": "<p>x</p>"}}),
        ("from", {"type": "outcome", "id": 2, "outcome": {"status": "invalid", "errors": {"a": "Vul in."}}}),
        ("from", {"type": "error", "id": 3, "message": "stuk"}),
        ("from", {"type": "snapshot", "state": "cached"}),
        ("from", {"type": "fatal", "message": "geen WebAssembly"}),
    ) == ["ok"] * 13


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # The old worker renamed Python's "status" into the message's "type" on the way.
        (("from", {"type": "result", "id": 1, "html": "x"}), 'onbekend berichttype "result"'),
        (("from", {"type": "outcome", "id": 1, "outcome": {"status": "result"}}), 'veld "html" is undefined'),
        (("from", {"type": "outcome", "id": 1, "outcome": {"status": "ok", "html": ""}}), 'onbekende status "ok"'),
        (("from", {"type": "ready", "version": "1", "boot": "plain", "bootMs": 1, "timings": {}, "snapshot": True}),
         'veld "path" is undefined'),
        (("to", {"type": "run", "id": "1", "calculator": "kosten", "input": {}}), 'veld "id" is string'),
        (("to", {"type": "run", "id": 1, "calculator": "kosten", "input": {"a": 3}}), 'invoer "a" is geen tekst'),
        (("to", {"type": "run", "id": 1, "calculator": "kosten", "input": {}, "open": "compare"}),
         'veld "open" is string'),
        (("to", {"type": "run", "id": 1, "calculator": "kosten", "input": {}, "open": [1]}),
         'veld "open" is geen lijst van teksten'),
        (("to", {"type": "part", "id": 1, "calculator": "kosten", "input": {}}), 'veld "part" is undefined'),
        (("from", {"type": "part", "id": 1, "outcome": {"status": "text", "name": "a.ics", "text": ""}}),
         'veld "type" is undefined'),
        (("to", {"type": "init", "runtime": {**RUNTIME, "pyodideVersion": "1"}, "page": "p",
                 "snapshotPolicy": "cached"}), 'onbekend veld "pyodideVersion"'),
        (("to", {"type": "init", "runtime": RUNTIME, "page": "p", "snapshotPolicy": "always"}),
         '"always" is niet een van'),
    ],
)
def test_a_wrong_message_is_refused_by_name(case: tuple[str, dict], expected: str) -> None:
    [line] = check(case)
    assert line.startswith("ProtocolError: ") and expected in line, line


def test_both_sides_use_the_protocol_module() -> None:
    for name in ("worker.js", "runtime.js", "early-boot.js"):
        source = (JAVASCRIPTS / name).read_text(encoding="utf-8")
        assert 'from "./protocol.js"' in source, name
        # Messages to and from the calculator worker are built by protocol.js (the service worker has its own).
        spelled = [line for line in source.splitlines() if "postMessage({" in line and "registration" not in line]
        assert not spelled, f"{name} spells a message itself: {spelled}"
