"""The document kit in the built site: Word files, startpakket, bijlage and step pages, and a regional fork."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pptx
import pytest

from handbook_build.documents import handbook_version, load_documents, load_step_resources
from handbook_build.documents.fields import region_value
from handbook_build.site import load_site_data
from tests.conftest import ROOT, build_site, copy_project
from tests.regions import make_national, region_of

DOCUMENTS = load_documents(ROOT)
TEMPLATE_SYNTAX = re.compile(r"⟦|⟧|\{\{|\{%|\}\}")


def docx_text(path: Path) -> tuple[docx.document.Document, str]:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.footer.paragraphs]
    return document, "\n".join(parts)


def check_word_files(site: Path, region_name: str) -> None:
    folder = site / "documenten"
    assert sorted(p.stem for p in folder.glob("*.docx")) == sorted(DOCUMENTS)
    for doc_id, source in DOCUMENTS.items():
        document, text = docx_text(folder / f"{doc_id}.docx")
        assert document.paragraphs[0].style.name == "Title", doc_id
        assert document.paragraphs[0].text == f"{source.bijlage} {source.title}"
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        expected = re.findall(r"^#{2,4} (.+)$", source.body, re.M)
        # A heading may hold a field (a press release's headline names the region): it matches any filled value.
        patterns = [re.compile(".+".join(re.escape(part) for part in re.split(r"⟦[^⟧]*⟧", heading)) + "$")
                    for heading in expected]
        missing = [p.pattern for p in patterns if not any(p.match(heading) for heading in headings)]
        assert missing == [], (doc_id, missing)
        assert region_name in text, doc_id
        assert not TEMPLATE_SYNTAX.search(text), (doc_id, TEMPLATE_SYNTAX.search(text))


def test_every_word_file_opens_with_title_headings_region_and_no_template_syntax(national_site: Path) -> None:
    check_word_files(national_site, "Nederland")


def test_the_fork_gets_its_own_letters(regional_project: Path, regional_site: Path) -> None:
    region = region_of(regional_project)
    check_word_files(regional_site, region["name"])
    _, letters = docx_text(regional_site / "documenten" / "5b-brieven-na-de-match.docx")
    if region.get("schools"):
        assert region["schools"][0]["name"] in letters
    if region.get("organisations"):
        assert f"Namens {region_value(region, 'organisations')}" in letters
    page = (regional_site / "bijlagen" / "stap-2" / "d-oproep-kandidaten" / "index.html").read_text(encoding="utf-8")
    assert f"Word doktersassistent in {region['name']}!" in page


def test_startpakket_holds_every_document_and_the_pdf(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / "documenten" / "startpakket.zip") as archive:
        names = set(archive.namelist())
        assert archive.testzip() is None
    decks = {f"documenten/{doc_id}.pptx" for doc_id, source in DOCUMENTS.items() if source.presentation}
    assert decks == {"documenten/1a-introductiepresentatie.pptx"}
    assert {f"documenten/{doc_id}.docx" for doc_id in DOCUMENTS} | decks | {"handboek-zij-instroom.pdf"} == names
    for page in ("index.html", "bijdragen/eigen-regio/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        href = re.search(r'href="([^"]*startpakket\.zip)" download', html).group(1)
        assert (built_site / Path(page).parent / href).resolve() == (built_site / "documenten/startpakket.zip")


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_each_bijlage_page_shows_its_document_and_a_working_download(built_site: Path, doc_id: str) -> None:
    source = DOCUMENTS[doc_id]
    page_dir = built_site / source.page.removesuffix(".md")
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    assert f'data-document="{doc_id}"' in html
    href = re.search(rf'href="([^"]*{doc_id}\.docx)" download>Download', html).group(1)
    assert (page_dir / href).resolve() == (built_site / "documenten" / f"{doc_id}.docx").resolve()
    assert "⟦" not in html


@pytest.mark.parametrize("step", range(1, 9))
def test_each_step_page_has_one_generated_section_whose_links_resolve(built_site: Path, step: int) -> None:
    page_dir = next(built_site.glob(f"stappen/stap-{step}-*"))
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    assert html.count('id="wat-je-bij-deze-stap-gebruikt"') == 1
    section = html.split('id="wat-je-bij-deze-stap-gebruikt"', 1)[1].split('id="bijlagen"', 1)[0]
    assert 'id="tips-uit-de-regio"' in section
    for href in re.findall(r'href="([^"#]+)"', section):
        if href.startswith("http"):
            continue
        target = (page_dir / href).resolve()
        assert target.exists() or (target / "index.html").exists(), (step, href)
    if step in (5, 6, 8):
        expected = {5: "rekenhulpen/matching/", 6: "rekenhulpen/kosten/", 8: "rekenhulpen/planning/"}[step]
        assert f'href="../../{expected}"' in section
    # Every step links at least one ready document: its bijlage page and its Word file, which the build wrote.
    resources = load_step_resources(ROOT)[step]
    assert resources.documents
    for document in resources.documents:
        assert f'href="../../documenten/{document.docx_name}" download' in section, (step, document.id)
        assert f'href="../../{document.page.removesuffix(".md")}/"' in section, (step, document.id)
    if step == 1:
        assert 'href="../../documenten/1a-introductiepresentatie.pptx" download' in section


def test_checklists_carry_their_id_and_the_version(built_site: Path) -> None:
    html = (built_site / "bijlagen" / "stap-5" / "e-papierwerk-voor-de-start" / "index.html").read_text("utf-8")
    lists = re.findall(r'<ul class="task-list hb-checklist" data-checklist="([^"]+)" data-version="([^"]+)">', html)
    assert lists[0] == ("bijlagen/stap-5/e-papierwerk-voor-de-start/#1", handbook_version(load_site_data(ROOT)))
    assert len({checklist for checklist, _ in lists}) == len(lists) >= 5
    assert "checklists.js" in html


def test_a_region_lacking_a_field_the_documents_need_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    make_national(project)  # a region file without logo_text, also when run in a fork
    (project / "documents" / "8z-regiokaart.md").write_text(
        "---\nid: 8z-regiokaart\ntitle: Regiokaart\nbijlage: 8Z\npage: index.md\nkind: formulier\n---\n\n"
        "Regio: ⟦region.logo_text⟧\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site", HB_PYODIDE_SNAPSHOT="0")
    assert result.returncode != 0
    assert "data/region.yaml: sleutel 'logo_text' ontbreekt of is leeg; nodig voor de documenten 8Z (8z-regiokaart)" \
        in result.stderr


def check_deck(site: Path, region_text: str) -> str:
    """The built 1A PowerPoint opens, has the source's slides, names the region and a current figure."""
    page_dir = site / "bijlagen" / "stap-1" / "a-introductiepresentatie"
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    href = re.search(r'href="([^"]*1a-introductiepresentatie\.pptx)" download>Download 1A als PowerPoint', html)
    deck_path = (page_dir / href.group(1)).resolve()
    assert deck_path == (site / "documenten" / "1a-introductiepresentatie.pptx").resolve()
    deck = pptx.Presentation(str(deck_path))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[0] == f"Zij-instromers opleiden tot doktersassistent in {region_text}"
    assert "Het probleem: te weinig doktersassistenten" in titles and titles[-1].startswith("Bronnen van de cijfers")
    text = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert not TEMPLATE_SYNTAX.search(text)
    return text


def test_the_built_presentation_opens_with_placeholders_nationally(national_site: Path) -> None:
    text = check_deck(national_site, "[regio]")
    assert "Projectleiding: [organisatie van de projectcoördinator]" in text
    assert "(BVP) van 6 weken" in text  # today's value in data/training (golden, national)


def test_the_fork_gets_its_own_presentation(regional_project: Path, regional_site: Path) -> None:
    region = region_of(regional_project)
    text = check_deck(regional_site, region["name"])
    if region.get("organisations"):
        assert f"Projectleiding: {region_value(region, 'lead')}" in text
