"""Cost versus subsidy calculator ("kosten"): inputs, model and page rendering (a registry entry)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._inputs import typed_input
from calculators.cost import model
from calculators.cost.answer import complete
from calculators.cost.checks import check
from calculators.cost.inputs import CostInput, fields, hidden_defaults
from calculators.cost.route_choice import answers, chosen_route
from calculators.cost.types import CostResult
from calculators.cost.view import render_part
from calculators.cost.view import render_result as render
from calculators.cost.view import render_result as render_live

NAME = "kosten"
TITLE = "Kosten en subsidies van een BBL-zij-instromer"

__all__ = ["NAME", "TITLE", "check", "compute", "compute_live", "fields", "render", "render_live", "render_part"]


def compute(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> CostResult:
    inp = typed_input(CostInput, hidden_defaults(bundle, values))
    return complete(bundle, inp, model.compute(bundle, inp))


def compute_live(bundle: Mapping[str, Any], values: Mapping[str, Any], expanded: frozenset[str]) -> CostResult:
    """compute() for a live render: once a route is chosen, the other routes only while the reader compares
    (or asks for one of their parts); their sections are collapsed until then (view.py)."""
    inp = typed_input(CostInput, hidden_defaults(bundle, values))
    chosen = chosen_route(bundle, answers(inp))
    own = {"cash-table", f"ics:{chosen}", f"csv:{chosen}"}
    only = chosen if chosen is not None and expanded <= own else None
    return complete(bundle, inp, model.compute(bundle, inp, only))
