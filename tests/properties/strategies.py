# Generated form input for every calculator: what a reader types, pastes or edits into a shared link.
"""Hypothesis strategies: raw strings per declared field (valid values, edge cases and arbitrary text) and
CSV files for the regional matching, as text and as the raw bytes a spreadsheet writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from calculators._inputs import Field
from calculators._registry import CALCULATORS, fields_of
from calculators.matching.columns import CANDIDATE_COLUMNS, PRACTICE_COLUMNS

# Text that has broken parsers before: special floats, exponents, Dutch and English separators, signs, spaces.
TRICKY = ("", " ", "NaN", "nan", "Infinity", "-inf", "1e400", "1E-400", "9" * 40, "-0", "0,0", "1.234.567,89",
          "1,234.5", "2.700", "€ 2.545,83", "٣", "１２", "1_000", "0x10", "+5", "12 ", "\u00a012", "31-02-2027",
          "2027-02-29", "0000-01-01", "9999-12-31", "1-1-1", "ja", "nee", "\x00", "\ud7ff", "=1+1", "<b>", "&amp;")


def _valid(spec: Field, period: tuple[dt.date, dt.date]) -> st.SearchStrategy[str]:
    """A value the field accepts on its own (other fields or cross-field checks may still refuse it)."""
    if spec.kind == "choice":
        return st.sampled_from([key for key, _ in spec.choices])
    if spec.kind == "date":
        days = st.dates(*period)
        return st.one_of(days.map(str), days.map(lambda d: f"{d.day}-{d.month}-{d.year}"))
    if spec.kind in ("decimal", "integer"):
        low = int(spec.minimum if spec.minimum is not None else -10)
        high = int(spec.maximum if spec.maximum is not None else 100_000)
        whole = st.integers(low, high).map(str)
        if spec.kind == "integer":
            return whole
        fractions = st.decimals(low, high, places=2, allow_nan=False).map(lambda d: str(d).replace(".", ","))
        return st.one_of(whole, fractions)
    return st.text(max_size=200)


def _edge(spec: Field, period: tuple[dt.date, dt.date]) -> st.SearchStrategy[str]:
    """Just outside what the field accepts: a bound plus or minus a little, a date outside the period."""
    if spec.kind == "date":
        return st.sampled_from([period[0] - dt.timedelta(days=1), period[1] + dt.timedelta(days=1)]).map(str)
    bounds = [b for b in (spec.minimum, spec.maximum) if b is not None]
    if spec.kind in ("decimal", "integer") and bounds:
        return st.tuples(st.sampled_from(bounds), st.sampled_from(["-1", "-0,01", "0,5", "0,01", "1"])).map(
            lambda pair: str(pair[0] + Decimal(pair[1].replace(",", "."))).replace(".", ","))
    return _valid(spec, period)


def field_values(spec: Field, period: tuple[dt.date, dt.date]) -> st.SearchStrategy[str]:
    """Mostly plausible values so that results get computed, with edge cases and arbitrary text mixed in."""
    return st.one_of(_valid(spec, period), _edge(spec, period), st.sampled_from(TRICKY), st.text(max_size=40))


def raw_inputs(name: str, bundle: Mapping[str, Any]) -> st.SearchStrategy[dict[str, str]]:
    """A raw form state: any subset of the declared fields (a missing field takes its default).

    A third plausible values only (so that results are computed and rendered), a third plausible with one
    field anything, a third anything in every field.
    """
    period = tuple(dt.date.fromisoformat(bundle["supported_period"][k]) for k in ("start", "end"))
    declared = fields_of(CALCULATORS[name], bundle)
    plausible = st.fixed_dictionaries({}, optional={f.name: _valid(f, period) for f in declared})
    if name == "matching-regio":  # its fields are files: plausible ones are CSV files that fit together
        files = st.one_of(regional_files(), st.tuples(csv_texts(CANDIDATE_COLUMNS), csv_texts(PRACTICE_COLUMNS)))
        plausible = files.map(lambda pair: {"candidates": pair[0], "practices": pair[1]})
    anything = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
    one_off = st.tuples(plausible, st.sampled_from([f.name for f in declared]), anything).map(
        lambda drawn: {**drawn[0], drawn[1]: drawn[2]})
    fuzzed = st.fixed_dictionaries({}, optional={f.name: field_values(f, period) for f in declared})
    return st.one_of(plausible, one_off, fuzzed)


# --- CSV files for the regional matching ------------------------------------------------------------------

CELL_VALUES = ("ja", "nee", "twijfel", "onbekend", "uwv", "ssfh", "regulier", "alle", "uwv/ssfh", "aangevraagd",
               "regelen", "32", "24", "7,5", "0", "200", "52,09", "5,12", "-3", "", "K01", "P01", '"a;b"', "=SUM(A1)")


def _cell() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(CELL_VALUES), st.text(max_size=12), st.integers(-5, 60).map(str))


@st.composite
def csv_texts(draw: st.DrawFn, columns: tuple) -> str:
    """A CSV file with (mostly) known column names, a delimiter, optional quotes, BOM and line ends."""
    names = [c.name + ("P0" + str(draw(st.integers(0, 3))) if c.prefix else "") for c in columns]
    header = draw(st.lists(st.one_of(st.sampled_from(names), st.text(max_size=8)), max_size=len(names) + 2))
    if draw(st.booleans()):
        header = ["id", "uren", *header]
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    ids = st.one_of(st.sampled_from(["K01", "K02", "P00", "P01", "P02"]), st.text(min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(_cell(), min_size=0, max_size=len(header) + 1).flatmap(
        lambda cells: ids.map(lambda first: [first, *cells[1:]])), max_size=6))
    quote = draw(st.booleans())

    def line(cells: list[str]) -> str:
        return delimiter.join(f'"{c.replace(chr(34), chr(34) * 2)}"' if quote else c for c in cells)

    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + end.join(line(cells) for cells in [header, *rows]) + draw(st.sampled_from(["", end]))


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1")


def csv_bytes(columns: tuple) -> st.SearchStrategy[bytes]:
    """The bytes a spreadsheet (or anything else) may save: CSV text in an encoding, or arbitrary bytes."""
    encoded = st.tuples(csv_texts(columns), st.sampled_from(ENCODINGS)).map(
        lambda pair: pair[0].encode(pair[1], errors="replace"))
    return st.one_of(encoded, encoded, st.binary(max_size=300))


def _column_values(column: str, decimal: str) -> st.SearchStrategy[str]:
    """Plausible cells of one documented column; the choices come from its documentation ("ja, twijfel, nee")."""
    def number(low: float, high: float) -> st.SearchStrategy[str]:
        return st.floats(low, high).map(lambda x: f"{x:.2f}".replace(".", decimal))

    spec = next(c for c in (*CANDIDATE_COLUMNS, *PRACTICE_COLUMNS) if column.startswith(c.name))
    if column == "uren":
        return st.integers(8, 40).map(str)
    if column in ("breedtegraad", "lengtegraad"):
        return number(50.5, 53.5) if column == "breedtegraad" else number(3.5, 7.0)
    if column.startswith("afstand_"):
        return st.one_of(number(0, 30), st.just(""))
    if column == "routes":
        return st.sampled_from(["alle", "", "uwv", "uwv/ssfh", "ssfh regulier", "UWV en SSFH"])
    options = spec.values.split(" (")[0].replace(" of ", ", ").replace(" en/of ", ", ").split(", ")
    return st.sampled_from([*options, ""])


@st.composite
def regional_files(draw: st.DrawFn) -> tuple[str, str]:
    """Candidates and practices files that mostly fit together, now and then with one cell anything."""
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    decimal = "." if delimiter == "," else ","
    practices = [f"P0{i}" for i in range(draw(st.integers(1, 4)))]
    texts = []
    for prefix, columns, ids in (("K", CANDIDATE_COLUMNS, None), ("P", PRACTICE_COLUMNS, practices)):
        optional = [c.name for c in columns if not c.required and not c.prefix]
        if prefix == "K":
            optional += [f"afstand_{p}" for p in practices]
        header = ["id", "uren", *draw(st.lists(st.sampled_from(optional), unique=True))]
        ids = ids or [f"K{i:02}" for i in range(draw(st.integers(1, 8)))]
        rows = [[row_id, *(draw(_column_values(c, decimal)) for c in header[1:])] for row_id in ids]
        if draw(st.integers(0, 3)) == 0:
            row = draw(st.sampled_from(rows))
            row[draw(st.integers(0, len(row) - 1))] = draw(_cell())
        texts.append("\n".join(delimiter.join(cells) for cells in [header, *rows]) + "\n")
    return texts[0], texts[1]


CANDIDATE_BYTES = csv_bytes(CANDIDATE_COLUMNS)
PRACTICE_BYTES = csv_bytes(PRACTICE_COLUMNS)
