"""How current is data/? Per value: valid until, peildatum, confidence, who uses it, and what to check next.

Plain functions over the data bundle (the loader's dict or the calculators' JSON bundle; both have the
same shape). Used by `tools/data_status.py` (maintainer command and CI), by the maintainer page
(`handbook_build/freshness/page.py`) and by the build, which calls `expiring_defaults` to warn without failing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook_build.freshness.usage import Usage, calculators_using_defaults, find_usage

# A value is flagged when it ends within this many months, or was last checked longer ago than a year.
WARN_MONTHS = 6
STALE_AFTER_DAYS = 365

FLAG_EXPIRED = "verlopen"
FLAG_EXPIRES = "verloopt binnen {months} maanden"
FLAG_LOW = "lage betrouwbaarheid"
FLAG_STALE = "peildatum ouder dan een jaar"
FLAG_CARRIED = "daarna doorgetrokken"


@dataclass(frozen=True)
class StatusRow:
    """One value as a maintainer needs to see it."""

    key: str  # parameter key, "facts.<file>.<name>" or "school_holidays.<year>"
    label: str
    file: str
    start: dt.date | None  # in force from (None for facts)
    valid_until: dt.date | None  # None: no end known (facts)
    valid_until_basis: str  # why that end: "vastgesteld", "volgende waarde", "gegevens t/m", "schooljaar"
    peildatum: dt.date
    confidence: str
    calculators: tuple[str, ...]
    pages: tuple[str, ...]
    flags: tuple[str, ...]
    # The note of a last value that is knowingly carried past its end (data/README.md), else "".
    carried_forward: str = ""
    # Calculators that read the value with their default inputs (a subset of `calculators`).
    defaults: tuple[str, ...] = ()
    has_next: bool = False  # a later value follows, so this one hands over instead of running out


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(str(text))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 August + 6 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: day 28 exists in every month")


def _current_and_later(values: list[Mapping[str, Any]], today: dt.date) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Indexes and entries still relevant today: the one in force and any that start later."""
    in_force = max((i for i, v in enumerate(values) if _date(v["from"]) <= today), default=None)
    for index, entry in enumerate(values):
        if (in_force is not None and index >= in_force) or _date(entry["from"]) > today:
            yield index, entry


def entry_end(param: Mapping[str, Any], index: int) -> tuple[dt.date | None, str]:
    """Last day a dated value applies, and on what that end is based (None: no end known)."""
    values = param["values"]
    entry = values[index]
    if entry.get("valid_until"):
        return _date(entry["valid_until"]), "vastgesteld"
    if index + 1 < len(values):
        return _date(values[index + 1]["from"]) - dt.timedelta(days=1), "volgende waarde"
    if param.get("covered_until"):
        return _date(param["covered_until"]), "gegevens t/m"
    return None, "geen einddatum bekend"


def flags_for(valid_until: dt.date | None, peildatum: dt.date, confidence: str, today: dt.date,
              months: int = WARN_MONTHS) -> tuple[str, ...]:
    found = []
    if valid_until is not None and valid_until < today:
        found.append(FLAG_EXPIRED)
    elif valid_until is not None and valid_until <= add_months(today, months):
        found.append(FLAG_EXPIRES.format(months=months))
    if confidence == "low":
        found.append(FLAG_LOW)
    if (today - peildatum).days > STALE_AFTER_DAYS:
        found.append(FLAG_STALE)
    return tuple(found)


def parameter_rows(bundle: Mapping[str, Any], today: dt.date, usage: Usage) -> list[StatusRow]:
    rows = []
    for key, param in sorted(bundle["parameters"].items()):
        for index, entry in _current_and_later(param["values"], today):
            end, basis = entry_end(param, index)
            peildatum = _date(entry["peildatum"])
            # A value followed by a known next value does not run out (also when it has a valid_until of its
            # own, such as a premium year): only flag a real end.
            has_next = index + 1 < len(param["values"])
            flags = flags_for(None if has_next else end, peildatum, entry["confidence"], today)
            carried = "" if has_next else entry.get("carried_forward", "")
            if carried and end is not None and end <= add_months(today, WARN_MONTHS):
                flags += (FLAG_CARRIED,)
            rows.append(StatusRow(
                key, param["label"], param["file"], _date(entry["from"]), end, basis, peildatum,
                entry["confidence"], usage.calculators.get(key, ()), usage.pages.get(key, ()), flags,
                carried, usage.defaults.get(key, ()), has_next,
            ))
    return rows


def fact_rows(bundle: Mapping[str, Any], today: dt.date, usage: Usage) -> list[StatusRow]:
    rows = []
    for facts_id, document in sorted(bundle["facts"].items()):
        for name, fact in document["facts"].items():
            key = f"facts.{facts_id}.{name}"
            peildatum = _date(fact["peildatum"])
            rows.append(StatusRow(
                key, f"{fact['label']} ({fact['year']})", document["file"], None, None, "", peildatum,
                fact["confidence"], (), usage.pages.get(key, ()), flags_for(None, peildatum, fact["confidence"], today),
            ))
    return rows


_CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}


def holiday_rows(bundle: Mapping[str, Any], today: dt.date, usage: Usage) -> list[StatusRow]:
    """One row per school year that has not ended: its weakest confidence and oldest peildatum."""
    rows = []
    for school_year, year in sorted(bundle["school_holidays"].items()):
        end = _date(year["last_day"])
        if end < today:
            continue
        periods = [p for holiday in year["holidays"] for p in holiday["regions"].values()]
        confidence = min((p["confidence"] for p in periods), key=_CONFIDENCE_ORDER.__getitem__)
        peildatum = min(_date(p["peildatum"]) for p in periods)
        missing = sum(len(h.get("missing", {})) for h in year["holidays"])
        label = f"Schoolvakanties {school_year}" + (f" ({missing} datum ontbreekt)" if missing else "")
        key = f"school_holidays.{school_year}"
        rows.append(StatusRow(
            key, label, year["file"], _date(year["first_day"]), end, "schooljaar", peildatum, confidence,
            usage.calculators.get(key, ()), usage.pages.get(key, ()), flags_for(None, peildatum, confidence, today),
        ))
    return rows


def status_rows(bundle: Mapping[str, Any], today: dt.date, root: Path) -> list[StatusRow]:
    """Every current value in data/, with flags; usage found by scanning calculators/ and docs/ under root."""
    usage = find_usage(bundle, root)
    return parameter_rows(bundle, today, usage) + holiday_rows(bundle, today, usage) + fact_rows(bundle, today, usage)


def unplanned_default_ends(rows: list[StatusRow], until: dt.date) -> list[StatusRow]:
    """Values behind a calculator's default inputs whose data ends on or before `until` with neither a next
    value nor a `carried_forward` note: someone has to add a value or decide to carry this one forward."""
    return [row for row in rows if row.defaults and row.valid_until is not None and row.valid_until <= until
            and not row.has_next and not row.carried_forward]


def expiring_defaults(bundle: Mapping[str, Any], today: dt.date, months: int = 3) -> list[str]:
    """Dutch warnings for values a calculator uses with its default inputs that end within `months`.

    For the build: warn, do not fail. Each message names the value, its file and the calculators.
    """
    horizon = add_months(today, months)
    messages = []
    for key, names in sorted(calculators_using_defaults(bundle).items()):
        param = bundle["parameters"][key]
        last = len(param["values"]) - 1
        end, basis = entry_end(param, last)
        # Only the last value can run out (an earlier one hands over to its successor). A past end counts
        # when it was a known end of validity (valid_until); covered_until in the past marks history.
        if end is None or end > horizon or (end < today and basis != "vastgesteld"):
            continue
        if _date(param["values"][last]["from"]) <= horizon:
            verb = "gold tot en met" if end < today else "geldt tot en met"
            carried = param["values"][last].get("carried_forward")
            messages.append(
                f"{param['file']}: {key} ('{param['label']}') {verb} {end.isoformat()}"
                f"{' en wordt daarna doorgetrokken (carried_forward)' if carried else ''}; "
                f"de rekenhulp {', '.join(names)} gebruikt deze waarde bij de standaardinvoer. "
                + ("Voeg een nieuwe waarde toe zodra die bekend is." if carried
                   else "Voeg een nieuwe waarde met bron en peildatum toe.")
            )
    return messages
