"""The whole handbook as one PDF, made at build time, with the 8 steps in its outline."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from handbook_build.pages.region import site_name
from handbook_build.pdf import PDF_NAME
from tests.conftest import ROOT
from tests.regions import region_of

# The handbook's title, with the region's short name in a region's fork.
TITLE = site_name("Handboek zij-instroom doktersassistent", region_of(ROOT))


def outline_titles(entries: list) -> list[str]:
    titles = []
    for entry in entries:
        if isinstance(entry, list):
            titles.extend(outline_titles(entry))
        else:
            titles.append(" ".join(entry.title.split()))
    return titles


def test_the_build_makes_a_pdf_with_the_eight_steps_in_its_outline(built_site: Path) -> None:
    pdf = built_site / PDF_NAME
    assert pdf.is_file() and pdf.stat().st_size > 100_000
    reader = PdfReader(pdf)
    assert len(reader.pages) > 50
    titles = outline_titles(reader.outline)
    for step in range(1, 9):
        assert any(title.startswith(f"Stap {step}:") for title in titles), (step, titles[:40])
    assert "Inhoud" in titles  # the table of contents


def test_the_start_page_links_the_pdf(built_site: Path) -> None:
    assert f'href="{PDF_NAME}" download' in (built_site / "index.html").read_text(encoding="utf-8")


def test_the_pdf_speaks_dutch_with_one_page_number_per_page(built_site: Path) -> None:
    reader = PdfReader(built_site / PDF_NAME)
    pages = len(reader.pages)
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged
    assert reader.metadata.title == TITLE  # once, not "... - ..."
    numbers = (1, 2, 3, pages)  # extracting text is slow: the cover, its next two pages and the last page
    texts = dict(zip(numbers, (reader.pages[number - 1].extract_text() for number in numbers), strict=True))
    for number in (1, 3, pages):
        text = texts[number]
        assert text.count(f"pagina {number} van {pages}") == 1, text[:300]
        assert "Page" not in text and f"{number} / {pages}" not in text, text[:300]
    cover = texts[1]
    assert TITLE in " ".join(cover.split())
    for english in ("Description", "Repository", "Copyright", "Author"):
        assert english not in cover, cover
    assert sum(" ".join(texts[number].split()).count(TITLE) for number in (1, 2, 3)) == 1  # the cover
