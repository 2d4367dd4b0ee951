"""Je for the coordinator, u in letters to GPs: no part of a page or document mixes the two.

A part is the text under one heading, so a document with a letter to a candidate (je) and one to a GP (u) passes
when each letter has its own heading. Quoted words ("Wie ziet uw antwoorden?") and placeholders in square brackets
(instructions to the person who fills in the letter) are left out. Documents say "Heeft u", not "Hebt u".
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.calculators.conftest import REAL
from tests.conftest import ROOT
from tests.content.reader_sources import calculator_answers, page_lines, page_paths

U = re.compile(r"(?<![\w'’-])(?:u|uw|U|Uw)(?![\w'’-])")
JE = re.compile(r"(?<![\w'’-])(?:je|jij|jou|jouw|jezelf|Je|Jij|Jou|Jouw)(?![\w'’-])")
QUOTED_OR_PLACEHOLDER = re.compile(r"\"[^\"]*\"|“[^”]*”|„[^”]*”|\[[^\]]*\]")


def mixed_parts(path: str, root: Path = ROOT) -> list[str]:
    """'path:line [heading]' for each part of a page that addresses the reader as u and as je."""
    parts: dict[tuple[int, str], list[str]] = {}
    key = (0, "(begin)")
    for number, line in page_lines(path, root):
        if line.lstrip().startswith("#"):
            key = (number, line.strip().lstrip("#").strip())
        parts.setdefault(key, []).append(line)
    counts = {key: QUOTED_OR_PLACEHOLDER.sub("", "\n".join(lines)) for key, lines in parts.items()}
    counts = {key: (len(U.findall(text)), len(JE.findall(text))) for key, text in counts.items()}
    return [f"{path}:{line} [{heading}] u {u}x, je {je}x" for (line, heading), (u, je) in counts.items() if u and je]


def test_no_part_of_a_page_mixes_u_and_je() -> None:
    assert [hit for path in page_paths() for hit in mixed_parts(path)] == []


def test_calculators_say_je() -> None:
    """A calculator speaks to whoever fills it in, coordinator or GP, as je, like the pages around it."""
    found = sorted({f"{name}: {line.strip()[:90]}" for name, text in calculator_answers(REAL)
                    for line in text.splitlines() if U.search(QUOTED_OR_PLACEHOLDER.sub("", line))})
    assert found == []


def test_documents_ask_heeft_u() -> None:
    found = [f"{path}:{number}" for path in page_paths() for number, line in page_lines(path)
             if re.search(r"\bHebt u\b", line, re.IGNORECASE)]
    assert found == []


def test_the_check_sees_a_mix_and_passes_over_quotes_and_placeholders(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# Brief\n\nHeeft u vragen? Bel ons. [Noem hoe je ons bereikt.]\n\n"
                                   "## Uitleg\n\nZie \"Wie ziet uw antwoorden?\" als je twijfelt.\n\n"
                                   "## Mix\n\nAls je wilt, kunt u bellen.\n", encoding="utf-8")
    assert mixed_parts("x.md", tmp_path) == ["x.md:9 [Mix] u 1x, je 1x"]
