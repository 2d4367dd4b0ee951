# The text files calculators offer as downloads: iCalendar and CSV, and data URLs for a page without a server.
"""Writers shared by the calculators' downloads: an iCalendar file (RFC 5545), semicolon CSV, data URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

PRODUCT = "-//zij-instroom-handboek//planning//NL"


def ical_text(text: str) -> str:
    """A TEXT value escaped for iCalendar (RFC 5545, 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> list[str]:
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


def all_day_event(uid: str, stamp: dt.date, day: dt.date, summary: str, *extra: str) -> list[str]:
    """The lines of one all-day event; `extra` are further property lines (already escaped)."""
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@zij-instroom-handboek",
        f"DTSTAMP:{stamp:%Y%m%d}T000000Z",  # a fixed stamp: the same plan gives the same file
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ical_text(summary)}",
        *extra,
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar(name: str, events: Iterable[list[str]]) -> str:
    """A whole iCalendar file with CRLF line ends and folded lines."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{name}"]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in fold(line)) + "\r\n"


def csv_cell(text: str) -> str:
    """Quote for CSV and neutralise spreadsheet formulas (a cell starting with = + - @ gets a leading ')."""
    if text[:1] in {"=", "+", "-", "@"}:
        text = "'" + text
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """Semicolon-separated rows (a Dutch spreadsheet's default) with CRLF line ends."""
    return "\r\n".join(";".join(csv_cell(cell) for cell in row) for row in rows) + "\r\n"


# Percent-encoding by table: the same text as quote(text, safe=""), without a Python step per byte (each
# cost recompute wrote several plans; quote's per-byte loop took a third of the render time in Pyodide).
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_PERCENT = tuple(chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256))


def data_url(text: str, media_type: str) -> str:
    return f"data:{media_type};charset=utf-8," + "".join(map(_PERCENT.__getitem__, text.encode("utf-8")))
