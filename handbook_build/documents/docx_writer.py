"""Write a document as a Word file with real styles (Title, Heading n, List Bullet/Number, Table Grid), A4, nl-NL."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from handbook_build.documents.markdown_tree import clean_text, markdown_tree
from handbook_build.documents.reproducible import fixed_zip, stamp_core_properties

LANGUAGE = "nl-NL"
_HEADINGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 3, "h6": 3}
_BOXES = {"[ ] ": "☐ ", "[x] ": "☒ ", "[X] ": "☒ "}
_SOFT_BREAK = re.compile(r"[ \t]*\n\s*")


@dataclass(frozen=True)
class DocxMeta:
    title: str
    region: str  # shown in the footer, e.g. "Voorbeeldregio" or "landelijke versie"
    version: str
    date: str  # the build date as Dutch text
    day: dt.date | None = None  # the build date: fixed file dates, so the same text gives the same bytes


def _set_language(document: DocxDocument) -> None:
    """Dutch as the document language: spelling check and hyphenation in Word follow it."""
    document.core_properties.language = LANGUAGE
    styles = document.styles.element
    run_defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for element in (run_defaults, document.styles["Normal"].element.get_or_add_rPr()):
        lang = element.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            element.append(lang)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), LANGUAGE)


def _page_setup(document: DocxDocument, meta: DocxMeta) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(20)
    footer = section.footer.paragraphs[0]
    footer.text = (f"{meta.title} · Handboek zij-instroom doktersassistent · {meta.region} · "
                   f"versie {meta.version} · {meta.date}")
    footer.style = document.styles["Footer"]
    for run in footer.runs:
        run.font.size = Pt(8)


def _add_inline(paragraph: Paragraph, element: ET.Element, bold: bool = False, italic: bool = False) -> None:
    """Text and inline children of `element` as runs (bold, italic, code, links with their address)."""
    if element.text:
        _run(paragraph, clean_text(element.text), bold, italic)
    for child in element:
        tag = child.tag
        if tag in ("strong", "b"):
            _add_inline(paragraph, child, True, italic)
        elif tag in ("em", "i"):
            _add_inline(paragraph, child, bold, True)
        elif tag == "br":
            paragraph.add_run().add_break()
        elif tag == "a":
            text = clean_text("".join(child.itertext()))
            href = child.get("href", "")
            _run(paragraph, text, bold, italic)
            if href and href != text and not href.startswith("#"):
                _run(paragraph, f" ({href})", bold, italic)
        elif tag == "code":
            _run(paragraph, clean_text(child.text), bold, italic).font.name = "Courier New"
        elif tag not in ("ul", "ol"):  # nested lists are blocks, handled by the list writer
            _add_inline(paragraph, child, bold, italic)
        if child.tail and tag not in ("ul", "ol"):
            _run(paragraph, clean_text(child.tail), bold, italic)


def _run(paragraph: Paragraph, text: str, bold: bool, italic: bool):
    # A line break in the Markdown source is a space, as in HTML; python-docx would make it a Word line break.
    run = paragraph.add_run(_SOFT_BREAK.sub(" ", text))
    run.bold, run.italic = bold or None, italic or None
    return run


def _restart_numbering(paragraph: Paragraph, start: int) -> None:
    """Give a numbered list its own numbering from `start` (python-docx would continue the previous list)."""
    numbering = paragraph.part.numbering_part.numbering_definitions._numbering
    style_num = paragraph.style.element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num.numId


def _list(document: DocxDocument, element: ET.Element, level: int = 1) -> None:
    numbered = element.tag == "ol"
    style = ("List Number" if numbered else "List Bullet") + (f" {level}" if level > 1 else "")
    first = True
    for item in element.findall("li"):
        paragraph = document.add_paragraph(style=style)
        blocks = [child for child in item if child.tag == "p"]
        source = blocks[0] if blocks else item
        text = clean_text(source.text)
        box = next((mark for prefix, mark in _BOXES.items() if text.startswith(prefix)), None)
        if box:  # a checklist item: a box to tick on paper instead of a bullet
            paragraph.style = document.styles["List Paragraph"]
            source = copy.copy(source)
            source.text = box + text[4:]
        _add_inline(paragraph, source)
        if numbered and first and level == 1:
            _restart_numbering(paragraph, int(element.get("start", "1")))
        first = False
        for extra in blocks[1:]:
            _add_inline(document.add_paragraph(style="List Paragraph"), extra)
        for sub in item:
            if sub.tag in ("ul", "ol"):
                _list(document, sub, min(level + 1, 3))


def _table(document: DocxDocument, element: ET.Element) -> None:
    rows = element.findall(".//tr")
    columns = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            _add_inline(paragraph, cell, bold=cell.tag == "th")
    document.add_paragraph()


def _blocks(document: DocxDocument, root: ET.Element) -> None:
    for element in root:
        tag = element.tag
        if tag in _HEADINGS:
            _add_inline(document.add_heading(level=_HEADINGS[tag]), element)
        elif tag == "p":  # an admonition's title ("Geen juridisch advies") is a bold line of its own
            _add_inline(document.add_paragraph(), element, bold=element.get("class") == "admonition-title")
        elif tag in ("ul", "ol"):
            _list(document, element)
        elif tag == "table":
            _table(document, element)
        elif tag == "blockquote":
            for child in element:
                _add_inline(document.add_paragraph(style="Quote"), child)
        elif tag == "dl":
            for child in element:
                _add_inline(document.add_paragraph(style="Heading 3" if child.tag == "dt" else None), child)
        elif tag == "pre":
            _run(document.add_paragraph(), clean_text("".join(element.itertext())), False, False)
        elif tag == "div":
            _blocks(document, element)


def write_docx(markdown_text: str, meta: DocxMeta, target: Path) -> Path:
    """Write `markdown_text` (a filled document, links absolute) as a Word file at `target`."""
    document = new_docx()
    _set_language(document)
    _page_setup(document, meta)
    document.core_properties.title = meta.title
    document.core_properties.author = "Handboek zij-instroom doktersassistent"
    document.add_heading(meta.title, level=0)  # style "Title"
    _blocks(document, markdown_tree(markdown_text))
    target.parent.mkdir(parents=True, exist_ok=True)
    if meta.day is None:
        document.save(str(target))
        return target
    stamp_core_properties(document.core_properties, meta.day)
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(fixed_zip(buffer.getvalue(), meta.day))
    return target
