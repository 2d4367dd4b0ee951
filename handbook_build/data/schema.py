"""JSON Schema validation (data/schema/) with Dutch reasons a maintainer who is not a programmer can act on."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from handbook_build.problems import DataProblem, key_path


def _schemas(schema_dir: Path) -> dict[str, dict]:
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_dir.glob("*.json"))}


def _registry(schema_dir: Path) -> Registry:
    return Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in _schemas(schema_dir).items()
    )


@cache
def _validators(schema_dir: Path) -> dict[str, Draft202012Validator]:
    schemas = _schemas(schema_dir)
    registry = _registry(schema_dir)
    validators = {}
    for schema in schemas.values():
        kind = schema.get("properties", {}).get("kind", {}).get("const")
        if kind:
            validators[kind] = Draft202012Validator(schema, registry=registry)
    return validators


@cache
def document_validator(schema_dir: Path, file_name: str) -> Draft202012Validator:
    """The validator of one schema file by name (documents without a `kind`: source documents, tip front matter)."""
    schema = json.loads((schema_dir / file_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(schema_dir))


def _key_path(error: ValidationError) -> str:
    """Where the problem is; a missing or unknown field is named itself, not only the block it belongs in."""
    parts: list[str | int] = list(error.absolute_path)  # ints are list positions, written from 1 (key_path)
    if error.validator == "required":
        parts += [name for name in error.validator_value if name not in (error.instance or {})][:1]
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        parts += sorted(map(str, set(error.instance) - set(error.schema.get("properties", {}))))[:1]
    return key_path(*parts)


def _deepest(error: ValidationError) -> ValidationError:
    """For anyOf/allOf failures, report the most specific sub-error (the one a person can act on)."""
    while error.context:
        error = max(error.context, key=lambda e: len(e.absolute_path))
    return error


# Where an unknown key sends a person: the schema for data/, the field table for tips (validation_problems).
DATA_FIELDS_HINT = "zie het schema in data/schema/"
# Kinds whose allowed keys a page lists for the people who edit them.
FIELDS_HINT_BY_KIND = {"region": "zie de tabel met velden in docs/bijdragen/eigen-regio.md"}


def _dutch_reason(error: ValidationError, fields_hint: str = DATA_FIELDS_HINT) -> str:
    validator, value = error.validator, error.validator_value
    if validator == "required":
        missing = [name for name in value if name not in (error.instance or {})]
        return f"verplicht veld ontbreekt: {', '.join(missing)}"
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"onbekende sleutel: {', '.join(map(str, extra))} (typfout? {fields_hint})"
    if validator == "pattern" and "[0-9]{4}-[0-9]{2}" in str(value):
        return f"'{error.instance}' is geen datum in de vorm JJJJ-MM-DD"
    if validator == "pattern" and "https?" in str(value):
        return f"'{error.instance}' is geen volledig webadres (begint met https://)"
    if validator == "pattern" and str(value).startswith("^[^") and "]+$" in str(value):
        forbidden = " ".join(str(value)[3:str(value).index("]")])
        return f"'{error.instance}' bevat een teken dat hier niet mag ({forbidden})"
    if validator == "propertyNames":
        return f"ongeldige sleutel: {error.message}"
    if validator == "minimum":
        return f"{error.instance} is negatief; bedragen en aantallen moeten 0 of meer zijn"
    if validator in {"enum", "const"}:
        allowed = value if isinstance(value, list) else [value]
        return f"'{error.instance}' is niet toegestaan; kies uit: {', '.join(map(str, allowed))}"
    if validator == "type":
        names = {
            "number": "een getal",
            "string": "tekst",
            "object": "een blok met sleutels",
            "array": "een lijst",
            "boolean": "true of false",
            "null": "leeg (null)",
        }
        wanted = value if isinstance(value, list) else [value]
        return f"verwacht {' of '.join(names.get(w, w) for w in wanted)}, gevonden: {error.instance!r}"
    if validator in {"minProperties", "minItems"}:
        return "mag niet leeg zijn"
    if validator == "minLength":
        return "mag geen lege tekst zijn"
    if validator == "maxLength":
        return f"is te lang ({len(error.instance)} tekens; maximaal {value})"
    if validator == "uniqueItems":
        return "een waarde staat er twee keer in"
    return error.message


def schema_problems(document: Any, display: str, schema_dir: Path) -> list[DataProblem]:
    validators = _validators(schema_dir)
    if not isinstance(document, dict) or document.get("kind") not in validators:
        kinds = ", ".join(sorted(validators))
        found = document.get("kind") if isinstance(document, dict) else None
        return [DataProblem(display, "kind", f"onbekende of ontbrekende soort '{found}'; kies uit: {kinds}")]
    kind = document["kind"]
    return validation_problems(validators[kind], document, display, FIELDS_HINT_BY_KIND.get(kind, DATA_FIELDS_HINT))


def validation_problems(validator: Draft202012Validator, document: Any, display: str,
                        fields_hint: str = DATA_FIELDS_HINT) -> list[DataProblem]:
    """Every schema violation of `document` as a problem with file, key path and Dutch reason; `fields_hint`
    says where the allowed keys are listed, for an unknown key."""
    problems = []
    for error in validator.iter_errors(document):
        specific = _deepest(error)
        problems.append(DataProblem(display, _key_path(specific), _dutch_reason(specific, fields_hint)))
    return sorted(set(problems), key=lambda p: (p.key, p.reason))
