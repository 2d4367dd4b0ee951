"""Registry entry "matching-regio": candidates and practices from two CSV files, best total fit."""

from __future__ import annotations

from calculators.matching.regional import check, compute
from calculators.matching.regional_inputs import fields
from calculators.matching.view import render_regional as render

NAME = "matching-regio"
TITLE = "Regionale matching van kandidaten en praktijken"

__all__ = ["NAME", "TITLE", "check", "compute", "fields", "render"]
