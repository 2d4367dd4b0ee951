# Exports of a plan: an iCalendar file of the milestones and a CSV of the phases, as data: URLs.
"""iCalendar (RFC 5545) and CSV text for a plan; the page offers them as downloads without a server."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import quote

from calculators.planning.model import Plan

PRODUCT = "-//zij-instroom-handboek//planning//NL"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
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
    kinds = {"phase": "fase", "wait": "wachttijd", "milestone": "mijlpaal"}
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


def data_url(text: str, media_type: str) -> str:
    return f"data:{media_type};charset=utf-8,{quote(text, safe='')}"
