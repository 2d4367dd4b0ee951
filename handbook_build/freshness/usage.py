"""Which calculators and pages use which value of data/: a static scan plus one traced run per calculator.

Static: parameter keys (or key prefixes such as "schemes.praktijkleren.") written in calculators/ code, and
the macros in docs/ that show data (parameter_table, facts_table, scheme_sections, ...). Dynamic: every
calculator is run once with its default inputs on a bundle that records which parameters it reads, so
the build can warn about exactly the values behind the defaults.
"""

from __future__ import annotations

import ast
import json
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from calculators import _registry
from calculators._parameters import load_bundle


@dataclass
class Usage:
    calculators: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Parameter key -> calculators that read it with their default inputs (a subset of `calculators`).
    defaults: dict[str, tuple[str, ...]] = field(default_factory=dict)


class _RecordingParameters(dict):
    """The bundle's parameters, remembering every key a calculator looks up."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self:
            self.read.add(key)
        return super().get(key, default)


def _calculator_bundle(bundle: Mapping[str, Any]) -> dict[str, Any]:
    """A fresh copy as the calculators read it (exact Decimals), whichever form `bundle` came in."""
    text = json.dumps(bundle, default=lambda o: float(o) if isinstance(o, Decimal) else str(o))
    return load_bundle(text)


def calculators_using_defaults(bundle: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Parameter key -> names of the calculators that read it when run with their default inputs."""
    found: dict[str, list[str]] = defaultdict(list)
    for name in _registry.CALCULATORS:
        traced = _calculator_bundle(bundle)
        recorder = _RecordingParameters(traced["parameters"])
        traced["parameters"] = recorder
        try:
            _registry.run(name, traced, {})
        except Exception:  # noqa: BLE001 - a broken calculator is reported by its own tests, not here
            continue
        for key in recorder.read:
            found[key].append(name)
    return {key: tuple(sorted(names)) for key, names in found.items()}


def _string_constants(source: str) -> set[str]:
    return {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)
            and isinstance(node.value, str)}


def _mentions(constants: set[str], key: str) -> bool:
    """A key written out, or a prefix of at least two parts ("cao.working_conditions.") that it extends."""
    return key in constants or any(c.endswith(".") and c.count(".") >= 2 and key.startswith(c) for c in constants)


def _reads_by_attribute(source: str, key: str) -> bool:
    """`p.cao.working_conditions.holiday_pay_rate`: the key's last two parts written as an attribute chain."""
    parts = key.split(".")
    return len(parts) >= 2 and f".{parts[-2]}.{parts[-1]}" in source


def _scheme_amount(bundle: Mapping[str, Any], source: str, key: str) -> bool:
    """A scheme's amounts are read by its named formula through `amount_key(...)` (calculators/cost/formulas.py)."""
    parts = key.split(".")
    if parts[0] != "schemes" or "amount_key(" not in source:
        return False
    scheme = bundle["schemes"].get(parts[1], {})
    return scheme.get("formula") not in (None, "in_kind")


def _calculator_sources(root: Path) -> dict[str, str]:
    """Calculator name -> the source text of its package (calculators sharing a package share the text)."""
    sources = {}
    for name, module in _registry.CALCULATORS.items():
        package = root / Path(*module.__name__.split("."))
        files = sorted(package.rglob("*.py")) if package.is_dir() else [package.with_suffix(".py")]
        sources[name] = "\n".join(path.read_text(encoding="utf-8") for path in files)
    return sources


def _static_calculator_usage(bundle: Mapping[str, Any], root: Path) -> dict[str, set[str]]:
    used: dict[str, set[str]] = defaultdict(set)
    holiday_keys = [f"school_holidays.{year}" for year in bundle["school_holidays"]]
    for name, source in _calculator_sources(root).items():
        constants = _string_constants(source)
        for key in bundle["parameters"]:
            if _mentions(constants, key) or _reads_by_attribute(source, key) or _scheme_amount(bundle, source, key):
                used[key].add(name)
        if "_holidays" in source or "school_holidays" in constants:
            for key in holiday_keys:
                used[key].add(name)
    return used


MACRO_CALL = re.compile(r"\b(parameter_table|facts_table|calculator)\(([^)]*)\)")
QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def _keys_on_page(text: str, bundle: Mapping[str, Any], calculator_keys: Mapping[str, set[str]]) -> set[str]:
    parameters = bundle["parameters"]
    keys = {key for key in parameters if key in text}
    for macro, arguments in MACRO_CALL.findall(text):
        for argument in QUOTED.findall(arguments):
            if macro == "parameter_table":
                keys |= {key for key, param in parameters.items() if param["file"] == argument}
            elif macro == "facts_table" and argument in bundle["facts"]:
                keys |= {f"facts.{argument}.{name}" for name in bundle["facts"][argument]["facts"]}
            elif macro == "calculator":
                keys |= calculator_keys.get(argument, set())
    if "scheme_sections()" in text:
        keys |= {key for key in parameters if key.startswith("schemes.")}
    if "salary_table_status()" in text:
        keys |= {key for key in parameters if key.startswith("cao.salary_tables.")}
    if "school_year_table(" in text:
        keys |= {f"school_holidays.{year}" for year in bundle["school_holidays"]}
    return keys


def find_usage(bundle: Mapping[str, Any], root: Path) -> Usage:
    """Who uses what: calculators by name, pages by their path under docs/."""
    by_key: dict[str, set[str]] = _static_calculator_usage(bundle, root)
    defaults = calculators_using_defaults(bundle)
    for key, names in defaults.items():
        by_key.setdefault(key, set()).update(names)
    calculator_keys: dict[str, set[str]] = defaultdict(set)
    for key, names in by_key.items():
        for name in names:
            calculator_keys[name].add(key)
    pages: dict[str, set[str]] = defaultdict(set)
    docs = root / "docs"
    for page in sorted(docs.rglob("*.md")):
        for key in _keys_on_page(page.read_text(encoding="utf-8"), bundle, calculator_keys):
            pages[key].add(page.relative_to(docs).as_posix())
    return Usage(
        calculators={key: tuple(sorted(names)) for key, names in by_key.items()},
        pages={key: tuple(sorted(paths)) for key, paths in pages.items()},
        defaults=defaults,
    )
