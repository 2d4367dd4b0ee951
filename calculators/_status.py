# Whether a scheme is open, unconfirmed or ended on a date, and what that makes of a funding route: from the bundle.
"""Dated status of schemes (data/schemes/*.yaml `status`) and the funding check of each route (data/routes.yaml).

A status is looked up like a dated value: the entry with the latest start on or before the day. A route is
*certain* when every point of its funding check that has a status is open, *uncertain* when one is unconfirmed and
*closed* when one has ended. Pages (handbook_build), documents and the cost answer all read these functions, so a
sentence about a scheme can never say "open" where the data says otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators._format import long_date
from calculators._problems import key_path

OPEN, UNCONFIRMED, ENDED = "open", "unconfirmed", "ended"
CERTAIN, UNCERTAIN, CLOSED = "certain", "uncertain", "closed"
# The route's state from the worst state among its points.
ROUTE_STATE = {OPEN: CERTAIN, UNCONFIRMED: UNCERTAIN, ENDED: CLOSED}
ROUTE_WORDS = {CERTAIN: "zeker", UNCERTAIN: "onzeker", CLOSED: "gesloten"}
STATE_WORDS = {OPEN: "open", UNCONFIRMED: "niet bevestigd", ENDED: "gestopt"}
_RANK = {OPEN: 0, UNCONFIRMED: 1, ENDED: 2}


@dataclass(frozen=True)
class Status:
    """One dated status entry: what holds from `since` on, why (label) and on what source."""

    state: str
    since: dt.date
    label: str
    source: str
    peildatum: dt.date
    confidence: str
    note: str | None = None

    @property
    def is_open(self) -> bool:
        return self.state == OPEN

    def phrase(self) -> str:
        """'open', 'niet bevestigd sinds 1 januari 2025' or 'gestopt per 1 januari 2026'."""
        if self.state == UNCONFIRMED:
            return f"niet bevestigd sinds {long_date(self.since)}"
        if self.state == ENDED:
            return f"gestopt per {long_date(self.since)}"
        return "open"


def status_entries(entries: Mapping[str, Mapping[str, Any]]) -> list[Status]:
    """Every entry of a `status` block, oldest first (the loader has made 'doc:' sources into URLs)."""
    return [
        Status(entry["state"], dt.date.fromisoformat(start), " ".join(entry["label"].split()), entry["source"],
               dt.date.fromisoformat(entry["peildatum"]), entry["confidence"], entry.get("note"))
        for start, entry in sorted(entries.items())
    ]


def status_on(entries: Mapping[str, Mapping[str, Any]], on: dt.date) -> Status:
    """The entry in force on `on`; before the first entry the first one (its date is where the data starts)."""
    found = status_entries(entries)
    current = found[0]
    for entry in found:
        if entry.since <= on:
            current = entry
    return current


def scheme_status(bundle: Mapping[str, Any], scheme_id: str, on: dt.date) -> Status:
    """The scheme's status on `on` (KeyError for an unknown scheme)."""
    return status_on(bundle["schemes"][scheme_id]["status"], on)


def first_ended(scheme: Mapping[str, Any]) -> dt.date | None:
    """The first day of the first `ended` status of a scheme (as the bundle holds it), if any."""
    for entry in status_entries(scheme["status"]):
        if entry.state == ENDED:
            return entry.since
    return None


@dataclass(frozen=True)
class CheckPoint:
    """One point of a route's funding check: what must be true now, who confirms it, and its status if known."""

    label: str
    confirmed_by: str
    status: Status | None  # None: no status in the data (the team checks it itself)
    scheme: str | None  # the scheme whose status this is
    name: str  # a short name for a sentence: the item's `short`, the scheme's title or the label


@dataclass(frozen=True)
class RouteCheck:
    """A route's funding check on a day: its state (certain, uncertain, closed) and its points."""

    route: str
    label: str
    state: str
    points: tuple[CheckPoint, ...]
    fallback: str | None  # the label of the route that holds when this one does not

    @property
    def word(self) -> str:
        return ROUTE_WORDS[self.state]

    def doubtful(self) -> tuple[CheckPoint, ...]:
        """The points whose status is not open: what makes the route uncertain or closed."""
        return tuple(point for point in self.points if point.status is not None and not point.status.is_open)


def _point(bundle: Mapping[str, Any], raw: Mapping[str, Any], on: dt.date) -> CheckPoint:
    scheme, label = raw.get("scheme"), " ".join(raw["label"].split())
    if scheme is not None:
        status: Status | None = scheme_status(bundle, scheme, on)
        name = raw.get("short") or bundle["schemes"][scheme]["title"]
    else:
        status = status_on(raw["status"], on) if raw.get("status") else None
        name = raw.get("short") or label.rstrip(".")
    return CheckPoint(label, raw["confirmed_by"], status, scheme, name)


def route_check(bundle: Mapping[str, Any], route_key: str, on: dt.date) -> RouteCheck:
    """The funding check of one route on `on`: its own points, then those of every route."""
    raw = next(route for route in bundle["routes"] if route["key"] == route_key)
    points = tuple(_point(bundle, item, on) for item in
                   [*raw.get("funding_check", []), *bundle.get("funding_check_all_routes", [])])
    worst = max((point.status.state for point in points if point.status is not None), key=_RANK.__getitem__,
                default=OPEN)
    labels = {route["key"]: route["label"] for route in bundle["routes"]}
    fallback = labels.get(raw["fallback"]) if raw.get("fallback") else None
    return RouteCheck(route_key, raw["label"], ROUTE_STATE[worst], points, fallback)


def route_checks(bundle: Mapping[str, Any], on: dt.date) -> tuple[RouteCheck, ...]:
    """The funding check of every route, in the order of data/routes.yaml."""
    return tuple(route_check(bundle, route["key"], on) for route in bundle["routes"])


def route_summary(check: RouteCheck) -> str:
    """One sentence: the route's state, why, and what holds otherwise ('Route SSFH is onzeker: ...')."""
    doubtful = check.doubtful()
    if not doubtful:
        return f"Route {check.label} is {check.word}: de route hangt niet af van een regeling die niet bevestigd is."
    reasons = "; ".join(f"{point.name}: {point.status.phrase()}" for point in doubtful if point.status is not None)
    who = " en ".join(dict.fromkeys(point.confirmed_by for point in doubtful))
    otherwise = f"; klopt het niet, dan geldt route {check.fallback}" if check.fallback else ""
    return f"Route {check.label} is {check.word} ({reasons}). Vraag het na bij {who}{otherwise}."


def status_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(file, key, Dutch reason): unknown schemes or routes in data/routes.yaml, and a name two schemes share."""
    problems = []
    routes_file = "data/routes.yaml"
    known_routes = {route["key"] for route in bundle.get("routes", [])}
    schemes = bundle.get("schemes", {})
    for number, route in enumerate(bundle.get("routes", [])):
        for field in ("bvp_scheme",):
            if route.get(field) and route[field] not in schemes:
                problems.append((routes_file, key_path("routes", number, field),
                                 f"onbekende regeling '{route[field]}'"))
        if route.get("fallback") and route["fallback"] not in known_routes:
            problems.append((routes_file, key_path("routes", number, "fallback"),
                             f"onbekende route '{route['fallback']}'"))
        for index, item in enumerate(route.get("funding_check", [])):
            if item.get("scheme") and item["scheme"] not in schemes:
                problems.append((routes_file, key_path("routes", number, "funding_check", index, "scheme"),
                                 f"onbekende regeling '{item['scheme']}'"))
    for index, item in enumerate(bundle.get("funding_check_all_routes", [])):
        if item.get("scheme") and item["scheme"] not in schemes:
            problems.append((routes_file, key_path("funding_check_all_routes", index, "scheme"),
                             f"onbekende regeling '{item['scheme']}'"))
    owner: dict[str, str] = {}
    for scheme_id, scheme in sorted(schemes.items()):
        for index, alias in enumerate(scheme.get("aliases", [])):
            other = owner.setdefault(alias.casefold(), scheme_id)
            if other != scheme_id:
                reason = f"de naam '{alias}' hoort al bij de regeling '{other}'; een naam hoort bij één regeling"
                problems.append((scheme["file"], key_path("aliases", index), reason))
    return problems
