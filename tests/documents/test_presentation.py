"""Bijlage 1A as PowerPoint: slides from the document's sections, the region and current figures filled in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pptx
import pytest

from calculators import Parameters
from calculators._format import format_value, number
from handbook_build.documents import DocumentError, load_documents, write_pptx_files
from handbook_build.documents.pptx_writer import Line, deck_from_markdown
from tests.conftest import ROOT

ON = dt.date(2026, 12, 1)
DECK = "1a-introductiepresentatie"


def slide_texts(path: Path) -> list[tuple[str, str, str]]:
    """(title, body text, notes) per slide; the title slide's body is its subtitle."""
    slides = []
    for slide in pptx.Presentation(str(path)).slides:
        title = slide.shapes.title.text_frame.text
        body = "\n".join(shape.text_frame.text for shape in slide.placeholders if shape.placeholder_format.idx == 1)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append((title, body, notes))
    return slides


def expected_titles() -> list[str]:
    body = load_documents(ROOT)[DECK].body
    return re.findall(r"^## (.+)$", body, re.M)


@pytest.fixture
def example_deck(tmp_path: Path, example_bundle: dict) -> Path:
    written = write_pptx_files(tmp_path, example_bundle, "2026.1", ON)
    assert [path.name for path in written] == [f"{DECK}.pptx"]  # only documents with `presentation: true`
    return written[0]


def test_the_presentation_has_a_slide_per_section_with_region_and_current_figures(
        example_deck: Path, example_bundle: dict) -> None:
    slides = slide_texts(example_deck)
    titles = [title for title, _, _ in slides]
    region = example_bundle["region"]["name"]
    assert titles[0] == f"Zij-instromers opleiden tot doktersassistent in {region}"
    sections = [title.replace("⟦region.name⟧", region) for title in expected_titles()]
    assert [t for t in titles[1:] if not t.startswith("Bronnen van de cijfers")] == sections
    assert titles[-1].startswith("Bronnen van de cijfers")  # the sources of the figures close the deck
    text = "\n".join(f"{title}\n{body}" for title, body, _ in slides)
    # Figures as the data has them on the build date: a parameter and a fact.
    parameters = Parameters(example_bundle)
    weeks = parameters.get("training.bbl.bvp_weeks")
    assert f"(BVP) van {format_value(weeks.unit, weeks.entry_on(ON).value)}" in text
    shortage = example_bundle["facts"]["labour_market"]["facts"]["abf_shortage_gp_branch_2032"]["value"]
    assert f"oplopend naar {number(shortage)} in 2032" in text
    assert "Projectleiding: Huisartsenkring Voorbeeldregio" in text
    assert "Opleiding op maat: ROC Voorbeeld, School voor Gezondheidszorg" in text
    assert "⟦" not in text and "{{" not in text
    problem = next(slide for slide in slides if slide[0].startswith("Het probleem"))
    assert "Vertel wat huisartsen in de regio merken" in problem[2]  # the paragraphs are the speaker's notes
    assert "Vertel wat" not in problem[1]
    steps = next(body for title, body, _ in slides if title == "Het project in acht stappen")
    assert steps.splitlines()[0] == "1. Interesse peilen bij regionale partijen" and "8. Planning" in steps


def test_the_file_is_a_dutch_widescreen_deck_with_fixed_dates(example_deck: Path, tmp_path: Path,
                                                             example_bundle: dict) -> None:
    deck = pptx.Presentation(str(example_deck))
    assert (deck.slide_width, deck.slide_height) == (pptx.util.Inches(13.333), pptx.util.Inches(7.5))
    properties = deck.core_properties
    assert properties.title == "1A Introductiepresentatie voor regionale partners"
    assert properties.language == "nl-NL"
    assert properties.created == properties.modified == dt.datetime(2026, 12, 1)
    footer = [shape.text_frame.text for shape in deck.slides[1].shapes if not shape.is_placeholder]
    assert footer == ["1A Introductiepresentatie voor regionale partners · Handboek zij-instroom doktersassistent · "
                      f"regio Voorbeeldregio · versie 2026.1 · 1 december 2026 · dia 2 van {len(deck.slides)}"]
    again = write_pptx_files(tmp_path / "again", example_bundle, "2026.1", ON)[0]
    assert again.read_bytes() == example_deck.read_bytes()  # the same text gives the same bytes


def test_the_national_deck_shows_placeholders_for_the_region(tmp_path: Path, national_bundle: dict) -> None:
    slides = slide_texts(write_pptx_files(tmp_path, national_bundle, "2026.1", ON)[0])
    assert slides[0][0] == "Zij-instromers opleiden tot doktersassistent in [regio]"
    assert "Een voorstel van [namen van de samenwerkende partijen]" in slides[0][1]
    text = "\n".join(body for _, body, _ in slides)
    assert "Projectleiding: [organisatie van de projectcoördinator]" in text and "Nederland" not in text


def test_slides_keep_numbers_levels_and_continue_long_lists() -> None:
    items = "\n".join(f"- punt {n}" for n in range(1, 11))
    deck = deck_from_markdown(f"**Titel**\n\nOndertitel\n\n## Lijst\n\n{items}\n\nWat je zegt.\n\n"
                              "## Stappen\n\n1. een\n2. twee\n    - erin\n")
    assert (deck.title, deck.subtitle) == ("Titel", "Ondertitel")
    assert [slide.title for slide in deck.slides] == ["Lijst", "Lijst (vervolg)", "Stappen"]
    assert len(deck.slides[0].lines) == 8 and deck.slides[1].lines[-1].text == "punt 10"
    assert deck.slides[0].notes == "Wat je zegt." and deck.slides[1].notes == ""
    assert deck.slides[2].lines == (Line("1. een", 0, True), Line("2. twee", 0, True), Line("erin", 1, False))


def test_a_presentation_without_a_title_slide_fails_naming_the_file(tmp_path: Path, national_bundle: dict) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "1z-dia.md").write_text(
        "---\nid: 1z-dia\ntitle: Dia\nbijlage: 1Z\npage: x.md\nkind: presentatie\npresentation: true\n---\n\n"
        "## Alleen een dia\n\n- punt\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"1z-dia\.md: een presentatie heeft tekst vóór de eerste"):
        write_pptx_files(tmp_path / "site", national_bundle, "2026.1", ON, project_dir=tmp_path)
