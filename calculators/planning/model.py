# The project timeline: phases in dependency order (earliest start), shifted to the anchor date.
"""Plan the playbook's phases forward from a project start or backward from a BVP start; check holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators._format import count, long_date
from calculators._holidays import Holiday, covered_range, holiday_regions, holidays_for, missing_notes
from calculators._parameters import Parameters
from calculators._timeline import add_months
from calculators.planning.schedule import phase_spec, phase_weeks, reference_date, relative_schedule
from calculators.planning.yearly import Window, yearly_windows

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Item:
    """A phase (bar), a wait (bar) or a milestone (one day) with inclusive dates."""

    key: str
    label: str
    step: int
    kind: str
    start: dt.date
    end: dt.date
    after: tuple[str, ...] = ()

    @property
    def weeks(self) -> int:
        return 0 if self.kind == "milestone" else ((self.end - self.start).days + 1) // 7


@dataclass(frozen=True)
class Plan:
    mode: str
    region: str
    region_label: str
    items: tuple[Item, ...]
    milestones: tuple[Item, ...]
    holidays: tuple[Holiday, ...]
    warnings: tuple[str, ...]
    after: tuple[Item, ...] = ()  # from the BVP to the diploma: programme years, school block, application windows
    after_notes: tuple[str, ...] = ()  # what the timeline after the start cannot be sure of (schemes that end)

    @property
    def project_start(self) -> dt.date:
        return min(item.start for item in self.items)

    @property
    def bvp(self) -> Item:
        return next(item for item in self.items if item.key == "bvp")


def plan(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> Plan:
    on = reference_date(bundle)
    phases = phase_spec(bundle, on)
    weeks = {
        p["key"]: int(values.get(f"weeks_{p['key']}") or phase_weeks(bundle, p, on))
        for p in phases
        if p["kind"] != "milestone"
    }
    offsets = relative_schedule(phases, weeks)
    day_zero = values["project_start"] if values["mode"] == "vooruit" else values["bvp_start"] - offsets["bvp"][0] * DAY
    items = tuple(
        Item(
            p["key"],
            p["label"],
            int(p["step"]),
            p["kind"],
            day_zero + offsets[p["key"]][0] * DAY,
            day_zero + offsets[p["key"]][1] * DAY,
            tuple(p["after"]),
        )
        for p in phases
    )
    region_label = holiday_regions(bundle)[values["region"]]
    partial = Plan(values["mode"], values["region"], region_label, items, (), (), ())
    milestones = _milestones(bundle, partial)
    region_holidays = holidays_for(bundle, values["region"])
    first, last = partial.project_start, partial.bvp.end
    shown = tuple(h for h in region_holidays if h.overlaps(first - 14 * DAY, last + 14 * DAY))
    warnings = _warnings(bundle, values, partial, region_holidays)
    after, windows, notes = _after_start(bundle, partial.bvp)
    extra = tuple(sorted((*milestones, *_after_milestones(after, windows)), key=lambda item: (item.start, item.key)))
    return Plan(values["mode"], values["region"], region_label, items, extra, shown, warnings, after, notes)


ORDINALS = ("Eerste", "Tweede", "Derde", "Vierde")


def _ordinal(year: int) -> str:
    return ORDINALS[year - 1] if year <= len(ORDINALS) else f"Jaar {year} van het"


def _after_start(bundle: Mapping[str, Any], bvp: Item) -> tuple[tuple[Item, ...], tuple[Window, ...], tuple[str, ...]]:
    """The timeline from the first day of the BVP to the diploma: one bar per year of the programme, the school block
    at the start of the second year, and the yearly application windows (calculators/planning/yearly.py)."""
    bbl = Parameters(bundle).at(bvp.start).training.bbl
    years, block_weeks = int(bbl.max_programme_years), int(bbl.second_year_block_weeks)
    diploma = add_months(bvp.start, 12 * years) - DAY
    items = []
    for year in range(1, years + 1):
        first, last = add_months(bvp.start, 12 * (year - 1)), add_months(bvp.start, 12 * year) - DAY
        items.append(Item(f"programme_year_{year}", f"{_ordinal(year)} opleidingsjaar", 3, "phase", first, last))
        if year == 2:  # the pilot's example block opens the second year
            items.append(Item("year_two_block", "Schoolblok aan het begin van het tweede opleidingsjaar (voorbeeld)",
                              3, "phase", first, first + (7 * block_weeks - 1) * DAY))
    windows, notes = yearly_windows(bundle, bvp.start, diploma)
    for window in windows:
        items.append(Item(f"window_{window.key}", f"{window.title}: aanvragen over studiejaar "
                          f"{window.school_year_label}", 6, "window", window.opens, window.closes))
    return tuple(items), windows, notes


def _after_milestones(after: tuple[Item, ...], windows: tuple[Window, ...]) -> list[Item]:
    """Milestones after the start: each new programme year, and the opening and last day of each application."""
    milestones = [Item(f"start_{item.key}", f"Start {item.label[0].lower()}{item.label[1:]}", 3, "milestone",
                       item.start, item.start) for item in after if item.key.startswith("programme_year_")
                  and not item.key.endswith("_1")]
    for window in windows:
        expected = "" if window.known else " (verwacht)"
        about = f"de aanvraag over studiejaar {window.school_year_label}{expected}"
        milestones.append(Item(f"{window.key}_opens", f"{window.title}: loket open voor {about}", 6, "milestone",
                               window.opens, window.opens))
        milestones.append(Item(f"{window.key}_closes", f"{window.title}: laatste dag voor {about}", 6, "milestone",
                               window.closes, window.closes))
    return milestones


def _milestones(bundle: Mapping[str, Any], plan_: Plan) -> tuple[Item, ...]:
    """Dated milestones: those in the phase list, the BVP itself, and what follows from the BVP start."""
    parameters = Parameters(bundle)
    bvp = plan_.bvp
    bbl = parameters.at(bvp.start).training.bbl
    probation, years = int(bbl.max_probation_months_fixed_term), int(bbl.max_programme_years)
    bbl_start = bvp.end + DAY

    def one(key: str, label: str, day: dt.date) -> Item:
        return Item(key, label, 6, "milestone", day, day)

    listed = [item for item in plan_.items if item.kind == "milestone"]
    extra = [
        one("bvp_start", "Start BVP", bvp.start),
        one("bvp_end", "Laatste dag BVP", bvp.end),
        one("bbl_start", "Start BBL-contract (de 'knip'; de proeftijd begint nu pas)", bbl_start),
        one("probation_end", "Einde proeftijd", add_months(bbl_start, probation) - DAY),
        one("year_one_end", "Einde eerste opleidingsjaar", add_months(bvp.start, 12) - DAY),
        one("diploma", "Diploma uiterlijk", add_months(bvp.start, 12 * years) - DAY),
    ]
    return tuple(sorted(listed + extra, key=lambda item: (item.start, item.key)))


def _warnings(
    bundle: Mapping[str, Any], values: Mapping[str, Any], plan_: Plan, holidays: list[Holiday]
) -> tuple[str, ...]:
    warnings = [*_holiday_warnings(plan_, holidays), *_duration_warnings(bundle, values, plan_)]
    first, last = covered_range(bundle)
    outside = [m for m in (*plan_.items,) if not first <= m.start <= last or not first <= m.end <= last]
    if outside:
        warnings.append(
            f"Niet alle data vallen binnen de schoolvakantiegegevens ({long_date(first)} t/m "
            f"{long_date(last)}); daarbuiten is niet op vakanties gecontroleerd."
        )
    warnings.extend(missing_notes(bundle, values["region"]))
    return tuple(warnings)


def _holiday_warnings(plan_: Plan, holidays: list[Holiday]) -> list[str]:
    """The BVP or the information meeting in a school holiday of the chosen region."""
    region, bvp = plan_.region_label, plan_.bvp
    warnings = []
    for holiday in holidays:
        if holiday.overlaps(bvp.start, bvp.end):
            warnings.append(
                f"De BVP ({long_date(bvp.start)} t/m {long_date(bvp.end)}) valt deels in de "
                f"{holiday.label.lower()} van regio {region} ({long_date(holiday.start)} t/m "
                f"{long_date(holiday.end)})."
            )
    meeting = next(item for item in plan_.items if item.key == "info_meeting")
    for holiday in holidays:
        if holiday.overlaps(meeting.start, meeting.end):
            warnings.append(
                f"De informatiebijeenkomst ({long_date(meeting.start)}) valt in de "
                f"{holiday.label.lower()} van regio {region}."
            )
    return warnings


def _duration_warnings(bundle: Mapping[str, Any], values: Mapping[str, Any], plan_: Plan) -> list[str]:
    """Preparation, administration and decision times against the playbook's advice."""
    p = Parameters(bundle).at(reference_date(bundle))
    warnings = []
    minimum_months = int(p.planning.min_lead_time_months)
    if add_months(plan_.project_start, minimum_months) > plan_.bvp.start:
        warnings.append(
            f"De voorbereiding duurt korter dan {count(minimum_months, 'maand', 'maanden')}; het draaiboek adviseert "
            f"{minimum_months} tot {int(p.planning.max_lead_time_months)} maanden."
        )
    admin_minimum = int(p.planning.uwv_admin_weeks)
    if int(values.get("weeks_administration") or admin_minimum) < admin_minimum:
        warnings.append(
            f"UWV en de praktijk hebben meestal minstens {count(admin_minimum, 'week', 'weken')} nodig voor de "
            "administratie."
        )
    decision = int(p.matching.decision_weeks_after_click)
    if int(values.get("weeks_gp_decision") or decision) > decision:
        warnings.append(f"Het draaiboek geeft de huisarts hoogstens {count(decision, 'week', 'weken')} bedenktijd "
                        "na het klikgesprek.")
    given = values.get("project_start")
    if values["mode"] == "achteruit" and given and given > plan_.project_start:
        warnings.append(
            f"Met deze fasen moet het project al op {long_date(plan_.project_start)} beginnen, "
            f"eerder dan de opgegeven start ({long_date(given)})."
        )
    return warnings
