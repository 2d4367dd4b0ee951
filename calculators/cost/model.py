# Cost versus subsidy per funding route, month by month: pure function of (data bundle, CostInput).
"""What a BBL career switcher costs a GP practice, and what comes back, per funding route.

Every rate, amount, ceiling and route policy comes from the data bundle; the monthly cost lines are in
costs.py, the subsidy formulas in formulas.py. Each monthly line is computed in Decimal and rounded to an int of
cents (calculators/_money.py); from there on sums, shares and ranges add ints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators._data import Lookups
from calculators._format import format_value
from calculators._money import cents
from calculators._parameters import DatedValue, parameters_of
from calculators._routes import Route, routes
from calculators._status import route_check, scheme_status
from calculators._timeline import Period, programme_months
from calculators.cost import subsidies
from calculators.cost.context import Context
from calculators.cost.costs import route_costs
from calculators.cost.inputs import CostInput
from calculators.cost.notices import carried_notice, salary_notices
from calculators.cost.plan import route_plan
from calculators.cost.share import Splitter, share_row
from calculators.cost.types import HIGH, Assumption, CostResult, Range, RouteResult, Row, cents_range, combine

# The subsidy line of a route whose BVP salary someone else pays, but only by prior agreement.
BVP_COVER = "bvp_agreement"


def _context(bundle: Mapping[str, Any], inp: CostInput) -> Context:
    parameters = parameters_of(bundle)
    look = Lookups(parameters)
    p = look.at(inp.start_date)
    bvp_days = int(p.training.bbl.bvp_weeks) * 7
    months = parameters.recall(("months", inp.start_date, inp.months), programme_months, inp.start_date, inp.months)
    return Context(
        look=look,
        inp=inp,
        months=months,
        bvp=Period(inp.start_date, inp.start_date + dt.timedelta(days=bvp_days - 1)),
        parttime=inp.hours_per_week / Decimal(p.cao.working_conditions.fulltime_hours_per_week),
        share=inp.share_percent / 100,
        opted_in=inp.deprived_area,
    )


def _whole_months(ctx: Context, route: Route, names: tuple[str, ...], agreed: list[dict[str, int]],
                  granted: list[dict[str, Range]]) -> list[Row]:
    """The months of the whole place. On a route where UWV or SSFH covers the BVP only by prior agreement, the
    costs are those without an agreement and the agreement is a line from 0 up to what it saves."""
    labels = ctx.labels
    if route.practice_pays_salary_during_bvp:
        return [Row(labels[i], agreed[i], dict(granted[i])) for i in range(len(agreed))]
    paying = route_costs(ctx, names, pays_bvp=True)
    rows = []
    for index, costs in enumerate(paying):
        subsidies = dict(granted[index])
        if costs is not agreed[index]:  # a month in the BVP
            saved = sum(costs.values()) - sum(agreed[index].values())
            if saved:  # 0 up to what it saves: a low end of Decimal(0) in the Decimal model, never rounded
                subsidies = {BVP_COVER: cents_range(0, saved, HIGH), **subsidies}
        rows.append(Row(labels[index], costs, subsidies))
    return rows


def _bvp_salary(bundle: Mapping[str, Any], route: Route, on: dt.date) -> str:
    """Who pays the income in the BVP, with the status of the scheme it rests on when that is not open."""
    return parameters_of(bundle).recall(("bvp_salary", route.key, on), _bvp_salary_text, bundle, route, on)


def _bvp_salary_text(bundle: Mapping[str, Any], route: Route, on: dt.date) -> str:
    if route.bvp_scheme is None:
        return route.bvp_salary
    status = scheme_status(bundle, route.bvp_scheme, on)
    if status.is_open:
        return route.bvp_salary
    who = bundle["schemes"][route.bvp_scheme]["confirmed_by"]
    return f"{route.bvp_salary} ({status.phrase()}; vraag het na bij {who})"


def _route_result(bundle: Mapping[str, Any], ctx: Context, route: Route) -> RouteResult:
    pays = route.practice_pays_salary_during_bvp
    names = route.premiums(ctx.inp.small_employer)
    agreed = route_costs(ctx, names, pays)
    granted = subsidies.for_route(bundle, ctx, route, agreed)
    whole = _whole_months(ctx, route, names, agreed, granted.by_month)
    split = Splitter(ctx.share) if ctx.share != 1 else None
    months = [share_row(row, ctx.share, split) for row in whole]
    years = [combine(f"Jaar {n + 1}", months[n * 12 : (n + 1) * 12]) for n in range((len(months) + 11) // 12)]
    titles, warnings = dict(granted.titles), list(granted.warnings)
    bvp_salary = _bvp_salary(bundle, route, ctx.inp.start_date)
    if any(BVP_COVER in row.subsidies for row in months):
        titles = {BVP_COVER: f"BVP zonder salaris van de praktijk (alleen met afspraak vooraf met {route.in_sentence})",
                  **titles}
        warnings.insert(0, f"Route {route.label}: {bvp_salary}. Zonder die afspraak betaalt de praktijk "
                           "vanaf de eerste dag salaris; de kosten tellen dat mee en de afspraak als bedrag van 0 tot "
                           "het salaris in de BVP.")
    return RouteResult(
        route.key,
        route.label,
        tuple(months),
        tuple(years),
        combine("Totaal", years),  # the same sums as over the months (cents add exactly), a twelfth of the work
        titles,
        tuple(granted.benefits),
        tuple(warnings),
        bvp_salary,
        route_plan(bundle, ctx, route, months, granted),
        parameters_of(bundle).recall(("route_check", route.key, ctx.inp.start_date), route_check, bundle, route.key,
                                     ctx.inp.start_date),
    )


def compute(bundle: Mapping[str, Any], inp: CostInput, only: str | None = None) -> CostResult:
    """Cost versus subsidy for every route in data/routes.yaml, side by side; with `only`, that route alone
    (and the regular route, the last one, when the freelance comparison needs its first year)."""
    ctx = _context(bundle, inp)
    wanted = list(routes(bundle))
    if only is not None:
        last = wanted[-1] if inp.freelance_hourly_rate else None
        wanted = [route for route in wanted if route.key == only or route is last]
    results = tuple(_route_result(bundle, ctx, route) for route in wanted)
    freelance = None
    if inp.freelance_hourly_rate > 0:
        freelance = cents(inp.freelance_hourly_rate * inp.hours_per_week * 52 * ctx.share)
    warnings = _general_warnings(bundle, ctx)  # before the assumptions: its checks look values up too
    return CostResult(inp, results, _assumptions(ctx.look), warnings, freelance)


def _assumptions(look: Lookups) -> tuple[Assumption, ...]:
    """Every data value the calculation used, as the reader should see it: label, value, source, peildatum."""
    return tuple(look.parameters.recall(("assumption", key, entry.start), _assumption, look, key, entry)
                 for key, entry in sorted(look.used.items()))


def _assumption(look: Lookups, key: str, entry: DatedValue) -> Assumption:
    param = look.parameters.get(key)
    label = param.label + (" (aanname)" if param.assumption else "")
    return Assumption(key, label, format_value(param.unit, entry.value), entry.source, entry.peildatum,
                      entry.indicative)


def _general_warnings(bundle: Mapping[str, Any], ctx: Context) -> tuple[str, ...]:
    warnings = salary_notices(ctx)
    advised = Decimal(ctx.look.at(ctx.inp.start_date).training.bbl.advised_min_hours_per_week)
    if ctx.inp.hours_per_week < advised:
        warnings.append(
            f"Minder dan {advised.normalize()} uur per week: de school uit de pilot raadt minimaal "
            f"{advised.normalize()} uur aan, anders is er te weinig praktijkervaring."
        )
    # Last: every lookup of the answer has been made, so the notice names every value carried past its data.
    cao_end = dt.date.fromisoformat(bundle["supported_period"]["end"])
    carried = carried_notice(ctx.look, cao_end, ctx.months[-1].last)
    return tuple([carried, *warnings] if carried else warnings)
