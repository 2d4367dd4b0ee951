"""The golden cases give their expected outputs, byte for byte the CPython results, inside the real Pyodide
runtime (Node, the npm package the site ships)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from calculators import _browser
from handbook_build.data import bundle_json
from handbook_build.runtime import calculators_zip
from tests.cases.golden import bundle_as_of, case_files
from tests.cases.key_figures import key_figures
from tests.conftest import ROOT
from tests.regions import national_data

FILES = case_files()
ALL = [(name, spec["as_of"], case) for name, spec in FILES.items() for case in spec["cases"]]
# One data bundle for all cases: every case file uses the same build date.
AS_OF = {spec["as_of"] for spec in FILES.values()}
assert len(AS_OF) == 1, "all golden case files use one as_of"
BUNDLE = bundle_json(bundle_as_of(national_data(), AS_OF.pop()))  # national figures, also in a fork


@pytest.fixture(scope="module")
def pyodide_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    node = shutil.which("node")
    assert node, "node is required (./tasks test runs on a machine with Node.js 20+)"
    folder = tmp_path_factory.mktemp("pyodide")
    (folder / "calculators.zip").write_bytes(calculators_zip(ROOT))
    (folder / "data.json").write_text(BUNDLE, encoding="utf-8")
    (folder / "cases.json").write_text(json.dumps([{"calculator": n, "input": c["input"]} for n, _, c in ALL]))
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


@pytest.mark.parametrize(("index", "case"), list(enumerate(ALL)), ids=[f"{n}: {c['name']}" for n, _, c in ALL])
def test_case_gives_the_expected_output_in_pyodide(pyodide_outputs: dict, index: int, case: tuple) -> None:
    name, _, spec = case
    in_pyodide = pyodide_outputs["outputs"][index]
    assert key_figures(json.loads(in_pyodide)) == spec["output"]
    _browser.load(BUNDLE)
    assert in_pyodide == _browser.run_json(name, json.dumps(spec["input"])), "Pyodide and CPython differ"
