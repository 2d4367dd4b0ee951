# Funding routes as data/routes.yaml declares them; no calculator restates them.
"""The funding routes and their policy, from the bundle, and the check that schemes name known routes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators._problems import key_path


@dataclass(frozen=True)
class Route:
    """One funding route and its policy: who pays the salary during the BVP, which premiums apply.

    `employer_premiums` holds (small employer, large employer) premium names; the two are the same for a premium
    that does not depend on the employer's size.
    """

    key: str
    label: str
    in_sentence: str
    choice_label: str
    practice_pays_salary_during_bvp: bool
    bvp_salary: str
    employer_premiums: tuple[tuple[str, str], ...]
    bvp_scheme: str | None = None  # the scheme bvp_salary rests on: its status goes with that sentence

    def premiums(self, small_employer: bool) -> tuple[str, ...]:
        """The premium names for a small (or a medium-sized or large) employer."""
        return tuple(small if small_employer else large for small, large in self.employer_premiums)


def _premium_pair(item: str | Mapping[str, str]) -> tuple[str, str]:
    """A premium name, or {small_employer, large_employer} (data/routes.yaml), as (small, large)."""
    if isinstance(item, str):
        return item, item
    return item["small_employer"], item["large_employer"]


def routes(bundle: Mapping[str, Any]) -> tuple[Route, ...]:
    """Every route in the order of data/routes.yaml."""
    return tuple(
        Route(
            key=raw["key"],
            label=raw["label"],
            in_sentence=raw["in_sentence"],
            choice_label=raw["choice_label"],
            practice_pays_salary_during_bvp=bool(raw["practice_pays_salary_during_bvp"]),
            bvp_salary=raw["bvp_salary"],
            employer_premiums=tuple(_premium_pair(item) for item in raw["employer_premiums"]),
            bvp_scheme=raw.get("bvp_scheme"),
        )
        for raw in bundle["routes"]
    )


PREMIUMS = "employer_costs.insurance_premiums."
ROUTES_FILE = "data/routes.yaml"


def route_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(file, key, Dutch reason) for routes a scheme names but data/routes.yaml lacks, and unknown premiums."""
    problems = []
    if not bundle.get("routes"):
        return [(ROUTES_FILE, "", "bestand ontbreekt of heeft geen routes (kind: routes)")]
    for number, route in enumerate(routes(bundle)):
        for index, pair in enumerate(route.employer_premiums):
            for name in dict.fromkeys(pair):
                if PREMIUMS + name in bundle["parameters"]:
                    continue
                problems.append((ROUTES_FILE, key_path("routes", number, "employer_premiums", index),
                                 f"'{name}' staat niet in data/employer_costs/insurance_premiums.yaml"))
    known = [route.key for route in routes(bundle)]
    for _, scheme in sorted(bundle["schemes"].items()):
        for index, key in enumerate(scheme["routes"]):
            if key not in known:
                reason = f"onbekende route '{key}'; kies uit: {', '.join(known)}"
                problems.append((scheme["file"], key_path("routes", index), reason))
    return problems
