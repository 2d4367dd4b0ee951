# The chosen route month by month as the practice pays it: allowances in the month they are paid out.
"""Cash months: costs grouped for the chart, subsidies by scheme, and which months carry a payout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property

from calculators._money import euros
from calculators.cost.types import Range, RouteResult, add_ranges, cents_range

# The chart stacks these groups (bottom to top); a cost kind in no group (a new one) lands in "other",
# so the bars always add up to the table's totals.
GROUPS = (
    ("salary", "Salaris", ("salary",)),
    ("allowances", "Vakantietoeslag en eindejaarsuitkering", ("holiday_pay", "year_end")),
    ("employer", "Premies, pensioen en SSFH-bijdrage", ("premiums", "pension", "ssfh_contribution")),
    ("training", "Opleiding (cursusgeld, boeken)", ("course_fee", "books")),
    ("supervision", "Begeleiding", ("supervision",)),
)
OTHER = ("other", "Reiskosten en overige kosten")  # travel (woon-werk) and any kind added later
PAYOUT_LABELS = {"holiday_pay": "vakantietoeslag", "year_end": "eindejaarsuitkering"}


class CashMonth:
    """One month as the practice pays it: costs by group (`cost_cents`, ints of cents; `costs`, Decimal euros),
    subsidies by scheme and the cost kinds paid out this month."""

    __slots__ = ("first", "cost_cents", "subsidies", "payouts", "__dict__")

    def __init__(self, first: dt.date, cost_cents: dict[str, int], subsidies: dict[str, Range],
                 payouts: tuple[str, ...]) -> None:
        self.first, self.cost_cents, self.subsidies, self.payouts = first, cost_cents, subsidies, payouts

    @cached_property
    def costs(self) -> dict[str, Decimal]:
        return {group: euros(amount) for group, amount in self.cost_cents.items()}

    # Cached: the headline, the chart and the table each read these several times per month.
    @cached_property
    def cost(self) -> int:
        """Total cost in cents."""
        return sum(self.cost_cents.values())

    @property
    def total_cost(self) -> Decimal:
        return euros(self.cost)

    @cached_property
    def subsidy(self) -> Range:
        return add_ranges(self.subsidies.values())

    @cached_property
    def net(self) -> Range:
        return cents_range(self.cost - self.subsidy.hi, self.cost - self.subsidy.lo)


def _group_of() -> dict[str, str]:
    return {kind: group for group, _, kinds in GROUPS for kind in kinds}


GROUP_OF = _group_of()


def cash_months(route: RouteResult, payout_months: dict[str, int]) -> tuple[CashMonth, ...]:
    """The route's months with each payout kind moved from accrual to its payout month.

    What has built up is paid in the payout month, and what is still open in the programme's last month
    (the end of the contract), so every kind's total over the programme stays exactly the model's.
    """
    open_amounts = {kind: 0 for kind in payout_months}
    found = []
    last = len(route.months) - 1
    for index, row in enumerate(route.months):
        first = dt.date.fromisoformat(row.label)
        costs = dict(row.cost_cents)
        paid = []
        for kind, month in payout_months.items():
            open_amounts[kind] += costs.get(kind, 0)
            costs[kind] = 0
            if (first.month == month or index == last) and open_amounts[kind] > 0:
                costs[kind], open_amounts[kind] = open_amounts[kind], 0
                paid.append(kind)
        grouped: dict[str, int] = {}
        for kind, amount in costs.items():
            group = GROUP_OF.get(kind, OTHER[0])
            grouped[group] = grouped.get(group, 0) + amount
        found.append(CashMonth(first, grouped, dict(row.subsidies), tuple(paid)))
    return tuple(found)


def group_labels(months: tuple[CashMonth, ...]) -> list[tuple[str, str]]:
    """The groups that occur, in stacking order (other last)."""
    present = {group for month in months for group in month.cost_cents}
    return [(g, label) for g, label, _ in GROUPS if g in present] + ([OTHER] if OTHER[0] in present else [])
