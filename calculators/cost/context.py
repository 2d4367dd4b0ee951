# What one cost calculation knows while it runs: lookups, the input, its months and the BVP.
"""The per-calculation context shared by the monthly cost lines and the subsidy formulas."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from calculators._data import Lookups
from calculators._timeline import Period, study_year_of
from calculators.cost.inputs import CostInput


@dataclass
class Context:
    """Per-calculation state: lookups, the programme's months and the BVP period.

    `share` is this practice's part of a shared place (applied last, see share.py); `opted_in`: the practice
    says it meets the special condition of the opt-in schemes (a practice in a deprived area).
    """

    look: Lookups
    inp: CostInput
    months: list[Period]
    bvp: Period
    parttime: Decimal
    share: Decimal
    opted_in: bool = False
    lines: dict = field(default_factory=dict)  # month costs by what they depend on; see costs.route_costs
    # What a month's costs depend on besides the route, numbered (costs.route_costs): the number of each month, and
    # per number a month that has it with its facts.
    month_kinds: list[int] = field(default_factory=list)
    kinds: list = field(default_factory=list)
    anchors: dict = field(default_factory=dict)  # the aanvraagplan's anchors by (anchor, pays the BVP); see plan.py
    formulas: dict = field(default_factory=dict)  # grants of the formulas that routes share; see formulas.grant
    employed: dict[Period, Decimal] = field(default_factory=dict)  # employed_share by month, asked for often
    # By month index: the employed share, whether some days fall in the BVP, the row label (ISO first day).
    employed_by_index: list[Decimal] = field(init=False)
    in_bvp: list[bool] = field(init=False)
    labels: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.employed_by_index = [self.employed_share(month) for month in self.months]
        self.in_bvp = [share < 1 for share in self.employed_by_index]
        self.labels = [month.first.isoformat() for month in self.months]

    def employed_share(self, month: Period) -> Decimal:
        """Fraction of the month after the BVP, when the trainee is employed by the practice."""
        found = self.employed.get(month)
        if found is None:
            found = self.employed[month] = 1 - month.share_in(self.bvp)
        return found

    def employed_at(self, index: int) -> Decimal:
        """employed_share() of month `index`."""
        return self.employed_by_index[index]

    def starts_study_year(self, index: int) -> bool:
        """True for the first month and for each month that falls in a new school year."""
        month = self.months[index]
        return index == 0 or study_year_of(month.first) != study_year_of(self.months[index - 1].first)
