"""Personal documents: the build's Word templates and the standard-library filler, in CPython (no MkDocs build)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pytest

from calculators import _browser
from calculators._docx import DOCUMENT_XML, TEMPLATE_DIR, Filling, TemplateError, fill_xml, template_path
from calculators._registry import embed, evaluate, get
from calculators.matching.export import LETTER_TEMPLATES
from calculators.planning.exports import DOCUMENTS
from handbook_build.documents import TEMPLATES, DocumentError, load_documents, write_personal_templates
from handbook_build.documents.personal import template_markdown
from tests.conftest import ROOT
from tests.regions import region_of

ON = dt.date(2026, 12, 1)
TOKEN_IN_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
TOKEN = re.compile(r"\{\{hb:[a-z0-9.-]+\}\}")
LETTER_INPUT = {"a_route": "uwv", "letter_candidate_a": "Fatima el Amrani & Zn <test>",
                "letter_practice_name": "Huisartsenpraktijk De Linde", "letter_practice_place": "Zeist",
                "letter_gp_name": "dokter Jansen", "letter_bvp_start": "2027-02-01"}


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory, national_bundle: dict) -> Path:
    site = tmp_path_factory.mktemp("site")
    write_personal_templates(site, national_bundle, "2026.1", ON)
    return site


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def make(bundle: dict, templates: Path, name: str, key: str, template: str, raw: dict) -> dict:
    return _browser.make_document(name, bundle, raw, key, (templates / template_path(template)).read_bytes())


def test_every_template_a_calculator_names_is_built_and_each_token_sits_in_one_text_run(templates: Path) -> None:
    named = {template for template, _ in DOCUMENTS.values()} | set(LETTER_TEMPLATES.values())
    assert named == {spec.name for spec in TEMPLATES}
    for spec in TEMPLATES:
        xml = zipfile.ZipFile(templates / TEMPLATE_DIR / spec.file_name).read(DOCUMENT_XML).decode()
        in_runs = [token for text in TOKEN_IN_TEXT.findall(xml) for token in TOKEN.findall(text)]
        assert in_runs and sorted(in_runs) == sorted(TOKEN.findall(xml)), spec.name
        assert "⟦" not in xml and "{{ " not in xml


def test_bar_planning_holds_the_dates_of_the_plan_as_the_page_shows_them(national_bundle: dict,
                                                                          templates: Path) -> None:
    raw = {"mode": "achteruit", "bvp_start": "2027-09-06"}
    plan = evaluate(get("planning"), national_bundle, raw)["result"]
    outcome = make(national_bundle, templates, "planning", "8a-balkenplanning", "8a-balkenplanning", raw)
    assert outcome["status"] == "file" and outcome["name"] == "8a-balkenplanning-2027-09-06.docx"
    document = docx.Document(io.BytesIO(outcome["content"]))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Onderdeel", "Soort", "Begin", "Einde", "Weken"]
    assert len(rows) == 1 + len(plan.items)
    bvp = rows[[item.key for item in plan.items].index("bvp") + 1]
    assert bvp[:3] == ["BVP: beroepsvoorbereidende periode op school", "fase", "6 sep 2027"]
    text = text_of(outcome["content"])
    assert "Start van de opleiding (BVP): 6 september 2027" in text
    assert "{{hb:" not in text and "[startdatum BVP]" not in text
    ET.fromstring(zipfile.ZipFile(io.BytesIO(outcome["content"])).read(DOCUMENT_XML))  # well-formed XML


def test_reminders_carry_the_survey_and_recruitment_dates(national_bundle: dict, templates: Path) -> None:
    raw = {"mode": "achteruit", "bvp_start": "2027-09-06"}
    plan = evaluate(get("planning"), national_bundle, raw)["result"]
    survey = next(item for item in plan.items if item.key == "survey")
    gp = text_of(make(national_bundle, templates, "planning", "2c-herinnering-huisartsen",
                      "2c-herinnering-huisartsen", raw)["content"])
    assert f"Op {survey.start.day} " in gp and "[datum eerste brief]" not in gp and "[sluitingsdatum]" not in gp
    candidates = text_of(make(national_bundle, templates, "planning", "2f-herinnering-kandidaten",
                              "2f-herinnering-kandidaten", raw)["content"])
    assert "Op 6 september 2027 begint" in candidates and ", [tijd]" in candidates


def test_letter_after_a_match_holds_the_typed_names_escaped(national_bundle: dict, templates: Path) -> None:
    outcome = make(national_bundle, templates, "matching", "5b-a", "5b-brieven-uwv", LETTER_INPUT)
    assert outcome["status"] == "file"
    assert outcome["name"] == "brieven-na-de-match-uwv-fatima-el-amrani-zn-test.docx"
    text = text_of(outcome["content"])
    assert "Beste Fatima el Amrani & Zn <test>," in text
    assert "jij en Huisartsenpraktijk De Linde in Zeist allebei" in text
    assert "Beste dokter Jansen," in text and "1 februari 2027" in text
    assert "Brief 1:" in text and "Brief 4:" in text and "Brief 2:" not in text
    assert "{{hb:" not in text


def test_empty_letter_fields_stay_visible_placeholders(national_bundle: dict, templates: Path) -> None:
    outcome = make(national_bundle, templates, "matching", "5b-a", "5b-brieven-ssfh", {"a_route": "ssfh"})
    text = text_of(outcome["content"])
    assert "Beste [naam kandidaat]," in text and "[startdatum BVP]" in text and "[datum eerste werkdag]" in text


@pytest.mark.parametrize(("field", "value", "message"), [
    ("letter_candidate_a", "Anna\tde Vries", "stuurtekens"),
    ("letter_practice_name", "Praktijk\x00", "stuurtekens"),
    ("letter_gp_name", "\ud800", "stuurtekens"),
    ("letter_practice_place", "x" * 101, "Maximaal 100 tekens; nu zijn het er 101."),
])
def test_input_that_would_break_the_file_gives_a_dutch_message_and_no_file(
    national_bundle: dict, templates: Path, field: str, value: str, message: str,
) -> None:
    outcome = make(national_bundle, templates, "matching", "5b-a", "5b-brieven-uwv", {**LETTER_INPUT, field: value})
    assert outcome["status"] == "invalid" and "content" not in outcome
    assert message in outcome["errors"][field]
    assert list(outcome["errors"]) == [field]


def test_the_letter_fields_are_one_line_and_never_in_the_shared_link(national_bundle: dict) -> None:
    html = embed("matching", national_bundle)
    assert '<input type="text" autocomplete="off" id="matching-letter_candidate_a"' in html
    assert 'name="letter_candidate_a"' in html and 'data-shareable="false"' in html


def test_no_filled_file_without_javascript_but_the_generic_bijlage(national_bundle: dict) -> None:
    html = evaluate(get("planning"), national_bundle, {})["html"]
    assert '<p class="hb-documents__buttons" data-document-buttons hidden><button' in html
    assert 'data-document="8a-balkenplanning" data-template="documenten/sjablonen/8a-balkenplanning.docx"' in html
    assert 'href="../../documenten/8a-balkenplanning.docx" download' in html


def test_filler_repeats_marked_rows_escapes_and_refuses_unknown_tokens() -> None:
    xml = ('<w:tbl><w:tr><w:tc><w:t>Kop</w:t></w:tc></w:tr><w:tr><w:tc><w:t>{{hb:row.a}}</w:t></w:tc></w:tr>'
           '</w:tbl><w:t>{{hb:x}}</w:t>')
    filled = fill_xml(xml, Filling({"x": " a&b "}, {"row": [{"a": "1<"}, {"a": "2"}]}))
    assert filled.count("<w:tr>") == 3 and "1&lt;" in filled and '<w:t xml:space="preserve"> a&amp;b </w:t>' in filled
    with pytest.raises(TemplateError, match="hb:x"):
        fill_xml(xml, Filling({}, {"row": []}))
    with pytest.raises(TemplateError, match="tabelrij"):
        fill_xml("<w:t>{{hb:x}}</w:t>", Filling({"x": ""}, {"row": []}))


def test_a_placeholder_gone_from_the_source_fails_the_build_naming_it(national_bundle: dict) -> None:
    spec = next(spec for spec in TEMPLATES if spec.name == "2c-herinnering-huisartsen")
    source = load_documents(ROOT)[spec.document]
    changed = dataclasses.replace(source, body=source.body.replace("[sluitingsdatum]", "[einddatum]"))
    with pytest.raises(DocumentError, match=r"2c-herinnering-huisartsen\.md: '\[sluitingsdatum\]'"):
        template_markdown(spec, changed, national_bundle, ON)


def test_the_built_site_ships_the_regions_templates_to_the_offline_cache(regional_project: Path,
                                                                        regional_site: Path) -> None:
    for spec in TEMPLATES:
        path = regional_site / spec.path
        xml = zipfile.ZipFile(path).read(DOCUMENT_XML).decode()
        assert "{{hb:" in xml and "⟦" not in xml, spec.name
    planning = docx.Document(str(regional_site / TEMPLATE_DIR / "8a-balkenplanning.docx"))
    assert f"doktersassistent in {region_of(regional_project)['name']}" in planning.paragraphs[1].text
    assert '"documenten/sjablonen/8a-balkenplanning.docx"' in (regional_site / "sw.js").read_text(encoding="utf-8")
