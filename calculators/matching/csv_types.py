# The building blocks of the CSV reader: limits, columns, rows, tables and the Dutch problem messages.
"""Types and small helpers shared by the CSV reader (csv_input.py) and the column conversions (columns.py)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators._parameters import Parameters

MAX_ERRORS = 5
QUOTE_CHARS = 40  # longest piece of the file a message repeats; longer input is cut off with an ellipsis
DELIMITERS = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}
FORMULA_START = ("=", "@", "+", "-")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class CsvLimits:
    """How much one CSV file may hold (data/matching.yaml): beyond these the reader refuses with a message."""

    max_bytes: int  # also the most characters a pasted file may have
    max_cell: int  # characters in one cell
    max_rows: int  # data rows, the header not counted

    @classmethod
    def of(cls, bundle: Mapping[str, Any]) -> CsvLimits:
        parameters = Parameters(bundle)
        on = dt.date.fromisoformat(bundle["supported_period"]["start"])  # limits do not depend on a date
        return cls(*(int(parameters.value_on(f"matching.csv_{name}", on))
                     for name in ("max_bytes", "max_cell_chars", "max_rows")))


def quote(text: str) -> str:
    """Input repeated in a message: quoted, at most QUOTE_CHARS characters, an ellipsis when cut off."""
    return f"'{text}'" if len(text) <= QUOTE_CHARS else f"'{text[:QUOTE_CHARS - 1]}…'"


LISTED = 10  # most names (columns, ids) a message lists before "en nog N"


def listing(names: list[str]) -> str:
    """"'a', 'b', 'c'": at most LISTED quoted names, then how many more."""
    shown = ", ".join(quote(name) for name in names[:LISTED])
    rest = len(names) - LISTED
    return shown + (f" en nog {rest}" if rest > 0 else "")


@dataclass(frozen=True)
class Column:
    """One documented column of an input file (returned as data so the page can show it)."""

    name: str
    required: bool
    description: str
    values: str
    example: str
    aliases: tuple[str, ...] = ()
    prefix: bool = False  # True: a family of columns, the header starts with `name`


@dataclass(frozen=True)
class Row:
    number: int  # spreadsheet row number (the header is row 1)
    cells: dict[str, str]  # canonical column name (or full header for prefix columns) -> stripped text


@dataclass(frozen=True)
class Table:
    delimiter: str
    rows: tuple[Row, ...]
    letters: dict[str, str]  # canonical column name -> spreadsheet letter
    ignored: tuple[str, ...] = ()  # headers that are not documented columns
    header_row: int = 1

    @property
    def delimiter_name(self) -> str:
        return DELIMITERS[self.delimiter]


class CsvProblems(Exception):
    """Every problem found in one file (Dutch, naming row and column); raised instead of a half result."""

    def __init__(self, problems: list[str], more: bool = False) -> None:
        self.problems = problems
        self.more = more
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = " ".join(self.problems)
        return text + (" Er zijn meer fouten; los eerst deze op." if self.more else "")


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the spreadsheet name of a column."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def where(row: int, column: str | None = None, letters: dict[str, str] | None = None) -> str:
    if column is None:
        return f"Rij {row}"
    code = (letters or {}).get(column)
    return f"Rij {row}, kolom {quote(column)}" + (f" ({code})" if code else "")


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def formula_problem(text: str) -> str | None:
    """The Dutch reason when a cell could run as a spreadsheet formula, else None."""
    if text.startswith(FORMULA_START) and not is_number(text):
        return (f"de cel begint met '{text[0]}' en kan als formule worden uitgevoerd als iemand het bestand in een "
                "spreadsheet opent. Haal het teken weg of zet er een letter voor.")
    return None


class _Collector:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.more = False

    def add(self, text: str) -> None:
        if len(self.problems) < MAX_ERRORS:
            self.problems.append(text)
        else:
            self.more = True

    @property
    def full(self) -> bool:
        return self.more

    def raise_if_any(self) -> None:
        if self.problems:
            raise CsvProblems(self.problems, self.more)
