# One entry per calculator: the loader, the worker and the build find calculators here by name.
"""The calculator registry and the one generic entry point `run(name, bundle, raw)`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from calculators import cost, planning
from calculators._form import form_parts
from calculators._inputs import Field, parse_inputs
from calculators._parts import Expanded, TextFile
from calculators.matching import checklist_calculator, regional_calculator


class Calculator(Protocol):
    """What every calculator module provides (a module satisfies this protocol by its top-level names)."""

    NAME: str
    TITLE: str

    def fields(self, bundle: Mapping[str, Any], /) -> tuple[Field, ...]:
        """The form's fields with defaults from the bundle."""
        ...

    def check(self, bundle: Mapping[str, Any], values: Mapping[str, Any], /) -> dict[str, str]:
        """Dutch messages by field for problems across fields; empty when the input can be computed."""
        ...

    def compute(self, bundle: Mapping[str, Any], values: Mapping[str, Any], /) -> Any:
        """The calculator's typed result for valid parsed values."""
        ...

    def render(self, result: Any, /) -> str:
        """HTML for the result (the same at build time and in the browser)."""
        ...


class LazyCalculator(Calculator, Protocol):
    """A calculator whose live render leaves collapsed parts and downloads for later (calculators/_parts.py)."""

    def compute_live(self, bundle: Mapping[str, Any], values: Mapping[str, Any], expanded: frozenset[str], /) -> Any:
        """The result a live render with `expanded` parts needs (it may leave out what collapsed parts show)."""
        ...

    def render_live(self, result: Any, expanded: frozenset[str], /) -> str:
        """HTML for the result with only the `expanded` collapsed parts in full, downloads as buttons."""
        ...

    def render_part(self, result: Any, key: str, /) -> str | TextFile:
        """One part the live render left out; KeyError for a key the result has no part for."""
        ...


CALCULATORS: dict[str, Calculator] = {
    module.NAME: module for module in (cost, planning, checklist_calculator, regional_calculator)
}

# Field declarations per calculator for the last bundle it saw: built once, not on every keystroke (the worker
# and the build each hold one bundle). Compared by identity, so another bundle gets its own fields.
_FIELDS: dict[str, tuple[Mapping[str, Any], tuple[Field, ...]]] = {}


def get(name: str) -> Calculator:
    if name not in CALCULATORS:
        raise KeyError(f"onbekende rekenhulp: {name}")
    return CALCULATORS[name]


def fields_of(calculator: Calculator, bundle: Mapping[str, Any]) -> tuple[Field, ...]:
    """The calculator's fields for this bundle, from the cache after the first call."""
    found = _FIELDS.get(calculator.NAME)
    if found is not None and found[0] is bundle:
        return found[1]
    declared = calculator.fields(bundle)
    _FIELDS[calculator.NAME] = (bundle, declared)
    return declared


def run(name: str, bundle: Mapping[str, Any], raw: Mapping[str, str]) -> dict[str, Any]:
    """Validate raw form text and compute. Returns {'status': 'result', 'html'} or {'status': 'invalid', 'errors'}.

    Never raises for bad input: every problem becomes a Dutch message keyed by field name.
    """
    return evaluate(get(name), bundle, raw)


def _computed(calculator: Calculator, bundle: Mapping[str, Any], raw: Mapping[str, str],
              expanded: Expanded) -> tuple[dict[str, str], Any]:
    """Parse, check across fields and compute: (Dutch messages by field, None) or ({}, result)."""
    parsed = parse_inputs(fields_of(calculator, bundle), raw)
    errors = dict(parsed.errors)
    if not errors:
        errors.update(calculator.check(bundle, parsed.values))
    if errors:
        return errors, None
    live = getattr(calculator, "compute_live", None)
    if live is not None and expanded is not None:
        return {}, live(bundle, parsed.values, expanded)
    return {}, calculator.compute(bundle, parsed.values)


def evaluate(calculator: Calculator, bundle: Mapping[str, Any], raw: Mapping[str, str],
             expanded: Expanded = None) -> dict[str, Any]:
    """run() for a calculator module: parse, check across fields, compute, render (a live render when
    `expanded` is given and the calculator has one)."""
    errors, result = _computed(calculator, bundle, raw, expanded)
    if errors:
        return {"status": "invalid", "errors": errors}
    live = getattr(calculator, "render_live", None)
    html = live(result, expanded) if live is not None and expanded is not None else calculator.render(result)
    return {"status": "result", "html": html, "result": result}


def part(name: str, bundle: Mapping[str, Any], raw: Mapping[str, str], key: str) -> dict[str, Any]:
    """One part a live render left out: {"status": "result", "html"}, a download {"status": "text", "name",
    "type", "text"}, or {"status": "invalid", "errors"} as run() gives. KeyError for a part the result lacks."""
    calculator = get(name)
    errors, result = _computed(calculator, bundle, raw, frozenset({key}))
    if errors:
        return {"status": "invalid", "errors": errors}
    found = calculator.render_part(result, key)  # type: ignore[attr-defined]
    if isinstance(found, TextFile):
        return {"status": "text", "name": found.name, "type": found.media_type, "text": found.text}
    return {"status": "result", "html": found}


def embed(name: str, bundle: Mapping[str, Any], raw: Mapping[str, str] | None = None) -> str:
    """Form plus pre-rendered result for the page: what the reader sees before (or without) JavaScript."""
    calculator = get(name)
    raw = dict(raw or {})
    outcome = evaluate(calculator, bundle, raw)
    errors = outcome.get("errors", {})
    form = form_parts(name, fields_of(calculator, bundle), raw, errors)
    result = outcome.get("html", "")
    # The assumptions are far below on a phone: a link there (a browser opens the folded block to show its target).
    jump = (
        f'<p class="hb-calc__jump"><a href="#{form.anchor}" data-open-assumptions>Aannames aanpassen</a> '
        "(onder de uitkomst)</p>" if form.anchor else ""
    )
    # Reading order, also without JavaScript: the questions, the status, the answer, then the assumptions (folded
    # away). A recompute replaces only the result's contents, so the fields around it stay where they are.
    return (
        f'<div class="hb-calc" data-calculator="{name}" data-runtime="static">{form.questions}'
        '<div class="hb-calc__bar"><p class="hb-calc__status" role="status" aria-live="polite" data-status>'
        "Uitkomst voor de standaardwaarden. Pas de velden aan om te rekenen met je eigen gegevens.</p>"
        '<button type="button" class="md-button" data-copy-link hidden>Kopieer link naar deze berekening</button>'
        f'{jump}</div><div class="hb-calc__result" data-result>{result}</div>{form.assumptions}</div>'
    )
