"""Registry entry "matching": one practice, candidate A and optionally B, every criterion and an advice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._docx import PersonalDocument
from calculators.matching import checklist, inputs
from calculators.matching.checks import check
from calculators.matching.export import letter_document
from calculators.matching.inputs import fields
from calculators.matching.view import render_checklist as render

NAME = "matching"
TITLE = "Matchingslijst: past deze kandidaat bij deze praktijk?"

__all__ = ["NAME", "TITLE", "check", "compute", "document", "fields", "render"]


def compute(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> checklist.ChecklistResult:
    return checklist.compute(bundle, inputs.to_input(values))


def document(
    bundle: Mapping[str, Any], result: checklist.ChecklistResult, key: str, template: bytes
) -> PersonalDocument:
    """The 5B letters for the candidate named in `key` ("5b-a"), filled from the typed fields."""
    return letter_document(bundle, result, key, template)
