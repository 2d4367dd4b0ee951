# Where in a data file a problem is, written for a person: list positions count from 1 ("organisations 3").
"""Key paths of data problems, shared by the build's checks and the calculators' checks of a bundle."""

from __future__ import annotations


def key_path(*parts: str | int) -> str:
    """'organisations 3.name' for ("organisations", 2, "name"): keys joined by dots, a list position (an int,
    counted from 0 in code) written after its list, counted from 1 as people count. Mapping keys that look like
    numbers (a salary scale "4") are strings and stay as they are."""
    path = ""
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            path = f"{path} {part + 1}" if path else f"positie {part + 1}"
        elif part != "":
            path = f"{path}.{part}" if path else str(part)
    return path
