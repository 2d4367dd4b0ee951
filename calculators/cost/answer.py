# What the page's answer needs besides the model's result: the chosen route and when allowances are paid.
"""Complete a CostResult for the view: the route the questions pick and the payout months (with sources)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from calculators._format import MONTHS
from calculators._parameters import parameters_of
from calculators.cost.inputs import CostInput
from calculators.cost.route_choice import answers, chosen_route
from calculators.cost.types import Assumption, CostResult

# Cost kinds that build up every month and are paid once a year, with the parameter naming the month.
PAYOUTS = (
    ("holiday_pay", "cao.working_conditions.holiday_pay_month"),
    ("year_end", "cao.working_conditions.year_end_payment_month"),
)


def complete(bundle: Mapping[str, Any], inp: CostInput, result: CostResult) -> CostResult:
    parameters = parameters_of(bundle)
    months: dict[str, int] = {}
    used = []
    for kind, key in PAYOUTS:
        entry = parameters.get(key).entry_on(inp.start_date) if key in bundle["parameters"] else None
        if entry is None:
            continue
        months[kind] = int(entry.value)
        used.append(Assumption(key, parameters.get(key).label, MONTHS[int(entry.value) - 1], entry.source,
                               entry.peildatum, entry.indicative))
    return dataclasses.replace(
        result,
        chosen_route=chosen_route(bundle, answers(inp)),
        payout_months=months,
        assumptions=tuple(sorted((*result.assumptions, *used), key=lambda a: a.key)),
    )
