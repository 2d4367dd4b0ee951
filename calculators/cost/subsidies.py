# Which schemes apply to a route, each computed by the formula its YAML names (calculators/cost/formulas.py).
"""Subsidy lines per month for one funding route, as ranges (low, high), plus benefits without an amount."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators._routes import Route
from calculators._status import ENDED, status_on
from calculators.cost.context import Context
from calculators.cost.formulas import Granted, Scheme, grant


def for_route(bundle: Mapping[str, Any], ctx: Context, route: Route, costs: list[dict[str, Decimal]]) -> Granted:
    """Subsidies for `route`: only BBL schemes whose data lists the route; amounts from their dated values.
    A scheme that has ended by the start date (its `status`) is not counted, with a warning saying so.
    `costs`: the route's whole-place costs per month, for schemes that pay part of them."""
    granted = Granted([{} for _ in ctx.months], costs, employs_in_bvp=route.practice_pays_salary_during_bvp)
    for scheme_id, data in ctx.look.parameters.recall(("route_schemes", route.key), _schemes, bundle, route):
        status = ctx.look.parameters.recall(("scheme_status", scheme_id, ctx.inp.start_date), status_on,
                                            data["status"], ctx.inp.start_date)
        if status.state == ENDED:
            granted.warnings.append(f"{data['title']}: {status.phrase()}; de rekenhulp telt de regeling niet mee.")
            continue
        granted.titles[scheme_id] = data["title"]
        grant(Scheme(scheme_id, data), ctx, granted)
    granted.warnings = list(dict.fromkeys(granted.warnings))
    return granted


def _schemes(bundle: Mapping[str, Any], route: Route) -> list[tuple[str, Mapping[str, Any]]]:
    """The BBL schemes whose data lists the route, by id."""
    return [(scheme_id, data) for scheme_id, data in sorted(bundle["schemes"].items())
            if route.key in data["routes"] and "bbl" in data.get("programmes", ["bbl"])]
