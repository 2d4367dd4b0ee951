"""Load data/ into one bundle: strict YAML, JSON Schema, semantic checks, source-document references.

Build-time only (needs PyYAML and jsonschema). Errors name the file, the key path and the reason in
Dutch, so a maintainer who is not a programmer can fix the data.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from calculators._checks import bundle_problems
from handbook_build.data.checks import check_periods, semantic_problems
from handbook_build.data.journey_checks import journey_problems
from handbook_build.data.schema import document_validator, schema_problems, validation_problems
from handbook_build.data.yaml_reading import read_yaml
from handbook_build.glossary import glossary_problems
from handbook_build.problems import DataError, DataProblem, key_path

BUNDLE_FORMAT = 1


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
            "regional": path.parent == data_dir / REGIONAL_FOLDER,
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
        bundle["funding_check_all_routes"] = list(document.get("funding_check_all_routes", []))
    elif kind == "facts":
        bundle["facts"][stem] = {**document, "file": display}
    elif kind == "region":
        bundle["region"] = {**document, "file": display}
    elif kind in SINGLE_FILE_KINDS:  # who does what, contacts, monitoring, glossary: one file each
        bundle[kind] = {**document, "file": display}
    elif kind == "index":
        bundle["supported_period"] = document["supported_period"]
    elif kind == "changelog":
        bundle["changelog"] = document["releases"]


# Kinds of which data/ holds exactly one file, each bundled under its kind (data/roles.yaml, contacts.yaml,
# monitoring.yaml: the pages of "Aan de slag" and "Na de start" render them; glossary.yaml: the page "Begrippen").
JOURNEY_KINDS = ("roles", "contacts", "monitoring")
SINGLE_FILE_KINDS = (*JOURNEY_KINDS, "glossary")

SOURCE_DOCUMENTS = "source_documents.json"
# A fork's own data: its regional schemes, one file each, beside the national ones in data/schemes/. The folder
# keeps a region's files apart from the national files, so "Sync fork" never conflicts and a national copy of the
# project (the tests) is the project without it.
REGIONAL_FOLDER = "regio"


def _load_source_documents(data_dir: Path, problems: list[DataProblem]) -> dict[str, dict]:
    path = data_dir / SOURCE_DOCUMENTS
    display = _display(path, data_dir)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        problems.append(DataProblem(display, "", f"niet te lezen als JSON ({error})"))
        return {}
    validator = document_validator(data_dir / "schema", "source_documents.schema.json")
    found = validation_problems(validator, document, display)
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
        return [_resolve_doc_refs(v, documents, display, key_path(path, i), problems) for i, v in enumerate(node)]
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
        "funding_check_all_routes": [],
        "facts": {},
        "region": None,
        **{kind: None for kind in SINGLE_FILE_KINDS},
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
        found = found or semantic_problems(document, display) or _placement_problems(document, path, data_dir,
                                                                                     bundle, display)
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


def _placement_problems(document: dict, path: Path, data_dir: Path, bundle: dict, display: str) -> list[DataProblem]:
    """data/regio/ holds schemes only, directly in the folder; a scheme's file name is its key, so two files
    with one name (one national, one regional) would hide each other."""
    regional = data_dir / REGIONAL_FOLDER
    if regional in path.parents and (document["kind"] != "scheme" or path.parent != regional):
        return [DataProblem(display, "kind", f"in data/{REGIONAL_FOLDER}/ horen alleen regionale regelingen "
                                             "(kind: scheme), direct in die map")]
    if document["kind"] in SINGLE_FILE_KINDS and bundle[document["kind"]] is not None:
        other = bundle[document["kind"]]["file"]
        return [DataProblem(display, "kind", f"er is al een bestand met kind: {document['kind']} ({other}); "
                                             "voeg de gegevens daar toe")]
    if document["kind"] == "scheme" and path.stem in bundle["schemes"]:
        other = bundle["schemes"][path.stem]["file"]
        return [DataProblem(display, "(bestand)", f"er is al een regeling met de naam '{path.stem}' ({other}); "
                                                  "geef dit bestand een andere naam")]
    return []


def _bundle_problems(bundle: dict, data_dir: Path) -> list[DataProblem]:
    """Checks across files: the index exists, holiday years do not overlap, a region file exists."""
    problems = []
    if bundle["supported_period"] is None:
        problems.append(DataProblem("data/index.yaml", "", "bestand ontbreekt (kind: index met supported_period)"))
    if bundle["region"] is None:
        problems.append(DataProblem("data/region.yaml", "", "bestand ontbreekt (kind: region)"))
    for kind in SINGLE_FILE_KINDS:
        if bundle[kind] is None:
            problems.append(DataProblem(f"data/{kind}.yaml", "", f"bestand ontbreekt (kind: {kind})"))
    if not problems:
        problems.extend(journey_problems(bundle))
        problems.extend(DataProblem(file, key, reason) for file, key, reason in glossary_problems(bundle))
    years = [(f"{y['file']}", y["first_day"], y["last_day"]) for y in bundle["school_holidays"].values()]
    check_periods(years, "data/school_holidays", problems)
    # What the calculators need of the data (formulas per cash scheme, known routes): checked by them.
    problems.extend(DataProblem(file, key, reason) for file, key, reason in bundle_problems(bundle))
    return problems


def bundle_json(bundle: dict) -> str:
    """The validated data as one JSON document: what the calculators read, at build time and in the browser."""
    return json.dumps(bundle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
