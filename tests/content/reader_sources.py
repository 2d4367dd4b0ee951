"""The sources whose text readers see, for the content tests: pages, documents, calculator strings, data labels.

Pages are docs/**/*.md except the contributor pages (docs/bijdragen/, which speak of GitHub on purpose) and the
glossary page (which names the words not to use). Documents are documents/*.md. A calculator's Dutch strings
are its string constants; data labels are the values of the keys the pages show.
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from handbook_build.glossary import PAGE as GLOSSARY_PAGE
from handbook_build.reader_text import plain, prose_lines
from tests.conftest import ROOT

CONTRIBUTOR_FOLDER = "docs/bijdragen/"
# Keys of data/ whose values the pages show a reader (tables, the funding check, who-does-what, contacts).
SHOWN_KEYS = {"label", "short", "description", "definition", "purpose", "title", "name", "summary", "tasks", "covers",
              "note"}


def page_paths(root: Path = ROOT) -> list[str]:
    """Reader pages and documents, as paths from the project folder."""
    pages = [p.relative_to(root).as_posix() for p in sorted((root / "docs").rglob("*.md"))]
    documents = [p.relative_to(root).as_posix() for p in sorted((root / "documents").glob("*.md"))]
    return [p for p in pages if not p.startswith(CONTRIBUTOR_FOLDER) and p != f"docs/{GLOSSARY_PAGE}"] + documents


def page_lines(path: str, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """(line number, reader text) of one page or document."""
    for number, line in prose_lines((root / path).read_text(encoding="utf-8")):
        yield number, plain(line)


CODE_FOLDERS = ("calculators", "handbook_build")  # their string constants hold the Dutch labels and messages


def calculator_strings(root: Path = ROOT) -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of every string constant in calculators/ and handbook_build/ that holds a space (labels,
    messages, fragments of pages); docstrings left out."""
    for path in (path for folder in CODE_FOLDERS for path in sorted((root / folder).rglob("*.py"))):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value \
                    and id(node) not in docstrings:
                yield path.relative_to(root).as_posix(), node.lineno, node.value


def _shown(node: Any, key: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for child_key, value in node.items():
            yield from _shown(value, str(child_key))
    elif isinstance(node, list):
        for value in node:
            yield from _shown(value, key)
    elif isinstance(node, str) and key in SHOWN_KEYS:
        yield node


def data_labels(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(file, text) of every value in data/ under a key the pages show; the glossary itself excluded."""
    for path in sorted((root / "data").rglob("*.yaml")):
        if path.name == "glossary.yaml" or "schema" in path.parts:
            continue
        for text in _shown(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path.relative_to(root).as_posix(), text


# Inputs that open each calculator's variants: the defaults, and a route chosen (the cost answer then explains it).
ANSWER_INPUTS: tuple[dict[str, str], ...] = ({}, {"route": "uwv"}, {"route": "ssfh"})
_BLOCK_END = re.compile(r"</(?:p|li|td|th|h[1-6]|div|label|summary|dt|dd|option|caption|legend)>")


def calculator_answers(bundle: Any) -> Iterator[tuple[str, str]]:
    """(calculator, text) of what each calculator shows as the build renders it (form, answer, every part
    unfolded), one block of text per paragraph, item, cell or label, with the markup left out."""
    from calculators._registry import CALCULATORS, embed

    for name in CALCULATORS:
        for raw in ANSWER_INPUTS:
            markup = re.sub(r"<(script|style|svg)\b[\s\S]*?</\1>", " ", embed(name, bundle, raw))
            text = html.unescape(re.sub(r"<[^>]+>", " ", _BLOCK_END.sub("\n\n", markup)))
            yield name, text
