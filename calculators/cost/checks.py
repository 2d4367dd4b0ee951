# Checks across fields and data that a single field's bounds cannot express.
"""Cross-field validation for the cost calculator, with Dutch messages keyed by field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from calculators._format import long_date


def check(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    period = bundle["supported_period"]
    first, last = dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])
    start = values.get("start_date")
    if start is not None and not first <= start <= last:
        errors["start_date"] = (
            f"Kies een startdatum tussen {long_date(first)} en {long_date(last)}: "
            "voor andere data zijn de gegevens niet gecontroleerd."
        )
    return errors
