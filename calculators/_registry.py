# One entry per calculator: the loader, the worker and the build find calculators here by name.
"""The calculator registry and the one generic entry point `run(name, bundle, raw)`."""

from __future__ import annotations

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


def _cost() -> Calculator:
    from calculators.cost import checks, inputs, model, view

    return Calculator(
        name="kosten",
        title="Kosten en subsidies van een BBL-zij-instromer",
        fields=inputs.fields,
        check=checks.check,
        compute=lambda bundle, values: model.compute(bundle, inputs.to_input(values)),
        render=view.render_result,
    )


def _planning() -> Calculator:
    from calculators.planning import planning_calculator

    return planning_calculator()


def _matching() -> Calculator:
    from calculators.matching import checklist_calculator

    return checklist_calculator()


def _matching_regional() -> Calculator:
    from calculators.matching import regional_calculator

    return regional_calculator()


CALCULATORS: dict[str, Callable[[], Calculator]] = {
    "kosten": _cost,
    "planning": _planning,
    "matching": _matching,
    "matching-regio": _matching_regional,
}


def get(name: str) -> Calculator:
    if name not in CALCULATORS:
        raise KeyError(f"onbekende rekenhulp: {name}")
    return CALCULATORS[name]()


def run(name: str, bundle: Mapping[str, Any], raw: Mapping[str, str]) -> dict[str, Any]:
    """Validate raw form text and compute. Returns {'status': 'result', 'html'} or {'status': 'invalid', 'errors'}.

    Never raises for bad input: every problem becomes a Dutch message keyed by field name.
    """
    calculator = get(name)
    fields = calculator.fields(bundle)
    parsed = parse_inputs(fields, raw)
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
    outcome = run(name, bundle, raw)
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
