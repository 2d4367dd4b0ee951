# Inputs of the planning calculator: anchor date, direction, region and the weeks per phase (defaults from data/).
"""Form fields of the planning calculator."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators._holidays import holiday_regions
from calculators._inputs import Field
from calculators.planning.defaults import default_bvp_start, default_region
from calculators.planning.schedule import phase_spec, phase_weeks, preparation_days, reference_date

MODES = (
    ("achteruit", "Terugrekenen vanaf de gewenste start van de BVP"),
    ("vooruit", "Vooruitrekenen vanaf de start van het project"),
)


def fields(bundle: Mapping[str, Any]) -> tuple[Field, ...]:
    on = reference_date(bundle)
    start = default_bvp_start(bundle, preparation_days(bundle)).isoformat()
    region = default_region(bundle)
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
            choices=tuple(holiday_regions(bundle).items()),
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
