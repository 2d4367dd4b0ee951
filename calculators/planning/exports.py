# Exports of a plan: an iCalendar file of the milestones and a CSV of the phases (data: URLs), and the bar
# planning and reminder letters as Word files filled in the browser.
"""iCalendar (RFC 5545), CSV and filled .docx templates for a plan; the page offers them without a server."""

from __future__ import annotations

import hashlib

from calculators._docx import Filling, PersonalDocument, fill_docx, safe_file_name
from calculators._exports import all_day_event, calendar, csv_text
from calculators._format import long_date, short_date
from calculators.planning.model import Item, Plan

KIND_LABELS = {"phase": "fase", "wait": "wachttijd", "milestone": "mijlpaal", "window": "aanvraagperiode"}


def ics(plan: Plan) -> str:
    events = (
        all_day_event(hashlib.sha256(f"{item.key}:{item.start}".encode()).hexdigest()[:16], plan.project_start,
                      item.start, item.label)
        for item in plan.milestones
    )
    return calendar("Planning zij-instroom doktersassistent", events)


def phases_csv(plan: Plan) -> str:
    rows = [["fase", "stap", "soort", "begin", "einde", "weken"]]
    for item in (*plan.items, *plan.after):
        rows.append([item.label, str(item.step), KIND_LABELS[item.kind], item.start.isoformat(),
                     item.end.isoformat(), str(item.weeks)])
    return csv_text(rows)


# --- Word files: the bar planning (8A) and the reminder letters (2C, 2F) with the plan's dates --------------

# Key (the page's data-document) -> (template name, Dutch title of the download).
DOCUMENTS = {
    "8a-balkenplanning": ("8a-balkenplanning", "Balkenplanning (bijlage 8A)"),
    "2c-herinnering-huisartsen": ("2c-herinnering-huisartsen", "Herinnering aan huisartsen (bijlage 2C)"),
    "2f-herinnering-kandidaten": ("2f-herinnering-kandidaten", "Herinnering aan kandidaten (bijlage 2F)"),
}


def _item(plan: Plan, key: str) -> Item:
    return next(item for item in plan.items if item.key == key)


def table_row(item: Item) -> dict[str, str]:
    """One row of the planning table: the same texts as the page's table (view._row)."""
    milestone = item.kind == "milestone"
    return {"label": item.label, "kind": KIND_LABELS[item.kind], "start": short_date(item.start),
            "end": "" if milestone else short_date(item.end), "weeks": "" if milestone else str(item.weeks)}


def _holidays(plan: Plan) -> str:
    if not plan.holidays:
        return "geen in deze periode"
    return "; ".join(f"{h.label} {short_date(h.start)} t/m {short_date(h.end)}" for h in plan.holidays)


def document_filling(plan: Plan, key: str) -> Filling:
    """The tokens of one personal document of the planner."""
    if key == "8a-balkenplanning":
        return Filling(
            {"project-start": long_date(plan.project_start), "bvp-start": long_date(plan.bvp.start),
             "holiday-region": plan.region_label, "holidays": _holidays(plan)},
            {"row": [table_row(item) for item in plan.items],
             "milestone": [{"date": long_date(m.start), "label": m.label} for m in plan.milestones]},
        )
    if key == "2c-herinnering-huisartsen":
        survey = _item(plan, "survey")
        return Filling({"survey-start": long_date(survey.start), "survey-end": long_date(survey.end)})
    if key == "2f-herinnering-kandidaten":
        return Filling({"bvp-start": long_date(plan.bvp.start),
                        "recruitment-end": long_date(_item(plan, "communication").end),
                        "info-meeting": f"{long_date(_item(plan, 'info_meeting').start)}, [tijd]"})
    raise ValueError(f"onbekend document van de planner: {key}")


def plan_document(plan: Plan, key: str, template: bytes) -> PersonalDocument:
    name = safe_file_name(DOCUMENTS[key][0], f"{plan.bvp.start:%Y-%m-%d}")
    return PersonalDocument(name, fill_docx(template, document_filling(plan, key)))
