# The cost calculator's result types, shared by the model, the subsidy formulas and the view.
"""Ranges, rows and results of the cost calculator (no arithmetic beyond adding them up)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal

from calculators._money import ZERO
from calculators._status import RouteCheck
from calculators.cost.inputs import CostInput

COST_KINDS = (
    ("salary", "Brutosalaris"),
    ("holiday_pay", "Vakantietoeslag"),
    ("year_end", "Eindejaarsuitkering"),
    ("premiums", "Werkgeverspremies"),
    ("pension", "Pensioenpremie werkgever"),
    ("ssfh_contribution", "SSFH-bijdrage"),
    ("course_fee", "Cursusgeld"),
    ("books", "Boeken en lesmateriaal"),
    ("supervision", "Begeleiding"),
    ("travel", "Reiskosten woon-werk"),
)


@dataclass(frozen=True)
class Range:
    """An amount known only between two ends (budgets shared after the fact, schemes of uncertain future)."""

    low: Decimal = ZERO
    high: Decimal = ZERO

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)


@dataclass(frozen=True)
class Row:
    """Costs by kind and subsidies by scheme for a month, a year or the whole programme."""

    label: str
    costs: dict[str, Decimal]
    subsidies: dict[str, Range]

    # Cached: the model, the headline, the chart and the tables each read them (a Row is never changed).
    @functools.cached_property
    def total_cost(self) -> Decimal:
        return sum(self.costs.values(), ZERO)

    @functools.cached_property
    def subsidy(self) -> Range:
        return sum(self.subsidies.values(), Range())

    @functools.cached_property
    def net(self) -> Range:
        """Net cost for the practice: low end uses the highest subsidy, high end the lowest."""
        return Range(self.total_cost - self.subsidy.high, self.total_cost - self.subsidy.low)


def combine(label: str, rows: list[Row]) -> Row:
    costs = {kind: sum((r.costs[kind] for r in rows), ZERO) for kind, _ in COST_KINDS}
    keys = dict.fromkeys(k for r in rows for k in r.subsidies)
    return Row(label, costs, {k: sum((r.subsidies.get(k, Range()) for r in rows), Range()) for k in keys})


@dataclass(frozen=True)
class Benefit:
    """A scheme without a cash amount for the practice: listed with what it covers, never priced."""

    scheme: str
    title: str
    covers: str


@dataclass(frozen=True)
class PlanItem:
    """One application in the aanvraagplan: who applies where, in which window, for roughly how much."""

    scheme: str
    title: str
    step: str
    applicant: str
    url: str
    opens: dt.date | None
    deadline: dt.date | None
    amount: Range
    conditions: tuple[str, ...]
    priced: bool = True


@dataclass(frozen=True)
class RouteResult:
    route: str
    label: str
    months: tuple[Row, ...]
    years: tuple[Row, ...]
    total: Row
    scheme_titles: dict[str, str]
    benefits: tuple[Benefit, ...]
    warnings: tuple[str, ...]
    bvp_salary: str = ""
    plan: tuple[PlanItem, ...] = ()
    # The route's funding check on the start date (calculators/_status.py): certain, uncertain or closed, and why.
    check: RouteCheck | None = None


@dataclass(frozen=True)
class Assumption:
    key: str
    label: str
    value: str
    source: str
    peildatum: dt.date
    indicative: bool


@dataclass(frozen=True)
class CostResult:
    input: CostInput
    routes: tuple[RouteResult, ...]
    assumptions: tuple[Assumption, ...] = ()
    warnings: tuple[str, ...] = ()
    freelance_per_year: Decimal | None = None
    # The route the two route questions pick (data/routes.yaml, chosen_when); None while they are open.
    chosen_route: str | None = None
    # Month of the year (1-12) in which an accrued cost kind is paid out (data/cao): the cash-flow view.
    payout_months: dict[str, int] = field(default_factory=dict)
