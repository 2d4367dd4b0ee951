# Reading the coordinator's CSV files: delimiter detection, one Dutch message per bad cell, no formulas.
"""Parse pasted or uploaded CSV text into rows of named cells, with errors that name the row and the column.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
Columns are named by their header and their spreadsheet letter, e.g. "rij 4, kolom 'uren' (B)".

Decisions
    * Delimiter: the header decides. Of semicolon, comma and tab, the one that splits the header
      into the most known column names wins; the result says which one was found.
    * Formulas: a cell that starts with "=" or "@", or with "+" or "-" without being a number, is
      rejected (not silently cleaned). The coordinator's file may be opened in a spreadsheet by
      someone else, where such a cell runs as a formula (CSV injection); the message names the cell
      so it can be fixed at the source. Exported cells are neutralised instead (see export.py).
    * Size: the limits of data/matching.yaml (CsvLimits): a text over max_bytes characters is refused
      before parsing, a cell over max_cell characters is reported with its row and column, and reading
      stops after max_rows data rows, so a huge file gives one clear message instead of a long wait.
    * Encoding: text that cannot be what someone typed is refused first (csv_decode.text_problem).
    * Never raises anything but CsvProblems, and no message repeats more than QUOTE_CHARS characters of
      the input (csv_types.quote) or more than LISTED names.
    * Nothing half-read: any error means no rows at all are returned.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from calculators._format import count
from calculators._format import number as number_nl
from calculators.matching.csv_decode import text_problem, too_large
from calculators.matching.csv_types import (
    DELIMITERS,
    Column,
    CsvLimits,
    CsvProblems,
    Row,
    Table,
    _Collector,
    formula_problem,
    is_number,
    letter,
    listing,
    quote,
    where,
)

__all__ = ["Column", "CsvLimits", "CsvProblems", "Row", "Table", "is_number", "letter", "read_table", "where"]


def _allow_fields_up_to(size: int) -> None:
    """Raise the csv module's field limit (131,072 by default) above the whole text's size.

    The text is at most max_bytes characters when it gets here, so no field can pass the limit and the csv
    module never stops with "field larger than field limit"; an over-long cell is then found by our own
    check, which names its row and column. The limit is process-wide; it is only ever raised.
    """
    if csv.field_size_limit() <= size:
        csv.field_size_limit(size + 1)


def _normalise(header: str) -> str:
    return header.strip().lstrip("\ufeff").strip().casefold()


def _canonical(header: str, columns: tuple[Column, ...]) -> str | None:
    name = _normalise(header)
    for column in columns:
        if name == column.name or name in column.aliases or (column.prefix and name.startswith(column.name)
                                                               and len(name) > len(column.name)):
            return name if column.prefix else column.name
    return None


def _cells(amount: int) -> str:
    return count(amount, "cel", "cellen")


def _too_long(max_cell: int) -> str:
    return f"de cel is langer dan {count(max_cell, 'teken', 'tekens')}."


def detect_delimiter(first_line: str, columns: tuple[Column, ...]) -> tuple[str, int]:
    """The delimiter that splits the header into the most known columns (ties: the most cells)."""
    def quality(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:  # not this delimiter; the reader itself reports the line's problem later
            return 0, 0
        return sum(_canonical(c, columns) is not None for c in cells), len(cells)

    best = max(DELIMITERS, key=quality)
    return best, quality(best)[0]


def _guess_other_delimiter(line: str) -> str:
    """The most frequent punctuation in a header that none of the known delimiters splits, e.g. '|'."""
    counts = {c: line.count(c) for c in set(line) if not c.isalnum() and c not in "_- \"'\ufeff"}
    return max(sorted(counts), key=counts.__getitem__) if counts else ""


@dataclass
class _Source:
    """The CSV records of a text, numbered; a quoting error stops the reading and is described."""

    text: str
    delimiter: str
    collector: _Collector
    describe: Callable[[int, int], str] | None = None  # (row, column index) -> location, once the header is known

    def records(self) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True)
        number = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self._error(number + 1, reader.line_num, str(error))
                return
            number += 1
            yield number, record

    def _error(self, row: int, line_number: int, error: str) -> None:
        if "field larger" in error:
            self.collector.add(f"Rij {row}: een cel is te lang.")
            return
        lines = re.split(r"\r\n|\r|\n", self.text)
        line = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
        for index, cell in enumerate(line.split(self.delimiter)):
            problem = formula_problem(cell.strip())
            if problem:
                location = self.describe(row, index) if self.describe else f"Rij {row}, kolom {letter(index)}"
                self.collector.add(f"{location}: {problem}")
                return
        self.collector.add(f"Rij {row}: de aanhalingstekens kloppen niet. Een cel met een scheidingsteken, een "
                           "aanhalingsteken of een regelovergang moet helemaal tussen dubbele aanhalingstekens staan.")


@dataclass
class _Header:
    number: int
    cells: list[str]
    names: list[str | None]
    letters: dict[str, str]
    ignored: list[str]

    def location(self, row: int, index: int) -> str:
        name = self.names[index] if index < len(self.names) else None
        label = name or (self.cells[index].strip() if index < len(self.cells) else "")
        return f"Rij {row}, kolom {quote(label)} ({letter(index)})" if label else f"Rij {row}, kolom {letter(index)}"


def _read_header(number: int, cells: list[str], columns: tuple[Column, ...], collector: _Collector,
                 max_cell: int) -> _Header:
    header = _Header(number, cells, [], {}, [])
    for index, cell in enumerate(cells):
        problem = formula_problem(cell.strip())
        if problem:
            collector.add(f"Rij {number}, kolom {letter(index)}: {problem}")
        if len(cell.strip()) > max_cell:
            collector.add(f"Rij {number}, kolom {letter(index)}: {_too_long(max_cell)}")
            header.names.append(None)
            continue
        name = _canonical(cell, columns)
        if name is not None and name in header.letters:
            collector.add(f"{where(number, name, header.letters)}: deze kolom staat twee keer in de kopregel "
                          f"(ook in kolom {letter(index)}).")
            name = None
        elif name is not None:
            header.letters[name] = letter(index)
        elif cell.strip():
            header.ignored.append(cell.strip())
        header.names.append(name)
    return header


def _missing_columns(header: _Header, required: list[str], delimiter: str, known: int, first_line: str) -> str:
    missing = [name for name in required if name not in header.letters]
    if not missing:
        return ""
    found = listing([c.strip() for c in header.cells if c.strip()]) or "geen"
    also = f" (en ook {listing(missing[1:])})" if missing[1:] else ""
    if known:
        return (f"Rij {header.number}: de kolom '{missing[0]}' ontbreekt{also}. Gevonden scheidingsteken: "
                f"{DELIMITERS[delimiter]}; gevonden kolommen: {found}.")
    other = _guess_other_delimiter(first_line)
    seen = f"het scheidingsteken lijkt '{other}' te zijn" if other else "er is geen scheidingsteken gevonden"
    return (f"Rij {header.number}: de kolom '{missing[0]}' ontbreekt{also}: {seen}. Gebruik een puntkomma (;) of "
            f"een komma (,) tussen de kolommen. Gevonden kopregel: {found}.")


def _row(number: int, record: list[str], header: _Header, delimiter: str, required: list[str],
         collector: _Collector, max_cell: int) -> Row:
    cells = {}
    for index, raw in enumerate(record):
        value = raw.strip()
        name = header.names[index] if index < len(header.names) else None
        problem = formula_problem(value)
        if problem:
            collector.add(f"{header.location(number, index)}: {problem}")
        elif len(value) > max_cell:
            collector.add(f"{header.location(number, index)}: {_too_long(max_cell)}")
        elif name is not None and any(ord(c) < 32 or ord(c) == 127 for c in value):
            collector.add(f"{header.location(number, index)}: de cel bevat een regelovergang of een onzichtbaar "
                          "stuurteken.")
        if index >= len(header.cells) and value:
            collector.add(f"Rij {number}, kolom {letter(index)}: deze rij heeft {_cells(len(record))} en de kopregel "
                          f"{_cells(len(header.cells))}. Staat er een {DELIMITERS[delimiter]} in een cel? Zet die cel "
                          "dan tussen dubbele aanhalingstekens.")
            break
        if name is not None:
            cells[name] = value
    for name in required:
        if name not in cells:
            mixed = any(d in "".join(record) for d in DELIMITERS if d != delimiter)
            hint = (f" Deze rij lijkt een ander scheidingsteken te gebruiken dan de kopregel "
                    f"({DELIMITERS[delimiter]})." if mixed else "")
            collector.add(f"{where(number, name, header.letters)}: ontbreekt; de rij heeft {_cells(len(record))} en "
                          f"de kopregel {_cells(len(header.cells))}.{hint}")
            break
    return Row(number, cells)


def read_table(text: str, columns: tuple[Column, ...], what: str, limits: CsvLimits) -> Table:
    """Split CSV text into rows of named cells; raise CsvProblems (Dutch) for anything malformed."""
    if len(text) > limits.max_bytes:
        raise CsvProblems([too_large(what, limits.max_bytes)])
    problem = text_problem(text, what)
    if problem:
        raise problem
    _allow_fields_up_to(len(text))
    collector = _Collector()
    body = text.lstrip("\ufeff")
    required = [c.name for c in columns if c.required]
    if not body.strip():
        names = " en ".join(f"'{name}'" for name in required)
        raise CsvProblems([f"Rij 1: het bestand met {what} is leeg. Zet in rij 1 de kolomnamen (minstens {names}) "
                           "en daaronder de rijen met gegevens."])
    first_line = next(line for line in body.splitlines() if line.strip())
    delimiter, known = detect_delimiter(first_line, columns)
    source = _Source(body, delimiter, collector)
    records = source.records()
    number, cells = next(((n, r) for n, r in records if any(cell.strip() for cell in r)), (1, []))
    header = _read_header(number, cells, columns, collector, limits.max_cell)
    source.describe = header.location
    missing = _missing_columns(header, required, delimiter, known, first_line)
    if missing:
        collector.add(missing)
        collector.raise_if_any()
    rows = []
    for number, record in records:
        if collector.full:
            break
        if not any(cell.strip() for cell in record):
            continue
        if len(rows) == limits.max_rows:
            collector.add(f"Rij {number}: het bestand met {what} heeft meer dan {number_nl(limits.max_rows)} rijen met "
                          f"gegevens; de rekenhulp verwerkt er hoogstens {number_nl(limits.max_rows)}. Splits het "
                          "bestand, bijvoorbeeld per ronde.")
            break
        rows.append(_row(number, record, header, delimiter, required, collector, limits.max_cell))
    collector.raise_if_any()
    if not rows:
        raise CsvProblems([f"Rij {header.number + 1}: het bestand met {what} heeft een kopregel maar geen rijen met "
                           "gegevens."])
    return Table(delimiter, tuple(rows), header.letters, tuple(header.ignored), header.number)
