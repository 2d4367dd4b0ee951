"""Malformed CSV gets a Dutch message naming the row and the column; exports are neutralised against formulas."""

from __future__ import annotations

import csv
import io
from urllib.parse import unquote

import pytest

from calculators._inputs import parse_inputs
from calculators._routes import routes
from calculators.matching import columns, regional_calculator
from calculators.matching.columns import CANDIDATE_COLUMNS, PRACTICE_COLUMNS, column_documentation
from calculators.matching.csv_decode import decode_csv
from calculators.matching.csv_input import CsvLimits, CsvProblems, letter, read_table
from calculators.matching.export import data_url, neutralise, template, to_csv
from calculators.matching.regional_inputs import EXAMPLE_CANDIDATES, EXAMPLE_PRACTICES
from tests.calculators.conftest import REAL

PRACTICES = "id;uren\nP1;32\n"
ROUTE_KEYS = tuple(route.key for route in routes(REAL))
LIMITS = CsvLimits.of(REAL)
MAX_ROWS = LIMITS.max_rows


def candidates_from(table):
    return columns.candidates_from(table, ROUTE_KEYS)


def practices_from(table):
    return columns.practices_from(table, ROUTE_KEYS)


def problems(text: str, columns=CANDIDATE_COLUMNS, convert=candidates_from) -> str:
    with pytest.raises(CsvProblems) as caught:
        convert(read_table(text, columns, "kandidaten", LIMITS))
    return caught.value.message


def run(candidates: str, practices: str = PRACTICES) -> dict:
    calculator = regional_calculator
    parsed = parse_inputs(calculator.fields(REAL), {"candidates": candidates, "practices": practices})
    errors = dict(parsed.errors) or calculator.check(REAL, parsed.values)
    if errors:
        return {"status": "invalid", "errors": errors}
    return {"status": "result", "html": calculator.render(calculator.compute(REAL, parsed.values))}


def test_spreadsheet_letters() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


@pytest.mark.parametrize(("delimiter", "name"), [(";", "puntkomma (;)"), (",", "komma (,)"), ("\t", "tab")])
def test_the_delimiter_is_detected_and_named(delimiter: str, name: str) -> None:
    text = delimiter.join(["id", "uren", "route"]) + "\n" + delimiter.join(["K1", "24", "uwv"]) + "\n"
    table = read_table(text, CANDIDATE_COLUMNS, "kandidaten", LIMITS)
    assert table.delimiter == delimiter and table.delimiter_name == name
    assert candidates_from(table)[0].route == "uwv"
    outcome = run(text, PRACTICES.replace(";", delimiter))
    assert f"Gevonden scheidingsteken: {name} in het bestand met kandidaten, {name}" in outcome["html"]


def test_missing_column_names_row_column_and_delimiter() -> None:
    message = problems("id;route\nK1;uwv\n")
    assert message.startswith("Rij 1: de kolom 'uren' ontbreekt")
    assert "puntkomma (;)" in message and "'id', 'route'" in message


def test_unknown_delimiter_is_named() -> None:
    message = problems("id|uren|route\nK1|24|uwv\n")
    assert "Rij 1: de kolom 'id' ontbreekt" in message and "'|'" in message
    assert "puntkomma (;) of een komma (,)" in message


def test_a_row_with_the_other_delimiter() -> None:
    message = problems("id;uren;route\nK1;24;uwv\nK2,24,uwv\n")
    assert message.startswith("Rij 3, kolom 'uren' (B): ontbreekt; de rij heeft 1 cel en de kopregel 3 cellen.")
    assert "ander scheidingsteken" in message


def test_decimal_comma_in_a_comma_file_gives_extra_cells() -> None:
    message = problems("id,uren,breedtegraad,lengtegraad\nK1,24,52,09,5,12\n")
    assert message.startswith("Rij 2, kolom E: deze rij heeft 6 cellen en de kopregel 4 cellen.")
    assert "aanhalingstekens" in message


def test_text_in_a_numeric_column() -> None:
    assert problems("id;uren\nK1;24\nK2;veel\n").startswith("Rij 3, kolom 'uren' (B): 'veel' is geen getal")
    assert problems("id;uren\nK1;24 uur\n").startswith("Rij 2, kolom 'uren' (B): '24 uur' is geen getal")
    assert problems("uren;id;breedtegraad;lengtegraad\n24;K1;52;oost\n").startswith(
        "Rij 2, kolom 'lengtegraad' (D): 'oost' is geen getal")


def test_numbers_out_of_range() -> None:
    assert problems("id;uren;breedtegraad;lengtegraad\nK1;24;152,1;5\n").startswith(
        "Rij 2, kolom 'breedtegraad' (C): 152,1 ligt niet tussen -90 en 90.")
    assert problems("id;uren\nK1;200\n").startswith("Rij 2, kolom 'uren' (B): 200 ligt niet tussen 0 en 168.")


def test_duplicate_ids_ignore_case() -> None:
    message = problems("id;uren\nK1;24\nk1;30\n")
    assert message == "Rij 3, kolom 'id' (A): 'k1' staat ook in rij 2; elk id komt maar één keer voor."


def test_duplicate_column() -> None:
    assert problems("id;uren;uren\nK1;24;30\n").startswith(
        "Rij 1, kolom 'uren' (B): deze kolom staat twee keer in de kopregel (ook in kolom C).")


def test_empty_file_and_header_only() -> None:
    assert problems("").startswith("Rij 1: het bestand met kandidaten is leeg. Zet in rij 1 de kolomnamen "
                                   "(minstens 'id' en 'uren')")
    assert problems("\ufeff \r\n").startswith("Rij 1: het bestand met kandidaten is leeg.")
    assert problems("id;uren\n\n").startswith("Rij 2: het bestand met kandidaten heeft een kopregel maar geen rijen")
    outcome = run("")
    assert outcome["status"] == "invalid" and outcome["errors"]["candidates"].startswith("Rij 1")


def test_a_file_over_five_megabytes_is_refused_by_the_field() -> None:
    outcome = run("id;uren\n" + "K1;24\n" * (5 * 1024 * 1024 // 6 + 1))
    assert outcome["status"] == "invalid"
    assert outcome["errors"]["candidates"].startswith("De tekst is te lang")


def test_a_large_file_under_the_limit_stops_at_the_row_cap() -> None:
    text = "id;uren\n" + "".join(f"K{i};24\n" for i in range(400_000))
    assert 4_000_000 < len(text) < 5_000_000
    message = run(text)["errors"]["candidates"]
    assert message.startswith(f"Rij {MAX_ROWS + 2}: het bestand met kandidaten heeft meer dan {MAX_ROWS} rijen")


@pytest.mark.parametrize(("text", "expected"), [
    ('id;uren\n=HYPERLINK("http://example.org";"klik");24\n', "Rij 2, kolom 'id' (A): de cel begint met '='"),
    ('id;uren\n"=HYPERLINK(""http://example.org"";""klik"")";24\n', "Rij 2, kolom 'id' (A): de cel begint met '='"),
    ("id,uren\n=1+1,24\n", "Rij 2, kolom 'id' (A): de cel begint met '='"),
    ("id;uren;route\nK1;24;@SUM(A1)\n", "Rij 2, kolom 'route' (C): de cel begint met '@'"),
    ("id;uren\n+K1;24\n", "Rij 2, kolom 'id' (A): de cel begint met '+'"),
    ("id;uren\n-K1;24\n", "Rij 2, kolom 'id' (A): de cel begint met '-'"),
    ("id;uren;opmerking\nK1;24;=CMD()\n", "Rij 2, kolom 'opmerking' (C): de cel begint met '='"),
    ("id;uren;=A1\nK1;24;x\n", "Rij 1, kolom C: de cel begint met '='"),
    ("id;uren\n \t=1;24\n", "Rij 2, kolom 'id' (A): de cel begint met '='"),
])
def test_formulas_are_rejected_with_row_and_column(text: str, expected: str) -> None:
    message = problems(text)
    assert message.startswith(expected), message
    assert "spreadsheet" in message


def test_negative_numbers_are_not_formulas() -> None:
    table = read_table("id;uren;breedtegraad;lengtegraad\nK1;24;52,1;-5,25\n", CANDIDATE_COLUMNS, "kandidaten", LIMITS)
    assert str(candidates_from(table)[0].longitude) == "-5.25"


def test_broken_quotes_and_control_characters() -> None:
    assert problems('id;uren\n"K1;24\nK2;30\n').startswith("Rij 2: de aanhalingstekens kloppen niet.")
    assert problems("id;uren\nK1\x01;24\n").startswith("Rij 2, kolom 'id' (A): de cel bevat een regelovergang")
    too_long = "Rij 2, kolom 'id' (A): de cel is langer dan 120 tekens"
    assert problems("id;uren\n" + "K" * 500 + ";24\n").startswith(too_long)
    # Over the csv module's own field limit (131,072): still the row and the column, also for an unnamed column.
    assert problems("id;uren;opmerking\nK1;24;" + "x" * 200_000 + "\n") == (
        "Rij 2, kolom 'opmerking' (C): de cel is langer dan 120 tekens.")


def test_choices_coordinates_and_routes() -> None:
    assert problems("id;uren;houding\nK1;24;misschien\n").startswith(
        "Rij 2, kolom 'houding' (C): 'misschien' is geen geldige waarde; kies ja, twijfel, nee of onbekend")
    assert problems("id;uren;breedtegraad;lengtegraad\nK1;24;52,1;\n").startswith(
        "Rij 2, kolom 'lengtegraad' (D): vul beide coördinaten in")
    with pytest.raises(CsvProblems, match=r"Rij 2, kolom 'routes' \(C\): 'xyz' is geen route"):
        practices_from(read_table("id;uren;routes\nP1;24;uwv/xyz\n", PRACTICE_COLUMNS, "praktijken", LIMITS))
    text = "id;uren;routes;gedeeld\nP1;24;UWV en SSFH;\nP2;24;alle;JA\n"
    table = read_table(text, PRACTICE_COLUMNS, "praktijken", LIMITS)
    first, second = practices_from(table)
    assert first.routes == {"uwv", "ssfh"} and not first.shared
    assert second.routes is None and second.shared, "'alle': every route"


def test_several_problems_are_listed_and_capped() -> None:
    message = problems("id;uren\n" + "".join(f"K{i};veel\n" for i in range(20)))
    assert message.count("is geen getal") == 5 and message.endswith("Er zijn meer fouten; los eerst deze op.")


def test_distance_column_for_an_unknown_practice() -> None:
    outcome = run("id;uren;afstand_P1;afstand_P9\nK1;24;3;4\n")
    assert outcome["errors"]["candidates"] == (
        "Rij 1, kolom 'afstand_p9' (D): er is geen praktijk met id 'p9' in het bestand met praktijken.")


def test_unused_columns_are_reported_not_fatal() -> None:
    html = run("id;uren;naam\nK1;24;Jansen\n")["html"]
    assert "Niet gebruikte kolommen in het bestand met kandidaten: &#x27;naam&#x27;." in html


def test_nothing_is_computed_when_one_file_is_wrong() -> None:
    outcome = run(EXAMPLE_CANDIDATES, "id;uren\nP1;veel\n")
    assert outcome == {"status": "invalid",
                       "errors": {"practices": "Rij 2, kolom 'uren' (B): 'veel' is geen getal; schrijf bijvoorbeeld "
                                               "32 of 7,5 (zonder eenheid)."}}


@pytest.mark.parametrize("cell", ["=1+1", "+31612345678", "-2", "@SUM(A1)", "\t=1", "\r=1"])
def test_export_neutralises_formula_cells(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    text = to_csv([["a", cell]], ";")
    assert next(csv.reader(io.StringIO(text), delimiter=";")) == ["a", "'" + cell]


def test_export_leaves_plain_cells_alone_and_quotes_everything() -> None:
    assert neutralise("K01") == "K01" and neutralise("") == ""
    assert to_csv([["K01", "7,5"]], ";") == '"K01";"7,5"\r\n'


def test_data_url_is_percent_encoded_utf8_with_bom() -> None:
    url = data_url('"K01";"Financiën"\r\n')
    assert url.startswith("data:text/csv;charset=utf-8,%EF%BB%BF")
    assert " " not in url and '"' not in url and "<" not in url
    assert unquote(url.removeprefix("data:text/csv;charset=utf-8,")) == '\ufeff"K01";"Financiën"\r\n'


@pytest.mark.parametrize(("columns", "convert"), [(CANDIDATE_COLUMNS, candidates_from),
                                                  (PRACTICE_COLUMNS, practices_from)])
def test_templates_read_back_without_errors(columns, convert) -> None:
    assert len(convert(read_table(template(columns), columns, "bestand", LIMITS))) == 1


def test_column_documentation_is_the_parsers_list() -> None:
    docs = column_documentation()
    assert docs == {"kandidaten": CANDIDATE_COLUMNS, "praktijken": PRACTICE_COLUMNS}
    assert [c.name for c in docs["kandidaten"] if c.required] == ["id", "uren"]
    assert all(c.description and c.values and c.example for cols in docs.values() for c in cols)


def test_examples_parse() -> None:
    assert len(candidates_from(read_table(EXAMPLE_CANDIDATES, CANDIDATE_COLUMNS, "kandidaten", LIMITS))) == 8
    assert len(practices_from(read_table(EXAMPLE_PRACTICES, PRACTICE_COLUMNS, "praktijken", LIMITS))) == 3


# The encodings a Dutch Excel or LibreOffice writes. Excel's "Unicode-tekst" is UTF-16 with tabs.
SAMPLE = "id;uren;opmerking\nK1;24;Zoë, € 5 ‘ok’ – ja\n"
DECODED = [
    ("utf-8", SAMPLE.encode("utf-8")),
    ("utf-8 with BOM", SAMPLE.encode("utf-8-sig")),
    ("utf-16 le", SAMPLE.replace(";", "\t").encode("utf-16-le").join([b"\xff\xfe", b""])),
    ("utf-16 be", SAMPLE.replace(";", "\t").encode("utf-16-be").join([b"\xfe\xff", b""])),
    ("windows-1252", SAMPLE.encode("cp1252")),
]


@pytest.mark.parametrize(("encoding", "data"), DECODED, ids=[d[0] for d in DECODED])
def test_every_encoding_a_dutch_spreadsheet_writes_is_decoded_correctly(encoding: str, data: bytes) -> None:
    text = decode_csv(data, "kandidaten", LIMITS.max_bytes)
    assert text.replace("\t", ";") == SAMPLE
    table = read_table(text, CANDIDATE_COLUMNS, "kandidaten", LIMITS)
    assert table.ignored == ("opmerking",) and candidates_from(table)[0].hours == 24


REFUSED = [
    ("utf-8 read as windows-1252", SAMPLE.encode("utf-8").decode("cp1252"), "als UTF-8 opgeslagen maar als een andere"),
    ("windows-1252 read as utf-8 by the browser", SAMPLE.encode("cp1252").decode("utf-8", "replace"),
     "niet als UTF-8 opgeslagen"),
    ("utf-16 without a byte-order mark", SAMPLE.encode("utf-16-le").decode("latin-1"), "Unicode-tekst (UTF-16)"),
    ("binary", "PK\x03\x04\x14\x00\x06\x00" + "x" * 40, "binaire gegevens (nul-tekens)"),
    ("undefined windows-1252 byte", b"id;uren\nK\x81;24\n".decode("latin-1"), "onbekende tekenset"),
]


@pytest.mark.parametrize(("case", "text", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_garbled_text_is_refused_with_how_to_save_as_utf8(case: str, text: str, reason: str) -> None:
    message = problems(text)
    assert message.startswith("Het bestand met kandidaten ") and reason in message
    assert "CSV UTF-8 (door komma's gescheiden)" in message and "Unicode (UTF-8)" in message


@pytest.mark.parametrize(("data", "reason"), [
    (b"id;uren\nK\x81;24\n", "onbekende tekenset"),  # not Windows-1252 either
    (b"\xff\xfei\x00d\x00\x00\xd8", "begint als UTF-16-LE maar is beschadigd"),  # a lone surrogate
    (bytes(range(256)) * 4, "binaire gegevens"),
])
def test_bytes_that_are_no_text_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(CsvProblems) as caught:
        decode_csv(data, "kandidaten", LIMITS.max_bytes)
    assert reason in caught.value.message and "CSV UTF-8" in caught.value.message


def test_a_file_over_the_byte_limit_is_refused_before_reading() -> None:
    with pytest.raises(CsvProblems) as caught:
        decode_csv(b"x" * (LIMITS.max_bytes + 1), "kandidaten", LIMITS.max_bytes)
    assert caught.value.message.startswith("Het bestand met kandidaten is groter dan 5 MB")


def test_a_header_over_the_csv_field_limit_gives_a_short_message_not_an_exception() -> None:
    outcome = run("id;uren;" + "k" * 300_000 + "\nK1;24;x\n")
    assert outcome["status"] == "invalid"
    assert outcome["errors"]["candidates"] == "Rij 1, kolom C: de cel is langer dan 120 tekens."
    no_delimiter = run("a" * 300_000 + "\nK1\n")["errors"]["candidates"]
    assert no_delimiter.startswith("Rij 1, kolom A: de cel is langer dan 120 tekens.") and len(no_delimiter) < 400


def test_no_message_repeats_unbounded_input() -> None:
    header = ";".join(f"kolom{'x' * 100}{i}" for i in range(50))
    message = run(header + "\nK1\n")["errors"]["candidates"]
    assert "'kolomxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'" in message and message.endswith("en nog 40.")
    assert len(message) < 1000
    value = "z" * 100
    assert f"'{value[:39]}…' is geen getal" in problems(f"id;uren\nK1;{value}\n")
