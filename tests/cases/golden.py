"""Reading the golden cases: tests/cases/<calculator>.yaml, each case with its input and expected output.

A case file is a mapping: `as_of` (the build date the defaults follow from, so a case with default
dates gives the same answer in every year) and `cases`, each with `name`, `input` (form text by field)
and `output` (see key_figures.py). The cases pin the national handbook: they run on its bundle, also in a region's
fork (tests/regions.py). Run `python -m tests.cases.golden <calculator>` to print what the
calculators give today for every case, to review by hand before copying it into the file.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).resolve().parent


def case_files() -> dict[str, dict[str, Any]]:
    """Calculator name -> the parsed case file."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(FOLDER.glob("*.yaml"))}


def bundle_as_of(bundle: dict[str, Any], as_of: str) -> dict[str, Any]:
    """A copy of the data bundle as if built on `as_of`."""
    dated = copy.deepcopy(bundle)
    dated["as_of"] = as_of
    return dated


def _print_outputs(name: str) -> None:
    from calculators import run
    from tests.cases.key_figures import key_figures
    from tests.regions import national_data

    spec = case_files()[name]
    bundle = bundle_as_of(national_data(), spec["as_of"])
    outputs = [
        {"name": case["name"], "output": key_figures(run(name, bundle, case["input"]))} for case in spec["cases"]
    ]
    print(yaml.safe_dump(outputs, allow_unicode=True, sort_keys=False, width=110))


if __name__ == "__main__":
    _print_outputs(sys.argv[1])
