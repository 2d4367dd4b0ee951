# The calculator form, rendered from the field declarations (build time and browser share this HTML).
"""HTML for a calculator form: labels, units, help and Dutch error messages tied to each field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from calculators._inputs import Field

ADJUST_SUMMARY = "Aannames aanpassen"


@dataclass(frozen=True)
class FormParts:
    """The form in two places on the page: `questions` (the <form> with the fields that come first) before the
    result, `assumptions` (a <details> with the fields marked `assumption`, or "") after it. The assumption
    controls belong to the form through its id (the HTML `form` attribute), so the form's data holds them all."""

    questions: str
    assumptions: str
    # The id of the assumptions' first line, for a link to them from above the result ("" without assumptions).
    anchor: str = ""


def form_id(calculator: str) -> str:
    return f"{calculator}-form"


def _control(calculator: str, spec: Field, value: str, error: str | None) -> str:
    ident = f"{calculator}-{spec.name}"
    described = f"{ident}-help {ident}-error"
    invalid = ' aria-invalid="true"' if error else ""
    owner = f' form="{form_id(calculator)}"' if spec.assumption else ""
    common = f'id="{ident}" name="{spec.name}" aria-describedby="{described}"{invalid}{owner}'
    if spec.kind == "choice":
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if key == value else ""}>{escape(label)}</option>'
            for key, label in spec.choices
        )
        return f"<select {common}>{options}</select>"
    if spec.kind == "text" and not spec.multiline:
        return (f'<input type="text" autocomplete="off" {common} value="{escape(value)}" '
                f'data-shareable="{str(spec.shareable).lower()}">')
    if spec.kind == "text":
        picker = ""
        if spec.file_upload:
            picker = (
                f'<input type="file" id="{ident}-file"{owner} accept=".csv,text/csv,text/plain" '
                f'data-fills="{spec.name}" '
                f'aria-label="{escape(spec.label)}: kies een bestand op je computer" hidden>'
            )
        return (
            f'<textarea {common} rows="6" spellcheck="false" data-shareable="{str(spec.shareable).lower()}">'
            f"{escape(value)}</textarea>{picker}"
        )
    required = " required" if spec.required else ""
    if spec.kind == "date":
        return f'<input type="date" {common} value="{escape(value)}"{required}>'
    mode = "numeric" if spec.kind == "integer" else "decimal"
    return f'<input type="text" inputmode="{mode}" autocomplete="off" {common} value="{escape(value)}"{required}>'


def _field(calculator: str, spec: Field, raw: Mapping[str, str], errors: Mapping[str, str]) -> str:
    ident = f"{calculator}-{spec.name}"
    value = raw.get(spec.name, spec.default)
    error = errors.get(spec.name)
    unit = f' <span class="hb-calc__unit">({escape(spec.unit)})</span>' if spec.unit else ""
    wide = " hb-calc__field--wide" if spec.kind == "text" and spec.multiline else ""
    return (
        f'<div class="hb-calc__field{wide}{" hb-calc__field--error" if error else ""}" data-field="{spec.name}">'
        f'<label for="{ident}">{escape(spec.label)}{unit}</label>'
        f"{_control(calculator, spec, value, error)}"
        f'<p class="hb-calc__help" id="{ident}-help">{escape(spec.help)}</p>'
        f'<p class="hb-calc__error" id="{ident}-error" data-error-for="{spec.name}">{escape(error or "")}</p>'
        "</div>"
    )


def form_parts(calculator: str, fields: tuple[Field, ...], raw: Mapping[str, str],
               errors: Mapping[str, str]) -> FormParts:
    """The form's two parts; `raw` holds the current text of each field, `errors` the Dutch message per field.

    The assumptions start open when one of them has a message or a value other than its default (a shared
    link), so nothing the answer depends on is hidden from the reader; runtime.js does the same live.
    """
    first = [spec for spec in fields if not spec.assumption]
    rest = [spec for spec in fields if spec.assumption]
    questions = (
        f'<form class="hb-calc__form" id="{form_id(calculator)}" data-calculator-form="{calculator}" novalidate>'
        + "".join(_field(calculator, spec, raw, errors) for spec in first)
        + "</form>"
    )
    if not rest:
        return FormParts(questions, "")
    changed = any(spec.name in errors or raw.get(spec.name, spec.default) != spec.default for spec in rest)
    assumptions = (
        f'<details class="hb-calc__adjust" data-assumptions{" open" if changed else ""}>'
        f'<summary id="{calculator}-aannames-kop">{ADJUST_SUMMARY}</summary>'
        f'<p class="hb-calc__adjust-intro" id="{calculator}-aannames">De uitkomst hierboven rekent met deze '
        "waarden. Weet je het beter voor je eigen praktijk, pas ze dan aan.</p>"
        f'<div class="hb-calc__form" role="group" aria-labelledby="{calculator}-aannames-kop">'
        + "".join(_field(calculator, spec, raw, errors) for spec in rest)
        + "</div></details>"
    )
    return FormParts(questions, assumptions, f"{calculator}-aannames")


def render_form(calculator: str, fields: tuple[Field, ...], raw: Mapping[str, str], errors: Mapping[str, str]) -> str:
    """The whole form in one piece (embed() puts the result between its two parts)."""
    parts = form_parts(calculator, fields, raw, errors)
    return parts.questions + parts.assumptions
