"""The Word writer and the startpakket, on plain files (no MkDocs build)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from handbook_build.documents import STARTPAKKET_NAME, load_documents, write_docx_files, write_startpakket
from tests.conftest import ROOT

ON = dt.date(2026, 12, 1)


def styles_used(document: docx.document.Document) -> list[str]:
    return [paragraph.style.name for paragraph in document.paragraphs]


def test_word_files_have_real_styles_a4_dutch_and_a_footer(tmp_path: Path, example_bundle: dict) -> None:
    written = write_docx_files(tmp_path, example_bundle, "2026.1", ON, site_url="https://example.org/hb/")
    assert sorted(path.stem for path in written) == sorted(load_documents(ROOT))
    document = docx.Document(str(tmp_path / "documenten" / "6g-financieel-overzicht.docx"))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "6G Financieel overzicht voor de praktijk"
    assert {"Heading 1", "List Paragraph"} <= set(styles_used(document))
    assert document.tables and all(table.style.name == "Table Grid" for table in document.tables)
    assert document.tables[0].rows[0].cells[0].text == "Kostenpost"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4, in twips
    assert document.core_properties.language == "nl-NL"
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"
    footer = section.footer.paragraphs[0].text
    assert "regio Voorbeeldregio" in footer and "versie 2026.1" in footer and "1 december 2026" in footer
    text = "\n".join(p.text for p in document.paragraphs)
    assert "kostenrekenhulp (https://example.org/hb/rekenhulpen/kosten/)" in text


def test_lists_keep_their_kind_and_numbering_restarts(tmp_path: Path, national_bundle: dict) -> None:
    write_docx_files(tmp_path, national_bundle, "2026.1", ON)
    survey = docx.Document(str(tmp_path / "documenten" / "2a-brief-en-enquete-huisartsen.docx"))
    numbered = [p for p in survey.paragraphs if p.style.name == "List Number"]
    assert numbered and numbered[0].text.startswith("Naam van de praktijk")
    # Each numbered list of the survey gets its own w:num, which restarts at 1.
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered if p._p.pPr.numPr is not None]
    assert len(num_ids) >= 2
    numbering = survey.part.numbering_part.numbering_definitions._numbering
    starts = [numbering.num_having_numId(num_id).find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val"))
              for num_id in num_ids]
    assert starts[:2] == ["1", "4"]  # the survey's questions go on from 4 after a subheading, as on the page
    bullets = [p.text for p in survey.paragraphs if p.style.name == "List Bullet"]
    assert any(text.startswith("De kandidaten volgen een BBL-opleiding") for text in bullets)
    checklist = docx.Document(str(tmp_path / "documenten" / "5e-checklist-papierwerk.docx"))
    boxes = [p.text for p in checklist.paragraphs if p.text.startswith("☐ ")]
    assert not any("\n" in text or "  " in text for text in boxes)  # source line wraps are spaces, not breaks
    assert len(boxes) > 20 and not any("[ ]" in p.text for p in checklist.paragraphs)
    warning = docx.Document(str(tmp_path / "documenten" / "6b-bvp-overeenkomst.docx"))
    title = next(p for p in warning.paragraphs if p.text == "Geen juridisch advies")
    assert title.runs[0].bold and not any(p.text.startswith("!!!") for p in warning.paragraphs)


def test_startpakket_holds_every_document_and_the_pdf(tmp_path: Path, national_bundle: dict) -> None:
    write_docx_files(tmp_path, national_bundle, "2026.1", ON)
    pdf = tmp_path / "handboek.pdf"
    pdf.write_bytes(b"%PDF-1.7 test")
    archive = write_startpakket(tmp_path, pdf)
    assert archive.name == STARTPAKKET_NAME
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert zipped.read("handboek.pdf") == b"%PDF-1.7 test"
    assert sorted(names) == sorted([f"documenten/{d}.docx" for d in load_documents(ROOT)] + ["handboek.pdf"])
    first = archive.read_bytes()
    assert write_startpakket(tmp_path, pdf).read_bytes() == first  # same documents, same zip


def test_startpakket_without_pdf_still_holds_every_document(tmp_path: Path, national_bundle: dict) -> None:
    write_docx_files(tmp_path, national_bundle, "2026.1", ON)
    with zipfile.ZipFile(write_startpakket(tmp_path, None)) as zipped:
        assert len(zipped.namelist()) == len(load_documents(ROOT))


def test_word_files_leave_the_sources_out_for_outside_readers_and_repeat_byte_for_byte(
        tmp_path: Path, national_bundle: dict) -> None:
    write_docx_files(tmp_path / "a", national_bundle, "2026.1", ON)
    folder = tmp_path / "a" / "documenten"

    def headings(doc_id: str) -> list[str]:
        document = docx.Document(str(folder / f"{doc_id}.docx"))
        return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]

    assert "Bronnen van de cijfers" not in headings("7a-persbericht")  # sources: page
    assert "Bronnen van de cijfers" not in headings("2a-brief-en-enquete-huisartsen")
    assert "Bronnen van de cijfers" in headings("5a-matchingslijst")  # the default keeps them
    document = docx.Document(str(folder / "5a-matchingslijst.docx"))
    midnight = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    assert document.core_properties.created == document.core_properties.modified == midnight
    write_docx_files(tmp_path / "b", national_bundle, "2026.1", ON)
    changed = [path.name for path in sorted(folder.glob("*.docx"))
               if path.read_bytes() != (tmp_path / "b" / "documenten" / path.name).read_bytes()]
    assert changed == []  # no clock time inside: the same text gives the same file (and the same sw.js version)
