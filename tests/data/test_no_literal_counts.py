"""Counts and durations in the prose of docs/ come from data/ (the `value` macro), not typed in.

Like test_no_literal_numbers.py does for euros and percentages: "6 weken", "twee kandidaten" or "12 km"
typed into a page goes stale when the data changes. Write {{ value("training.bbl.bvp_weeks") }} instead.
What remains is a short, reviewed list of plain-language exceptions.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

NUMBER = (r"(?:\d+(?:,\d+)?(?:\s*(?:-|–|à|tot|of)\s*\d+(?:,\d+)?)?"
          r"|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig)")
UNIT = r"(?:uur|uren|dag|dagen|week|weken|maand|maanden|jaar|jaren|km|kilometer|kandidaat|kandidaten|gegadigden)"
COUNT_OR_DURATION = re.compile(rf"(?<![\w.,/-]){NUMBER}\s+{UNIT}\b|(?<![\w.-])week\s+\d+\b", re.IGNORECASE)

# Reviewed plain-language exceptions: (page, exact phrase) -> why it is not data.
EXCEPTIONS = {
    ("bijdragen/tip-schrijven.md", "twee praktijken"): "example tip title, not a rule",
    ("tips/leerwerkplek-delen-in-de-hagro.md", "twee dagen"): "what one region did, told as experience",
    ("bijlagen/stap-1/e-tekortcijfers.md", "vijf jaar"): "the horizon of a 2019 forecast, part of its title",
    ("over/context.md", "Twee praktijken"): "illustration of sharing one place, not a rule",
    ("stappen/stap-3-onderwijstraject.md", "twee weken"): "a school's own rhythm, given as an example",
    ("stappen/stap-8-planning.md", "zes weken"): "what happened in the pilot (De Dokter, 2021), a past event",
    ("bijdragen/index.md", "6 weken"): "the contributor guide quotes the kind of phrase the check refuses",
    ("bijlagen/stap-5/g-inwerkprogramma.md", "twaalf weken"): "the length of this programme, its own week plan",
    ("documents/5g-inwerkprogramma.md", "vier weken"): "the programme's own first block (weeks 1 to 4)",
    ("documents/5g-inwerkprogramma.md", "Week 1"): "a heading of the programme's own week plan",
    ("documents/5g-inwerkprogramma.md", "Week 2"): "a heading of the programme's own week plan",
    ("documents/5g-inwerkprogramma.md", "Week 4"): "a heading of the programme's own week plan",
    ("documents/5g-inwerkprogramma.md", "Week 5"): "a heading of the programme's own week plan",
}


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """Lines outside fenced code blocks (commands and YAML examples are not prose)."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, line))
    return lines


def literal_counts(page: str, text: str) -> list[str]:
    found = []
    for number, line in _prose_lines(text):
        for match in COUNT_OR_DURATION.finditer(line):
            if (page, match.group(0)) not in EXCEPTIONS:
                found.append(f"{page}:{number}: '{match.group(0)}' in: {line.strip()[:100]}")
    return found


def _sources() -> list[tuple[str, Path]]:
    """Pages (docs-relative, as before) and documents (as documents/<file>): the documents write ⟦param:…⟧."""
    docs = ROOT / "docs"
    pages = [(path.relative_to(docs).as_posix(), path) for path in sorted(docs.rglob("*.md"))]
    return pages + [(f"documents/{path.name}", path) for path in sorted((ROOT / "documents").glob("*.md"))]


def test_counts_and_durations_in_pages_and_documents_come_from_data() -> None:
    offenders = []
    for page, path in _sources():
        offenders += literal_counts(page, path.read_text(encoding="utf-8"))
    assert offenders == []


def test_scan_finds_digits_words_and_ranges_but_not_dates_or_code() -> None:
    text = "\n".join([
        "De BVP duurt 6 weken en daarna twee jaar.",
        "Reken op 4 tot 6 maanden, binnen 12 km, met 2 à 4 weken per fase.",
        "Op 1 september 2026 en in week 7, met {{ value('training.bbl.bvp_weeks') }}.",
        "```", "duur: 6 weken", "```",
    ])
    assert [hit.split("'")[1] for hit in literal_counts("x.md", text)] == [
        "6 weken", "twee jaar", "4 tot 6 maanden", "12 km", "2 à 4 weken", "week 7"]


def test_every_exception_is_still_needed() -> None:
    sources = dict(_sources())
    stale = [f"{page}: {phrase}" for page, phrase in EXCEPTIONS
             if phrase not in sources[page].read_text(encoding="utf-8")]
    assert stale == []
