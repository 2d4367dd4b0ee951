"""One word for one thing: the glossary in data/glossary.yaml as a page, as variant finders, and as term links.

`glossary_page` renders the page "Begrippen" (docs/over/begrippen.md, macro `glossary`). `variant_finders` gives
the regular expressions of the words not to use, which tests/content/test_terms.py runs over the text a reader
sees. `link_first_uses` puts a link to the glossary on the first use of each term in a page's reader text, which
tools/link_terms.py writes into the Markdown source: a plain link, so it works with the keyboard, is read out by a
screen reader, shows in print and builds the same with every generator.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from typing import Any

from handbook_build.reader_text import prose_lines

PAGE = "over/begrippen.md"  # docs-relative
PLURAL = r"(?:s|en|ken|'s)?"


def terms(bundle: Mapping[str, Any]) -> list[dict]:
    return list(bundle["glossary"]["terms"])


def variant_pattern(variant: Mapping[str, str]) -> re.Pattern[str]:
    """The expression of one word not to use: its own `pattern`, or the whole word with a plural ending."""
    if "pattern" in variant:
        return re.compile(variant["pattern"])
    return re.compile(rf"(?<![\w-]){re.escape(variant['word'])}{PLURAL}(?![\w-])", re.IGNORECASE)


def variant_finders(bundle: Mapping[str, Any]) -> list[tuple[dict, dict, re.Pattern[str]]]:
    """(term, variant, expression) for every word the handbook does not use."""
    return [(term, variant, variant_pattern(variant)) for term in terms(bundle) for variant in term.get("variants", [])]


def form_pattern(term: Mapping[str, Any]) -> re.Pattern[str]:
    """The term itself in any of its forms, as a whole word (longest form first)."""
    forms = sorted(term["forms"], key=len, reverse=True)
    return re.compile(r"(?<![\w/#.-])(?:" + "|".join(re.escape(form) for form in forms) + r")(?![\w-])",
                      re.IGNORECASE if term["term"].islower() else 0)


def glossary_page(bundle: Mapping[str, Any]) -> str:
    """The terms in alphabetical order, each a heading with its anchor, the definition, why and what not to say."""
    parts = []
    for term in sorted(terms(bundle), key=lambda t: t["term"].casefold()):
        lines = [f"## {term['term']} {{#{term['key']}}}", "", term["definition"], ""]
        source = f" ([bron]({term['source']}), gecontroleerd op {term['peildatum']})" if term.get("source") else ""
        lines += [f"*Waarom dit woord:* {term['why']}{source}", ""]
        if term.get("variants"):
            named = [f"*{v['word']}*" + (f" ({v['note']})" if v.get("note") else "") for v in term["variants"]]
            lines += ["Niet: " + "; ".join(named) + ".", ""]
        parts.append("\n".join(lines))
    return "\n".join(parts).rstrip() + "\n"


def glossary_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(file, key, Dutch reason) for keys used twice and variant patterns that are not valid expressions."""
    problems, seen = [], set()
    file = bundle["glossary"]["file"]
    for index, term in enumerate(terms(bundle), start=1):
        if term["key"] in seen:
            problems.append((file, f"terms[{index}].key", f"'{term['key']}' staat er twee keer in"))
        seen.add(term["key"])
        for variant in term.get("variants", []):
            try:
                variant_pattern(variant)
            except re.error as error:
                problems.append((file, f"terms[{index}].variants", f"geen geldig patroon: {error}"))
    return problems


# --- links on the first use of a term ----------------------------------------------------------------------------

LINK_OR_CODE = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|\{\{.*?\}\}|\{%.*?%\}|⟦[^⟧]*⟧|<[^>]+>|https?://\S+|\{[#.:][^}]*\}"
                          r"|\*[^*\s][^*]*\*")  # emphasis: a word in italics is often a title or a quoted word
NO_LINK_LINE = re.compile(r"^\s*(?:#|!!!|\?\?\?|[-*+]\s+\[[ xX]\]|\||<)")  # headings, admonition titles,
# task-list items (the progress page turns each into a link), tables (their cells are short labels), HTML


def _linkable_spans(line: str) -> Iterator[tuple[int, int]]:
    """Parts of a Markdown line outside links, code, macros, HTML and addresses."""
    start = 0
    for match in LINK_OR_CODE.finditer(line):
        yield start, match.start()
        start = match.end()
    yield start, len(line)


def glossary_link(page: str, key: str) -> str:
    """The relative link from a docs page (docs-relative path) to a term on the glossary page."""
    return f"{posixpath.relpath(PAGE, posixpath.dirname(page) or '.')}#{key}"


def first_uses(text: str, bundle: Mapping[str, Any]) -> dict[str, tuple[int, int, int, bool]]:
    """Per term key: (line number, start, end, linked) of its first use in reader text that can carry a link.

    `linked` says the use already sits in a link to the glossary. Uses inside other links, code, headings,
    tables, task-list items and admonition titles are passed over.
    """
    found: dict[str, tuple[int, int, int, bool]] = {}
    patterns = [(term["key"], form_pattern(term)) for term in terms(bundle)]
    glossary_links = re.compile(r"\[([^\]]+)\]\((?:\.\./)*(?:over/)?begrippen\.md#([\w-]+)\)")
    raw = text.splitlines()
    for number, _ in prose_lines(text):
        line = raw[number - 1]
        for match in glossary_links.finditer(line):
            found.setdefault(match.group(2), (number, match.start(), match.end(), True))
        if NO_LINK_LINE.match(line):
            continue
        for key, pattern in patterns:
            if key in found:
                continue
            for start, end in _linkable_spans(line):
                hit = pattern.search(line, start, end)
                if hit:
                    found[key] = (number, hit.start(), hit.end(), False)
                    break
    return found


def link_first_uses(page: str, text: str, bundle: Mapping[str, Any]) -> str:
    """`text` with a glossary link on the first use of every term that has none yet (page: docs-relative)."""
    lines = text.splitlines(keepends=True)
    todo = sorted(((number, start, end, key) for key, (number, start, end, linked) in first_uses(text, bundle).items()
                   if not linked), reverse=True)
    for number, start, end, key in todo:
        line = lines[number - 1]
        lines[number - 1] = f"{line[:start]}[{line[start:end]}]({glossary_link(page, key)}){line[end:]}"
    return "".join(lines)

