# The calculator form, rendered from the field declarations (build time and browser share this HTML).
"""HTML for a calculator form: labels, units, help and Dutch error messages tied to each field."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from calculators._inputs import Field


def _control(calculator: str, spec: Field, value: str, error: str | None) -> str:
    ident = f"{calculator}-{spec.name}"
    described = f"{ident}-help {ident}-error"
    invalid = ' aria-invalid="true"' if error else ""
    common = f'id="{ident}" name="{spec.name}" aria-describedby="{described}"{invalid}'
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
                f'<input type="file" id="{ident}-file" accept=".csv,text/csv,text/plain" data-fills="{spec.name}" '
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


def render_form(calculator: str, fields: tuple[Field, ...], raw: Mapping[str, str], errors: Mapping[str, str]) -> str:
    """The whole form; `raw` holds the current text of each field, `errors` the Dutch message per field."""
    parts = [f'<form class="hb-calc__form" data-calculator-form="{calculator}" novalidate>']
    for spec in fields:
        ident = f"{calculator}-{spec.name}"
        value = raw.get(spec.name, spec.default)
        error = errors.get(spec.name)
        unit = f' <span class="hb-calc__unit">({escape(spec.unit)})</span>' if spec.unit else ""
        wide = " hb-calc__field--wide" if spec.kind == "text" and spec.multiline else ""
        parts.append(
            f'<div class="hb-calc__field{wide}{" hb-calc__field--error" if error else ""}" data-field="{spec.name}">'
            f'<label for="{ident}">{escape(spec.label)}{unit}</label>'
            f"{_control(calculator, spec, value, error)}"
            f'<p class="hb-calc__help" id="{ident}-help">{escape(spec.help)}</p>'
            f'<p class="hb-calc__error" id="{ident}-error" data-error-for="{spec.name}">{escape(error or "")}</p>'
            "</div>"
        )
    parts.append("</form>")
    return "".join(parts)
