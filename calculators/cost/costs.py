# One month's costs for the practice: salary and what follows from it, training and supervision.
"""Monthly cost lines, each rounded to cents; rates and amounts from the data on the month's first day.

A line is computed in Decimal, exactly as it always was, and rounded once into an int of cents (calculators/_money.py).
Most months of a programme have the same inputs as another month (the same values in data/, the same salary, a
whole month employed), so route_costs computes each distinct set of inputs once per calculation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from calculators._money import ZERO, rate, to_cents
from calculators._parameters import ParameterNode
from calculators._timeline import Period, study_year_of
from calculators.cost.context import Context
from calculators.cost.salary import indexed_salary, table_salary


def _fulltime_salary(ctx: Context, month: Period, index: int) -> Decimal:
    inp, parameters = ctx.inp, ctx.look.parameters
    from_table = table_salary(parameters, month.first, inp.scale, inp.step + index // 12)
    if from_table is not None:
        amount, table_date = from_table
        return indexed_salary(parameters, amount, table_date, month.first, inp.scale)
    return indexed_salary(parameters, inp.monthly_salary, inp.start_date, month.first, inp.scale)


def _supervisor_salary(ctx: Context, month: Period) -> Decimal:
    inp = ctx.inp
    return indexed_salary(ctx.look.parameters, inp.supervisor_monthly_salary, inp.start_date, month.first, inp.scale)


def _supervision(ctx: Context, month: Period, premium_rate: Decimal, supervisor_salary: Decimal) -> Decimal:
    """Hours of a qualified assistant's time, at her hourly cost including allowances and premiums."""
    inp, p = ctx.inp, ctx.look.at(month.first)
    wc = p.cao.working_conditions
    supervisor_hourly = supervisor_salary * 12 / (wc.fulltime_hours_per_week * 52)
    allowances = 1 + rate(wc.holiday_pay_rate) + rate(wc.year_end_payment_rate)
    hours_per_month = inp.supervision_hours_per_week * 52 / 12 * ctx.employed_share(month)
    return hours_per_month * supervisor_hourly * allowances * (1 + premium_rate)


def _travel(ctx: Context, month: Period) -> Decimal:
    """CAO commuting allowance: km (capped) x 2 x rate per day in the practice, in the months of employment.

    Days in the practice: contract hours as full-time days (full-time week / 5), minus the school day.
    """
    p = ctx.look.at(month.first)
    allowance, wc = p.cao.allowances, p.cao.working_conditions
    km = min(ctx.inp.commute_km, Decimal(allowance.commute_max_km_one_way))
    days = max(ZERO, ctx.inp.hours_per_week / (Decimal(wc.fulltime_hours_per_week) / 5)
               - Decimal(p.training.bbl.school_days_per_week_after_bvp))
    return km * 2 * Decimal(allowance.commute_per_km) * days * 52 / 12 * ctx.employed_share(month)


def course_fee(ctx: Context, index: int) -> Decimal:
    """Course fee due in month `index`: at each new school year, if the practice pays it. A programme that
    starts during a school year pays one part per month still to come (a twelfth per elapsed month less)."""
    month = ctx.months[index]
    if not ctx.inp.course_fee_paid_by_practice or not ctx.starts_study_year(index):
        return ZERO
    p = ctx.look.at(month.first).training.bbl
    parts = int(p.course_fee_months_per_year)
    # Months of the school year before the start's own month are over (August is month 0).
    elapsed = (ctx.inp.start_date.month - study_year_of(ctx.inp.start_date).first.month) % parts if index == 0 else 0
    return Decimal(p.course_fee_level_3_4) * (parts - elapsed) / parts


def _pension(pension: ParameterNode, gross: Decimal, fulltime_share: Decimal) -> Decimal:
    """The employer's part of the PFZW premiums on a month's gross pay (`fulltime_share`: part-time factor x the
    paid part of the month). The pension premium is over (pensionable pay, capped at the maximum, - franchise);
    since 2026 the WIA-excedent premium is over the part above its threshold. Each yearly amount is per full-time
    year, so it counts for a twelfth times `fulltime_share`. Before 2026 the separate disability premium (AP) had
    its own franchise; the calculator starts in 2026, when that premium was 0, so it is not counted."""
    def monthly(amount: Any) -> Decimal:
        return Decimal(amount) / 12 * fulltime_share

    pensionable = min(gross, monthly(pension.max_pensionable_salary))
    premium = rate(pension.premium_rate) * max(ZERO, pensionable - monthly(pension.franchise))
    excedent = rate(pension.wia_excedent_rate) * max(ZERO, pensionable - monthly(pension.wia_excedent_threshold))
    return rate(pension.employer_share) * (premium + excedent)


ONE = Decimal(1)


def route_costs(ctx: Context, names: tuple[str, ...], pays_bvp: bool) -> list[dict[str, int]]:
    """Every cost kind of each month of the whole place in cents, with the premiums `names` (the route's for the
    employer's size); `pays_bvp`: the practice pays salary in the BVP.

    What a month's lines depend on: the values in data/ on its first day (one node per stretch of days without a
    change, calculators/_data.py), the salaries on that day, the employed part of the month, whether a school year
    starts (course fee, books), and the route's premiums and whether it pays in the month. Months that agree on all
    of these have the same lines, so they are computed once per calculation (ctx.lines)."""
    if not ctx.month_kinds:
        _number_months(ctx)
    lines, kinds, found = ctx.lines, ctx.kinds, []
    for kind, in_bvp in zip(ctx.month_kinds, ctx.in_bvp, strict=True):
        pays = pays_bvp or not in_bvp
        key = (kind, names, pays)
        costs = lines.get(key)
        if costs is None:
            month, (p, fulltime, supervisor, employed, new_year, fee) = kinds[kind]
            paid = ONE if pays else employed
            costs = lines[key] = _lines(ctx, month, p, fulltime, supervisor, paid, names, new_year, fee)
        found.append(costs)
    return found


def _number_months(ctx: Context) -> None:
    """Number what each month depends on besides the route; months that agree on it all get the same number."""
    numbers: dict[tuple, int] = {}
    for index, month in enumerate(ctx.months):
        facts = (ctx.look.at(month.first), _fulltime_salary(ctx, month, index), _supervisor_salary(ctx, month),
                 ctx.employed_by_index[index], ctx.starts_study_year(index), course_fee(ctx, index))
        kind = numbers.get(facts)
        if kind is None:
            kind = numbers[facts] = len(ctx.kinds)
            ctx.kinds.append((month, facts))
        ctx.month_kinds.append(kind)


def _lines(ctx: Context, month: Period, p: ParameterNode, fulltime: Decimal, supervisor: Decimal, paid: Decimal,
           names: tuple[str, ...], new_year: bool, fee: Decimal) -> dict[str, int]:
    inp = ctx.inp
    wc, premiums = p.cao.working_conditions, p.employer_costs.insurance_premiums
    salary = fulltime * ctx.parttime * paid
    holiday = salary * rate(wc.holiday_pay_rate)
    year_end = salary * rate(wc.year_end_payment_rate)
    gross = salary + holiday + year_end
    premium_rate = sum((rate(premiums[name]) for name in names), ZERO)
    premium_base = min(gross, Decimal(premiums.max_premium_wage) / 12)
    costs = {
        "salary": salary,
        "holiday_pay": holiday,
        "year_end": year_end,
        "premiums": premium_base * premium_rate,
        "pension": _pension(p.employer_costs.pension_pfzw, gross, ctx.parttime * paid),
        "ssfh_contribution": gross * rate(p.employer_costs.ssfh_contribution.contribution_rate),
        "course_fee": fee,
        "books": inp.books_per_year if new_year else ZERO,
        "supervision": _supervision(ctx, month, premium_rate, supervisor),
        "travel": _travel(ctx, month) if ctx.inp.commute_km else ZERO,
    }
    return {kind: to_cents(amount) for kind, amount in costs.items()}
