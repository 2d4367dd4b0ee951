# Inputs of the planning calculator: anchor date, direction, region and the weeks per phase (defaults from data/).
"""Form fields of the planning calculator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators._holidays import REGIONS
from calculators._inputs import Field
from calculators._parameters import Parameters

MODES = (
    ("achteruit", "Terugrekenen vanaf de gewenste start van de BVP"),
    ("vooruit", "Vooruitrekenen vanaf de start van het project"),
)
REGION_LABELS = {"noord": "Noord", "midden": "Midden", "zuid": "Zuid"}


def phase_spec(bundle: Mapping[str, Any], on: dt.date) -> list[dict[str, Any]]:
    return Parameters(bundle).value_on("planning.phases", on)["phases"]


def phase_weeks(bundle: Mapping[str, Any], phase: Mapping[str, Any], on: dt.date) -> int:
    if "weeks_from" in phase:
        return int(Parameters(bundle).value_on(phase["weeks_from"], on))
    return int(phase["weeks"])


def reference_date(bundle: Mapping[str, Any]) -> dt.date:
    return dt.date.fromisoformat(bundle["supported_period"]["start"])


def fields(bundle: Mapping[str, Any]) -> tuple[Field, ...]:
    on = reference_date(bundle)
    parameters = Parameters(bundle)
    start = parameters.value_on("cost_defaults.default_start_date", on)["date"]
    region = (bundle.get("region") or {}).get("holiday_region", REGIONS[1])
    declared = [
        Field("mode", "Rekenrichting", "choice", MODES[0][0], choices=MODES),
        Field(
            "bvp_start",
            "Gewenste startdatum BVP",
            "date",
            start,
            required=False,
            help="Nodig bij terugrekenen: de eerste dag van de beroepsvoorbereidende periode.",
        ),
        Field(
            "project_start",
            "Startdatum project",
            "date",
            "",
            required=False,
            help="Nodig bij vooruitrekenen; bij terugrekenen een controle of er genoeg tijd is.",
        ),
        Field(
            "region",
            "Schoolvakantieregio",
            "choice",
            region,
            choices=tuple(REGION_LABELS.items()),
            help="Standaard de regio uit de regio-instellingen.",
        ),
    ]
    for phase in phase_spec(bundle, on):
        if phase["kind"] == "milestone" or phase.get("fixed"):  # the BVP lasts what the programme says
            continue
        weeks = phase_weeks(bundle, phase, on)
        declared.append(
            Field(
                f"weeks_{phase['key']}",
                phase["label"],
                "integer",
                str(weeks),
                unit="weken",
                minimum=Decimal(1),
                maximum=Decimal(52),
                below_minimum="Een fase duurt minimaal 1 week.",
            )
        )
    return tuple(declared)
