# Dated parameters over the validated data bundle: look up the value in force on a date.
"""Dated-parameter access over the data bundle (plain dicts from JSON), standard library only.

The bundle is produced at build time by the strict loader (handbook_build/data) and shipped to the
browser as JSON; this module reads it the same way in both places. Numbers become Decimal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


class ParameterError(LookupError):
    """A parameter is unknown, or has no value on the requested date."""


@dataclass(frozen=True)
class DatedValue:
    """One value of a parameter, in force from `start` until the next value's start."""

    start: dt.date
    value: Any
    source: str
    peildatum: dt.date
    confidence: str
    note: str | None = None
    valid_until: dt.date | None = None  # the last day the value surely applies (e.g. the end of a premium year)
    carried_forward: str | None = None  # why the value is knowingly carried past its end (data/README.md)

    @property
    def indicative(self) -> bool:
        """True when the site must show the value as 'indicatief' (confidence below high)."""
        return self.confidence != "high"


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    unit: str
    file: str
    values: tuple[DatedValue, ...]
    covered_until: dt.date | None = None
    assumption: bool = False

    @property
    def first_date(self) -> dt.date:
        return self.values[0].start

    def entry_on(self, on: dt.date) -> DatedValue:
        """The value in force on `on`; raises ParameterError before the first date or after covered_until."""
        if on < self.first_date:
            raise ParameterError(f"{self.key}: geen waarde op {on.isoformat()} (eerste waarde: {self.first_date})")
        if self.covered_until is not None and on > self.covered_until:
            raise ParameterError(
                f"{self.key}: geen waarde op {on.isoformat()} (gegevens gelden t/m {self.covered_until})"
            )
        current = self.values[0]
        for entry in self.values[1:]:
            if entry.start > on:
                break
            current = entry
        return current

    def value_on(self, on: dt.date) -> Any:
        return self.entry_on(on).value

    def changes_between(self, after: dt.date, until: dt.date) -> list[DatedValue]:
        """Values that start after `after` and on or before `until` (e.g. wage increases in a period)."""
        return [entry for entry in self.values if after < entry.start <= until]


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _parameter(key: str, raw: Mapping[str, Any]) -> Parameter:
    values = tuple(
        DatedValue(
            start=_date(item["from"]),
            value=item["value"],
            source=item["source"],
            peildatum=_date(item["peildatum"]),
            confidence=item["confidence"],
            note=item.get("note"),
            valid_until=_date(item["valid_until"]) if item.get("valid_until") else None,
            carried_forward=item.get("carried_forward"),
        )
        for item in raw["values"]
    )
    covered_until = raw.get("covered_until")
    return Parameter(
        key=key,
        label=raw["label"],
        unit=raw["unit"],
        file=raw["file"],
        values=values,
        covered_until=_date(covered_until) if covered_until else None,
        assumption=bool(raw.get("assumption", False)),
    )


class ParameterNode:
    """The values in force on one date, by attribute: `p.cao.working_conditions.holiday_pay_rate`.

    Like OpenFisca's `parameters(period)`: a folder of the data is a node, a parameter is its value.
    A misspelt name raises ParameterError at once instead of reading a key glued from strings.
    """

    def __init__(self, resolve: Callable[[str], Any], prefixes: frozenset[str], prefix: str = "") -> None:
        self._resolve = resolve
        self._prefixes = prefixes
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not looked up before on this node: the answer is kept as an attribute, so the
        # next read is a plain attribute read (the cost model reads each value several times a month).
        if name.startswith("_"):
            raise AttributeError(name)
        key = self._prefix + name
        found = ParameterNode(self._resolve, self._prefixes, key + ".") if key in self._prefixes else self._resolve(key)
        self.__dict__[name] = found
        return found

    def __getitem__(self, name: str) -> Any:
        """For names that are data rather than code, e.g. a target group chosen in the form."""
        return getattr(self, name)


def folder_prefixes(keys: Any) -> frozenset[str]:
    """Every folder of the dotted keys: 'cao', 'cao.working_conditions', ... (not the keys themselves)."""
    return frozenset(".".join(parts[:i]) for key in keys for parts in [key.split(".")] for i in range(1, len(parts)))


class Parameters:
    """All dated parameters of a bundle, by key such as 'cao.working_conditions.fulltime_hours_per_week'.

    Use parameters_of(bundle): one instance per bundle keeps what it has parsed and looked up between
    calculations (the worker holds one bundle for every keystroke).
    """

    def __init__(self, bundle: Mapping[str, Any]) -> None:
        self._raw = bundle["parameters"]
        self._cache: dict[str, Parameter] = {}
        self._dates: dict[dt.date, ParameterNode] = {}
        self._prefixes: frozenset[str] | None = None
        self._change_days: list[dt.date] | None = None
        # (key, date) -> (entry, last covered day when carried past the data, else None): see _data.Lookups.
        self.carried: dict[tuple[str, dt.date], tuple[DatedValue, dt.date | None]] = {}
        # What calculators derive from this bundle alone (or with a few inputs), kept between calculations.
        self.memo: dict[Any, Any] = {}

    def recall(self, key: Any, make: Callable[..., Any], *args: Any) -> Any:
        """memo[key], made by make(*args) the first time: for what depends on the bundle and the key alone."""
        try:
            return self.memo[key]
        except KeyError:
            return self.remember(key, make(*args))

    def remember(self, key: Any, value: Any) -> Any:
        """memo[key] = value, returned; the memo starts over when it has grown large (inputs vary without end)."""
        if len(self.memo) > 20_000:
            self.memo.clear()
        self.memo[key] = value
        return value

    def at(self, on: dt.date) -> ParameterNode:
        """The values in force on `on` with attribute access (strict: no value on that date raises)."""
        node = self._dates.get(on)
        if node is None:
            node = self._dates[on] = ParameterNode(lambda key: self.value_on(key, on), self.prefixes())
        return node

    def change_days(self) -> list[dt.date]:
        """Every day on which some value starts or a value's data ends (the day after covered_until or
        valid_until), sorted: between two of them every parameter has the same value and is either known or
        carried forward, so lookups can be shared (_data.Lookups)."""
        if self._change_days is None:
            days = set()
            for raw in self._raw.values():
                days.update(_date(item["from"]) for item in raw["values"])
                days.update(_date(item["valid_until"]) + dt.timedelta(days=1)
                            for item in raw["values"] if item.get("valid_until"))
                if raw.get("covered_until"):
                    days.add(_date(raw["covered_until"]) + dt.timedelta(days=1))
            self._change_days = sorted(days)
        return self._change_days

    def prefixes(self) -> frozenset[str]:
        if self._prefixes is None:
            self._prefixes = folder_prefixes(self._raw)
        return self._prefixes

    def keys(self) -> list[str]:
        return sorted(self._raw)

    def get(self, key: str) -> Parameter:
        if key not in self._cache:
            if key not in self._raw:
                raise ParameterError(f"onbekende parameter: {key}")
            self._cache[key] = _parameter(key, self._raw[key])
        return self._cache[key]

    def entry_on(self, key: str, on: dt.date) -> DatedValue:
        return self.get(key).entry_on(on)

    def value_on(self, key: str, on: dt.date) -> Any:
        return self.get(key).value_on(on)


_LAST: tuple[Mapping[str, Any], Parameters] | None = None


def parameters_of(bundle: Mapping[str, Any]) -> Parameters:
    """The Parameters of `bundle`, made once for the last bundle seen (compared by identity, so another or a
    copied bundle gets its own)."""
    global _LAST
    if _LAST is None or _LAST[0] is not bundle:
        _LAST = (bundle, Parameters(bundle))
    return _LAST[1]


def load_bundle(text: str) -> dict[str, Any]:
    """Parse the JSON data bundle; every non-integer number becomes an exact Decimal."""
    return json.loads(text, parse_float=Decimal)
