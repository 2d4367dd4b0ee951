# Lookups that the calculators share: carry the last known value forward and say so.
"""Parameter lookups for calculators: past the covered dates, use the last known value and record it."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from calculators._parameters import DatedValue, Parameter, ParameterError, ParameterNode, Parameters


@dataclass
class Lookups:
    """Wraps Parameters for one calculation; remembers every entry used and every extrapolation.

    Open-ended values apply as they are; a value whose data ends (covered_until of the parameter, or
    valid_until of the value in force without a successor) is carried forward from its last covered day, and
    that is recorded so the result can warn about it.
    """

    parameters: Parameters
    used: dict[str, DatedValue] = field(default_factory=dict)
    extrapolated: dict[str, dt.date] = field(default_factory=dict)
    _memo: dict[tuple[str, dt.date], DatedValue] = field(default_factory=dict)
    _dates: dict[dt.date, ParameterNode] = field(default_factory=dict)

    def at(self, on: dt.date) -> ParameterNode:
        """Values on `on` by attribute (`p.cao.working_conditions.holiday_pay_rate`), carried forward past
        their data. One node per stretch of days in which no value changes (Parameters.change_days): the months
        of a calculation mostly share a few, so each value is looked up a few times instead of every month."""
        days = self.parameters.change_days()
        index = bisect.bisect_right(days, on) - 1
        day = days[index] if index >= 0 else on  # before every value: the day itself (it will not resolve)
        node = self._dates.get(day)
        if node is None:
            node = self._dates[day] = ParameterNode(functools.partial(self._value_on, day), self.parameters.prefixes())
        return node

    def _value_on(self, on: dt.date, key: str) -> Any:
        return self.entry(key, on).value

    def entry(self, key: str, on: dt.date) -> DatedValue:
        # The same (parameter, month) is asked for by every route: answer repeats from memory.
        found = self._memo.get((key, on))
        if found is None:
            found = self._memo[(key, on)] = self._entry(key, on)
        return found

    def _entry(self, key: str, on: dt.date) -> DatedValue:
        # Which entry a date gets does not depend on the input: found once per bundle (Parameters.carried).
        shared = self.parameters.carried.get((key, on))
        if shared is None:
            param: Parameter = self.parameters.get(key)
            until = param.covered_until if param.covered_until is not None and on > param.covered_until else None
            entry = param.entry_on(until or on)
            if until is None and entry.valid_until is not None and on > entry.valid_until:
                until = entry.valid_until
            shared = self.parameters.carried[(key, on)] = (entry, until)
        entry, until = shared
        if until is not None:
            self.extrapolated.setdefault(key, until)
        self.used.setdefault(key, entry)
        return entry

    def carried_from(self, key: str, on: dt.date) -> dt.date | None:
        """The last day the data of `key` covers when `on` lies after it (the value is carried forward), else None."""
        self.entry(key, on)
        return self.parameters.carried[(key, on)][1]

    def value(self, key: str, on: dt.date) -> Any:
        return self.entry(key, on).value

    def decimal(self, key: str, on: dt.date) -> Decimal:
        return Decimal(self.value(key, on))

    def known(self, key: str, on: dt.date) -> DatedValue | None:
        """The value on `on` without extrapolating; None when the data does not cover that date."""
        memo = ("known", key, on)  # the answer depends on the bundle alone (and past the data raising is slow)
        entry = self.parameters.memo.get(memo, _UNKNOWN)
        if entry is _UNKNOWN:
            try:
                entry = self.parameters.get(key).entry_on(on)
            except ParameterError:
                entry = None
            self.parameters.remember(memo, entry)
        if entry is not None:
            self.used.setdefault(key, entry)
        return entry


_UNKNOWN = object()
