# Files the coordinator downloads: the proposals as CSV and empty templates, as data: URLs (no server).
"""CSV export with neutralised cells (OWASP CSV injection advice) and percent-encoded data: URLs."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from calculators.matching.csv_input import Column

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell that a spreadsheet could run as a formula gets a leading single quote (OWASP)."""
    return "'" + cell if cell.startswith(DANGEROUS_START) else cell


def to_csv(rows: list[list[str]], delimiter: str = ";") -> str:
    """Every cell neutralised and quoted; lines end in CRLF as spreadsheets expect."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(str(cell)) for cell in row])
    return buffer.getvalue()


def data_url(text: str) -> str:
    """A download link target; the byte order mark makes spreadsheets read the file as UTF-8."""
    return "data:text/csv;charset=utf-8," + quote("\ufeff" + text, safe="")


def template(columns: tuple[Column, ...], delimiter: str = ";") -> str:
    """Header and one example row, with the documented column names."""
    header = [c.name + "P01" if c.prefix else c.name for c in columns]
    example = [c.example for c in columns]
    return to_csv([header, example], delimiter)
