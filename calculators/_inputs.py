# Form fields declared once: the page's form, the URL state and the validation all come from here.
"""Input declarations and parsing with Dutch messages per field (the single source of UI messages)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Literal, TypeVar

from calculators._format import number, with_unit

Kind = Literal["decimal", "integer", "date", "choice", "text"]

# "1.234,56" (Dutch), "1234,56", "1234.56" (browser number fields) and "2.700" (Dutch thousands).
_DUTCH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")
_DUTCH_DATE = re.compile(r"^(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Field:
    """One input of a calculator: how it is labelled, bounded, explained and parsed."""

    name: str
    label: str
    kind: Kind
    default: str
    help: str = ""
    unit: str = ""
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[tuple[str, str], ...] = ()
    # Dutch message when the value is below the minimum (e.g. a rule from the playbook), else a generic one.
    below_minimum: str = ""
    # "text" fields: multi-line input (a textarea), at most max_length characters.
    max_length: int = 0
    # False: a "text" field on one line (a name, a place), rendered as <input type="text">.
    multiline: bool = True
    # False: an empty value is allowed (parsed as "" for text, None otherwise).
    required: bool = True
    # False: never written to the shareable URL (long or private text such as pasted CSV files).
    shareable: bool = True
    # True: the form offers a file picker that reads a local file into this (text) field; it never leaves the browser.
    file_upload: bool = False
    # True: a value most readers keep (an assumption); the form shows it after the result, folded away under
    # "Aannames aanpassen" (calculators/_form.py), while the other fields and the answer come first.
    assumption: bool = False


@dataclass(frozen=True)
class ParsedInputs:
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_decimal(text: str) -> Decimal | None:
    cleaned = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if _DUTCH_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _PLAIN.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_date(text: str) -> dt.date | None:
    """A real date typed as dd-mm-jjjj, d-m-jjjj (also with / or .) or ISO jjjj-mm-dd; None otherwise."""
    dutch = _DUTCH_DATE.match(text)
    try:
        if dutch:
            return dt.date(int(dutch["year"]), int(dutch["month"]), int(dutch["day"]))
        return dt.date.fromisoformat(text) if _ISO_DATE.match(text) else None
    except ValueError:
        return None




def _in_sentence(label: str) -> str:
    """A label inside a sentence: first letter lower case, but an acronym stays ("BVP", "SBB")."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def parse_field(spec: Field, raw: str | None) -> tuple[Any, str | None]:
    """Parse one raw string; return (value, None) or (None, Dutch message)."""
    if spec.kind == "text":
        value = raw or ""
        if spec.max_length and len(value) > spec.max_length:
            return None, f"De tekst is te lang: maximaal {number(spec.max_length)} tekens (ongeveer zoveel bytes)."
        if spec.required and not value.strip():
            return None, f"Vul {_in_sentence(spec.label)} in."
        return value, None
    text = (raw or "").strip()
    if not text:
        if not spec.required:
            return None, None
        return None, f"Vul {_in_sentence(spec.label)} in."
    if spec.kind == "choice":
        allowed = {key for key, _ in spec.choices}
        if text not in allowed:
            if spec.label.endswith("?"):  # a question keeps its own capitals (UWV)
                return None, f"Kies een antwoord op de vraag: {spec.label}"
            return None, f"Kies een van de mogelijkheden bij {_in_sentence(spec.label)}."
        return text, None
    if spec.kind == "date":
        day = parse_date(text)
        return (day, None) if day is not None else (None, "Vul een geldige datum in (dd-mm-jjjj).")
    amount = parse_decimal(text)
    if amount is None:
        return None, "Vul een getal in, bijvoorbeeld 24 of 2.500,50."
    if spec.kind == "integer" and amount != amount.to_integral_value():
        return None, "Vul een geheel getal in."
    if spec.minimum is not None and amount < spec.minimum:
        return None, spec.below_minimum or f"Vul minimaal {with_unit(spec.minimum.normalize(), spec.unit)} in."
    if spec.maximum is not None and amount > spec.maximum:
        return None, f"Vul hoogstens {with_unit(spec.maximum.normalize(), spec.unit)} in."
    return (int(amount) if spec.kind == "integer" else amount), None


def parse_inputs(fields: tuple[Field, ...], raw: Mapping[str, str]) -> ParsedInputs:
    """Parse every declared field; unknown keys in `raw` are ignored (old shared links keep working)."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in fields:
        value, error = parse_field(spec, raw.get(spec.name, spec.default) if raw is not None else spec.default)
        if error:
            errors[spec.name] = error
        else:
            values[spec.name] = value
    return ParsedInputs(values, errors)


Typed = TypeVar("Typed")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def typed_input(cls: type[Typed], values: Mapping[str, Any]) -> Typed:
    """The dataclass `cls` from parsed values, field by field name (declared once, never restated).

    A `bool` field is a ja/nee choice in the form.
    """
    hints = _hints(cls)
    kwargs = {}
    for item in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = values[item.name]
        if hints[item.name] is bool and isinstance(value, str):
            value = value == "ja"
        kwargs[item.name] = value
    return cls(**kwargs)
