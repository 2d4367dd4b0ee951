# The documented columns of the two input files and their conversion to typed candidates and practices.
"""Column documentation (as data, for the page and the templates) and row -> Candidate / Practice conversion.

Every cell problem raises CsvProblems with a message naming the row and the column.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators._format import number as dutch_number
from calculators.matching.criteria import (
    ASSESSMENT,
    ENTRY,
    SBB,
    SUPERVISOR,
    WORKPLACE,
    Candidate,
    Practice,
)
from calculators.matching.csv_input import Column, CsvProblems, Row, Table, _Collector, is_number, where
from calculators.matching.csv_types import quote

MAX_ID = 40
HOURS_IN_WEEK = 7 * 24
LATITUDE_LIMIT = 90
LONGITUDE_LIMIT = 180
MAX_DISTANCE_KM = 20000  # half the earth's circumference, rounded
DISTANCE_PREFIX = "afstand_"
ANSWERS = "ja, twijfel, nee of onbekend (leeg = onbekend)"

_ID = Column("id", True, "Code of naam, uniek in het bestand. Gebruik liever een code dan een naam (privacy).",
             f"tekst, hoogstens {MAX_ID} tekens; mag niet met =, +, - of @ beginnen", "K01")
_LATITUDE = Column("breedtegraad", False, "Breedtegraad (WGS84) van het adres; leeg als je afstanden invult.",
                   f"getal tussen -{LATITUDE_LIMIT} en {LATITUDE_LIMIT}, bijvoorbeeld 52,0907", "52,0907",
                   aliases=("latitude", "lat"))
_LONGITUDE = Column("lengtegraad", False, "Lengtegraad (WGS84) van het adres; samen met de breedtegraad.",
                    f"getal tussen -{LONGITUDE_LIMIT} en {LONGITUDE_LIMIT}, bijvoorbeeld 5,1214", "5,1214",
                    aliases=("longitude", "lon", "lng"))

CANDIDATE_COLUMNS = (
    _ID,
    Column("uren", True, "Uren per week die de kandidaat kan werken, inclusief de schooldag.",
           "getal, bijvoorbeeld 32 of 24,5", "32", aliases=("uren_per_week",)),
    Column("route", False, "Financieringsroute: UWV bij een uitkering, SSFH bij werk naar werk, of regulier.",
           "uwv, ssfh, regulier of onbekend (leeg = onbekend)", "uwv"),
    Column("instroomeisen", False, "Heeft de school bevestigd dat de kandidaat aan de toelatingseisen voldoet?",
           "ja, nee of onbekend (leeg = onbekend)", "ja"),
    Column("levenservaring", False, "Ervaring uit eerder werk of het leven zelf.", ANSWERS, "ja"),
    Column("houding", False, "Dienstverlenende houding: gericht op patiënt en team, gastvrij, geduldig.", ANSWERS,
           "ja", aliases=("dienstverlenende_houding",)),
    Column("leerbaarheid", False, "Leergierig en in staat om werk en school tegelijk te doen.", ANSWERS, "twijfel"),
    Column("commitment", False, "Wil het hele traject afmaken.", ANSWERS, "ja"),
    _LATITUDE,
    _LONGITUDE,
    Column(DISTANCE_PREFIX, False, "Woon-werkafstand tot één praktijk: één kolom per praktijk, met het id van de "
           "praktijk achter afstand_ (bijvoorbeeld afstand_P01). Gaat voor op de coördinaten.",
           "getal in km, bijvoorbeeld 7,5; leeg = bereken uit de coördinaten", "7,5", prefix=True),
)
PRACTICE_COLUMNS = (
    Column(_ID.name, True, _ID.description, _ID.values, "P01"),
    Column("uren", True, "Uren per week in de leerwerkplek; bij een gedeelde plek de uren van beide praktijken samen.",
           "getal, bijvoorbeeld 32", "32", aliases=("uren_per_week",)),
    Column("begeleider", False, "Is er een praktijkopleider die daar tijd voor heeft?", ANSWERS, "ja"),
    Column("werkplek", False, "Is er een eigen werkplek voor de leerling?",
           "ja, regelen, nee of onbekend (leeg = onbekend)", "ja"),
    Column("sbb", False, "Is de praktijk erkend leerbedrijf bij SBB?",
           "ja, aangevraagd, nee of onbekend (leeg = onbekend)", "ja", aliases=("erkend_leerbedrijf",)),
    Column("routes", False, "Financieringsroutes die de praktijk accepteert.",
           "uwv, ssfh en/of regulier, gescheiden door een spatie of /; leeg of 'alle' = alle routes", "uwv/ssfh"),
    Column("gedeeld", False, "Deelt de praktijk de leerwerkplek met een collega-praktijk?",
           "ja of nee (leeg = nee)", "nee"),
    _LATITUDE,
    _LONGITUDE,
)


def column_documentation() -> dict[str, tuple[Column, ...]]:
    """The columns of both files, for the page (the same list the parser uses)."""
    return {"kandidaten": CANDIDATE_COLUMNS, "praktijken": PRACTICE_COLUMNS}


class _Reader:
    """Converts the cells of one table, collecting every problem with its row and column."""

    def __init__(self, table: Table, route_keys: tuple[str, ...]) -> None:
        self.table = table
        self.route_keys = route_keys
        self.collector = _Collector()
        self.seen: dict[str, int] = {}

    def problem(self, row: Row, column: str, text: str) -> None:
        self.collector.add(f"{where(row.number, column, self.table.letters)}: {text}")

    def ident(self, row: Row) -> str:
        value = row.cells.get("id", "")
        key = value.casefold()
        if not value:
            self.problem(row, "id", "vul een id in.")
        elif len(value) > MAX_ID:
            self.problem(row, "id", f"het id is langer dan {MAX_ID} tekens.")
        elif key in self.seen:
            self.problem(row, "id", f"{quote(value)} staat ook in rij {self.seen[key]}; elk id komt maar één keer "
                                    "voor.")
        else:
            self.seen[key] = row.number
        return value

    def number(self, row: Row, column: str, low: Decimal, high: Decimal, required: bool = False) -> Decimal | None:
        value = row.cells.get(column, "")
        if not value:
            if required:
                self.problem(row, column, "vul een getal in.")
            return None
        if not is_number(value):
            self.problem(row, column, f"{quote(value)} is geen getal; schrijf bijvoorbeeld 32 of 7,5 (zonder eenheid).")
            return None
        amount = Decimal(value.replace(",", "."))
        if not low <= amount <= high:
            self.problem(row, column, f"{value} ligt niet tussen {dutch_number(low)} en {dutch_number(high)}.")
            return None
        return amount

    def choice(self, row: Row, column: str, allowed: tuple[str, ...], empty: str) -> str:
        value = row.cells.get(column, "").casefold()
        if not value:
            return empty
        if value not in allowed:
            options = ", ".join(allowed[:-1]) + " of " + allowed[-1]
            self.problem(row, column, f"{quote(row.cells[column])} is geen geldige waarde; kies {options} of laat "
                                      "leeg.")
            return empty
        return value

    def coordinates(self, row: Row) -> tuple[Decimal | None, Decimal | None]:
        latitude = self.number(row, "breedtegraad", Decimal(-LATITUDE_LIMIT), Decimal(LATITUDE_LIMIT))
        longitude = self.number(row, "lengtegraad", Decimal(-LONGITUDE_LIMIT), Decimal(LONGITUDE_LIMIT))
        for column, mine, other in (("breedtegraad", latitude, longitude), ("lengtegraad", longitude, latitude)):
            if mine is None and other is not None and not row.cells.get(column):
                self.problem(row, column, "vul beide coördinaten in, of laat beide leeg.")
        return latitude, longitude

    def hours(self, row: Row) -> Decimal:
        return self.number(row, "uren", Decimal(0), Decimal(HOURS_IN_WEEK), required=True) or Decimal(0)

    def routes(self, row: Row) -> frozenset[str] | None:
        """The accepted routes; None (every route) for an empty cell or 'alle'."""
        value = row.cells.get("routes", "").casefold()
        words = [w for w in re.split(r"[\s/|+&,;]+", value) if w and w != "en"]
        if not words or words == ["alle"]:
            return None
        unknown = [w for w in words if w not in self.route_keys]
        if unknown:
            known = ", ".join(self.route_keys[:-1]) + " en/of " + self.route_keys[-1]
            self.problem(row, "routes", f"{quote(unknown[0])} is geen route; gebruik {known}.")
            return None
        return frozenset(words)


def candidates_from(table: Table, route_keys: tuple[str, ...]) -> tuple[Candidate, ...]:
    reader = _Reader(table, route_keys)
    found = []
    for row in table.rows:
        distances = {}
        for column in row.cells:
            if column.startswith(DISTANCE_PREFIX):
                km = reader.number(row, column, Decimal(0), Decimal(MAX_DISTANCE_KM))
                if km is not None:
                    distances[column.removeprefix(DISTANCE_PREFIX)] = km
        latitude, longitude = reader.coordinates(row)
        found.append(Candidate(
            id=reader.ident(row),
            hours=reader.hours(row),
            route=reader.choice(row, "route", (*route_keys, "onbekend"), "onbekend"),
            entry=reader.choice(row, "instroomeisen", ENTRY, "onbekend"),
            life_experience=reader.choice(row, "levenservaring", ASSESSMENT, "onbekend"),
            service=reader.choice(row, "houding", ASSESSMENT, "onbekend"),
            learnability=reader.choice(row, "leerbaarheid", ASSESSMENT, "onbekend"),
            commitment=reader.choice(row, "commitment", ASSESSMENT, "onbekend"),
            latitude=latitude,
            longitude=longitude,
            distances=distances,
        ))
        if reader.collector.full:
            break
    reader.collector.raise_if_any()
    return tuple(found)


def practices_from(table: Table, route_keys: tuple[str, ...]) -> tuple[Practice, ...]:
    reader = _Reader(table, route_keys)
    found = []
    for row in table.rows:
        latitude, longitude = reader.coordinates(row)
        found.append(Practice(
            id=reader.ident(row),
            hours=reader.hours(row),
            supervisor=reader.choice(row, "begeleider", SUPERVISOR, "onbekend"),
            workplace=reader.choice(row, "werkplek", WORKPLACE, "onbekend"),
            sbb=reader.choice(row, "sbb", SBB, "onbekend"),
            routes=reader.routes(row),
            shared=reader.choice(row, "gedeeld", ("ja", "nee"), "nee") == "ja",
            latitude=latitude,
            longitude=longitude,
        ))
        if reader.collector.full:
            break
    reader.collector.raise_if_any()
    return tuple(found)


def check_distance_columns(candidates: Table, practice_ids: set[str]) -> None:
    """Every afstand_<id> column must name a practice of the other file (raises CsvProblems)."""
    collector = _Collector()
    for column in candidates.letters:
        if column.startswith(DISTANCE_PREFIX) and column.removeprefix(DISTANCE_PREFIX) not in practice_ids:
            collector.add(f"{where(candidates.header_row, column, candidates.letters)}: er is geen praktijk met id "
                          f"{quote(column.removeprefix(DISTANCE_PREFIX))} in het bestand met praktijken.")
    collector.raise_if_any()


__all__ = ["CANDIDATE_COLUMNS", "PRACTICE_COLUMNS", "CsvProblems", "candidates_from", "column_documentation",
           "practices_from"]
