"""Strict YAML reading for data/ and the front matter of tips: dates stay text, a key given twice is an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from handbook_build.problems import DataError, DataProblem


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
        problem = str(getattr(error, "problem", None) or error)
        reason = f"geen geldige YAML: {syntax_advice(problem, str(getattr(error, 'context', '') or ''))} ({problem})"
        raise DataError([DataProblem(display, where, reason)]) from None


# What a person can do about the parser's usual complaints, first match wins; the parser's own words follow in
# brackets for whoever searches for them.
_ADVICE: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "er staat een dubbele punt (:) in een waarde, of de regel springt verder in dan de regel erboven. Zet een "
     "waarde met een dubbele punt tussen aanhalingstekens, bijvoorbeeld name: \"Regio: Twente\", of laat de "
     "regel even ver inspringen als de andere velden"),
    ("'\\t'", "er staat een tab; gebruik spaties om in te springen"),
    ("quoted scalar",
     "een aanhalingsteken is niet gesloten. Sluit de waarde af met hetzelfde teken als waarmee ze begint"),
    ("flow sequence", "een lijst tussen [ ] is niet gesloten of mist een komma, bijvoorbeeld steps: [5, 6]"),
    ("flow mapping", "een blok tussen { } is niet gesloten of mist een komma"),
    ("undefined alias", "een waarde begint met *; zet zo'n waarde tussen aanhalingstekens"),
    ("cannot start any token",
     "een waarde begint met een teken dat YAML niet als tekst leest (zoals @, % of `); zet de waarde tussen "
     "aanhalingstekens"),
    ("expected <block end>",
     "de inspringing klopt niet, of een waarde tussen aanhalingstekens loopt na het sluitende teken door. Laat "
     "velden van hetzelfde blok even ver inspringen (met spaties), en zet een waarde met een ' erin tussen "
     "dubbele aanhalingstekens"),
    ("could not find expected ':'", "na een sleutel ontbreekt de dubbele punt, of de inspringing klopt niet"),
)


def syntax_advice(problem: str, context: str = "") -> str:
    """A Dutch hint for a YAML syntax error, from the parser's problem (and context) text."""
    text = f"{problem} {context}"
    for needle, advice in _ADVICE:
        if needle in text:
            return advice
    return "controleer de inspringing, de dubbele punten en de aanhalingstekens rond deze regel"
