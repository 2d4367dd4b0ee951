"""Planning calculator ("planning"): the project timeline from the playbook, with school holidays."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._docx import PersonalDocument
from calculators.planning.checks import check
from calculators.planning.exports import plan_document
from calculators.planning.inputs import fields
from calculators.planning.model import Plan
from calculators.planning.model import plan as compute
from calculators.planning.view import render

NAME = "planning"
TITLE = "Planning van het project"

__all__ = ["NAME", "TITLE", "check", "compute", "document", "fields", "render"]


def document(bundle: Mapping[str, Any], result: Plan, key: str, template: bytes) -> PersonalDocument:
    """The bar planning or a reminder letter (`key`, see exports.DOCUMENTS) with the plan's dates."""
    return plan_document(result, key, template)
