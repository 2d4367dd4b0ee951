# The applications a practice makes every study year after the start (praktijkleren), from the schemes' plans.
"""Yearly application windows: one per school year (1 August - 31 July) that the programme touches.

A scheme's plan step anchored on `each_study_year_end` with both `opens` and `closes` gives a window after each
school year. Where the scheme lists the real window of that year (`application_windows`), those dates are used and
the window counts as known; otherwise the yearly pattern of the step is an expectation. A school year on whose first
day the scheme's status (calculators/_status.py) has ended gets no window but a note; an unconfirmed one gets its
window and a note. Used by the planner and by the pages of
"Na de start", so both show the same dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators._format import long_date
from calculators._status import ENDED, UNCONFIRMED, status_on
from calculators._timeline import Period, resolve_moment, study_year_of

YEARLY_ANCHOR = "each_study_year_end"


@dataclass(frozen=True)
class Window:
    """One application window after one school year."""

    scheme: str
    title: str
    step: str
    school_year: Period
    opens: dt.date
    closes: dt.date
    known: bool  # the scheme lists this year's window itself; else the yearly pattern is an expectation
    url: str

    @property
    def school_year_label(self) -> str:
        return f"{self.school_year.first.year}-{self.school_year.last.year}"

    @property
    def key(self) -> str:
        return f"{self.scheme}_{self.school_year.last.year}"


def school_years(first: dt.date, last: dt.date) -> list[Period]:
    """Every school year that has a day in [first, last], in order."""
    years, day = [], first
    while day <= last:
        year = study_year_of(day)
        years.append(year)
        day = year.last + dt.timedelta(days=1)
    return years


def _yearly_steps(scheme: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    steps = (scheme.get("plan") or {}).get("steps", [])
    return [step for step in steps if step["anchor"] == YEARLY_ANCHOR and step.get("opens") and step.get("closes")]


def _listed_window(scheme: Mapping[str, Any], year: Period) -> tuple[dt.date, dt.date] | None:
    """The window the scheme lists for the application after `year` (it opens in the calendar year `year` ends)."""
    for window in scheme.get("application_windows", []):
        opens = dt.date.fromisoformat(window["opens"])
        if opens.year == year.last.year:
            return opens, dt.date.fromisoformat(window["closes"])
    return None


def yearly_windows(bundle: Mapping[str, Any], first: dt.date, last: dt.date) -> tuple[tuple[Window, ...],
                                                                                     tuple[str, ...]]:
    """(windows, notes) for a programme from `first` to `last`: every yearly application, earliest first, and a
    Dutch note per scheme whose status (data/schemes `status`) is not open for some of those school years."""
    windows: list[Window] = []
    notes: list[str] = []
    for scheme_id, scheme in sorted(bundle["schemes"].items()):
        steps = _yearly_steps(scheme)
        if not steps or scheme.get("opt_in"):
            continue
        ended, unconfirmed = [], []
        for year in school_years(first, last):
            status = status_on(scheme["status"], year.first)
            if status.state == ENDED:
                ended.append((year, status))
                continue
            if status.state == UNCONFIRMED:
                unconfirmed.append((year, status))
            listed = _listed_window(scheme, year)
            for step in steps:
                opens = listed[0] if listed else resolve_moment(year.last, step["opens"])
                closes = listed[1] if listed else resolve_moment(year.last, step["closes"])
                windows.append(Window(scheme_id, scheme["title"], step["label"], year, opens, closes,
                                      listed is not None, scheme["plan"]["url"]))
        if ended:
            notes.append(f"{scheme['title']} stopt volgens de gegevens van het handboek per "
                         f"{long_date(ended[0][1].since)}. {ended[0][1].label} Over {_years(ended)} kun je dus niet "
                         "aanvragen, tenzij de regeling wordt verlengd.")
        if unconfirmed:
            notes.append(f"{scheme['title']}: voor {_years(unconfirmed)} is de regeling niet bevestigd "
                         f"({unconfirmed[0][1].label.rstrip('.')}).")
    windows.sort(key=lambda w: (w.opens, w.title))
    return tuple(windows), tuple(notes)


def _years(found: list[tuple[Period, Any]]) -> str:
    labels = [f"{year.first.year}-{year.last.year}" for year, _ in found]
    return f"studiejaar {labels[0]}" if len(labels) == 1 else f"de studiejaren {', '.join(labels[:-1])} en {labels[-1]}"
