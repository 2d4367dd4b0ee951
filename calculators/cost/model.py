# Cost versus subsidy per funding route, month by month: pure function of (data bundle, CostInput).
"""What a BBL career switcher costs a GP practice, and what comes back, per funding route.

Every rate, amount, ceiling and route policy comes from the data bundle; the monthly cost lines are in
costs.py, the subsidy formulas in formulas.py. Money is Decimal, each monthly line rounded to cents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators._data import Lookups
from calculators._format import format_value, long_date
from calculators._money import cents
from calculators._parameters import Parameters
from calculators._routes import Route, routes
from calculators._timeline import Period, programme_months
from calculators.cost import subsidies
from calculators.cost.context import Context
from calculators.cost.costs import month_costs
from calculators.cost.inputs import CostInput
from calculators.cost.types import Assumption, CostResult, RouteResult, Row, combine


def _context(bundle: Mapping[str, Any], inp: CostInput) -> Context:
    look = Lookups(Parameters(bundle))
    p = look.at(inp.start_date)
    bvp_days = int(p.training.bbl.bvp_weeks) * 7
    return Context(
        look=look,
        inp=inp,
        months=programme_months(inp.start_date, inp.months),
        bvp=Period(inp.start_date, inp.start_date + dt.timedelta(days=bvp_days - 1)),
        parttime=inp.hours_per_week / Decimal(p.cao.working_conditions.fulltime_hours_per_week),
        share=inp.share_percent / 100,
    )


def _route_result(bundle: Mapping[str, Any], ctx: Context, route: Route) -> RouteResult:
    granted = subsidies.for_route(bundle, ctx, route)
    months = [
        Row(month.first.isoformat(), month_costs(ctx, month, index, route), granted.by_month[index])
        for index, month in enumerate(ctx.months)
    ]
    years = [combine(f"Jaar {n + 1}", months[n * 12 : (n + 1) * 12]) for n in range((len(months) + 11) // 12)]
    return RouteResult(
        route.key,
        route.label,
        tuple(months),
        tuple(years),
        combine("Totaal", months),
        granted.titles,
        tuple(granted.benefits),
        tuple(granted.warnings),
        route.bvp_salary,
    )


def compute(bundle: Mapping[str, Any], inp: CostInput) -> CostResult:
    """Cost versus subsidy for every route in data/routes.yaml, side by side."""
    ctx = _context(bundle, inp)
    results = tuple(_route_result(bundle, ctx, route) for route in routes(bundle))
    freelance = None
    if inp.freelance_hourly_rate > 0:
        freelance = cents(inp.freelance_hourly_rate * inp.hours_per_week * 52 * ctx.share)
    return CostResult(inp, results, _assumptions(ctx.look), _general_warnings(bundle, ctx), freelance)


def _assumptions(look: Lookups) -> tuple[Assumption, ...]:
    """Every data value the calculation used, as the reader should see it: label, value, source, peildatum."""
    found = []
    for key, entry in sorted(look.used.items()):
        param = look.parameters.get(key)
        label = param.label + (" (aanname)" if param.assumption else "")
        found.append(
            Assumption(
                key, label, format_value(param.unit, entry.value), entry.source, entry.peildatum, entry.indicative
            )
        )
    return tuple(found)


def _general_warnings(bundle: Mapping[str, Any], ctx: Context) -> tuple[str, ...]:
    warnings = []
    supported_end = dt.date.fromisoformat(bundle["supported_period"]["end"])
    if ctx.months[-1].last > supported_end:
        warnings.append(
            f"Het traject loopt door na {long_date(supported_end)}, het einde van de lopende cao en van de "
            "gecontroleerde gegevens: latere maanden rekenen met de laatst bekende waarden."
        )
    advised = Decimal(ctx.look.at(ctx.inp.start_date).training.bbl.advised_min_hours_per_week)
    if ctx.inp.hours_per_week < advised:
        warnings.append(
            f"Minder dan {advised.normalize()} uur per week: de school uit de pilot raadt minimaal "
            f"{advised.normalize()} uur aan, anders is er te weinig praktijkervaring."
        )
    for key, until in sorted(ctx.look.extrapolated.items()):
        label = ctx.look.parameters.get(key).label
        warnings.append(
            f"{label}: de gegevens gelden t/m {long_date(until)}; voor latere maanden is de laatst "
            "bekende waarde gebruikt."
        )
    return tuple(warnings)
