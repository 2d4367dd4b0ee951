"""The draft agreements of bijlage 6B and 6C: numbered articles with their legal basis, marked as a draft, the
probation rule of the law, and letter 2 of 5B that no longer has a candidate resign before the BVP is paid for."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from calculators import Parameters
from calculators._format import format_value
from handbook_build.documents import load_documents, render_document_markdown, write_docx_files
from handbook_build.documents.steps import load_step_resources
from tests.conftest import ROOT
from tests.data.test_no_literal_counts import COUNT_OR_DURATION

DOCUMENTS = load_documents(ROOT)
ON = dt.date(2026, 12, 1)
DRAFTS = ("6b-bvp-overeenkomst", "6c-bbl-contract")
CHECKLISTS = ("6b-bvp-checklist", "6c-bbl-checklist")
ARTICLE = re.compile(r"^## Artikel (\d+) (.+)$", re.M)
# A legal basis: an article of a Dutch law ("art. 7:652 lid 6 BW", "art. 7.2.8 WEB", "art. 24 WW"), of the AVG,
# or a provision of the cao Huisartsenzorg.
BASIS = re.compile(r"art\. (?:\d+:\d+[a-z]?|\d+\.\d+\.\d+|\d+)(?: lid \d+)?[^;]*? (?:BW|WEB|WW|WML|AVG|Wet CAO)\b"
                   r"|cao Huisartsenzorg, ")


def articles(markdown: str) -> list[tuple[int, str, str]]:
    """(number, title, text) of every '## Artikel N' section, up to the next level-2 heading."""
    found = []
    for match in ARTICLE.finditer(markdown):
        rest = markdown[match.end():]
        end = re.search(r"^## ", rest, re.M)
        found.append((int(match.group(1)), match.group(2), rest[: end.start() if end else len(rest)]))
    return found


def param_text(bundle: dict, key: str) -> str:
    parameter = Parameters(bundle).get(key)
    return format_value(parameter.unit, parameter.entry_on(ON).value)


@pytest.mark.parametrize("doc_id", DRAFTS)
def test_a_draft_has_numbered_articles_each_with_its_legal_basis(doc_id: str, national_bundle: dict) -> None:
    found = articles(render_document_markdown(doc_id, national_bundle, on=ON))
    assert [number for number, _, _ in found] == list(range(1, len(found) + 1))
    assert len(found) >= 9
    for number, title, text in found:
        grounds = [line for line in text.split("\n\n") if line.startswith("**Grondslag:**")]
        assert len(grounds) == 1, f"artikel {number} {title}: one Grondslag paragraph"
        assert BASIS.search(grounds[0]), f"artikel {number} {title}: no law article or cao provision"
        # Every sub-clause is numbered after its article: 4.1, 4.2, ...
        clauses = re.findall(r"(?<![\d.])(\d+)\.(\d+) [A-Z]", text)
        assert clauses and {int(article) for article, _ in clauses} == {number}, f"artikel {number}"


@pytest.mark.parametrize("doc_id", DRAFTS)
def test_a_draft_is_marked_as_a_concept_to_have_checked_and_not_as_legal_advice(doc_id: str) -> None:
    body = DOCUMENTS[doc_id].body
    assert body.startswith('!!! danger "Concept — laat juridisch toetsen"\n')
    assert '!!! warning "Geen juridisch advies"' in body
    assert "## Zo gebruik je " in body and "**Keuze A**" in body and "**Grondslag:**" in body


@pytest.mark.parametrize("doc_id", DRAFTS)
def test_every_choice_offers_an_alternative(doc_id: str, national_bundle: dict) -> None:
    for number, title, text in articles(render_document_markdown(doc_id, national_bundle, on=ON)):
        letters = re.findall(r"\*\*(?:Bij Keuze A van artikel 3, )?Keuze ([A-C])\b", text)
        if letters:
            assert "A" in letters and "B" in letters, f"artikel {number} {title}: {letters}"


def test_probation_article_states_the_one_month_rule_without_a_calendar_date(national_bundle: dict) -> None:
    # The law (art. 7:652 lid 6 BW) allows one month; the data says so, and the article shows the data.
    assert Parameters(national_bundle).get("training.bbl.max_probation_months_no_calendar_end").entry_on(ON).value == 1
    month = param_text(national_bundle, "training.bbl.max_probation_months_no_calendar_end")
    assert month == "1 maand"
    markdown = render_document_markdown("6c-bbl-contract", national_bundle, on=ON)
    probation = next(text for _, title, text in articles(markdown) if title == "Proeftijd")
    rule = next(item for item in probation.split("\n- ") if "niet op een kalenderdatum" in item)
    assert f"hooguit {month}" in rule and "(art. 7:652 lid 6 BW)" in rule
    # Only a cao may deviate, and only from lid 5 onder a and lid 6; never beyond two months.
    cao = next(item for item in probation.split("\n- ") if "Alleen een cao mag afwijken" in item)
    cao_text = " ".join(cao.split())
    assert "afwijken van lid 5 onder a en lid 6" in cao_text and "art. 7:652 lid 7" in cao_text
    assert f"meer dan {param_text(national_bundle, 'training.bbl.max_probation_months_any_contract')} nietig" in \
        " ".join(cao.split())
    assert "art. 7:652 lid 8 onder d BW" in " ".join(probation.split())


def test_the_bvp_draft_is_no_employment_contract_and_says_what_the_candidate_lives_on(national_bundle: dict) -> None:
    markdown = render_document_markdown("6b-bvp-overeenkomst", national_bundle, on=ON)
    income = " ".join(next(text for _, title, text in articles(markdown) if title.startswith("Inkomen")).split())
    markdown = " ".join(markdown.split())
    assert "Deze overeenkomst is geen arbeidsovereenkomst." in markdown
    assert "Keuze A – route UWV" in income and "Keuze B – route SSFH, met een vergoeding" in income
    assert "Keuze C – route SSFH, zonder vergoeding" in income and "schriftelijk" in income
    assert "vaak al vanaf de eerste dag in dienst" not in markdown  # the old, unsourced claim is gone


def test_letter_2_no_longer_has_the_candidate_resign_before_the_bvp_is_covered(national_bundle: dict) -> None:
    letters = render_document_markdown("5b-brieven-na-de-match", national_bundle, on=ON)
    letter = letters.split("## Brief 2:", 1)[1].split("## Brief 3:", 1)[0]
    flat = " ".join(letter.split())
    assert "Het opzeggen van je huidige baan" not in flat
    assert "Zeg je huidige baan nog niet op. Doe dat pas als je beide overeenkomsten hebt getekend en weet wat je " \
           "in de BVP aan inkomen hebt." in flat
    assert flat.index("nog niet op") < flat.index("opzegtermijn")
    assert "In de BVP ben je nog niet in dienst en krijg je van de praktijk geen salaris." in flat
    assert "geen recht op een WW-uitkering" in flat


@pytest.mark.parametrize("doc_id", DRAFTS + CHECKLISTS)
def test_no_count_or_duration_is_typed_into_the_agreements(doc_id: str) -> None:
    lines = [line for line in DOCUMENTS[doc_id].body.splitlines() if COUNT_OR_DURATION.search(line)]
    assert lines == []


def test_the_checklists_stay_beside_the_drafts_on_the_bijlage_pages_and_in_step_6() -> None:
    for draft, checklist in zip(DRAFTS, CHECKLISTS, strict=True):
        assert DOCUMENTS[draft].page == DOCUMENTS[checklist].page
        assert DOCUMENTS[draft].bijlage == DOCUMENTS[checklist].bijlage
        page = (ROOT / "docs" / DOCUMENTS[draft].page).read_text(encoding="utf-8")
        assert page.index(f'document("{draft}")') < page.index(f'document("{checklist}")')
    step = [document.id for document in load_step_resources(ROOT)[6].documents]
    assert set(DRAFTS + CHECKLISTS) <= set(step)


def test_a_region_gets_its_school_and_project_in_the_drafts(example_bundle: dict) -> None:
    for doc_id in DRAFTS:
        markdown = render_document_markdown(doc_id, example_bundle, on=ON)
        assert "ROC Voorbeeld, School voor Gezondheidszorg" in markdown
        assert "zij-instroomproject van Huisartsenkring Voorbeeldregio in Voorbeeldregio" in " ".join(markdown.split())
        assert "[naam school]" not in markdown and "[naam praktijk]" in markdown


def test_the_word_drafts_keep_the_concept_mark_the_choices_and_every_basis(tmp_path: Path,
                                                                          national_bundle: dict) -> None:
    write_docx_files(tmp_path, national_bundle, "2026.1", ON)
    for doc_id in DRAFTS:
        document = docx.Document(str(tmp_path / "documenten" / f"{doc_id}.docx"))
        paragraphs = list(document.paragraphs)
        title = next(p for p in paragraphs if p.text == "Concept — laat juridisch toetsen")
        assert title.runs[0].bold
        headings = [p.text for p in paragraphs if p.style.name == "Heading 1" and p.text.startswith("Artikel ")]
        grounds = [p for p in paragraphs if p.text.startswith("Grondslag: ")]
        assert len(grounds) == len(headings) >= 9
        assert all(p.runs[0].bold for p in grounds)
        assert any(p.text.startswith("Keuze A") and p.runs[0].bold for p in paragraphs)
        assert "https://wetten.overheid.nl/jci1.3:c:BWBR0005290&boek=7&artikel=652" in \
            "\n".join(p.text for p in paragraphs)


def test_the_bijlage_pages_show_both_documents_with_their_downloads(national_site: Path) -> None:
    for page, ids in (("bijlagen/stap-6/b-bvp-overeenkomst", ("6b-bvp-overeenkomst", "6b-bvp-checklist")),
                      ("bijlagen/stap-6/c-model-bbl-contract", ("6c-bbl-contract", "6c-bbl-checklist"))):
        html = (national_site / page / "index.html").read_text(encoding="utf-8")
        for doc_id in ids:
            assert f'data-document="{doc_id}"' in html
            href = re.search(rf'href="([^"]*{doc_id}\.docx)" download>Download', html).group(1)
            assert (national_site / page / href).resolve().exists()
    html = (national_site / "bijlagen/stap-6/c-model-bbl-contract/index.html").read_text(encoding="utf-8")
    assert "Concept — laat juridisch toetsen" in html and "art. 7:652 lid 6 BW" in html
