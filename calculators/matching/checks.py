# Checks across fields that a single field's bounds cannot express.
"""Cross-field validation for the checklist: candidate B is all or nothing (at least its hours)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.matching.inputs import candidate_given


def check(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    if candidate_given(values, "b") and values.get("b_hours") is None:
        errors["b_hours"] = "Vul ook de uren van kandidaat B in, of laat alle velden van kandidaat B leeg."
    return errors
