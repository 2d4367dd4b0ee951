# The phases of data/planning.yaml placed relative to project day 0 (no dates yet): used by the plan and by
# the default start date, which must leave room for the whole preparation.
"""Phase list, durations and their relative schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from calculators._parameters import Parameters


def reference_date(bundle: Mapping[str, Any]) -> dt.date:
    """The day whose phase list and durations apply: the first day of the supported period (no clock)."""
    return dt.date.fromisoformat(bundle["supported_period"]["start"])


def phase_spec(bundle: Mapping[str, Any], on: dt.date) -> list[dict[str, Any]]:
    return Parameters(bundle).value_on("planning.phases", on)["phases"]


def phase_weeks(bundle: Mapping[str, Any], phase: Mapping[str, Any], on: dt.date) -> int:
    if "weeks_from" in phase:
        return int(Parameters(bundle).value_on(phase["weeks_from"], on))
    return int(phase["weeks"])


def relative_schedule(phases: list[dict[str, Any]], weeks: Mapping[str, int]) -> dict[str, tuple[int, int]]:
    """Day offsets (first, last) per phase from project day 0, each phase starting when all it follows have ended."""
    placed: dict[str, tuple[int, int]] = {}
    pending = list(phases)
    while pending:
        ready = [p for p in pending if all(a in placed for a in p["after"])]
        if not ready:
            raise ValueError("planning.phases has a cycle or an unknown 'after' key")
        for phase in ready:
            ends = [placed[a][1] for a in phase["after"]]
            if phase["kind"] == "milestone":
                day = (max(ends) if ends else 0) + 7 * int(phase.get("offset_weeks", 0))
                placed[phase["key"]] = (day, day)
            else:
                first = max(ends) + 1 if ends else 0
                placed[phase["key"]] = (first, first + 7 * weeks[phase["key"]] - 1)
            pending.remove(phase)
    return placed


def preparation_days(bundle: Mapping[str, Any]) -> int:
    """Days from the project start to the BVP with every phase at its default duration."""
    on = reference_date(bundle)
    phases = phase_spec(bundle, on)
    weeks = {p["key"]: phase_weeks(bundle, p, on) for p in phases if p["kind"] != "milestone"}
    return relative_schedule(phases, weeks)["bvp"][0]
