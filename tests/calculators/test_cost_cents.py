"""The cost model adds ints of cents from each line's rounding on (calculators/_money.py); a Decimal reference gives
the same amounts and the same text.

The reference is the Decimal arithmetic the model had before it moved to cents, kept here: every month's lines
computed one by one (no months numbered and shared), sums of rounded Decimal lines, this practice's part with
share.share_of, the cash-flow months and the headline in Decimal, and euro() of Decimal amounts. A few hundred
inputs (seeded, so a failure repeats) over the whole accepted range: odd shares, salaries with cents, every target
group, the route questions in every combination. Byte-for-byte equality of the whole answer with the Decimal
model's revision was checked once with bench/same_outputs.py (bench/RESULTS.md, "Recompute").
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from calculators import cost
from calculators._format import euro, euro_cents
from calculators._inputs import parse_inputs, typed_input
from calculators._money import ZERO, euros, plain
from calculators.cost import costs
from calculators.cost.cashflow import cash_months
from calculators.cost.headline import headline
from calculators.cost.inputs import CostInput, fields, hidden_defaults
from calculators.cost.model import _context, compute
from calculators.cost.share import share_of
from calculators.cost.types import COST_KINDS, LOW, Range, Row
from tests.calculators.conftest import REAL

FIELDS = fields(REAL)
INPUTS = 240


def _inputs(count: int, seed: int = 20261201) -> list[dict[str, str]]:
    period = REAL["supported_period"]
    first = dt.date.fromisoformat(period["start"])
    last = dt.date.fromisoformat(period.get("latest_start", period["end"]))
    pick = random.Random(seed)
    answers = ["onbekend", "ja", "nee"]

    def money(low: int, high: int) -> str:
        return f"{pick.randrange(low, high)},{pick.randrange(100):02d}"

    found = []
    for _ in range(count):
        found.append({
            "start_date": (first + dt.timedelta(days=pick.randrange((last - first).days + 1))).isoformat(),
            "months": str(pick.choice([1, 5, 12, 13, 19, 24, 24])),
            "hours_per_week": pick.choice(["16", "20", "24,5", "30", "33,33", "36"]),
            "monthly_salary": money(2900, 5000),
            "supervisor_monthly_salary": money(3000, 6000),
            "supervision_hours_per_week": pick.choice(["0", "2,5", "4", "7,75"]),
            "books_per_year": pick.choice(["0", "250", money(1, 900)]),
            "share_percent": pick.choice(["100", "100", "50", "33,33", "66,67", "1", "12,5",
                                          str(pick.randrange(1, 100))]),
            "lkv_target_group": pick.choice(["geen", "arbeidsgehandicapt", "herplaatst", "banenafspraak"]),
            "commute_km": pick.choice(["0", "12,5", "35", "120"]),
            "course_fee_paid_by_practice": pick.choice(["ja", "nee"]),
            "deprived_area": pick.choice(["ja", "nee"]),
            "small_employer": pick.choice(["ja", "nee"]),
            "freelance_hourly_rate": pick.choice(["0", "37,50"]),
            "uwv_benefit": pick.choice(answers),
            "from_other_job": pick.choice(answers),
        })
    return found


def _typed(raw: dict[str, str]) -> CostInput:
    parsed = parse_inputs(FIELDS, raw)
    assert parsed.ok, parsed.errors
    return typed_input(CostInput, hidden_defaults(REAL, parsed.values))


# --- the Decimal reference ---------------------------------------------------------------------------------------


def reference_month_costs(raw: dict[str, str], names: tuple[str, ...], pays_bvp: bool) -> list[dict[str, Decimal]]:
    """Every month's lines on its own, as Decimal euros (the model numbers months and computes each kind once)."""
    ctx = _context(REAL, _typed(raw))
    found = []
    for index, month in enumerate(ctx.months):
        employed = ctx.employed_share(month)
        paid = Decimal(1) if pays_bvp or employed == 1 else employed
        supervisor = costs._supervisor_salary(ctx, month)
        lines = costs._lines(ctx, month, ctx.look.at(month.first), costs._fulltime_salary(ctx, month, index),
                             supervisor, paid, names, ctx.starts_study_year(index), costs.course_fee(ctx, index))
        found.append({kind: euros(amount) for kind, amount in lines.items()})
    return found


def reference_combine(rows: list[Row]) -> tuple[dict[str, Decimal], dict[str, tuple[Decimal, Decimal]]]:
    """The Decimal sums types.combine made: costs by kind, subsidies by scheme."""
    costs_by_kind = {kind: sum((r.costs[kind] for r in rows), ZERO) for kind, _ in COST_KINDS}
    keys = dict.fromkeys(k for r in rows for k in r.subsidies)
    subsidies = {k: (sum((r.subsidies[k].low for r in rows if k in r.subsidies), ZERO),
                     sum((r.subsidies[k].high for r in rows if k in r.subsidies), ZERO)) for k in keys}
    return costs_by_kind, subsidies


def reference_cash(route, payout_months: dict[str, int]) -> list[tuple[dict[str, Decimal], Decimal, Decimal]]:
    """The cash months in Decimal: (costs by group, net low, net high), as cashflow.cash_months made them."""
    from calculators.cost.cashflow import GROUP_OF, OTHER

    open_amounts = {kind: ZERO for kind in payout_months}
    found = []
    for index, row in enumerate(route.months):
        first = dt.date.fromisoformat(row.label)
        month_costs = dict(row.costs)
        for kind, month in payout_months.items():
            open_amounts[kind] += month_costs.get(kind, ZERO)
            month_costs[kind] = ZERO
            if (first.month == month or index == len(route.months) - 1) and open_amounts[kind] > 0:
                month_costs[kind], open_amounts[kind] = open_amounts[kind], ZERO
        grouped: dict[str, Decimal] = {}
        for kind, amount in month_costs.items():
            group = GROUP_OF.get(kind, OTHER[0])
            grouped[group] = grouped.get(group, ZERO) + amount
        total = sum(grouped.values(), ZERO)
        low = sum((r.low for r in row.subsidies.values()), ZERO)
        high = sum((r.high for r in row.subsidies.values()), ZERO)
        found.append((grouped, total - high, total - low))
    return found


# --- the checks ----------------------------------------------------------------------------------------------------

CASES = _inputs(INPUTS)


@pytest.mark.parametrize("start", range(0, INPUTS, 40))
def test_int_cents_model_equals_the_decimal_reference(start: int) -> None:
    for raw in CASES[start:start + 40]:
        inp = _typed(raw)
        result = cost.compute(REAL, raw_values(raw))
        whole = compute(REAL, _typed({**raw, "share_percent": "100"}))
        share = inp.share_percent / 100
        for route, whole_route in zip(result.routes, whole.routes, strict=True):
            # Each month's lines, computed one by one, are the model's (whole place, share 100 %).
            from calculators._routes import routes

            policy = next(r for r in routes(REAL) if r.key == route.route)
            names = policy.premiums(inp.small_employer)
            paying = reference_month_costs({**raw, "share_percent": "100"}, names, pays_bvp=True)
            agreed = reference_month_costs({**raw, "share_percent": "100"}, names,
                                           policy.practice_pays_salary_during_bvp)
            for index, row in enumerate(whole_route.months):
                assert row.costs == paying[index], (raw, route.route, row.label)
                cover = row.subsidies.get("bvp_agreement")
                saved = sum(paying[index].values(), ZERO) - sum(agreed[index].values(), ZERO)
                assert (cover.high if cover else ZERO) == saved
            # This practice's part of every amount is share_of() of the whole place's, in Decimal.
            for mine, full in zip(route.months, whole_route.months, strict=True):
                assert mine.costs == {k: share_of(v, share) if share != 1 else v for k, v in full.costs.items()}
                for scheme, amount in full.subsidies.items():
                    expected = (share_of(amount.low, share), share_of(amount.high, share)) if share != 1 else \
                        (amount.low, amount.high)
                    assert (mine.subsidies[scheme].low, mine.subsidies[scheme].high) == expected
            # Years and the total are Decimal sums of the months.
            for number, year in enumerate(route.years):
                expected_costs, expected_subsidies = reference_combine(list(route.months[number * 12:number * 12 + 12]))
                assert year.costs == expected_costs
                assert {k: (r.low, r.high) for k, r in year.subsidies.items()} == expected_subsidies
            assert (route.total.costs, {k: (r.low, r.high) for k, r in route.total.subsidies.items()}) == \
                reference_combine(list(route.months))
            assert route.total.total_cost == sum(route.total.costs.values(), ZERO)
            # Cash months and the headline in Decimal.
            months = cash_months(route, result.payout_months)
            for cash, (grouped, net_low, net_high) in zip(months, reference_cash(route, result.payout_months),
                                                          strict=True):
                assert cash.costs == grouped
                assert (cash.net.low, cash.net.high) == (net_low, net_high)
            head = headline(months)
            assert head.total == route.total.net
            assert (head.total.low, head.total.high) == (sum((m.net.low for m in months), ZERO),
                                                        sum((m.net.high for m in months), ZERO))


def raw_values(raw: dict[str, str]) -> dict:
    parsed = parse_inputs(FIELDS, raw)
    assert parsed.ok, parsed.errors
    return parsed.values


def test_amounts_in_cents_print_as_their_decimal_euros() -> None:
    pick = random.Random(7)
    amounts = [0, 1, -1, 5, 99, 100, -100, 99999, 100000, -100000, 123456789, *(pick.randrange(-10**10, 10**10)
                                                                             for _ in range(20000))]
    for amount in amounts:
        value = euros(amount)
        assert euro_cents(amount) == euro(value)
        assert plain(amount) == str(value)
        assert Range(value, value).lo == amount
    assert plain(0, scaled=False) == str(Decimal(0))


def test_a_range_keeps_which_ends_were_rounded() -> None:
    """A Range() end is Decimal(0) in the Decimal model and prints as "0"; a rounded zero prints as "0.00"."""
    empty, rounded = Range(), Range(Decimal("0.00"), Decimal("12.30"))
    assert (str(empty.low), str(empty.high)) == ("0", "0")
    assert (str(rounded.low), str(rounded.high)) == ("0.00", "12.30")
    mixed = Range(high=Decimal("12.30")) + empty
    assert (str(mixed.low), str(mixed.high)) == ("0", "12.30") and not mixed.scaled & LOW
    assert str((mixed + rounded).low) == "0.00"
    assert Range(Decimal("1.5"), Decimal("2")) == Range(Decimal("1.50"), Decimal("2.00"))
    with pytest.raises(ValueError):
        Range(Decimal("0.001"))
