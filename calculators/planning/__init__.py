"""Planning calculator ("planning"): the project timeline from the playbook, with school holidays."""

from __future__ import annotations

from calculators.planning.checks import check
from calculators.planning.inputs import fields
from calculators.planning.model import plan as compute
from calculators.planning.view import render

NAME = "planning"
TITLE = "Planning van het project"

__all__ = ["NAME", "TITLE", "check", "compute", "fields", "render"]
