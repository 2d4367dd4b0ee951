"""The text a reader sees in a Markdown source, for the language checks (tests/content) and tools/link_terms.py.

Reader text is what a page or document shows as words: not its front matter, code blocks, HTML comments, link
targets, macro calls or Jinja statements. A macro call counts as one word (it renders a number or a name); a
document field (⟦region.name⟧) likewise. `units` cuts the text into what a reader takes in at once: a sentence,
a list item, a table cell or a heading, each with the line it starts on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```|~~~)")
JINJA_STATEMENT = re.compile(r"\{%.*?%\}")
MACRO = re.compile(r"\{\{.*?\}\}")
FIELD = re.compile(r"⟦[^⟧]*⟧")
INLINE_CODE = re.compile(r"`[^`]*`")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<https?://[^>]+>")
URL = re.compile(r"https?://\S+")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
ATTR_LIST = re.compile(r"\{\s*[#.:][^}]*\}|\{:[^}]*\}")
FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
EMPHASIS = re.compile(r"(\*\*|__|\*|~~)")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"(?P<title>[^"]*)")?\s*$')
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
DEFINITION = re.compile(r"^:\s{1,4}")
HEADING = re.compile(r"^#{1,6}\s+")
TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A sentence ends at . ! or ? before a capital, a quote or an opening bracket; not after a common abbreviation.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"„“‘(]?[A-Z0-9ÀÉÈËÏÖÜ⟦])")
ABBREVIATIONS = ("bijv.", "art.", "nr.", "o.a.", "m.b.t.", "t.o.v.", "z.o.z.", "enz.", "Stb.", "Stcrt.", "lid.",
                 "e.d.", "i.p.v.", "ca.", "incl.", "excl.", "resp.", "vgl.", "p.", "blz.")
WORD = re.compile(r"[\w€⟦]")


@dataclass(frozen=True)
class Unit:
    """One thing a reader reads at once, from the line it starts on."""

    line: int
    text: str

    def words(self) -> int:
        return sum(1 for token in self.text.split() if WORD.search(token))


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) outside front matter, fenced code and HTML comments; Jinja statements removed."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)
        start = end + 1
    fenced = comment = False
    for number, line in enumerate(lines[start:], start=start + 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if comment or "<!--" in line:
            before, _, rest = line.partition("<!--") if not comment else ("", "", line)
            comment = "-->" not in rest
            line = before + (rest.split("-->", 1)[1] if not comment else "")
        yield number, JINJA_STATEMENT.sub("", line)


def plain(line: str) -> str:
    """The words of one Markdown line as a reader sees them (link text kept, targets and code dropped)."""
    line = IMAGE.sub("", line)
    line = INLINE_CODE.sub("X", line)
    line = MACRO.sub("X", line)
    line = FIELD.sub("X", line)
    line = LINK.sub(r"\1", line)
    line = REFERENCE_LINK.sub(r"\1", line)
    line = AUTOLINK.sub("", line)
    line = URL.sub("", line)
    line = TAG.sub(" ", line)
    line = ATTR_LIST.sub("", line)
    line = FOOTNOTE.sub("", line)
    line = EMPHASIS.sub("", line)
    return line.replace("&nbsp;", " ")


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs, list items, table cells, headings and admonition titles, each joined into one string."""
    current: list[str] = []
    first = 0

    def flush() -> Iterator[tuple[int, str]]:
        if current:
            yield first, " ".join(current)
        current.clear()

    for number, raw in prose_lines(text):
        line = raw.strip()
        if not line or TABLE_RULE.match(line):
            yield from flush()
            continue
        if (admonition := ADMONITION.match(line)) is not None:
            yield from flush()
            if admonition.group("title"):
                yield number, admonition.group("title")
            continue
        if line.startswith("<"):  # a line of raw HTML (a form, a details block) is read on its own
            yield from flush()
            yield number, line
            continue
        if line.startswith("|"):
            yield from flush()
            for cell in line.strip("|").split("|"):
                if cell.strip():
                    yield number, cell.strip()
            continue
        if HEADING.match(line) or LIST_ITEM.match(line) or DEFINITION.match(line):
            yield from flush()
            line = DEFINITION.sub("", LIST_ITEM.sub("", HEADING.sub("", line)))
            if raw.lstrip().startswith("#"):
                yield number, line
                continue
        if not current:
            first = number
        current.append(line)
    yield from flush()


def _sentences(text: str) -> Iterator[str]:
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = text[start:match.start()]
        if before.split() and before.split()[-1].lstrip("(\"„“") in ABBREVIATIONS:
            continue
        yield text[start:match.start()]
        start = match.end()
    yield text[start:]


def units(text: str) -> list[Unit]:
    """The reader units of a Markdown source: sentences of paragraphs and list items, table cells, headings."""
    found = []
    for number, block in _blocks(text):
        for sentence in _sentences(" ".join(plain(block).split())):
            if sentence.strip():
                found.append(Unit(number, sentence.strip()))
    return found
