"""The build's memory snapshot restores calculators with exactly the CPython results; damage falls back.

Booted with what the site ships: the build's compiled standard library and the calculators as bytecode.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from calculators import _browser
from handbook_build.data import bundle_json, load_data
from handbook_build.runtime import calculators_zip
from handbook_build.runtime.artifacts import pyodide_dir, trimmed_lock_file
from tests.conftest import ROOT
from tests.pyodide.test_parity import ALL

SCRIPT = ROOT / "tests" / "pyodide" / "run_boot.mjs"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("boot")
    snapshots = list((built_site / "assets" / "pyodide").glob("snapshot-*.bin.gz"))
    assert len(snapshots) == 1, "the build made no (or more than one) snapshot"
    stdlibs = list((built_site / "assets" / "python").glob("stdlib-*.zip"))
    bytecode = list((built_site / "assets" / "python").glob("calculators-bytecode.*.zip"))
    assert len(stdlibs) == 1 and len(bytecode) == 1, "the build made no compiled standard library or calculators"
    files = {"snapshot": snapshots[0], "zip": bytecode[0], "data": folder / "data.json",
             "cases": folder / "cases.json", "lock": folder / "lock.json", "stdlib": stdlibs[0],
             "sources": folder / "calculators.zip"}
    pinned = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))["version"]
    files["lock"].write_text(trimmed_lock_file(pyodide_dir(ROOT, pinned)), encoding="utf-8")
    files["sources"].write_bytes(calculators_zip(ROOT))
    files["data"].write_text(bundle_json(load_data(ROOT / "data")), encoding="utf-8")
    files["cases"].write_text(json.dumps([{"calculator": n, "input": c["input"]} for n, _, c in ALL]))
    return files


def boot(snapshot: Path | str, files: dict[str, Path]) -> dict:
    node = shutil.which("node")
    assert node
    arguments = [str(snapshot), *(str(files[key]) for key in ("zip", "data", "cases", "lock", "stdlib"))]
    finished = subprocess.run([node, str(SCRIPT), *arguments], cwd=ROOT, capture_output=True, text=True,
                              timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr[-2000:]
    return json.loads(finished.stdout)


def expected() -> list[str]:
    """CPython's outputs with the bundle as the build made it (the snapshot holds that bundle, built today)."""
    _browser.load(bundle_json(load_data(ROOT / "data")))
    return [_browser.run_json(name, json.dumps(case["input"])) for name, _, case in ALL]


def test_the_built_snapshot_restores_with_the_cpython_results(inputs: dict[str, Path]) -> None:
    result = boot(inputs["snapshot"], inputs)
    assert result["boot"] == "snapshot"
    assert result["outputs"] == expected()


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_snapshot_falls_back_to_the_plain_boot(inputs: dict[str, Path], tmp_path: Path, damage: str) -> None:
    data = bytearray(inputs["snapshot"].read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    else:
        data[len(data) // 2] ^= 0xFF
    broken = tmp_path / "snapshot.bin.gz"
    broken.write_bytes(bytes(data))
    result = boot(broken, inputs)
    assert result["boot"] == "plain"
    assert result["outputs"] == expected()


def test_without_a_snapshot_the_plain_boot_gives_the_same_results(inputs: dict[str, Path]) -> None:
    result = boot("none", inputs)
    assert result["boot"] == "plain"
    assert result["outputs"] == expected()


def test_the_calculators_ship_as_bytecode_and_the_standard_library_compiled_where_they_use_it(
        inputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(inputs["zip"]) as shipped, zipfile.ZipFile(inputs["sources"]) as sources:
        names, source_names = set(shipped.namelist()), set(sources.namelist())
    python = {name for name in source_names if name.endswith(".py")}
    assert python and not names & python
    assert {name[:-3] + ".pyc" for name in python} <= names
    assert source_names - python <= names  # data files (templates) travel as they are
    with zipfile.ZipFile(inputs["stdlib"]) as stdlib:
        modules = set(stdlib.namelist())
    # Imported by the calculators: compiled. Not imported by them: left as source.
    assert {"decimal.pyc", "json/__init__.pyc", "json/decoder.pyc", "zipfile/__init__.pyc"} <= modules
    assert "decimal.py" not in modules and "json/__init__.py" not in modules
    assert {"xml/sax/saxutils.py", "urllib/request.py", "http/client.py"} <= modules
