# One entry per calculator: the loader, the worker and the build find calculators here by name.
"""The calculator registry and the one generic entry point `run(name, bundle, raw)`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from calculators._form import render_form
from calculators._inputs import Field, parse_inputs


@dataclass(frozen=True)
class Calculator:
    name: str
    title: str
    fields: Callable[[Mapping[str, Any]], tuple[Field, ...]]
    check: Callable[[Mapping[str, Any], Mapping[str, Any]], dict[str, str]]
    compute: Callable[[Mapping[str, Any], Mapping[str, Any]], Any]
    render: Callable[[Any], str]


# Name -> (module, factory): imported on first use, so a page loads only the calculator it shows.
CALCULATORS: dict[str, tuple[str, str]] = {
    "kosten": ("calculators.cost", "cost_calculator"),
    "planning": ("calculators.planning", "planning_calculator"),
    "matching": ("calculators.matching", "checklist_calculator"),
    "matching-regio": ("calculators.matching", "regional_calculator"),
}


def get(name: str) -> Calculator:
    if name not in CALCULATORS:
        raise KeyError(f"onbekende rekenhulp: {name}")
    module, factory = CALCULATORS[name]
    return getattr(importlib.import_module(module), factory)()


def run(name: str, bundle: Mapping[str, Any], raw: Mapping[str, str]) -> dict[str, Any]:
    """Validate raw form text and compute. Returns {'status': 'result', 'html'} or {'status': 'invalid', 'errors'}.

    Never raises for bad input: every problem becomes a Dutch message keyed by field name.
    """
    return evaluate(get(name), bundle, raw)


def evaluate(calculator: Calculator, bundle: Mapping[str, Any], raw: Mapping[str, str]) -> dict[str, Any]:
    """run() for a Calculator object: parse, check across fields, compute, render."""
    parsed = parse_inputs(calculator.fields(bundle), raw)
    errors = dict(parsed.errors)
    if not errors:
        errors.update(calculator.check(bundle, parsed.values))
    if errors:
        return {"status": "invalid", "errors": errors}
    result = calculator.compute(bundle, parsed.values)
    return {"status": "result", "html": calculator.render(result), "result": result}


def embed(name: str, bundle: Mapping[str, Any], raw: Mapping[str, str] | None = None) -> str:
    """Form plus pre-rendered result for the page: what the reader sees before (or without) JavaScript."""
    calculator = get(name)
    raw = dict(raw or {})
    outcome = evaluate(calculator, bundle, raw)
    errors = outcome.get("errors", {})
    form = render_form(name, calculator.fields(bundle), raw, errors)
    result = outcome.get("html", "")
    return (
        f'<div class="hb-calc" data-calculator="{name}" data-runtime="static">{form}'
        '<div class="hb-calc__bar"><p class="hb-calc__status" role="status" aria-live="polite" data-status>'
        "Uitkomst voor de standaardwaarden. Pas de velden aan om te rekenen met je eigen gegevens.</p>"
        '<button type="button" class="md-button" data-copy-link hidden>Kopieer link naar deze berekening</button>'
        f'</div><div class="hb-calc__result" data-result>{result}</div></div>'
    )
