"""B1 Dutch: no sentence over 30 words in text a reader sees (a list item, table cell and heading each count as one).

Counted by handbook_build.reader_text from the Markdown of the pages and documents: link targets, code and macro
calls do not count as words (a macro counts as one). What remains is a short list of exceptions, each with its
reason; the legal basis under a clause of a draft contract ("Grondslag: art. …; art. …") is a list of references,
one per semicolon, and is counted per reference.
"""

from __future__ import annotations

import re

from handbook_build.reader_text import units
from tests.calculators.conftest import REAL
from tests.conftest import ROOT
from tests.content.reader_sources import calculator_answers, page_paths

MAX_WORDS = 30
# (source, the unit's first words) -> why it may be longer.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def long_units(path: str, text: str) -> list[str]:
    found = []
    for unit in units(text):
        parts = unit.text.split(";") if unit.text.startswith("Grondslag:") else [unit.text]
        for part in parts:
            words = len([token for token in part.split() if any(c.isalnum() for c in token)])
            if words > MAX_WORDS and not any(path == source and unit.text.startswith(start)
                                             for source, start in EXCEPTIONS):
                found.append(f"{path}:{unit.line}: {words} woorden: {part.strip()[:90]}…")
    return found


def test_no_sentence_over_thirty_words() -> None:
    found = [hit for path in page_paths() for hit in long_units(path, (ROOT / path).read_text(encoding="utf-8"))]
    assert found == [], f"{len(found)} zinnen van meer dan {MAX_WORDS} woorden"


def test_no_sentence_over_thirty_words_in_a_calculator_answer() -> None:
    """The same rule for what the calculators show. Their answers list values and routes separated by semicolons
    ("route UWV: ...; route SSFH: ..."), so each part between semicolons counts as one unit."""
    found = []
    for name, text in calculator_answers(REAL):
        for unit in units(text):
            for part in unit.text.split(";"):
                words = len([token for token in part.split() if any(c.isalnum() for c in token)])
                if words > MAX_WORDS:
                    found.append(f"{name}: {words} woorden: {part.strip()[:90]}…")
    assert sorted(set(found)) == []


# A word written twice ("binnen binnen") is a typo, except where Dutch repeats it: "hoe je je aanmeldt", "pas de
# weken aan aan wat haalbaar is", "vul bij twijfel *twijfel* in" (the answer to write), "dat dat".
REPEATS_ALLOWED = {"je", "aan", "dat", "die", "twijfel"}


def test_no_word_written_twice() -> None:
    found = [f"{path}:{unit.line}: {hit.group(0)}" for path in page_paths()
             for unit in units((ROOT / path).read_text(encoding="utf-8"))
             for hit in re.finditer(r"\b(\w{2,})\s+\1\b", unit.text, re.IGNORECASE)
             if hit.group(1).lower() not in REPEATS_ALLOWED]
    assert found == []


def test_units_are_sentences_items_cells_and_headings() -> None:
    text = "\n".join([
        "---", "title: x", "---", "# Een kop", "",
        "Eerste zin met [een link](https://example.org/heel/lang) en {{ value('a.b') }}. Tweede zin,",
        "over twee regels, volgens art. 7:652 BW. Derde!", "",
        "- een punt", "- nog een punt", "", "| a | b |", "|---|---|", "| cel een | cel twee |", "",
        "```", "code telt niet. Nooit.", "```",
    ])
    assert [u.text for u in units(text)] == [
        "Een kop", "Eerste zin met een link en X.", "Tweede zin, over twee regels, volgens art. 7:652 BW.",
        "Derde!", "een punt", "nog een punt", "a", "b", "cel een", "cel twee"]
    assert long_units("x.md", "Grondslag: " + "; ".join(["art. 7:610 BW (de overeenkomst)"] * 9)) == []
    assert long_units("x.md", " ".join(["woord"] * 31) + ".") != []
