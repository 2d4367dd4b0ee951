# The thresholds and weights of the matching criteria, read from data/matching.yaml (nothing typed in code).
"""Matching parameters from the data bundle, with what the result shows about their source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculators._parameters import Parameters
from calculators._routes import routes

CRITERIA_KEYS = ("hours", "distance", "life_experience", "service", "learnability", "finance", "commitment", "entry")
STATUSES = ("voldoet", "aandachtspunt", "voldoet_niet")

# Short name -> parameter key. The hour thresholds are the BBL rules of data/training/bbl.yaml (one home).
PARAMETER_KEYS = {
    "hard_min_hours_per_week": "training.bbl.official_min_hours_per_week",
    "advised_min_hours_per_week": "training.bbl.advised_min_hours_per_week",
    **{name: f"matching.{name}" for name in (
        "max_commute_km", "candidates_per_practice", "decision_weeks_after_click", "fit_weights", "fit_points",
    )},
}


@dataclass(frozen=True)
class UsedValue:
    """A data value shown under the result: what was used, from where, how sure."""

    key: str
    label: str
    value: Any
    unit: str
    source: str
    peildatum: dt.date
    indicative: bool
    assumption: bool


@dataclass(frozen=True)
class Thresholds:
    hard_min_hours: Decimal
    advised_min_hours: Decimal
    max_commute_km: Decimal
    per_practice: int
    decision_weeks: int
    weights: Mapping[str, int]
    points: Mapping[str, int]
    used: tuple[UsedValue, ...] = ()
    # (key, name in a sentence) of every funding route, in the order of data/routes.yaml.
    routes: tuple[tuple[str, str], ...] = ()

    @property
    def route_labels(self) -> dict[str, str]:
        return dict(self.routes)

    def route_list(self, keys: frozenset[str] | None) -> str:
        """'UWV en SSFH': the routes in `keys` (None: every route) in data order, joined for a sentence."""
        names = [label for key, label in self.routes if keys is None or key in keys]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]

    @property
    def max_score(self) -> int:
        return sum(self.weights[key] for key in CRITERIA_KEYS) * self.points["voldoet"]


def reference_date(bundle: Mapping[str, Any]) -> dt.date:
    """The day whose thresholds apply: the first day of the period the data covers (no clock)."""
    return dt.date.fromisoformat(bundle["supported_period"]["start"])


def thresholds(bundle: Mapping[str, Any]) -> Thresholds:
    parameters = Parameters(bundle)
    on = reference_date(bundle)
    used = []
    for key in PARAMETER_KEYS.values():
        param = parameters.get(key)
        entry = param.entry_on(on)
        used.append(UsedValue(param.key, param.label, entry.value, param.unit, entry.source, entry.peildatum,
                              entry.indicative, param.assumption))
    values = {name: u.value for name, u in zip(PARAMETER_KEYS, used, strict=True)}
    return Thresholds(
        hard_min_hours=Decimal(values["hard_min_hours_per_week"]),
        advised_min_hours=Decimal(values["advised_min_hours_per_week"]),
        max_commute_km=Decimal(values["max_commute_km"]),
        per_practice=int(values["candidates_per_practice"]),
        decision_weeks=int(values["decision_weeks_after_click"]),
        routes=tuple((route.key, route.in_sentence) for route in routes(bundle)),
        weights={key: int(values["fit_weights"][key]) for key in CRITERIA_KEYS},
        points={status: int(values["fit_points"][status]) for status in STATUSES},
        used=tuple(used),
    )
