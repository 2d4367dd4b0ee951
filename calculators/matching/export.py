# Files the coordinator downloads: the proposals as CSV and empty templates (data: URLs), the 5B letters (.docx).
"""CSV export with neutralised cells (OWASP CSV injection advice) and percent-encoded data: URLs."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from calculators._docx import Filling, PersonalDocument, fill_docx, safe_file_name
from calculators._format import long_date
from calculators._parameters import Parameters
from calculators.matching.checklist import ChecklistResult
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


# --- the letter after a match (bijlage 5B), filled in the browser -------------------------------------------

# Routes with letters in bijlage 5B, and the template of each (handbook_build/documents/personal.py).
LETTER_TEMPLATES = {"uwv": "5b-brieven-uwv", "ssfh": "5b-brieven-ssfh"}


def letter_key(letter: str) -> str:
    return f"5b-{letter.lower()}"


def _or_placeholder(text: str, placeholder: str) -> str:
    return text or placeholder


def letter_filling(bundle: Mapping[str, Any], result: ChecklistResult, letter: str) -> Filling:
    """The tokens of the 5B letters for candidate `letter`; what the reader left empty stays a [placeholder]."""
    details = result.letter
    start = details.bvp_start
    if start is not None:
        weeks = int(Parameters(bundle).at(start).training.bbl.bvp_weeks)
        first_workday = long_date(start + dt.timedelta(weeks=weeks))
    return Filling({
        "candidate-name": _or_placeholder(details.candidate_name(letter), "[naam kandidaat]"),
        "practice-name": _or_placeholder(details.practice_name, "[naam praktijk]"),
        "practice-place": _or_placeholder(details.practice_place, "[plaats praktijk]"),
        "gp-name": _or_placeholder(details.gp_name, "[naam huisarts]"),
        "bvp-start": long_date(start) if start else "[startdatum BVP]",
        "first-workday": first_workday if start else "[datum eerste werkdag]",
    })


def letter_document(bundle: Mapping[str, Any], result: ChecklistResult, key: str, template: bytes) -> PersonalDocument:
    """The filled 5B letters (to the candidate and to the practice) for the route of the candidate in `key`."""
    verdict = next((v for v in result.verdicts if letter_key(v.letter) == key), None)
    if verdict is None or verdict.candidate.route not in LETTER_TEMPLATES:
        raise ValueError(f"geen brief 5B voor {key}")
    name = result.letter.candidate_name(verdict.letter) or f"kandidaat {verdict.letter}"
    content = fill_docx(template, letter_filling(bundle, result, verdict.letter))
    return PersonalDocument(safe_file_name("brieven na de match", verdict.candidate.route, name), content)
