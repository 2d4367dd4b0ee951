# School holidays from the data bundle, per holiday region, as plain periods.
"""School holiday periods per region (the regions of data/school_holidays/regions.yaml) and the dates covered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Holiday:
    name: str
    label: str
    region: str
    start: dt.date
    end: dt.date
    compulsory: bool

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return self.start <= last and first <= self.end


def holiday_regions(bundle: Mapping[str, Any]) -> dict[str, str]:
    """Region key -> label, in the order of data/school_holidays/regions.yaml."""
    regions = bundle["holiday_regions"]
    return {key: regions[key]["label"] for key in bundle.get("holiday_region_order") or regions}


def holidays_for(bundle: Mapping[str, Any], region: str) -> list[Holiday]:
    found = []
    for year in bundle["school_holidays"].values():
        for holiday in year["holidays"]:
            period = holiday["regions"].get(region)
            if period:
                found.append(
                    Holiday(
                        holiday["name"],
                        holiday["label"],
                        region,
                        dt.date.fromisoformat(period["start"]),
                        dt.date.fromisoformat(period["end"]),
                        holiday.get("compulsory", True),
                    )
                )
    return sorted(found, key=lambda h: h.start)


def covered_range(bundle: Mapping[str, Any]) -> tuple[dt.date, dt.date]:
    """First and last day that the school-holiday files cover (a date outside has no holiday check)."""
    years = bundle["school_holidays"].values()
    return (
        min(dt.date.fromisoformat(y["first_day"]) for y in years),
        max(dt.date.fromisoformat(y["last_day"]) for y in years),
    )


def missing_notes(bundle: Mapping[str, Any], region: str) -> list[str]:
    """Holidays whose dates are missing or conflicting for the region, as Dutch sentences."""
    notes = []
    for school_year, year in sorted(bundle["school_holidays"].items()):
        for holiday in year["holidays"]:
            reason = holiday.get("missing", {}).get(region)
            if reason:
                notes.append(f"{holiday['label']} {school_year} (regio {region}): datum ontbreekt; {reason}")
    return notes
