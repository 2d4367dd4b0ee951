# Checks across the planning fields: the anchor date the direction needs, order of dates, data coverage.
"""Field-level Dutch messages for the planning calculator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._format import long_date
from calculators._holidays import covered_range


def check(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    first, last = covered_range(bundle)
    anchor = "project_start" if values.get("mode") == "vooruit" else "bvp_start"
    if values.get(anchor) is None:
        what = "de startdatum van het project" if anchor == "project_start" else "de gewenste startdatum van de BVP"
        errors[anchor] = f"Vul {what} in om {'vooruit' if anchor == 'project_start' else 'terug'} te rekenen."
    for name in ("project_start", "bvp_start"):
        day = values.get(name)
        if day is not None and not first <= day <= last:
            errors.setdefault(
                name,
                f"Kies een datum tussen {long_date(first)} en {long_date(last)}: "
                "voor andere data zijn geen schoolvakanties bekend.",
            )
    start, bvp = values.get("project_start"), values.get("bvp_start")
    if start is not None and bvp is not None and bvp <= start and "bvp_start" not in errors:
        errors["bvp_start"] = "De start van de BVP moet na de start van het project liggen."
    return errors
