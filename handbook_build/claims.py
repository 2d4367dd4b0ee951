"""The build check that no page or document names a scheme as available while its data says otherwise.

Each scheme in data/schemes/ lists the names texts use for it (`aliases`) and a dated `status`. This module reads
every Markdown file in docs/ and documents/, leaves out what is not reader prose (front matter, code, Jinja, link
targets, HTML tags, ⟦fields⟧), cuts the rest into sentences (also at table cells and list items) and reports a
sentence that

- names a scheme (one of its aliases),
- says it pays or can be applied for (AVAILABLE: betaalt, vergoedt, subsidie, aanvragen, vraagt … aan, …),
- does not say that this is uncertain or over (HEDGES: niet bevestigd, in de pilot, gestopt, a question, …),
- and is not written through the data: no `scheme_claim`/`scheme_status` macro and no ⟦claim:…⟧/⟦scheme:…⟧ field
  for that scheme in the same sentence,

while the scheme's status on the build date is not `open`. A problem names the file, the line and the scheme.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from calculators._status import Status, status_on
from handbook_build.problems import BuildError

# Words that say a scheme pays or can be applied for (present tense; "betaalde" is history, not a claim).
AVAILABLE = re.compile(
    r"\bbetaalt\b|\bbetalen\b|\bbetaald\b|vergoed(?!de\b|den\b)|subsidie(?!wijzer)|\baanvragen\b|\baan te vragen\b"
    r"|\bvraag(?:t|en)?\b[^.?!]*?\baan\b|\bkrijg(?:t|en)?\b|\bbudget\b|\bdraagt\b[^.?!]*?\bbij\b"
    r"|(?<![\w-])bijdrage(?!\s+aan\b)|\bkent\b[^.?!]*?\btoe\b|\btoegekend\b|\bfinanciert\b",
    re.IGNORECASE,
)
# Words that say a claim is uncertain, past or over: such a sentence does not name the scheme as available.
HEDGES = re.compile(
    r"niet bevestigd|niet gevonden|niet zeker|onzeker|\bbevestig\w*|\bvraag\b[^.?!]*?\bna\b|\bna te vragen\b"
    r"|\bnavragen\b|\b(?:in|uit) de pilot\b|\bgestopt\b|\bstopt\b|\bstoppen\b|\bafgeschaft\b|\bafschaffen\b"
    r"|\bvervalt\b|\bvervallen\b|\bniet meer\b|\bgold\b|\bgolden\b|\bof\b[^.?!]*?\bnog\b"
    r"|\bwie\b[^.?!]*?\b(?:betaalt|betalen|vergoedt)\b"  # "wie ... betaalt": an indirect question, no claim
    # A draft's conditions: only what the scheme confirmed in writing, only what it did pay, nothing it does not.
    r"|\btoe(?:zeg|gezegd)\w*|\bniet\s+bekend\b|\b(?:geen|zonder)\s+vergoeding\b|\bvoor\s+zover\b"
    r"|\bheeft\s+betaald\b",
    re.IGNORECASE,
)
# Text written through the data: the claim or status of a scheme, by macro (pages) or by field (documents).
_MACRO_MARK = re.compile(r"""scheme_(?:claim|status)\(\s*["']([a-z0-9_]+)["']""")
_FIELD_MARK = re.compile(r"⟦\s*(?:claim|scheme):([a-z0-9_]+)")

# What is not reader prose, blanked out with spaces (line breaks kept, so line numbers stay right).
_NOT_PROSE = [
    re.compile(r"\A---\n.*?\n---\n", re.DOTALL),  # front matter
    re.compile(r"^(```|~~~).*?^\1", re.DOTALL | re.MULTILINE),  # fenced code
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.DOTALL),  # Jinja
    re.compile(r"⟦[^⟦⟧]*⟧"),  # document fields
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"\]\([^)\s]*\)|<https?://[^>\s]*>|https?://\S+"),  # link targets and bare addresses
    re.compile(r"\{\s*#[\w-]+\s*\}"),  # heading ids
    re.compile(r"</?[a-zA-Z][^<>]*>"),  # HTML tags (their text stays)
]
# Where a sentence ends: end punctuation before a space, a blank line, a table cell, a list item or heading.
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\||\n\s*(?:[-*+]|\d+\.)\s|\n\s*#+\s|\n\s*!!!|\n\s*\?\?\?")


@dataclass(frozen=True)
class ClaimProblem:
    file: str
    line: int
    scheme: str
    status: Status
    sentence: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.scheme} ({self.status.phrase()}): \"{self.sentence}\""


class ClaimError(BuildError):
    """Pages or documents name a scheme as available while its data says it is unconfirmed or has ended."""

    def __init__(self, problems: list[ClaimProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(
            f"Tekst noemt een regeling als beschikbaar, maar volgens de gegevens is ze dat niet ({len(problems)}):\n"
            f"{lines}\nSchrijf zo'n zin met {{{{ scheme_claim(\"regeling\", \"...\") }}}} op een pagina of "
            "⟦claim:regeling|...⟧ in een document, zodat de status erbij staat, of zeg in de zin zelf dat de "
            "regeling niet bevestigd of gestopt is (zie data/README.md, 'Status van een regeling')."
        )


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(text: str) -> str:
    """`text` with everything that is not reader prose replaced by spaces (same length, same lines)."""
    for pattern in _NOT_PROSE:
        text = pattern.sub(_blank, text)
    return text


def sentences(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (already made into prose)."""
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        yield start, boundary.start()
        start = boundary.end()
    yield start, len(text)


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """A name as a word; a compound with a hyphen counts ("SSFH-route"), a name inside a longer word does not. A
    name that receives money is not offered as a source of it: "bijdrage aan het SSFH", "bijdrage SSFH",
    "SSFH-bijdrage" (the employer's levy)."""
    name = re.escape(alias)
    return re.compile(rf"(?<!\baan )(?<!\baan het )(?<!\baan de )(?<!\bbijdrage )(?<![\w-]){name}(?![\w]|-bijdrage)",
                      re.IGNORECASE)


def find_claims(text: str, file: str, bundle: Mapping[str, Any], on: dt.date) -> list[ClaimProblem]:
    """Sentences of one file that name a scheme as available while its status on `on` is not open."""
    doubtful = {}
    for scheme_id, scheme in bundle["schemes"].items():
        status = status_on(scheme["status"], on)
        if not status.is_open:
            names = sorted(scheme["aliases"], key=len, reverse=True)  # the longest name first, as one name
            doubtful[scheme_id] = (status, [_alias_pattern(alias) for alias in names])
    if not doubtful:
        return []
    marks = [(m.start(), m.group(1)) for pattern in (_MACRO_MARK, _FIELD_MARK) for m in pattern.finditer(text)]
    plain = prose(text)
    problems = []
    for start, end in sentences(plain):
        sentence = plain[start:end]
        if not sentence.strip() or sentence.rstrip().endswith("?") or HEDGES.search(sentence):
            continue
        through_data = {scheme for at, scheme in marks if start <= at < end}
        for scheme_id, (status, patterns) in sorted(doubtful.items()):
            found = next((m for pattern in patterns if (m := pattern.search(sentence))), None)
            if found is None or scheme_id in through_data:
                continue
            # The name itself says nothing ("Subsidieregeling praktijkleren"): look for the claim outside it.
            rest = sentence
            for pattern in patterns:
                rest = pattern.sub(" ", rest)
            if AVAILABLE.search(rest):
                line = text.count("\n", 0, start + found.start()) + 1
                problems.append(ClaimProblem(file, line, scheme_id, status, " ".join(sentence.split())))
    return problems


def texts(project_dir: Path, docs_dir: Path | None = None) -> Iterable[tuple[str, str]]:
    """(display path, text) of every page in docs/ and every document in documents/."""
    docs = docs_dir or project_dir / "docs"
    for folder in (docs, project_dir / "documents"):
        for path in sorted(folder.rglob("*.md")):
            display = str(path.relative_to(project_dir)) if project_dir in path.parents else str(path)
            yield display, path.read_text(encoding="utf-8")


def check_claims(project_dir: Path, bundle: Mapping[str, Any], on: dt.date, docs_dir: Path | None = None) -> None:
    """Raise a ClaimError listing every sentence that names a scheme as available against its status on `on`."""
    problems = [problem for file, text in texts(project_dir, docs_dir)
                for problem in find_claims(text, file, bundle, on)]
    if problems:
        raise ClaimError(problems)
