"""Regional tips: every real tip passes the check, each broken fixture fails naming file and field, the
scaffold command makes a valid tip, and the rendered lists only link to files that exist."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml

from handbook_build.tip_checks import STEP_NUMBERS, TEMPLATE_BODY, template_warnings
from handbook_build.tips import (
    STEP_PAGES,
    Tip,
    TipError,
    load_regions,
    load_tip_regions,
    load_tips,
    material_tags,
    render_step_tips,
    render_tips_overview,
    tips_for_step,
    validate_tip_file,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs"
DATA = ROOT / "data"
BAD = ROOT / "tests" / "fixtures" / "bad_tips"
FIXED_HEADINGS = ["## Situatie", "## Wat we deden", "## Wat het opleverde", "## Contact"]

# fixture file -> (key named in the message, words of the Dutch reason); the front matter is checked against
# data/schema/tip.schema.json by the data loader's machinery, so its reasons read like those of data/.
BROKEN_FIXTURES = {
    "missing-title.md": ("title", "verplicht veld ontbreekt"),
    "title-not-text.md": ("title", "verwacht tekst"),
    "unknown-field.md": ("auteur", "onbekende sleutel: auteur"),
    "steps-not-a-list.md": ("steps", "verwacht een lijst, gevonden: 5"),
    "step-nine.md": ("steps 2", "'9' is niet toegestaan; kies uit: 1, 2, 3, 4, 5, 6, 7, 8"),
    "unknown-region.md": ("region", "onbekende regio 'Atlantis'"),
    "bad-date.md": ("date", "'25-11-2026' is geen datum in de vorm JJJJ-MM-DD"),
    "impossible-date.md": ("date", "'2026-02-30' is geen bestaande datum"),
    "raw-html.md": ("tekst (regel 15)", "HTML gevonden"),
    "script.md": ("tekst (regel 15)", "script gevonden"),
    "iframe.md": ("tekst (regel 15)", "iframe gevonden"),
    "jinja.md": ("tekst (regel 15)", "Jinja-sjabloontekens gevonden"),
    "personal-email.md": ("tekst (regel 17)", "e-mailadres 'j.de.vries@zorggroep-voorbeeld.nl' lijkt van een persoon"),
    "mobile-number.md": ("tekst (regel 17)", "mobiel telefoonnummer"),
    "external-image.md": ("tekst (regel 15)", "afbeelding van een andere website"),
    "heading-level-one.md": ("tekst (regel 15)", "kop van niveau 1"),
    "no-front-matter.md": ("front matter", "ontbreekt"),
    "empty-body.md": ("tekst", "geen tekst"),
    "Hoofdletters_In_Naam.md": ("bestandsnaam", "kleine letters"),
}

GOOD_FRONT_MATTER = """---
title: Een goede tip
region: Landelijk
steps: [5]
date: "2026-11-25"
author: Zorggroep in de regio
---
"""


@pytest.fixture(scope="module")
def regions() -> list[str]:
    return load_regions(DATA)


@pytest.fixture(scope="module")
def tips() -> list[Tip]:
    return load_tips(DOCS, DATA)


def linked_files(markdown: str, page_url: str) -> list[str]:
    """Targets of the Markdown links in `markdown`, as source paths relative to docs/ (anchors dropped)."""
    base = posixpath.dirname(page_url)
    return [posixpath.normpath(posixpath.join(base, target.split("#")[0]))
            for target in re.findall(r"\]\(([^)\s]+)\)", markdown) if not target.startswith("#")]


# --- The real tips -----------------------------------------------------------------------------------


def test_every_real_tip_validates(regions: list[str]) -> None:
    files = sorted((DOCS / "tips").glob("*.md"))
    problems = [str(p) for path in files if path.name != "index.md" for p in validate_tip_file(path, regions)]
    assert problems == []


def test_load_tips_reads_every_tip_newest_first(tips: list[Tip]) -> None:
    files = {p.name for p in (DOCS / "tips").glob("*.md")} - {"index.md"}
    assert {tip.path.name for tip in tips} == files
    assert [tip.date for tip in tips] == sorted((tip.date for tip in tips), reverse=True)
    assert all(tip.url == f"tips/{tip.slug}.md" for tip in tips)


def test_seeded_examples_are_marked_and_use_the_fixed_headings(tips: list[Tip]) -> None:
    examples = [tip for tip in tips if tip.example]
    assert len(examples) >= 3
    for tip in examples:
        headings = [line for line in tip.path.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
        assert headings == FIXED_HEADINGS, tip.path.name
        assert "Voorbeeldtip" in tip.path.read_text(encoding="utf-8"), tip.path.name


def test_step_pages_are_the_eight_steps() -> None:
    assert set(STEP_PAGES) == set(STEP_NUMBERS) == set(range(1, 9))
    for _, page in STEP_PAGES.values():
        assert (DOCS / page).is_file(), page


def test_tip_schema_allows_exactly_the_step_pages() -> None:
    schema = json.loads((DATA / "schema" / "tip.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["steps"]["items"]["enum"] == sorted(STEP_PAGES)


# --- Broken tips -------------------------------------------------------------------------------------


def test_every_broken_rule_has_a_fixture() -> None:
    assert sorted(p.name for p in BAD.glob("*.md")) == sorted(BROKEN_FIXTURES)


@pytest.mark.parametrize("fixture", sorted(BROKEN_FIXTURES))
def test_broken_fixture_fails_naming_file_and_field(regions: list[str], fixture: str) -> None:
    problems = validate_tip_file(BAD / fixture, regions)
    field, reason = BROKEN_FIXTURES[fixture]
    messages = "\n".join(map(str, problems))
    assert any(p.key == field and reason in p.reason for p in problems), messages
    assert all(str(p).startswith(f"{p.file}: ") and p.file.endswith(fixture) for p in problems), messages


def test_a_broken_tip_stops_load_tips_with_every_problem(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "tips", docs / "tips")
    for fixture in ("step-nine.md", "script.md"):
        shutil.copy2(BAD / fixture, docs / "tips" / fixture)
    with pytest.raises(TipError) as caught:
        load_tips(docs, DATA)
    message = str(caught.value)
    assert "docs/tips/step-nine.md: steps 2: '9' is niet toegestaan" in message
    assert "docs/tips/script.md: tekst (regel 15): script gevonden" in message
    assert len(caught.value.problems) == 2


def test_a_tip_in_a_subfolder_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "tips" / "stap-5").mkdir(parents=True)
    (docs / "tips" / "stap-5" / "tip.md").write_text(GOOD_FRONT_MATTER + "\nTekst.\n", encoding="utf-8")
    with pytest.raises(TipError, match="docs/tips/stap-5/tip.md"):
        load_tips(docs, DATA)


@pytest.mark.parametrize("text", [
    "Mail naar info@zorggroep-voorbeeld.nl of zij-instroom@roc-voorbeeld.nl.",
    "Zie <https://www.example.org/zij-instroom> voor meer.",
    "Minder dan 12 km, dus afstand < 12 km en > 5 km.",
    "In code mag het: `<br>` en `a < b`.",
    "```html\n<p>Een voorbeeld in een codeblok</p>\n```",
    "Koppen met een eigen anker mogen: zie hieronder.\n\n## Situatie {#situatie}",
])
def test_ordinary_markdown_passes(tmp_path: Path, regions: list[str], text: str) -> None:
    path = tmp_path / "goede-tip.md"
    path.write_text(f"{GOOD_FRONT_MATTER}\n{text}\n", encoding="utf-8")
    assert validate_tip_file(path, regions) == []


@pytest.mark.parametrize(("text", "reason"), [
    ("Bel +31 6 1234 5678.", "mobiel telefoonnummer"),
    ("[Klik](javascript:alert(1))", "script gevonden"),
    ("[Link](https://example.org){ onclick=\"x()\" }", "script gevonden"),
    ("Een `{{ macro }}` in code telt ook: Jinja draait voor Markdown.", "Jinja"),
    ("Mail jan@praktijk-voorbeeld.nl.", "lijkt van een persoon"),
])
def test_hidden_variants_are_caught(tmp_path: Path, regions: list[str], text: str, reason: str) -> None:
    path = tmp_path / "foute-tip.md"
    path.write_text(f"{GOOD_FRONT_MATTER}\n{text}\n", encoding="utf-8")
    assert any(reason in p.reason for p in validate_tip_file(path, regions))


def test_region_list_rejects_duplicates(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = (DATA / "tip_regions.yaml").read_text(encoding="utf-8") + "  - name: Haaglanden\n"
    (data / "tip_regions.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TipError, match="regio 'Haaglanden' staat er twee keer in"):
        load_regions(data)


# --- Rendering ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("step", sorted(STEP_PAGES))
def test_step_section_links_only_to_existing_files(tips: list[Tip], step: int) -> None:
    page = STEP_PAGES[step][1]
    markdown = render_step_tips(tips, step, page)
    assert markdown.startswith("## Tips uit de regio {#tips-uit-de-regio}")
    targets = linked_files(markdown, page)
    assert targets and all((DOCS / target).is_file() for target in targets), targets
    for tip in tips_for_step(tips, step):
        assert f"](../tips/{tip.slug}.md)" + (" (voorbeeld)" if tip.example else "") in markdown


def test_step_without_tips_invites_a_region_to_add_one() -> None:
    markdown = render_step_tips([], 7, "stappen/stap-7-communicatie.md")
    assert "nog geen tips" in markdown
    assert linked_files(markdown, "stappen/stap-7-communicatie.md") == ["bijdragen/tip-schrijven.md"]


def test_overview_lists_every_tip_per_step_and_region(tips: list[Tip]) -> None:
    markdown = render_tips_overview(tips)
    targets = linked_files(markdown, "tips/index.md")
    assert all((DOCS / target).is_file() for target in targets), targets
    rows = [line for line in markdown.splitlines() if line.startswith("| [")]
    assert len(rows) == len(tips)
    for step, (title, _) in STEP_PAGES.items():
        assert f"### Stap {step}: {title} {{#stap-{step}}}" in markdown
    for region in {tip.region for tip in tips}:
        assert f"### {region} {{#regio-" in markdown
    assert "{{" not in markdown and "{%" not in markdown and "<" not in markdown


def test_titles_cannot_break_the_markdown() -> None:
    title = "Tip [met] haken | en *sterren*"
    tip = Tip(path=Path("x.md"), slug="x", title=title, region="Landelijk", steps=(5,),
              date=dt.date(2026, 1, 2), author="Zorggroep", url="tips/x.md")
    line = render_step_tips([tip], 5, "stappen/stap-5-matching.md").splitlines()[4]
    assert line.startswith(r"- [Tip \[met\] haken \| en \*sterren\*](../tips/x.md): Landelijk, Zorggroep, 2 januari")
    html = markdown.markdown(render_tips_overview([tip]), extensions=["tables", "attr_list"])
    row = html.split("<tbody>")[1].split("</tr>")[0]
    assert row.count("<td>") == 5
    assert f'<a href="x.md">{title}</a>' in row
    assert "Er staat 1 tip in het handboek." in html


def test_material_tags_come_from_the_data() -> None:
    tip = Tip(path=Path("x.md"), slug="x", title="T", region="Haaglanden", steps=(5, 6),
              date=dt.date(2026, 1, 2), author="A", tags=("hagro", "BBL"), example=True)
    assert material_tags(tip) == ["Stap 5", "Stap 6", "Regio: Haaglanden", "hagro", "BBL", "Voorbeeld"]


# --- The issue form ----------------------------------------------------------------------------------


def test_issue_form_offers_the_regions_and_steps_of_the_data() -> None:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "tip.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    options = fields["region"]["attributes"]["options"]
    # The national list; a fork's own region is not listed (the form is the same in every fork): "Andere regio".
    assert options[:-1] == load_tip_regions(DATA) and options[-1].startswith("Andere regio")
    steps = fields["steps"]["attributes"]["options"]
    assert steps == [f"{step}: {title}" for step, (title, _) in STEP_PAGES.items()]


# --- Messages a writer can act on ------------------------------------------------------------------------------


def guide_messages() -> list[str]:
    """The message fragments in the first column of the table on docs/bijdragen/tip-schrijven.md."""
    guide = (DOCS / "bijdragen" / "tip-schrijven.md").read_text(encoding="utf-8")
    table = guide.split("{#meldingen}", 1)[1]
    return [fragment for line in table.splitlines() if line.startswith("| `")
            for fragment in re.findall(r"`([^`]+)`", line.split(" | ")[0])]


@pytest.mark.parametrize("fixture", sorted(BROKEN_FIXTURES))
def test_the_guide_explains_every_message(regions: list[str], fixture: str) -> None:
    messages = [str(p) for p in validate_tip_file(BAD / fixture, regions)]
    assert any(fragment in message for fragment in guide_messages() for message in messages), messages


def test_every_message_in_the_guide_is_one_the_check_gives(regions: list[str]) -> None:
    given = " ".join(str(p) for fixture in BROKEN_FIXTURES for p in validate_tip_file(BAD / fixture, regions))
    missing = [fragment for fragment in guide_messages() if fragment not in given
               and fragment not in ("geen geldige YAML", "is geen bestaande datum")]
    assert missing == []


def test_tip_errors_point_to_the_guide(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "tips").mkdir(parents=True)
    shutil.copy2(BAD / "unknown-field.md", docs / "tips" / "unknown-field.md")
    with pytest.raises(TipError) as caught:
        load_tips(docs, DATA)
    message = str(caught.value)
    assert "onbekende sleutel: auteur (typfout? zie de tabel met velden in docs/bijdragen/tip-schrijven.md)" in message
    assert message.endswith('Wat je bij elke melding doet, staat in docs/bijdragen/tip-schrijven.md (onder "Wat de '
                            'controle meldt").')


def test_a_tip_that_still_holds_the_template_gets_a_warning(tmp_path: Path) -> None:
    tip = tmp_path / "nog-leeg.md"
    tip.write_text(f"{GOOD_FRONT_MATTER}\n{TEMPLATE_BODY}", encoding="utf-8")
    assert validate_tip_file(tip, ["Landelijk"]) == []  # it publishes ...
    warnings = template_warnings({"tips/nog-leeg.md": tip.read_text(encoding="utf-8")})
    assert warnings == ['tips/nog-leeg.md: de tip bevat nog tekst uit het sjabloon ("In één of twee zinnen: wat kan '
                        'een andere regio van jullie ervaring leren?"); vervang die door jullie eigen ervaring']
    finished = {f"tips/{tip.name}": tip.read_text(encoding="utf-8") for tip in (DOCS / "tips").glob("*.md")}
    assert template_warnings(finished) == []  # ... and no tip in the handbook does


def test_a_forks_own_region_is_a_tip_region_without_a_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(DATA / "tip_regions.yaml", data / "tip_regions.yaml")
    national = load_tip_regions(data)
    assert load_regions(data) == national  # no region file: the national list
    (data / "region.yaml").write_text("kind: region\nname: Twente\nis_national_default: false\n"
                                      "holiday_region: noord\n", encoding="utf-8")
    assert load_regions(data) == [*national, "Twente"]
    (data / "region.yaml").write_text("kind: region\nname: Nederland\nis_national_default: true\n"
                                      "holiday_region: midden\n", encoding="utf-8")
    assert load_regions(data) == national
