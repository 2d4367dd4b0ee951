# A region's own defaults for the cost calculator (data/region.yaml: cost_defaults), checked against the
# calculator's own field declarations, so a typo or a value out of bounds stops the build instead of shipping a
# form that silently uses the national value or opens with an error for every visitor.
"""Checks of a region's cost_defaults, as (file, key, Dutch reason) tuples for the data loader."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators._inputs import Field, parse_field
from calculators.cost.checks import check
from calculators.cost.inputs import fields

REGION_FILE = "data/region.yaml"


def _as_text(value: Any) -> str:
    """The value as a person would type it in the form (YAML gives numbers, text and true/false)."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float | Decimal):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def _shown(value: Any) -> str:
    """The value as the region file has it: text between quotes, a number or true/false as it is."""
    if isinstance(value, str):
        return repr(value)
    return str(value).lower() if isinstance(value, bool) else _as_text(value)


def _allowed(spec: Field) -> str:
    if spec.kind == "choice":
        return f" (mogelijk: {', '.join(key for key, _ in spec.choices)})"
    return ""


def region_default_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Every unknown key and every value the form would refuse, with the field's own Dutch message."""
    region = bundle.get("region") or {}
    overrides: Mapping[str, Any] = region.get("cost_defaults") or {}
    if not overrides:
        return []
    file = region.get("file", REGION_FILE)
    declared = {spec.name: spec for spec in fields({**bundle, "region": {**region, "cost_defaults": {}}})}
    allowed = ", ".join(declared)
    problems = []
    values = {}
    for key, value in overrides.items():
        where = f"cost_defaults.{key}"
        spec = declared.get(key)
        if spec is None:
            problems.append((file, where, f"onbekende sleutel: {key}; de kostenrekenhulp kent: {allowed}"))
            continue
        parsed, message = parse_field(spec, _as_text(value))
        if message:
            problems.append((file, where, f"{_shown(value)} kan niet: {message}{_allowed(spec)}"))
        else:
            values[key] = parsed
    if problems:
        return problems
    # Rules across fields (a start date within the data) on the form as a visitor first sees it.
    every = {spec.name: parse_field(spec, spec.default)[0] for spec in declared.values()} | values
    return [(file, f"cost_defaults.{key}", f"{_shown(overrides[key])} kan niet: {message}")
            for key, message in check(bundle, every).items() if key in overrides]
