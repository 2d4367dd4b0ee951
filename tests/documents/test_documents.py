"""The document sources and their filling: plain Python, no MkDocs build."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from calculators import Parameters
from calculators._format import format_value
from handbook_build.documents import DocumentError, check_region_fields, load_documents, render_document_markdown
from handbook_build.documents.fields import FIELD
from handbook_build.documents.model import Document
from handbook_build.documents.render import docx_href, filled_markdown, render_document_block, rewrite_links
from handbook_build.documents.steps import load_step_resources, render_step_resources
from tests.conftest import ROOT

DOCUMENTS = load_documents(ROOT)
# The bijlagen that are complete documents.
REQUIRED = {"1A", "2A", "2B", "2C", "2D", "2F", "3A", "4A", "4B", "5A", "5B", "5C", "5E", "5G", "5I", "6B", "6C",
            "6G", "7A", "8A"}
ON = dt.date(2026, 12, 1)


def test_every_required_bijlage_is_a_document() -> None:
    assert {document.bijlage for document in DOCUMENTS.values()} >= REQUIRED


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_each_document_is_shown_on_its_bijlage_page(doc_id: str) -> None:
    document = DOCUMENTS[doc_id]
    page = ROOT / "docs" / document.page
    assert page.exists(), document.page
    assert f'{{{{ document("{doc_id}") }}}}' in page.read_text(encoding="utf-8")
    assert document.bijlage in page.read_text(encoding="utf-8").split("\n# ", 1)[1].splitlines()[0]


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_national_version_leaves_visible_placeholders_and_no_field_syntax(doc_id: str, national_bundle: dict) -> None:
    markdown = render_document_markdown(doc_id, national_bundle, on=ON)
    assert "⟦" not in markdown and "⟧" not in markdown and "{{" not in markdown
    if "region." in DOCUMENTS[doc_id].body:
        assert re.search(r"\[(regio|naam school|namen van de samenwerkende partijen|organisatie van de "
                         r"projectcoördinator)\]", markdown)
    assert "Nederland" not in markdown  # the national version names no region in the letters themselves


def test_a_region_fills_its_name_organisations_and_school(example_bundle: dict) -> None:
    letters = render_document_markdown("5b-brieven-na-de-match", example_bundle, on=ON)
    assert "ROC Voorbeeld, School voor Gezondheidszorg" in letters
    assert ("Namens Huisartsenkring Voorbeeldregio, Zorggroep Voorbeeld en Werkgeversservicepunt Voorbeeldregio"
            in letters)
    assert "[naam school]" not in letters and "[naam kandidaat]" in letters  # the user's fields stay visible
    call = render_document_markdown("2d-oproep-kandidaten", example_bundle, on=ON)
    assert "Word doktersassistent in Voorbeeldregio!" in call


def test_figures_come_from_the_data_with_their_source(national_bundle: dict) -> None:
    markdown = render_document_markdown("5a-matchingslijst", national_bundle, on=ON)
    assert "hooguit 12 km tot de praktijk" in markdown
    assert "## Bronnen van de cijfers" in markdown
    assert re.search(r"- Maximale reisafstand woon-werk: 12 km\. Bron: <https?://[^>]+> \(peildatum \d+ \w+ \d{4}\)",
                     markdown)


def test_a_region_file_without_a_needed_field_names_file_key_and_documents(example_bundle: dict) -> None:
    del example_bundle["region"]["name"]
    with pytest.raises(DocumentError) as error:
        check_region_fields(DOCUMENTS.values(), example_bundle)
    message = str(error.value)
    assert message.startswith("data/region.yaml: sleutel 'name' ontbreekt of is leeg")
    assert "2D (2d-oproep-kandidaten)" in message and "8A (8a-balkenplanning)" in message
    with pytest.raises(DocumentError, match="data/region.yaml: sleutel 'name'"):
        render_document_markdown("2d-oproep-kandidaten", example_bundle, on=ON)


def test_unknown_fields_and_parameters_fail_naming_the_file(national_bundle: dict, tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    source = tmp_path / "documents" / "8z-test.md"
    for field, reason in (("⟦region.phone⟧", "sleutel 'phone'"), ("⟦param:no.such.key⟧", "onbekende parameter"),
                          ("⟦price⟧", "onbekend veld")):
        source.write_text(f"---\nid: 8z-test\ntitle: T\nbijlage: 8Z\npage: x.md\nkind: brief\n---\n\n{field}\n",
                          encoding="utf-8")
        with pytest.raises(DocumentError, match=reason):
            render_document_markdown("8z-test", national_bundle, on=ON, project_dir=tmp_path)


def test_page_links_are_relative_on_the_page_and_absolute_in_word() -> None:
    text = "Zie [de planner](rekenhulpen/planning.md#fasen) en [stap 6](stappen/stap-6-regelzaken.md)."
    assert rewrite_links(text, from_page="bijlagen/stap-8/a-voorbeeld-balkenplanning.md") == (
        "Zie [de planner](../../rekenhulpen/planning.md#fasen) en [stap 6](../../stappen/stap-6-regelzaken.md).")
    assert rewrite_links(text, site_url="https://example.org/hb/") == (
        "Zie [de planner](https://example.org/hb/rekenhulpen/planning/#fasen) en "
        "[stap 6](https://example.org/hb/stappen/stap-6-regelzaken/).")


def test_the_bijlage_block_has_a_download_link_and_a_frame(national_bundle: dict) -> None:
    document = DOCUMENTS["6g-financieel-overzicht"]
    block = render_document_block(document.id, national_bundle, document.page, on=ON)
    assert '<a class="md-button" href="../../../documenten/6g-financieel-overzicht.docx" download>' in block
    assert '<div class="hb-document" markdown data-document="6g-financieel-overzicht">' in block
    assert "[kostenrekenhulp](../../rekenhulpen/kosten.md)" in block
    assert docx_href(document, "stappen/stap-6-regelzaken.md") == "../../documenten/6g-financieel-overzicht.docx"


def test_every_document_is_listed_on_a_step_and_steps_link_their_calculators() -> None:
    resources = load_step_resources(ROOT)
    assert sorted(resources) == list(range(1, 9))
    listed = {document.id for step in resources.values() for document in step.documents}
    assert listed == set(DOCUMENTS)
    assert [step for step, r in resources.items() if not r.documents] == []  # every step has a ready document
    assert [d.id for d in resources[1].documents] == ["1a-introductiepresentatie"]
    assert {d.bijlage for d in resources[7].documents} == {"7A"} and len(resources[7].documents) == 4
    assert "7a-vacaturetekst-leerwerkplek" in [d.id for d in resources[2].documents]  # step 2 promises one
    calculators = {step: [c.key for c in r.calculators] for step, r in resources.items()}
    assert "matching" in calculators[5] and calculators[6] == ["kosten"] and calculators[8] == ["planning"]


def test_step_section_lists_documents_calculator_and_tips_once() -> None:
    tips = "## Tips uit de regio {#tips-uit-de-regio}\n\nEr zijn nog geen tips.\n"
    markdown = render_step_resources(6, tips, "stappen/stap-6-regelzaken.md", ROOT)
    assert markdown.startswith("## Wat je bij deze stap gebruikt")
    assert "- [6C Wat het BBL-contract moet bevatten](../bijlagen/stap-6/c-model-bbl-contract.md)" \
        in markdown
    assert '<a href="../../documenten/6c-bbl-contract.docx" download>' in markdown
    assert "- [Kosten en subsidies](../rekenhulpen/kosten.md)" in markdown
    assert "### Tips uit de regio {#tips-uit-de-regio}" in markdown and "\n## Tips" not in markdown


def test_step_pages_use_the_generated_section_and_say_nothing_is_still_coming() -> None:
    for page in sorted((ROOT / "docs" / "stappen").glob("stap-*.md")):
        text = page.read_text(encoding="utf-8")
        step = int(page.name.split("-")[1])
        assert text.count(f"{{{{ step_resources({step}) }}}}") == 1, page.name
        assert "step_tips(" not in text
    for page in [*(ROOT / "docs").rglob("*.md")]:
        text = page.read_text(encoding="utf-8").lower()
        assert "rekenhulpen volgen" not in text and "komt een kostenrekenhulp" not in text, page


def test_agreements_state_the_probation_rules_and_that_official_models_lead() -> None:
    for doc_id in ("6b-bvp-overeenkomst", "6b-bvp-checklist", "6c-bbl-contract", "6c-bbl-checklist"):
        body = DOCUMENTS[doc_id].body
        assert "Geen juridisch advies" in body, doc_id
        assert "art. 7:652 lid 8" in body, doc_id
    for doc_id in ("6b-bvp-checklist", "6c-bbl-checklist"):  # the checklists keep pointing at the models that lead
        body = DOCUMENTS[doc_id].body
        assert "https://www.lhv.nl/product/cao-huisartsenzorg" in body and "s-bb.nl" in body
    assert "hooguit ⟦param:training.bbl.max_probation_months_no_calendar_end⟧ (art. 7:652 lid 6 BW)" in \
        DOCUMENTS["6c-bbl-checklist"].body


def test_no_person_contact_details_in_documents() -> None:
    for document in DOCUMENTS.values():
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", document.body), document.id
        assert not re.search(r"\b0\d{1,3}[- ]?\d{6,8}\b", document.body), document.id


def test_field_syntax_is_distinct_from_jinja_and_user_placeholders() -> None:
    assert FIELD.findall("⟦region.name⟧ [naam praktijk] {{ x }}") == ["region.name"]
    assert isinstance(next(iter(DOCUMENTS.values())), Document)


def test_no_money_or_percentages_typed_into_documents() -> None:
    """Amounts and rates come from data/ through ⟦param:…⟧, with their source, never typed into a document."""
    from tests.data.test_no_literal_numbers import MONEY_OR_PERCENT

    offenders = [f"{document.id}: {line.strip()}" for document in DOCUMENTS.values()
                 for line in document.body.splitlines() if MONEY_OR_PERCENT.search(line)]
    assert offenders == []


def test_a_document_for_outside_readers_keeps_its_sources_on_the_page_only(national_bundle: dict) -> None:
    post = DOCUMENTS["7a-persbericht"]
    assert not post.sources_in_word and DOCUMENTS["5a-matchingslijst"].sources_in_word
    page = render_document_block(post.id, national_bundle, post.page, on=ON)
    assert "## Bronnen van de cijfers" in page and "Duur beroepsvoorbereidende periode (BVP): 6 weken" in page
    assert ">Download 7A Persbericht bij de start van het project als Word-bestand (.docx)</a>" in page  # 4 on one page
    word = filled_markdown(post, national_bundle, ON, for_word=True)
    assert "Bronnen van de cijfers" not in word and "6 weken les op school" in word
    checklist = filled_markdown(DOCUMENTS["5a-matchingslijst"], national_bundle, ON, for_word=True)
    assert "## Bronnen van de cijfers" in checklist  # the default: the Word file keeps them
    outside = {doc_id for doc_id, document in DOCUMENTS.items() if not document.sources_in_word}
    assert {"2a-brief-en-enquete-huisartsen", "2d-oproep-kandidaten", "7a-persbericht",
            "7a-berichten-sociale-media"} <= outside


def test_front_matter_options_are_checked(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    source = tmp_path / "documents" / "8z-test.md"
    head = "---\nid: 8z-test\ntitle: T\nbijlage: 8Z\npage: x.md\nkind: brief\n"
    for option, reason in (("sources: nergens", "sources 'nergens' is onbekend"),
                           ("presentation: ja graag", "presentation moet true of false zijn")):
        source.write_text(f"{head}{option}\n---\n\nTekst\n", encoding="utf-8")
        with pytest.raises(DocumentError, match=reason):
            load_documents(tmp_path)
    source.write_text(f"{head}sources: page\npresentation: true\n---\n\nTekst\n", encoding="utf-8")
    document = load_documents(tmp_path)["8z-test"]
    assert (document.sources_in_word, document.presentation, document.pptx_name) == (False, True, "8z-test.pptx")


def test_facts_and_bare_numbers_are_fields_with_their_source(national_bundle: dict, tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    source = tmp_path / "documents" / "8z-test.md"
    head = "---\nid: 8z-test\ntitle: T\nbijlage: 8Z\npage: x.md\nkind: brief\n---\n\n"
    source.write_text(head + "Van ⟦fact:labour_market.pilot_applicants⟧ gegadigden; "
                      "⟦param:training.bbl.practice_days_per_week_min|bare⟧ tot "
                      "⟦param:training.bbl.practice_days_per_week_max⟧.\n", encoding="utf-8")
    markdown = render_document_markdown("8z-test", national_bundle, on=ON, project_dir=tmp_path)
    fact = national_bundle["facts"]["labour_market"]["facts"]["pilot_applicants"]
    assert markdown.startswith(f"Van {fact['value']} gegadigden; 3 tot 4 dagen.")
    assert f"- {fact['label']} ({fact['year']}): {fact['value']}. Bron: <{fact['source']}>" in markdown
    assert "(ondergrens): 3 dagen. Bron:" in markdown  # the source list keeps the unit of a bare number
    for field, reason in (("⟦fact:labour_market.bestaat_niet⟧", "onbekend feit"),
                          ("⟦param:training.bbl.bvp_weeks|rond⟧", "onbekende optie 'rond'"),
                          ("⟦param:planning.phases|bare⟧", "alleen bij een getal")):
        source.write_text(head + field + "\n", encoding="utf-8")
        with pytest.raises(DocumentError, match=reason):
            render_document_markdown("8z-test", national_bundle, on=ON, project_dir=tmp_path)


def test_the_survey_has_a_privacy_notice_and_asks_days_places_and_sharing(example_bundle: dict) -> None:
    survey = render_document_markdown("2a-brief-en-enquete-huisartsen", example_bundle, on=ON)
    notice = survey.split("## Privacyverklaring bij de vragenlijst", 1)[1].split("\n## ", 1)[0]
    for part in ("artikel 13 van de AVG", "artikel 6, lid 1, onder a", "toestemming", "[bewaartermijn]",
                 "Wie ziet uw antwoorden?", "Autoriteit Persoonsgegevens", "inzien, laten verbeteren of laten "
                 "verwijderen", "Huisartsenkring Voorbeeldregio voert de vragenlijst uit"):
        assert part in notice, part
    assert "eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679" in notice
    questions = survey.split("## Vragenlijst voor huisartsenpraktijken", 1)[1]
    assert "Hoeveel leerwerkplekken kunt u bieden?" in questions
    assert "Op welke dagen zijn er een werkplek en een praktijkopleider" in questions
    assert "delen met een praktijk uit uw\n   hagro" in questions
    assert re.search(r"^18\. Ik heb de privacyverklaring gelezen en geef toestemming", questions, re.M)


def test_the_start_checklist_names_the_employer_registrations(national_bundle: dict) -> None:
    checklist = render_document_markdown("5e-checklist-papierwerk", national_bundle, on=ON)
    section = checklist.split("## Aanmeldingen als werkgever", 1)[1].split("\n## ", 1)[0]
    assert "loonheffingennummer" in section and "belastingdienst.nl" in section
    assert "PFZW" in section and "identiteitsbewijs" in section and "arbodienst" in section
    months = Parameters(national_bundle).get("schemes.uwv_loonkostenvoordeel.application_months")
    due = format_value(months.unit, months.entry_on(ON).value)
    assert f"binnen {due} na de start van het dienstverband een doelgroepverklaring" in section
    assert "de eerste 6 weken" in checklist  # the BVP's length from data, not typed


OWN = ("1a-introductiepresentatie", "2a-brief-en-enquete-huisartsen", "5e-checklist-papierwerk", "7a-persbericht",
       "7a-berichten-sociale-media", "7a-vacaturetekst-leerwerkplek", "7a-veelgestelde-vragen-kandidaten")


@pytest.mark.parametrize("doc_id", OWN)
def test_no_counts_or_durations_typed_into_these_documents(doc_id: str) -> None:
    """Like the pages (tests/data/test_no_literal_counts.py): durations and counts come through ⟦param:…⟧."""
    from tests.data.test_no_literal_counts import COUNT_OR_DURATION

    body = DOCUMENTS[doc_id].body
    assert [line.strip() for line in body.splitlines() if COUNT_OR_DURATION.search(line)] == []
