# Exports of a plan: an iCalendar file of the milestones and a CSV of the phases (data: URLs), and the bar
# planning and reminder letters as Word files filled in the browser.
"""iCalendar (RFC 5545), CSV and filled .docx templates for a plan; the page offers them without a server."""

from __future__ import annotations

import datetime as dt
import hashlib

from calculators._docx import Filling, PersonalDocument, fill_docx, safe_file_name
from calculators._format import long_date, short_date
from calculators.planning.model import Item, Plan

PRODUCT = "-//zij-instroom-handboek//planning//NL"
KIND_LABELS = {"phase": "fase", "wait": "wachttijd", "milestone": "mijlpaal"}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
    if line.isascii():  # one octet per character: cut by slicing (the loop below is slow on long lines)
        return [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    parts, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > (75 if not parts else 74):
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return [parts[0]] + [" " + part for part in parts[1:]]


def ics(plan: Plan) -> str:
    stamp = f"{plan.project_start:%Y%m%d}T000000Z"  # deterministic: the same plan gives the same file
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Planning zij-instroom doktersassistent",
    ]
    for item in plan.milestones:
        uid = hashlib.sha256(f"{item.key}:{item.start}".encode()).hexdigest()[:16]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@zij-instroom-handboek",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{item.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.start + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(item.label)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"


def _cell(text: str) -> str:
    """Quote for CSV and neutralise spreadsheet formulas (a cell starting with = + - @ gets a leading ')."""
    if text[:1] in {"=", "+", "-", "@"}:
        text = "'" + text
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text


def phases_csv(plan: Plan) -> str:
    rows = [["fase", "stap", "soort", "begin", "einde", "weken"]]
    kinds = KIND_LABELS
    for item in plan.items:
        rows.append(
            [
                item.label,
                str(item.step),
                kinds[item.kind],
                item.start.isoformat(),
                item.end.isoformat(),
                str(item.weeks),
            ]
        )
    return "\r\n".join(";".join(_cell(cell) for cell in row) for row in rows) + "\r\n"


# Percent-encoding by table: the same text as quote(text, safe=""), without a Python step per byte (each
# cost recompute writes several plans; quote's per-byte loop took a third of the render time in Pyodide).
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_PERCENT = tuple(chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256))


def data_url(text: str, media_type: str) -> str:
    return f"data:{media_type};charset=utf-8," + "".join(map(_PERCENT.__getitem__, text.encode("utf-8")))


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
