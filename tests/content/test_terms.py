"""One word for one thing: no word the glossary rejects in text a reader sees, each term in its own phase, and a
link to the glossary where a page first uses a term.

The words come from data/glossary.yaml (the page Begrippen shows the same file). What remains is a short list of
exceptions: proper names and titles of documents that are not ours to change.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from handbook_build.glossary import (
    first_uses,
    form_pattern,
    glossary_link,
    glossary_page,
    link_first_uses,
    variant_finders,
)
from tests.conftest import ROOT
from tests.content.reader_sources import calculator_strings, data_labels, page_lines, page_paths
from tools.link_terms import linked_pages

BUNDLE = {"glossary": {**yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8")),
                       "file": "data/glossary.yaml"}}

# (source, exact phrase around the word) -> why the word stays.
EXCEPTIONS = {
    ("*", "Register Onderwijs Deelnemers"): "the name of DUO's register",
    ("*", "Wet CAO"): "the short title of the law (Wet op de collectieve arbeidsovereenkomst)",
    ("docs/bijlagen/stap-6/c-model-bbl-contract.md", "Model leer-arbeidsovereenkomst BBL (Word)"):
        "the title of the LHV's 2022 model file, named as it is",
    ("docs/bijlagen/stap-6/c-model-bbl-contract.md", "voor de leer-arbeidsovereenkomst tussen"):
        "what the 2022 model file calls itself",
    ("calculators/matching/columns.py", "begeleider"): "a column name of the CSV format; lists made earlier use it",
    ("calculators/matching/regional_inputs.py", "begeleider"): "the same CSV column name in the example file",
    ("calculators/matching/columns.py", "commitment"): "a column name of the CSV format; lists made earlier use it",
    ("calculators/matching/regional_inputs.py", "commitment"): "the same CSV column name in the example file",
    ("data/matching.yaml", "commitment (motivatie)"): "the key of the weight in the data, named with its label",
}


def _exempt(source: str, line: str, start: int) -> bool:
    for (path, phrase), _ in EXCEPTIONS.items():
        at = line.find(phrase)
        if path in (source, "*") and at != -1 and at <= start < at + len(phrase):
            return True
    return False


def variants_in(source: str, line: str) -> list[str]:
    """'source: variant (use term)' for every rejected word in one line of reader text."""
    return [f"{source}: '{hit.group(0)}' (gebruik: {term['term']})"
            for term, _, pattern in variant_finders(BUNDLE) for hit in pattern.finditer(line)
            if not _exempt(source, line, hit.start())]


def test_no_rejected_word_on_a_page_or_in_a_document() -> None:
    found = [f"{hit} op regel {number}" for path in page_paths() for number, line in page_lines(path)
             for hit in variants_in(path, line)]
    assert found == []


def test_no_rejected_word_in_a_calculator_or_a_data_label() -> None:
    found = [f"{hit} op regel {number}" for path, number, text in calculator_strings()
             for hit in variants_in(path, text)]
    found += [hit for path, text in data_labels() for hit in variants_in(path, text)]
    assert found == []


def test_each_term_stays_in_its_phase() -> None:
    """A kandidaat has no BBL-contract yet, a leerling has one: the pages of the other phase do not use the word."""
    found = []
    for term in BUNDLE["glossary"]["terms"]:
        pattern = form_pattern(term)
        for place in term.get("not_in", []):
            paths = [p for p in page_paths() if p == place or (place.endswith("/") and p.startswith(place))]
            assert paths, f"{term['key']}: not_in '{place}' matches no page"
            found += [f"{path}:{number}: '{hit.group(0)}'" for path in paths for number, line in page_lines(path)
                      for hit in pattern.finditer(line)]
    assert found == []


def test_the_checks_find_words_phrases_and_patterns() -> None:
    line = "Het UWV en de praktijkbegeleider; de begeleiders en de studieloopbaanbegeleider, de CAO en Cao-tabel."
    words = [hit.split("'")[1] for hit in variants_in("x.md", line)]
    assert sorted(words) == sorted(["Het UWV", "praktijkbegeleider", "begeleiders", "CAO", "Cao"])
    assert variants_in("x.md", "Cao Huisartsenzorg is de cao. UWV-werkgeversservicepunt, de BBL-student.") == [
        "x.md: 'BBL-student' (gebruik: leerling)"]
    assert variants_in("x.md", "volgens de Cao Huisartsenzorg") == ["x.md: 'Cao' (gebruik: cao Huisartsenzorg)"]


# --- links to the glossary --------------------------------------------------------------------------------------

def test_each_page_links_a_term_where_it_first_uses_it() -> None:
    """The first use of a term in a page's running text links to its explanation (tools/link_terms.py adds them)."""
    missing = []
    for page in linked_pages():
        path = f"docs/{page}"
        text = (ROOT / path).read_text(encoding="utf-8")
        for key, (number, start, end, linked) in first_uses(text, BUNDLE).items():
            if not linked:
                missing.append(f"{path}:{number}: '{text.splitlines()[number - 1][start:end]}' ({key})")
    assert missing == [], "run: uv run python tools/link_terms.py"


def test_a_page_links_each_term_once() -> None:
    twice = []
    for page in linked_pages():
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        keys = re.findall(r"\]\((?:\.\./)*(?:over/)?begrippen\.md#([\w-]+)\)", text)
        twice += [f"{page}: {key}" for key in sorted(set(keys)) if keys.count(key) > 1]
    assert twice == []


def test_a_link_is_put_on_the_first_use_in_running_text_only(tmp_path: Path) -> None:
    text = "\n".join([
        "---", "title: De kandidaat", "---", "# Een kandidaat kiezen", "",
        "- [ ] Een kandidaat is gekozen", "",
        "Zie [de kandidaat](elders.md). De `kandidaat` en {{ value('kandidaat') }} niet, de Kandidaten wel; de",
        "kandidaat daarna niet meer.",
    ])
    linked = link_first_uses("stappen/x.md", text, BUNDLE)
    assert linked.splitlines()[7].endswith("de [Kandidaten](../over/begrippen.md#kandidaat) wel; de")
    assert linked.count("begrippen.md#kandidaat") == 1
    assert link_first_uses("stappen/x.md", linked, BUNDLE) == linked
    assert glossary_link("index.md", "bvp") == "over/begrippen.md#bvp"


def test_the_glossary_page_shows_every_term_with_its_anchor_and_rejected_words() -> None:
    page = glossary_page(BUNDLE)
    for term in BUNDLE["glossary"]["terms"]:
        assert f"## {term['term']} {{#{term['key']}}}" in page
    assert "Niet: *praktijkbegeleider*; *werkbegeleider*; *begeleider* (alleen het hele woord" in page
    assert page.index("## BBL {#bbl}") < page.index("## klikgesprek") < page.index("## zij-instromer")
    assert '{{ journey("glossary") }}' in (ROOT / "docs/over/begrippen.md").read_text(encoding="utf-8")
