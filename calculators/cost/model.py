# Cost versus subsidy per funding route, month by month: pure function of (data bundle, CostInput).
"""What a BBL career switcher costs a GP practice, and what comes back, per funding route.

Every rate, amount, ceiling and route assignment comes from the data bundle; this module holds the
formulas only. Money is Decimal, each monthly line rounded to cents (calculators._money).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculators._data import Lookups
from calculators._money import ZERO, cents, rate
from calculators._parameters import Parameters
from calculators._timeline import Period, programme_months, study_year_of
from calculators.cost.inputs import CostInput
from calculators.cost.salary import index_salary, table_salary

ROUTES = (("uwv", "UWV"), ("ssfh", "SSFH"), ("regulier", "Regulier"))
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
)
PREMIUM_KEYS = ("awf_low", "aof_low", "whk_sector_average", "childcare_surcharge", "zvw_employer_levy")
WC = "cao.working_conditions."


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

    @property
    def total_cost(self) -> Decimal:
        return sum(self.costs.values(), ZERO)

    @property
    def subsidy(self) -> Range:
        return sum(self.subsidies.values(), Range())

    @property
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
class RouteResult:
    route: str
    label: str
    months: tuple[Row, ...]
    years: tuple[Row, ...]
    total: Row
    scheme_titles: dict[str, str]
    benefits: tuple[Benefit, ...]
    warnings: tuple[str, ...]


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


@dataclass
class _Context:
    """Per-calculation state: lookups, the programme's months and the BVP period."""

    look: Lookups
    inp: CostInput
    months: list[Period]
    bvp: Period
    parttime: Decimal
    share: Decimal

    def employed_share(self, month: Period) -> Decimal:
        return 1 - month.share_in(self.bvp)


def _fulltime_salary(ctx: _Context, month: Period, index: int) -> Decimal:
    inp, parameters = ctx.inp, ctx.look.parameters
    from_table = table_salary(parameters, month.first, inp.scale, inp.step + index // 12)
    if from_table is not None:
        amount, table_date = from_table
        return index_salary(parameters, amount, table_date, month.first, inp.scale)
    return index_salary(parameters, inp.monthly_salary, inp.start_date, month.first, inp.scale)


def _starts_study_year(ctx: _Context, index: int) -> bool:
    month = ctx.months[index]
    return index == 0 or study_year_of(month.first) != study_year_of(ctx.months[index - 1].first)


def _month_costs(ctx: _Context, month: Period, index: int, paid_in_bvp: bool) -> dict[str, Decimal]:
    look, inp, on = ctx.look, ctx.inp, month.first
    employed = ctx.employed_share(month)
    paid = Decimal(1) if paid_in_bvp else employed
    salary = _fulltime_salary(ctx, month, index) * ctx.parttime * paid
    holiday = salary * rate(look.decimal(WC + "holiday_pay_rate", on))
    year_end = salary * rate(look.decimal(WC + "year_end_payment_rate", on))
    gross = salary + holiday + year_end
    premium_rate = sum((rate(look.decimal(f"employer_costs.insurance_premiums.{k}", on)) for k in PREMIUM_KEYS), ZERO)
    premium_base = min(gross, look.decimal("employer_costs.insurance_premiums.max_premium_wage", on) / 12)
    franchise = look.decimal("employer_costs.pension_pfzw.franchise", on) / 12 * ctx.parttime * paid
    pension = (
        rate(look.decimal("employer_costs.pension_pfzw.premium_rate", on))
        * rate(look.decimal("employer_costs.pension_pfzw.employer_share", on))
        * max(ZERO, gross - franchise)
    )
    new_year = _starts_study_year(ctx, index)
    fee = (
        look.decimal("training.bbl.course_fee_level_3_4", on) if new_year and inp.course_fee_paid_by_practice else ZERO
    )
    fulltime_hours = look.decimal(WC + "fulltime_hours_per_week", on)
    supervisor_hourly = (
        index_salary(look.parameters, inp.supervisor_monthly_salary, inp.start_date, on, inp.scale)
        * 12
        / (fulltime_hours * 52)
    )
    supervision = (
        inp.supervision_hours_per_week
        * 52
        / 12
        * employed
        * supervisor_hourly
        * (1 + rate(look.decimal(WC + "holiday_pay_rate", on)) + rate(look.decimal(WC + "year_end_payment_rate", on)))
        * (1 + premium_rate)
    )
    costs = {
        "salary": salary,
        "holiday_pay": holiday,
        "year_end": year_end,
        "premiums": premium_base * premium_rate,
        "pension": pension,
        "ssfh_contribution": gross * rate(look.decimal("employer_costs.ssfh_contribution.contribution_rate", on)),
        "course_fee": fee,
        "books": inp.books_per_year if new_year else ZERO,
        "supervision": supervision,
    }
    return {kind: cents(amount * ctx.share) for kind, amount in costs.items()}


def compute(bundle: Mapping[str, Any], inp: CostInput) -> CostResult:
    """Cost versus subsidy for all three routes, side by side."""
    from calculators.cost import subsidies

    parameters = Parameters(bundle)
    look = Lookups(parameters)
    bvp_days = int(look.value("training.bbl.bvp_weeks", inp.start_date)) * 7
    fulltime = look.decimal(WC + "fulltime_hours_per_week", inp.start_date)
    ctx = _Context(
        look=look,
        inp=inp,
        months=programme_months(inp.start_date, inp.months),
        bvp=Period(inp.start_date, inp.start_date + dt.timedelta(days=bvp_days - 1)),
        parttime=inp.hours_per_week / fulltime,
        share=inp.share_percent / 100,
    )
    routes = []
    for route, label in ROUTES:
        paid_in_bvp = route == "regulier"
        months = []
        for index, month in enumerate(ctx.months):
            costs = _month_costs(ctx, month, index, paid_in_bvp)
            months.append(Row(month.first.isoformat(), costs, {}))
        granted = subsidies.for_route(bundle, ctx, route, months)
        months = [Row(m.label, m.costs, granted.by_month[i]) for i, m in enumerate(months)]
        years = [combine(f"Jaar {n + 1}", months[n * 12 : (n + 1) * 12]) for n in range((len(months) + 11) // 12)]
        routes.append(
            RouteResult(
                route,
                label,
                tuple(months),
                tuple(years),
                combine("Totaal", months),
                granted.titles,
                granted.benefits,
                granted.warnings,
            )
        )
    freelance = None
    if inp.freelance_hourly_rate > 0:
        freelance = cents(inp.freelance_hourly_rate * inp.hours_per_week * 52 * ctx.share)
    return CostResult(inp, tuple(routes), _assumptions(look), _general_warnings(bundle, ctx), freelance)


def _assumptions(look: Lookups) -> tuple[Assumption, ...]:
    """Every data value the calculation used, as the reader should see it: label, value, source, peildatum."""
    from calculators._format import format_value

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


def _general_warnings(bundle: Mapping[str, Any], ctx: _Context) -> tuple[str, ...]:
    from calculators._format import long_date

    warnings = []
    supported_end = dt.date.fromisoformat(bundle["supported_period"]["end"])
    if ctx.months[-1].last > supported_end:
        warnings.append(
            f"Het traject loopt door na {long_date(supported_end)}, het einde van de lopende cao en van de "
            "gecontroleerde gegevens: latere maanden rekenen met de laatst bekende waarden."
        )
    advised = ctx.look.decimal("matching.advised_min_hours_per_week", ctx.inp.start_date)
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
