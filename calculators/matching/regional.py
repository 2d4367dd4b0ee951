# Regional matching for a coordinator: both CSV files in, proposals per practice out, each one explained.
"""Read candidates and practices, score every pair, assign optimally and explain each proposal.

Fit: the checklist's score (criteria.fit). For the assignment the fit is refined with the distance,
so that of two candidates with the same fit the nearer one goes first: weight = fit x scale +
closeness, with closeness = max(0, limit - distance) in tenths of a km and a scale larger than the
sum of all closeness terms, so the total fit always comes first. Unknown distance: closeness 0.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from calculators._format import count
from calculators._routes import routes
from calculators.matching.assign import assign
from calculators.matching.columns import (
    CANDIDATE_COLUMNS,
    DISTANCE_PREFIX,
    PRACTICE_COLUMNS,
    candidates_from,
    check_distance_columns,
    practices_from,
)
from calculators.matching.criteria import (
    LABELS,
    Candidate,
    Outcome,
    Practice,
    Thresholds,
    candidate_outcomes,
    candidate_part,
    fit,
    hard_failure,
    lower_first,
    practice_outcomes,
    score,
    thresholds,
)
from calculators.matching.csv_input import CsvLimits, CsvProblems, Table, read_table
from calculators.matching.csv_types import listing

CANDIDATES_FIELD = "candidates"
PRACTICES_FIELD = "practices"
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Loaded:
    candidates: tuple[Candidate, ...]
    practices: tuple[Practice, ...]
    candidate_table: Table
    practice_table: Table


@dataclass(frozen=True)
class LoadResult:
    loaded: Loaded | None
    errors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Proposal:
    rank: int
    candidate: Candidate
    score: int
    distance: Decimal | None
    distance_source: str  # "kolom", "coördinaten" or "" (unknown)
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True)
class PracticeProposals:
    practice: Practice
    practice_outcomes: tuple[Outcome, ...]
    proposals: tuple[Proposal, ...]
    note: str = ""


@dataclass(frozen=True)
class Unplaced:
    candidate: Candidate
    reason: str


@dataclass(frozen=True)
class RegionalResult:
    thresholds: Thresholds
    practices: tuple[PracticeProposals, ...]
    unplaced: tuple[Unplaced, ...]
    candidate_count: int
    total_score: int
    delimiters: tuple[str, str]  # names of the delimiters found: candidates, practices
    ignored: tuple[str, ...]  # Dutch notes about columns that were not used
    distance_sources: tuple[tuple[str, int], ...]  # ("kolom" | "coördinaten" | "", number of proposals)


@lru_cache(maxsize=2)
def load(candidates_text: str, practices_text: str, route_keys: tuple[str, ...], limits: CsvLimits) -> LoadResult:
    """Parse both files; errors keyed by field. Cached: check() and compute() read the same text."""
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    for field, text, columns, what, convert in (
        (CANDIDATES_FIELD, candidates_text, CANDIDATE_COLUMNS, "kandidaten", candidates_from),
        (PRACTICES_FIELD, practices_text, PRACTICE_COLUMNS, "praktijken", practices_from),
    ):
        try:
            table = read_table(text, columns, what, limits)
            parsed[field] = (table, convert(table, route_keys))
        except CsvProblems as problems:
            errors[field] = problems.message
    if not errors:
        try:
            check_distance_columns(parsed[CANDIDATES_FIELD][0], {p.id.casefold() for p in parsed[PRACTICES_FIELD][1]})
        except CsvProblems as problems:
            errors[CANDIDATES_FIELD] = problems.message
    if errors:
        return LoadResult(None, tuple(sorted(errors.items())))
    (candidate_table, candidates), (practice_table, practices) = parsed[CANDIDATES_FIELD], parsed[PRACTICES_FIELD]
    return LoadResult(Loaded(candidates, practices, candidate_table, practice_table))


def check(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, str]:
    return dict(_load(bundle, values).errors)


def _load(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> LoadResult:
    return load(values[CANDIDATES_FIELD], values[PRACTICES_FIELD], _route_keys(bundle), CsvLimits.of(bundle))


def _route_keys(bundle: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(route.key for route in routes(bundle))


def haversine_km(lat1: Decimal, lon1: Decimal, lat2: Decimal, lon2: Decimal) -> Decimal:
    """Great-circle distance in km, rounded to tenths (half up) so that every runtime shows the same number."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(float(lon2) - float(lon1)) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    km = 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))
    return Decimal(km).quantize(TENTH, rounding=ROUND_HALF_UP)


def distance(candidate: Candidate, practice: Practice) -> tuple[Decimal | None, str]:
    given = candidate.distances.get(practice.id.casefold())
    if given is not None:
        return given, "kolom"
    if None not in (candidate.latitude, candidate.longitude, practice.latitude, practice.longitude):
        return haversine_km(candidate.latitude, candidate.longitude, practice.latitude, practice.longitude), \
            "coördinaten"
    return None, ""


def _short_note(th: Thresholds, practice: Practice, sides: tuple[Outcome, ...], feasible: int, failures: Counter,
                taken: int) -> str:
    if any(o.blocking for o in sides):
        return "Geen voorstel: " + " ".join(o.reason for o in sides if o.blocking)
    if feasible == 0:
        key, n = failures.most_common(1)[0] if failures else ("", 0)
        reason = f" (meestal: {lower_first(LABELS[key])}, bij {count(n, 'kandidaat', 'kandidaten')})" if key else ""
        return f"Geen enkele kandidaat voldoet aan de harde eisen voor deze praktijk{reason}."
    if taken < th.per_practice:
        others = feasible - taken
        return (f"Minder dan {count(th.per_practice, 'voorstel', 'voorstellen')}: "
                + ("er is geen andere kandidaat die aan de harde eisen voldoet." if others == 0 else
                   "de enige andere kandidaat die voldoet, is aan een andere praktijk voorgesteld." if others == 1 else
                   f"de {others} andere kandidaten die voldoen, zijn aan andere praktijken voorgesteld.")
                + " Zo is de totale passing van alle voorstellen het hoogst.")
    return ""


def _better_elsewhere(fits: list[int | None], mine: list[int], placed: dict[int, int],
                      candidates: tuple[Candidate, ...], practices: tuple[Practice, ...]) -> str:
    """Name the best-fitting candidate who went to another practice, when that fit beats a proposal here."""
    if not mine:
        return ""
    floor = min(fits[j] or 0 for j in mine)
    others = [(f, j) for j, f in enumerate(fits) if f is not None and j not in mine and j in placed and f > floor]
    if not others:
        return ""
    best_fit, j = max(others, key=lambda item: (item[0], -item[1]))
    return (f"{candidates[j].id} past hier beter ({count(best_fit, 'punt', 'punten')}), maar is voorgesteld aan "
            f"{practices[placed[j]].id}: zo is de totale passing van alle voorstellen het hoogst.")


def compute(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> RegionalResult:
    th = thresholds(bundle)
    loaded = _load(bundle, values).loaded
    assert loaded is not None, "check() first"
    candidates, practices = loaded.candidates, loaded.practices
    base = [candidate_part(th, c) for c in candidates]
    distances = [[distance(c, p) for c in candidates] for p in practices]
    fits = [[fit(th, c, p, distances[i][j][0], base[j]) for j, c in enumerate(candidates)]
            for i, p in enumerate(practices)]
    limit = int(th.max_commute_km / TENTH)
    scale = min(len(candidates), len(practices) * th.per_practice) * limit + 1

    def closeness(km: Decimal | None) -> int:
        return 0 if km is None else max(0, limit - int(km / TENTH))

    weights = [[None if f is None else f * scale + closeness(distances[i][j][0]) for j, f in enumerate(row)]
               for i, row in enumerate(fits)]
    chosen = assign(weights, th.per_practice)
    placed = {c: i for i, members in enumerate(chosen) for c in members}
    results = []
    for i, practice in enumerate(practices):
        sides = practice_outcomes(th, practice)
        proposals = []
        for rank, j in enumerate(chosen[i], start=1):
            km, source = distances[i][j]
            outcomes = candidate_outcomes(th, candidates[j], practice, km)
            proposals.append(Proposal(rank, candidates[j], score(th, outcomes), km, source, outcomes))
        feasible = sum(f is not None for f in fits[i])
        failures = Counter(key for c in candidates if (key := hard_failure(th, c, practice)) not in (None, "practice"))
        note = _short_note(th, practice, sides, feasible, failures, len(proposals))
        elsewhere = _better_elsewhere(fits[i], chosen[i], placed, candidates, practices)
        note = " ".join(part for part in (note, elsewhere) if part)
        results.append(PracticeProposals(practice, sides, tuple(proposals), note))
    unplaced = []
    for j, candidate in enumerate(candidates):
        if j in placed:
            continue
        options = sum(fits[i][j] is not None for i in range(len(practices)))
        if candidate.entry == "nee":
            reason = "De school heeft vastgesteld dat de kandidaat niet aan de toelatingseisen voldoet."
        elif options == 0:
            keys = Counter(hard_failure(th, candidate, p) for p in practices)
            key = keys.most_common(1)[0][0] if keys else None
            name = "de praktijk zelf" if key == "practice" else lower_first(LABELS.get(key or "", ""))
            why = f" (meestal: {name})" if name else ""
            reason = f"Voldoet bij geen enkele praktijk aan de harde eisen{why}."
        else:
            reason = (f"Past bij {count(options, 'praktijk', 'praktijken')}, maar daar zijn kandidaten voorgesteld "
                      "die beter passen of zijn de plaatsen al gevuld.")
        unplaced.append(Unplaced(candidate, reason))
    ignored = tuple(
        f"Niet gebruikte kolommen in het bestand met {what}: {listing(list(table.ignored))}."
        for what, table in (("kandidaten", loaded.candidate_table), ("praktijken", loaded.practice_table))
        if table.ignored
    )
    sources = Counter(p.distance_source for r in results for p in r.proposals)
    return RegionalResult(
        th, tuple(results), tuple(unplaced), len(candidates),
        sum(p.score for r in results for p in r.proposals),
        (loaded.candidate_table.delimiter_name, loaded.practice_table.delimiter_name),
        ignored, tuple(sorted(sources.items())),
    )


__all__ = ["DISTANCE_PREFIX", "RegionalResult", "check", "compute", "haversine_km", "load"]
