# Turning a CSV file's bytes (or text the browser already decoded) into text the reader can trust, or refusing it.
"""Decode the encodings a Dutch Excel or LibreOffice writes; refuse, in Dutch, whatever would come out garbled.

The rule (the browser applies the same first three steps in runtime.js when it reads a chosen file):
    1. A byte-order mark decides: UTF-8 (Excel "CSV UTF-8"), UTF-16 little or big endian (Excel "Unicode-tekst").
    2. Without one, bytes that are valid UTF-8 are UTF-8 (LibreOffice's default, and plain ASCII).
    3. Otherwise Windows-1252 (Excel's "CSV (gescheiden door lijstscheidingsteken)" on a Dutch Windows).
    4. The decoded text is then refused when it cannot be what a person typed (`text_problem`):
       * U+FFFD: the browser read bytes that are not UTF-8 as UTF-8, so characters were lost;
       * NUL: binary data, or UTF-16 without a byte-order mark;
       * C1 control characters (U+0080-U+009F): Windows-1252 leaves five bytes undefined and latin-1 puts
         controls where Windows-1252 has € ‘ ’ “ ” – —. No spreadsheet writes these into a cell, so their
         presence means the bytes were not Windows-1252 text at all (another code page, or binary data).
         Latin-1 and Windows-1252 agree on every other byte, so reading a latin-1 file as Windows-1252 is
         correct whenever it is accepted;
       * mojibake: text that re-encoded as Windows-1252 is valid UTF-8 with non-ASCII characters ("Ã«" for
         "ë") is a UTF-8 file that was decoded as Windows-1252 somewhere; no Dutch text looks like that.
    Refusing says how to save the file as CSV UTF-8, which is always read correctly.
"""

from __future__ import annotations

import codecs
import re
from decimal import Decimal

from calculators._format import number
from calculators.matching.csv_types import CsvProblems

SAVE_AS_UTF8 = ("Sla het bestand op als CSV UTF-8 en kies het opnieuw: in Excel met Opslaan als en dan 'CSV UTF-8 "
                "(door komma's gescheiden)', in LibreOffice met Opslaan als, 'Tekst CSV' en tekenset "
                "'Unicode (UTF-8)'.")
_C1 = re.compile("[\u0080-\u009f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def too_large(what: str, max_bytes: int) -> str:
    return (f"Het bestand met {what} is groter dan {number(Decimal(max_bytes) / 1_000_000)} MB; de rekenhulp leest "
            "hoogstens zoveel. Is het wel het goede bestand?")


def _refuse(what: str, reason: str) -> CsvProblems:
    return CsvProblems([f"Het bestand met {what} {reason} {SAVE_AS_UTF8}"])


def text_problem(text: str, what: str) -> CsvProblems | None:
    """The Dutch refusal when decoded text cannot be what someone typed (step 4 of the rule), else None."""
    if "\x00" in text:
        utf16 = text.count("\x00") * 3 >= len(text)  # every other byte NUL: UTF-16 text without its mark
        return _refuse(what, "is opgeslagen als Unicode-tekst (UTF-16) zonder kenmerk." if utf16 else
                       "bevat binaire gegevens (nul-tekens); is het wel een CSV-bestand?")
    if "\ufffd" in text:
        return _refuse(what, "is niet als UTF-8 opgeslagen: sommige tekens konden niet worden gelezen.")
    if _C1.search(text):
        return _refuse(what, "heeft een onbekende tekenset of bevat binaire gegevens (onzichtbare stuurtekens).")
    if _NON_ASCII.search(text):
        try:
            again = text.encode("cp1252").decode("utf-8")
        except UnicodeError:
            return None
        if again != text:
            return _refuse(what, "is als UTF-8 opgeslagen maar als een andere tekenset gelezen (zoals 'Ã«' voor 'ë').")
    return None


def decode_csv(data: bytes, what: str, max_bytes: int) -> str:
    """The text of a CSV file's bytes by the rule above; raise CsvProblems (Dutch) when it must be refused."""
    if len(data) > max_bytes:
        raise CsvProblems([too_large(what, max_bytes)])
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise _refuse(what, f"begint als {encoding.upper()} maar is beschadigd.") from None
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise _refuse(what, "heeft een onbekende tekenset of bevat binaire gegevens.") from None
    problem = text_problem(text, what)
    if problem:
        raise problem
    return text
