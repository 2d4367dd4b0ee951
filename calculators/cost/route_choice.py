# Which funding route the two route questions pick: the mapping is data (data/routes.yaml, chosen_when).
"""Pick the route from the answers to the route questions; None while a needed answer is still open."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.cost.inputs import CostInput

QUESTIONS = ("uwv_benefit", "from_other_job")


def answers(inp: CostInput) -> dict[str, str]:
    return {name: getattr(inp, name) for name in QUESTIONS}


def chosen_route(bundle: Mapping[str, Any], given: Mapping[str, str]) -> str | None:
    """The first route in data order with a `chosen_when` row that the answers match completely.

    An open answer ("onbekend") matches nothing, so a row that needs it waits for it; a row that does not
    name a question (UWV: a benefit decides, whatever the previous job) matches without it.
    """
    for route in bundle["routes"]:
        for condition in route.get("chosen_when", ()):
            if all(given.get(name) == answer for name, answer in condition.items()):
                return str(route["key"])
    return None
