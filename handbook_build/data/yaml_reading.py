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
        reason = f"geen geldige YAML ({getattr(error, 'problem', error)})"
        raise DataError([DataProblem(display, where, reason)]) from None
