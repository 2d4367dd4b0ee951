# The regional matching's two inputs: CSV text of candidates and of practices (pasted or read from a local file).
"""Form fields of "matching-regio"; the defaults are a small fictional example so the page shows a result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._inputs import Field
from calculators.matching.csv_types import CsvLimits
from calculators.matching.regional import CANDIDATES_FIELD, PRACTICES_FIELD

EXAMPLE_CANDIDATES = """\
id;uren;route;instroomeisen;levenservaring;houding;leerbaarheid;commitment;breedtegraad;lengtegraad
K01;32;uwv;ja;ja;ja;ja;ja;52,0907;5,1214
K02;24;ssfh;ja;ja;twijfel;ja;ja;52,1561;5,3878
K03;20;uwv;onbekend;ja;ja;twijfel;ja;52,0116;4,7105
K04;36;regulier;ja;twijfel;ja;ja;ja;52,0705;5,1300
K05;14;ssfh;ja;ja;ja;ja;ja;52,1000;5,1800
K06;28;uwv;nee;ja;ja;ja;ja;52,0800;5,1000
K07;28;ssfh;ja;ja;ja;twijfel;ja;52,1700;5,4100
K08;24;uwv;ja;twijfel;ja;ja;ja;52,0300;4,6900
"""
EXAMPLE_PRACTICES = """\
id;uren;begeleider;werkplek;sbb;routes;gedeeld;breedtegraad;lengtegraad
P01;32;ja;ja;ja;alle;nee;52,0930;5,1180
P02;24;ja;regelen;aangevraagd;uwv/ssfh;nee;52,1550;5,3900
P03;20;twijfel;ja;ja;uwv;ja;52,0200;4,7200
"""


def fields(bundle: Mapping[str, Any]) -> tuple[Field, ...]:
    # Not required: an empty file gets the CSV reader's own message (naming row 1) instead of the generic one.
    common = {"kind": "text", "max_length": CsvLimits.of(bundle).max_bytes, "shareable": False, "file_upload": True,
              "required": False}
    return (
        Field(CANDIDATES_FIELD, "Kandidaten (CSV)", default=EXAMPLE_CANDIDATES, **common,
              help="Plak de inhoud van een CSV-bestand of kies een bestand; het bestand blijft op je computer. "
                   "Eén rij per kandidaat; de kolommen staan onder de uitkomst. Het voorbeeld is verzonnen."),
        Field(PRACTICES_FIELD, "Praktijken (CSV)", default=EXAMPLE_PRACTICES, **common,
              help="Eén rij per praktijk met een leerwerkplek. Scheidingsteken: puntkomma of komma."),
    )
