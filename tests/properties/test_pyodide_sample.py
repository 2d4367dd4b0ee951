"""A sample of the generated inputs (50 per calculator, and 50 pairs of raw CSV files) also in the real Pyodide
runtime under Node: one Node start for all of them (tests/pyodide/run_cases.mjs), each output sound and byte for
byte CPython's."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from calculators import _browser
from calculators._parameters import load_bundle
from calculators.matching.csv_decode import decode_csv
from calculators.matching.csv_input import CsvProblems
from handbook_build.data import bundle_json
from handbook_build.runtime import calculators_zip
from tests.cases.golden import bundle_as_of
from tests.conftest import ROOT, TEST_BUILD_DATE
from tests.properties.checks import assert_sound
from tests.properties.strategies import CANDIDATE_BYTES, PRACTICE_BYTES, raw_inputs
from tests.properties.test_never_breaks import LIMITS
from tests.regions import national_data

SAMPLE = 50
NAMES = ("kosten", "planning", "matching", "matching-regio")
BUNDLE = bundle_json(bundle_as_of(national_data(), TEST_BUILD_DATE))
# Fixed seed: the same sample on every run, so a Pyodide difference is reproducible (the CPython tests vary).
SAMPLING = settings(max_examples=SAMPLE, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


def _appender(cases: list[dict], name: str) -> Callable[[dict[str, str]], None]:
    def collect(raw: dict[str, str]) -> None:
        cases.append({"calculator": name, "input": raw})

    return collect


def sample_cases() -> list[dict]:
    bundle = load_bundle(BUNDLE)
    cases: list[dict] = []
    for name in NAMES:
        SAMPLING(given(raw_inputs(name, bundle))(_appender(cases, name)))()

    @SAMPLING
    @given(CANDIDATE_BYTES, PRACTICE_BYTES)
    def collect_files(candidates: bytes, practices: bytes) -> None:
        try:
            texts = decode_csv(candidates, "kandidaten", LIMITS.max_bytes), decode_csv(practices, "praktijken",
                                                                                       LIMITS.max_bytes)
        except CsvProblems:
            return  # refused before the calculator runs; the CPython test checks the message
        cases.append({"calculator": "matching-regio", "input": {"candidates": texts[0], "practices": texts[1]}})

    collect_files()
    return cases


def test_a_sample_of_generated_inputs_is_sound_and_the_same_in_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is required (./tasks test runs on a machine with Node.js 20+)"
    cases = sample_cases()
    assert len(cases) >= SAMPLE * len(NAMES)
    (tmp_path / "calculators.zip").write_bytes(calculators_zip(ROOT))
    (tmp_path / "data.json").write_text(BUNDLE, encoding="utf-8")
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    finished = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide" / "run_cases.mjs"),
         *(str(tmp_path / f) for f in ("calculators.zip", "data.json", "cases.json"))],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    outputs = json.loads(finished.stdout)["outputs"]
    assert len(outputs) == len(cases)
    _browser.load(BUNDLE)
    for case, in_pyodide in zip(cases, outputs, strict=True):
        assert_sound(json.loads(in_pyodide))
        assert in_pyodide == _browser.run_json(case["calculator"], json.dumps(case["input"])), case


