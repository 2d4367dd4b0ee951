"""The calculators give exactly the CPython results inside the real Pyodide runtime (Node, same npm package)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from calculators import _browser
from handbook_build.data import bundle_json, load_data
from handbook_build.runtime import calculators_zip
from tests.conftest import ROOT

CASE_FILES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))
CASES = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in CASE_FILES}
ALL = [(name, case) for name, cases in CASES.items() for case in cases]


@pytest.fixture(scope="module")
def pyodide_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    node = shutil.which("node")
    assert node, "node is required (./tasks test runs on a machine with Node.js 20+)"
    folder = tmp_path_factory.mktemp("pyodide")
    (folder / "calculators.zip").write_bytes(calculators_zip(ROOT))
    (folder / "data.json").write_text(bundle_json(load_data(ROOT / "data")), encoding="utf-8")
    (folder / "cases.json").write_text(json.dumps([{"calculator": n, "input": c["input"]} for n, c in ALL]))
    finished = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide" / "run_cases.mjs"), *(str(folder / f) for f in
                                                                    ("calculators.zip", "data.json", "cases.json"))],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def test_pyodide_is_the_pinned_version(pyodide_outputs: dict) -> None:
    pinned = re.search(r'pyodide_version: "([^"]+)"', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert pinned
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/pyodide"]
    assert pyodide_outputs["version"] == pinned.group(1) == locked["version"]


@pytest.mark.parametrize(("index", "case"), list(enumerate(ALL)), ids=[case["name"] for _, case in ALL])
def test_case_gives_the_cpython_result_in_pyodide(pyodide_outputs: dict, index: int, case: tuple) -> None:
    name, spec = case
    _browser.load(bundle_json(load_data(ROOT / "data")))
    expected = _browser.run_json(name, json.dumps(spec["input"]))
    assert pyodide_outputs["outputs"][index] == expected
    assert json.loads(expected)["status"] in {"result", "invalid"}
