# The building blocks of the CSV reader: limits, columns, rows, tables and the Dutch problem messages.
"""Types and small helpers shared by the CSV reader (csv_input.py) and the column conversions (columns.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ROWS = 500
MAX_ERRORS = 5
MAX_CELL = 120
DELIMITERS = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}
FORMULA_START = ("=", "@", "+", "-")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


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
    return f"Rij {row}, kolom '{column}'" + (f" ({code})" if code else "")


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
