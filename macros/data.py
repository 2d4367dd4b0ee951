"""Strict loader for data/: YAML without surprises, JSON Schema validation, semantic checks, one bundle.

Build-time only (needs PyYAML and jsonschema). Errors name the file, the key path and the reason in
Dutch, so a maintainer who is not a programmer can fix the data. No MkDocs imports here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from calculators._checks import bundle_problems

BUNDLE_FORMAT = 1


@dataclass(frozen=True)
class DataProblem:
    """One thing wrong in one data file."""

    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key or '(bestand)'}: {self.reason}"


class DataError(Exception):
    """The data in data/ is not valid; the message lists every problem found."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Fout in de gegevens ({len(problems)}):\n{lines}")


# --- YAML ----------------------------------------------------------------------------------------


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text (checked later) and refuses duplicate keys (also used for tips)."""


# Drop the implicit timestamp resolver: "2024-02-30" must be reported, not silently crash or coerce.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in mapping:
            raise DuplicateKeyError(
                problem=f"sleutel '{key}' staat twee keer in hetzelfde blok",
                problem_mark=key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, display: str) -> Any:
    """Parse one YAML file strictly; raise DataError naming the file on any syntax problem."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)  # noqa: S506 - strict SafeLoader
    except DuplicateKeyError as error:
        raise DataError([DataProblem(display, f"regel {error.problem_mark.line + 1}", error.problem)]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark else ""
        reason = f"geen geldige YAML ({getattr(error, 'problem', error)})"
        raise DataError([DataProblem(display, where, reason)]) from None


# --- Schema ----------------------------------------------------------------------------------------


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


def _key_path(error: ValidationError) -> str:
    return ".".join(str(part) for part in error.absolute_path)


def _deepest(error: ValidationError) -> ValidationError:
    """For anyOf/allOf failures, report the most specific sub-error (the one a person can act on)."""
    while error.context:
        error = max(error.context, key=lambda e: len(e.absolute_path))
    return error


def _dutch_reason(error: ValidationError) -> str:
    validator, value = error.validator, error.validator_value
    if validator == "required":
        missing = [name for name in value if name not in (error.instance or {})]
        return f"verplicht veld ontbreekt: {', '.join(missing)}"
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"onbekende sleutel: {', '.join(map(str, extra))} (typfout? zie het schema in data/schema/)"
    if validator == "pattern" and "[0-9]{4}-[0-9]{2}" in str(value):
        return f"'{error.instance}' is geen datum in de vorm JJJJ-MM-DD"
    if validator == "pattern" and "https?" in str(value):
        return f"'{error.instance}' is geen volledig webadres (begint met https://)"
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
    return error.message


def schema_problems(document: Any, display: str, schema_dir: Path) -> list[DataProblem]:
    validators = _validators(schema_dir)
    if not isinstance(document, dict) or document.get("kind") not in validators:
        kinds = ", ".join(sorted(validators))
        found = document.get("kind") if isinstance(document, dict) else None
        return [DataProblem(display, "kind", f"onbekende of ontbrekende soort '{found}'; kies uit: {kinds}")]
    problems = []
    for error in validators[document["kind"]].iter_errors(document):
        specific = _deepest(error)
        problems.append(DataProblem(display, _key_path(specific), _dutch_reason(specific)))
    return sorted(set(problems), key=lambda p: (p.key, p.reason))


# --- Semantic checks (what a schema cannot say) --------------------------------------------------


def _parse_date(text: str, display: str, key: str, problems: list[DataProblem]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        problems.append(DataProblem(display, key, f"'{text}' is geen bestaande datum (JJJJ-MM-DD)"))
        return None


def _check_dates_in(node: Any, display: str, path: str, problems: list[DataProblem]) -> None:
    """Every ISO-looking date anywhere in the document must be a real calendar date."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and len(key) == 10 and key[4:5] == "-" and key[:4].isdigit():
                _parse_date(key, display, child, problems)
            _check_dates_in(value, display, child, problems)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _check_dates_in(value, display, f"{path}.{index}", problems)
    elif isinstance(node, str) and len(node) == 10 and node[4:5] == "-" and node[:4].isdigit() and node[7:8] == "-":
        _parse_date(node, display, path, problems)


def _check_parameter(param: dict, display: str, path: str, problems: list[DataProblem]) -> None:
    dates = list(param["values"])
    if dates != sorted(dates):
        problems.append(DataProblem(display, f"{path}.values", "ingangsdata staan niet op volgorde (oud naar nieuw)"))
    covered_until = param.get("covered_until")
    if covered_until and dates and covered_until < dates[-1]:
        problems.append(DataProblem(display, f"{path}.covered_until", "ligt voor de laatste ingangsdatum"))


def _check_periods(periods: list[tuple[str, str, str]], display: str, problems: list[DataProblem]) -> None:
    """(key, start, end) periods: end not before start, and no overlap between consecutive periods."""
    for key, start, end in periods:
        if end < start:
            problems.append(DataProblem(display, key, f"einddatum {end} ligt voor begindatum {start}"))
    ordered = sorted(periods, key=lambda period: period[1])
    for (key_a, _, end_a), (key_b, start_b, _) in zip(ordered, ordered[1:], strict=False):
        if start_b <= end_a:
            problems.append(DataProblem(display, key_b, f"periode overlapt met {key_a}"))


def semantic_problems(document: dict, display: str) -> list[DataProblem]:
    problems: list[DataProblem] = []
    _check_dates_in(document, display, "", problems)
    if problems:
        return problems
    kind = document["kind"]
    if kind == "parameters":
        for name, param in document["parameters"].items():
            _check_parameter(param, display, f"parameters.{name}", problems)
    elif kind == "scheme":
        for name, param in document.get("amounts", {}).items():
            _check_parameter(param, display, f"amounts.{name}", problems)
        windows = [
            (f"application_windows.{i}", w["opens"], w["closes"])
            for i, w in enumerate(document.get("application_windows", []))
        ]
        _check_periods(windows, display, problems)
    elif kind == "changelog":
        releases = document["releases"]
        dates = [release["date"] for release in releases]
        if dates != sorted(dates, reverse=True):
            problems.append(DataProblem(display, "releases", "uitgaven staan niet op volgorde (nieuwste eerst)"))
        versions = [release["version"] for release in releases]
        for index, version in enumerate(versions):
            if version in versions[:index]:
                problems.append(
                    DataProblem(display, f"releases.{index}.version", f"versie {version} staat er twee keer in")
                )
    elif kind == "school_holidays":
        first, last = document["first_day"], document["last_day"]
        _check_periods([("last_day", first, last)], display, problems)
        for region in ("noord", "midden", "zuid"):
            periods = []
            for index, holiday in enumerate(document["holidays"]):
                if region in holiday["regions"]:
                    period = holiday["regions"][region]
                    key = f"holidays.{index}.regions.{region}"
                    periods.append((key, period["start"], period["end"]))
                    if not (first <= period["start"] and period["end"] <= last):
                        problems.append(DataProblem(display, key, f"valt buiten {first} t/m {last}"))
            _check_periods(periods, display, problems)
    return problems


# --- Loading the whole data/ folder --------------------------------------------------------------


def _display(path: Path, root: Path) -> str:
    return str(path.relative_to(root.parent)) if root.parent in path.parents else str(path)


def _bundle_parameter(param: dict, file: str) -> dict:
    values = [{"from": start, **entry} for start, entry in param["values"].items()]
    return {**{k: v for k, v in param.items() if k != "values"}, "file": file, "values": values}


def _add_to_bundle(bundle: dict, document: dict, path: Path, data_dir: Path, display: str) -> None:
    kind = document["kind"]
    stem = ".".join(path.relative_to(data_dir).with_suffix("").parts)
    if kind == "parameters":
        for name, param in document["parameters"].items():
            bundle["parameters"][f"{stem}.{name}"] = _bundle_parameter(param, display)
    elif kind == "scheme":
        scheme_id = path.stem
        amounts = document.get("amounts", {})
        bundle["schemes"][scheme_id] = {
            **{k: v for k, v in document.items() if k not in {"kind", "amounts"}},
            "file": display,
            "amounts": sorted(amounts),
        }
        for name, param in amounts.items():
            bundle["parameters"][f"schemes.{scheme_id}.{name}"] = _bundle_parameter(param, display)
    elif kind == "school_holidays":
        bundle["school_holidays"][document["school_year"]] = {**document, "file": display}
    elif kind == "holiday_regions":
        bundle["holiday_regions"] = {**document["regions"]}
        bundle["holiday_region_order"] = list(document["regions"])  # the bundle's JSON sorts mapping keys
    elif kind == "routes":
        bundle["routes"] = list(document["routes"])
    elif kind == "facts":
        bundle["facts"][stem] = {**document, "file": display}
    elif kind == "region":
        bundle["region"] = {**document, "file": display}
    elif kind == "index":
        bundle["supported_period"] = document["supported_period"]
    elif kind == "changelog":
        bundle["changelog"] = document["releases"]


SOURCE_DOCUMENTS = "source_documents.json"


def _load_source_documents(data_dir: Path, problems: list[DataProblem]) -> dict[str, dict]:
    path = data_dir / SOURCE_DOCUMENTS
    display = _display(path, data_dir)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        problems.append(DataProblem(display, "", f"niet te lezen als JSON ({error})"))
        return {}
    validator = Draft202012Validator(
        json.loads((data_dir / "schema" / "source_documents.schema.json").read_text(encoding="utf-8")),
        registry=_registry(data_dir / "schema"),
    )
    found = [DataProblem(display, _key_path(e), _dutch_reason(_deepest(e))) for e in validator.iter_errors(document)]
    problems.extend(found)
    return {} if found else document["documents"]


def _resolve_doc_refs(node: Any, documents: dict, display: str, path: str, problems: list[DataProblem]) -> Any:
    """Replace 'doc:key' sources by the registered URL; an unknown key is a problem."""
    if isinstance(node, dict):
        return {
            k: _resolve_doc_refs(v, documents, display, f"{path}.{k}" if path else str(k), problems)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_resolve_doc_refs(v, documents, display, f"{path}.{i}", problems) for i, v in enumerate(node)]
    if isinstance(node, str) and node.startswith("doc:"):
        key = node[4:]
        if key not in documents:
            problems.append(DataProblem(display, path, f"'{key}' staat niet in data/{SOURCE_DOCUMENTS}"))
            return node
        return documents[key]["url"]
    return node


def build_date() -> dt.date:
    """The day the bundle counts as built (default dates follow from it): HB_AS_OF (YYYY-MM-DD) when set,
    else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if os.environ.get("HB_AS_OF"):
        return dt.date.fromisoformat(os.environ["HB_AS_OF"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC).date()
    return dt.date.today()


def load_data(data_dir: Path) -> dict:
    """Load, validate and bundle every YAML file under data_dir; raise DataError listing all problems."""
    schema_dir = data_dir / "schema"
    bundle: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "as_of": build_date().isoformat(),
        "supported_period": None,
        "parameters": {},
        "schemes": {},
        "school_holidays": {},
        "holiday_regions": {},
        "routes": [],
        "facts": {},
        "region": None,
        "documents": {},
        "changelog": [],
    }
    problems: list[DataProblem] = []
    documents = _load_source_documents(data_dir, problems)
    bundle["documents"] = documents
    for path in sorted(data_dir.rglob("*.yaml")):
        if schema_dir in path.parents:
            continue
        display = _display(path, data_dir)
        try:
            document = read_yaml(path, display)
        except DataError as error:
            problems.extend(error.problems)
            continue
        found = schema_problems(document, display, schema_dir)
        found = found or semantic_problems(document, display)
        if not found:
            document = _resolve_doc_refs(document, documents, display, "", found)
        if found:
            problems.extend(found)
            continue
        _add_to_bundle(bundle, document, path, data_dir, display)
    if not problems:
        problems.extend(_bundle_problems(bundle, data_dir))
    if problems:
        raise DataError(problems)
    return bundle


def _bundle_problems(bundle: dict, data_dir: Path) -> list[DataProblem]:
    """Checks across files: the index exists, holiday years do not overlap, a region file exists."""
    problems = []
    if bundle["supported_period"] is None:
        problems.append(DataProblem("data/index.yaml", "", "bestand ontbreekt (kind: index met supported_period)"))
    if bundle["region"] is None:
        problems.append(DataProblem("data/region.yaml", "", "bestand ontbreekt (kind: region)"))
    years = [(f"{y['file']}", y["first_day"], y["last_day"]) for y in bundle["school_holidays"].values()]
    _check_periods(years, "data/school_holidays", problems)
    # What the calculators need of the data (formulas per cash scheme, known routes): checked by them.
    problems.extend(DataProblem(file, key, reason) for file, key, reason in bundle_problems(bundle))
    return problems


def bundle_json(bundle: dict) -> str:
    """The validated data as one JSON document: what the calculators read, at build time and in the browser."""
    return json.dumps(bundle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
