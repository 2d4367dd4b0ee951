# Checks across fields that a single field's bounds cannot express.
"""Cross-field validation for the checklist: candidate B is all or nothing (at least its hours); the letter's
text fields hold only what a Word file can (no control characters, not too long)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._docx import text_problem
from calculators.matching.inputs import LETTER_TEXT_FIELDS, LETTER_TEXT_MAX, candidate_given


def check(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    if candidate_given(values, "b") and values.get("b_hours") is None:
        errors["b_hours"] = "Vul ook de uren van kandidaat B in, of laat alle velden van kandidaat B leeg."
    for name, _label in LETTER_TEXT_FIELDS:
        problem = text_problem(values.get(name) or "", LETTER_TEXT_MAX)
        if problem:
            errors[name] = problem
    return errors
