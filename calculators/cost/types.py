# The cost calculator's result types, shared by the model, the subsidy formulas and the view.
"""Ranges, rows and results of the cost calculator (no arithmetic beyond adding them up)."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from calculators._money import ZERO, euros
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


# Which ends of a Range were rounded to cents (bit 1: low, bit 2: high). Only a zero that was never rounded, a
# Decimal(0) in the Decimal model, is not: it prints as "0" where str() of an amount reaches the page.
LOW, HIGH = 1, 2
ROUNDED = LOW | HIGH
_new = object.__new__


class Range:
    """An amount known only between two ends (budgets shared after the fact, schemes of uncertain future).

    Held as ints of cents (`lo`, `hi`); `low` and `high` are the same amounts as Decimal euros. Made from euros
    (Range(Decimal("0"), Decimal("1353.60"))) or, in the model, from cents (cents_range)."""

    __slots__ = ("lo", "hi", "scaled")
    lo: int
    hi: int
    scaled: int

    def __init__(self, low: Decimal = ZERO, high: Decimal = ZERO) -> None:
        self.lo, self.hi = _cents_of(low), _cents_of(high)
        self.scaled = (LOW if _rounded(low) else 0) | (HIGH if _rounded(high) else 0)

    @property
    def low(self) -> Decimal:
        return euros(self.lo) if self.scaled & LOW else Decimal(self.lo)

    @property
    def high(self) -> Decimal:
        return euros(self.hi) if self.scaled & HIGH else Decimal(self.hi)

    def __add__(self, other: Range) -> Range:
        found = _new(Range)
        found.lo, found.hi, found.scaled = self.lo + other.lo, self.hi + other.hi, self.scaled | other.scaled
        return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Range):
            return NotImplemented
        return self.lo == other.lo and self.hi == other.hi

    def __hash__(self) -> int:
        return hash((self.lo, self.hi))

    def __repr__(self) -> str:
        return f"Range(low={self.low!r}, high={self.high!r})"


def _cents_of(amount: Decimal | int) -> int:
    value = Decimal(amount).scaleb(2)
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number of cents: {amount}")
    return int(value)


def _rounded(amount: Decimal | int) -> bool:
    return isinstance(amount, Decimal) and amount.as_tuple().exponent < 0  # type: ignore[operator]


def cents_range(lo: int, hi: int, scaled: int = ROUNDED) -> Range:
    """A Range of ints of cents (both ends rounded unless `scaled` says otherwise)."""
    found = _new(Range)
    found.lo, found.hi, found.scaled = lo, hi, scaled
    return found


EMPTY = cents_range(0, 0, 0)  # Range(): nothing, as the Decimal model's sum start


def add_ranges(ranges: Iterable[Range]) -> Range:
    """sum(ranges, Range()) without a Range per step."""
    lo = hi = scaled = 0
    for item in ranges:
        lo += item.lo
        hi += item.hi
        scaled |= item.scaled
    return cents_range(lo, hi, scaled)


class Row:
    """Costs by kind and subsidies by scheme for a month, a year or the whole programme.

    `cost_cents`: ints of cents by kind (what the model and the view use); `costs`: the same as Decimal euros."""

    __slots__ = ("label", "cost_cents", "subsidies", "__dict__")

    def __init__(self, label: str, cost_cents: dict[str, int], subsidies: dict[str, Range]) -> None:
        self.label, self.cost_cents, self.subsidies = label, cost_cents, subsidies

    # Cached: the model, the headline, the chart and the tables each read them (a Row is never changed).
    @functools.cached_property
    def costs(self) -> dict[str, Decimal]:
        return {kind: euros(amount) for kind, amount in self.cost_cents.items()}

    @functools.cached_property
    def cost(self) -> int:
        """Total cost in cents."""
        return sum(self.cost_cents.values())

    @property
    def total_cost(self) -> Decimal:
        return euros(self.cost)

    @functools.cached_property
    def subsidy(self) -> Range:
        return add_ranges(self.subsidies.values())

    @functools.cached_property
    def net(self) -> Range:
        """Net cost for the practice: low end uses the highest subsidy, high end the lowest."""
        return cents_range(self.cost - self.subsidy.hi, self.cost - self.subsidy.lo)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Row):
            return NotImplemented
        return (self.label, self.cost_cents, self.subsidies) == (other.label, other.cost_cents, other.subsidies)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Row({self.label!r}, {self.costs!r}, {self.subsidies!r})"


_KINDS = tuple(kind for kind, _ in COST_KINDS)
_BY_KIND = operator.itemgetter(*_KINDS)


def combine(label: str, rows: Sequence[Row]) -> Row:
    """Rows added up kind by kind and scheme by scheme (every row has every cost kind)."""
    costs = dict(zip(_KINDS, map(sum, zip(*(_BY_KIND(row.cost_cents) for row in rows), strict=True)), strict=True))
    subsidies: dict[str, list[Range]] = {}
    for row in rows:
        for key, value in row.subsidies.items():
            subsidies.setdefault(key, []).append(value)
    return Row(label, costs, {key: add_ranges(values) for key, values in subsidies.items()})


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
