"""Write a document as a PowerPoint presentation (python-pptx): 16:9, Dutch, one slide per `## ` section.

The source is an ordinary document (documents/<id>.md with `presentation: true`), filled like every other:
- the paragraphs before the first `## ` heading make the title slide (the first is its title, the rest its subtitle);
- each `## ` heading is a slide title, its list items (and nested items one level in) the slide's text;
- its paragraphs are what the presenter says: the slide's speaker notes, and plain text on the page and in Word.
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from handbook_build.documents.markdown_tree import clean_text, markdown_tree
from handbook_build.documents.reproducible import fixed_zip, stamp_core_properties

LANGUAGE = "nl-NL"
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.6)
TITLE_LAYOUT, CONTENT_LAYOUT = 0, 1  # in python-pptx's default template
MAX_LINES = 8  # more items than this continue on a next slide
DARK, GREY = RGBColor(0x1F, 0x38, 0x64), RGBColor(0x59, 0x59, 0x59)


class SlidesError(ValueError):
    """The source does not make a presentation (no title before the first slide, or no slides)."""


@dataclass(frozen=True)
class Line:
    text: str
    level: int = 0  # 0, or 1 for a nested item
    numbered: bool = False  # from a numbered list: the number is in the text, no bullet


@dataclass(frozen=True)
class Slide:
    title: str
    lines: tuple[Line, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class PptxMeta:
    title: str  # "1A Introductiepresentatie", also the file's title property
    region: str  # as in the Word footer: "regio Voorbeeldregio" or "landelijke versie (Nederland)"
    version: str
    date: str  # the build date as Dutch text
    day: dt.date  # the build date: fixed file dates, so the same text gives the same bytes


def _text(element: ET.Element) -> str:
    """The visible text of an inline element, without nested lists; links keep only their text."""
    parts = [clean_text(element.text)]
    for child in element:
        if child.tag not in ("ul", "ol"):
            parts.append(_text(child))
        parts.append(clean_text(child.tail))
    return " ".join("".join(parts).split())


def _items(element: ET.Element, level: int = 0) -> list[Line]:
    """One line per list item; a numbered list keeps its numbers in the text."""
    items = []
    first = int(element.get("start", "1"))
    for number, item in enumerate(element.findall("li"), start=first):
        blocks = [child for child in item if child.tag == "p"]
        text = " ".join(_text(block) for block in blocks) if blocks else _text(item)
        numbered = element.tag == "ol"
        items.append(Line(f"{number}. {text}" if numbered else text, level, numbered))
        for sub in item:
            if sub.tag in ("ul", "ol"):
                items += _items(sub, min(level + 1, 1))
    return items


def deck_from_markdown(markdown_text: str) -> Deck:
    """The title slide and the slides of a filled document."""
    intro: list[str] = []
    slides: list[dict] = []
    for element in markdown_tree(markdown_text):
        if element.tag == "h2":
            slides.append({"title": _text(element), "lines": [], "notes": []})
        elif not slides:
            if element.tag == "p":
                intro.append(_text(element))
        elif element.tag in ("ul", "ol"):
            slides[-1]["lines"] += _items(element)
        elif element.tag == "table":
            rows = [" · ".join(_text(cell) for cell in row) for row in element.iter("tr")]
            slides[-1]["lines"] += [Line(row) for row in rows]
        elif element.tag in ("p", "blockquote", "h3", "h4"):
            slides[-1]["notes"].append(_text(element))
    if not intro or not slides:
        raise SlidesError("een presentatie heeft tekst vóór de eerste '## '-kop (de titeldia) en minstens één dia")
    result = []
    for slide in slides:  # a long list (the sources) goes on over more slides, the notes stay with the first
        lines = slide["lines"] or [None]
        for start in range(0, len(lines), MAX_LINES):
            title = slide["title"] if start == 0 else f"{slide['title']} (vervolg)"
            result.append(Slide(title, tuple(line for line in lines[start:start + MAX_LINES] if line),
                                "\n\n".join(slide["notes"]) if start == 0 else ""))
    return Deck(intro[0], "\n".join(intro[1:]), tuple(result))


def _dutch(paragraph, size: int, color: RGBColor, bold: bool = False) -> None:
    for run in paragraph.runs:
        run.font.size, run.font.bold = Pt(size), bold or None
        run.font.color.rgb = color
        run._r.get_or_add_rPr().set("lang", LANGUAGE)


def _place(shape, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = Emu(left), Emu(top), Emu(width), Emu(height)


def _body_size(lines: tuple[Line, ...]) -> int:
    """A font size that lets the slide's text fit; PowerPoint shrinks further if needed (normAutofit)."""
    characters = sum(len(line.text) for line in lines)
    if characters > 700:
        return 16
    if characters > 450 or len(lines) > 7:
        return 22
    if characters > 300 or len(lines) > 5:
        return 24
    return 28


def _footer(slide, text: str) -> None:
    box = slide.shapes.add_textbox(MARGIN, HEIGHT - Inches(0.55), WIDTH - 2 * MARGIN, Inches(0.4))
    paragraph = box.text_frame.paragraphs[0]
    paragraph.text = text
    _dutch(paragraph, 10, GREY)


def _title_slide(presentation, deck: Deck, footer: str) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_LAYOUT])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title, MARGIN, Inches(1.8), WIDTH - 2 * MARGIN, Inches(2.0))
    _place(subtitle, MARGIN, Inches(4.0), WIDTH - 2 * MARGIN, Inches(1.8))
    title.text_frame.text = deck.title
    title.text_frame.word_wrap = True
    _dutch(title.text_frame.paragraphs[0], 40, DARK, bold=True)
    subtitle.text_frame.text = deck.subtitle
    for paragraph in subtitle.text_frame.paragraphs:
        _dutch(paragraph, 22, GREY)
    _footer(slide, footer)


def _content_slide(presentation, slide_source: Slide, footer: str) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[CONTENT_LAYOUT])
    title, body = slide.placeholders[0], slide.placeholders[1]
    _place(title, MARGIN, Inches(0.35), WIDTH - 2 * MARGIN, Inches(1.1))
    _place(body, MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, HEIGHT - Inches(2.3))
    title.text_frame.text = slide_source.title
    title.text_frame.word_wrap = True
    _dutch(title.text_frame.paragraphs[0], 32, DARK, bold=True)
    frame = body.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    size = _body_size(slide_source.lines)
    for number, line in enumerate(slide_source.lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.text, paragraph.level = line.text, line.level
        if line.numbered:  # the number is in the text: no bullet, no hanging indent
            properties = paragraph._p.get_or_add_pPr()
            properties.set("marL", "0")
            properties.set("indent", "0")
            properties.insert(0, properties.makeelement(qn("a:buNone"), {}))
        paragraph.space_before = Pt(size // 3)
        _dutch(paragraph, size - 2 * line.level, RGBColor(0, 0, 0))
    if slide_source.notes:
        notes = slide.notes_slide.notes_text_frame
        notes.text = slide_source.notes
        for paragraph in notes.paragraphs:
            _dutch(paragraph, 12, RGBColor(0, 0, 0))
    _footer(slide, footer)


def write_pptx(markdown_text: str, meta: PptxMeta, target: Path) -> Path:
    """Write the filled document `markdown_text` (links absolute) as a presentation at `target`."""
    deck = deck_from_markdown(markdown_text)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    total = 1 + len(deck.slides)
    base = (f"{meta.title} · Handboek zij-instroom doktersassistent · {meta.region} · versie {meta.version} · "
            f"{meta.date}")
    _title_slide(presentation, deck, f"{base} · dia 1 van {total}")
    for number, slide in enumerate(deck.slides, start=2):
        _content_slide(presentation, slide, f"{base} · dia {number} van {total}")
    properties = presentation.core_properties
    properties.title, properties.author = meta.title, "Handboek zij-instroom doktersassistent"
    properties.subject, properties.language = deck.title, LANGUAGE
    stamp_core_properties(properties, meta.day)
    buffer = io.BytesIO()
    presentation.save(buffer)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fixed_zip(buffer.getvalue(), meta.day))
    return target
