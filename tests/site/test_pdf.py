"""The whole handbook as one PDF, made at build time from the print page, with the 8 steps in its outline: from the
MkDocs build and from the Zensical build alike (handbook_build/print_page.py, handbook_build/pdf.py)."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook_build.pages.region import site_name
from handbook_build.pdf import PDF_NAME
from handbook_build.site import site_content
from handbook_build.site_config import load_site_config
from tests.conftest import ROOT
from tests.regions import region_of

# The handbook's title, with the region's short name in a region's fork.
TITLE = site_name("Handboek zij-instroom doktersassistent", region_of(ROOT))


@pytest.fixture(params=["built_site", "zensical_site"])
def site(request: pytest.FixtureRequest) -> Path:
    """The site of each generator: MkDocs (the session's build) and Zensical."""
    return request.getfixturevalue(request.param)


def outline_titles(entries: list) -> list[str]:
    titles = []
    for entry in entries:
        if isinstance(entry, list):
            titles.extend(outline_titles(entry))
        else:
            titles.append(" ".join(entry.title.split()))
    return titles


def test_the_build_makes_a_pdf_with_the_eight_steps_in_its_outline(site: Path) -> None:
    pdf = site / PDF_NAME
    assert pdf.is_file() and pdf.stat().st_size > 100_000
    reader = PdfReader(pdf)
    assert len(reader.pages) > 50
    titles = outline_titles(reader.outline)
    for step in range(1, 9):
        assert any(title.startswith(f"Stap {step}:") for title in titles), (step, titles[:40])
    assert "Inhoud" in titles  # the table of contents


def test_the_start_page_links_the_pdf(site: Path) -> None:
    assert f'href="{PDF_NAME}" download' in (site / "index.html").read_text(encoding="utf-8")


def test_the_pdf_speaks_dutch_with_one_page_number_per_page(site: Path) -> None:
    reader = PdfReader(site / PDF_NAME)
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


def test_the_print_page_holds_every_printed_page_once_with_working_links(site: Path) -> None:
    """One section per page of the nav (calculators, the tips overview and the contributors' pages left out), no
    `heading-number` (mkdocs-print-site-plugin's invalid attribute), and every link inside it to an anchor there."""
    text = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="hb-print-page" id="([^"]+)"', text)
    assert len(sections) == len(set(sections)) >= 45
    config = load_site_config(ROOT, site_content(ROOT))  # the nav with a fork's own pages
    exclude = config.extra["print_page"]["exclude"]  # mkdocs.yml: calculators, overviews, contributors' pages
    assert {"rekenhulpen/*", "bijdragen/*", "tips/index.md"} <= set(exclude)
    expected = [item.path for top in config.nav_items for item in top.pages()
                if not any(fnmatch.fnmatch(item.path, pattern) for pattern in exclude)]
    assert len(sections) == len(expected)
    assert "stappen-stap-5-matching" in sections and "rekenhulpen-kosten" not in sections
    assert "heading-number" not in text and "print-site" not in text
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    article = text.split('<div id="hb-print" class="hb-print">', 1)[1]
    anchors = re.findall(r'href="#([^"]+)"', article)
    assert len(anchors) > 300 and [a for a in anchors if a not in ids] == []
    assert 'href="#over-voorwoord"' in article  # the start page's link to the foreword, now to its section
