# The chosen route month by month as the practice pays it: allowances in the month they are paid out.
"""Cash months: costs grouped for the chart, subsidies by scheme, and which months carry a payout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from calculators._money import ZERO
from calculators.cost.types import Range, RouteResult

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


@dataclass(frozen=True)
class CashMonth:
    first: dt.date
    costs: dict[str, Decimal]  # by group
    subsidies: dict[str, Range]  # by scheme
    payouts: tuple[str, ...]  # cost kinds paid out this month

    # Cached: the headline, the chart and the table each read these several times per month.
    @cached_property
    def total_cost(self) -> Decimal:
        return sum(self.costs.values(), ZERO)

    @cached_property
    def subsidy(self) -> Range:
        return sum(self.subsidies.values(), Range())

    @cached_property
    def net(self) -> Range:
        return Range(self.total_cost - self.subsidy.high, self.total_cost - self.subsidy.low)


def _group_of() -> dict[str, str]:
    return {kind: group for group, _, kinds in GROUPS for kind in kinds}


GROUP_OF = _group_of()


def cash_months(route: RouteResult, payout_months: dict[str, int]) -> tuple[CashMonth, ...]:
    """The route's months with each payout kind moved from accrual to its payout month.

    What has built up is paid in the payout month, and what is still open in the programme's last month
    (the end of the contract), so every kind's total over the programme stays exactly the model's.
    """
    open_amounts = {kind: ZERO for kind in payout_months}
    found = []
    last = len(route.months) - 1
    for index, row in enumerate(route.months):
        first = dt.date.fromisoformat(row.label)
        costs = dict(row.costs)
        paid = []
        for kind, month in payout_months.items():
            open_amounts[kind] += costs.get(kind, ZERO)
            costs[kind] = ZERO
            if (first.month == month or index == last) and open_amounts[kind] > 0:
                costs[kind], open_amounts[kind] = open_amounts[kind], ZERO
                paid.append(kind)
        grouped: dict[str, Decimal] = {}
        for kind, amount in costs.items():
            group = GROUP_OF.get(kind, OTHER[0])
            grouped[group] = grouped.get(group, ZERO) + amount
        found.append(CashMonth(first, grouped, dict(row.subsidies), tuple(paid)))
    return tuple(found)


def group_labels(months: tuple[CashMonth, ...]) -> list[tuple[str, str]]:
    """The groups that occur, in stacking order (other last)."""
    present = {group for month in months for group in month.costs}
    return [(g, label) for g, label, _ in GROUPS if g in present] + ([OTHER] if OTHER[0] in present else [])
