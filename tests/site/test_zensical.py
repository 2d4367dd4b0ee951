"""The text survives a generator change: Zensical builds the same docs/, the pipeline adds what comes from data/.

Zensical (the successor of Material for MkDocs) runs mkdocs-macros' `define_env` itself but no MkDocs hooks or
unsupported plugins. Where a capability is missing the tests below pin today's behaviour (they fail once Zensical
or the project closes the gap, so docs/bijdragen/zensical.md can be updated); they never skip.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calculators._format import format_value
from handbook_build.options import read_site_config
from handbook_build.site import SiteContent, site_content
from tests.conftest import ROOT, copy_project
from tests.regions import apply_example

ZENSICAL = Path(sys.executable).parent / "zensical"
_CELL = re.compile(r'<td data-param="([^"]+)" data-from="([^"]+)">(.*?)</td>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def zensical_build(project: Path) -> Path:
    """`zensical build --strict` in `project`, then the pipeline's outputs into its site folder."""
    built = subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml", "--strict"], cwd=project,
                           capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0 and "No issues found" in built.stdout + built.stderr, built.stdout + built.stderr
    site = project / "site"
    env = {**{k: v for k, v in os.environ.items() if k != "HB_PDF"}, "HB_PYODIDE_SNAPSHOT": "0"}
    pipeline = subprocess.run([sys.executable, "-m", "handbook_build", "--site-dir", str(site)], cwd=project,
                              capture_output=True, text=True, check=False, env=env)
    assert pipeline.returncode == 0, pipeline.stderr
    return site


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Zensical writes its site inside the project folder only, so it builds a copy.
    return zensical_build(copy_project(tmp_path_factory.mktemp("zensical") / "project"))


@pytest.fixture(scope="module")
def content() -> SiteContent:
    return site_content(ROOT)


def nav_pages(node: object) -> list[str]:
    """Every Markdown path in the nav of mkdocs.yml, in order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [page for value in node.values() for page in nav_pages(value)]
    return [page for item in node for page in nav_pages(item)] if isinstance(node, list) else []


STEP_AND_BIJLAGE_PAGES = [page for page in nav_pages(read_site_config(ROOT)["nav"])
                          if page.startswith(("stappen/", "bijlagen/"))]


def built_page(site: Path, source: str) -> str:
    target = source.removesuffix(".md")
    target = target.removesuffix("index") if target.endswith("index") else target + "/"
    return (site / target / "index.html").read_text(encoding="utf-8")


def plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).replace("¶", "").split())


def markdown_heading(source: str) -> str:
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    heading = re.search(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", text, re.M)
    assert heading, source
    return " ".join(heading.group(1).split())


def test_the_nav_has_every_step_and_bijlage() -> None:
    assert sum(page.startswith("stappen/stap-") for page in STEP_AND_BIJLAGE_PAGES) == 8
    assert sum(page.startswith("bijlagen/stap-") for page in STEP_AND_BIJLAGE_PAGES) >= 30


@pytest.mark.parametrize("source", STEP_AND_BIJLAGE_PAGES)
def test_every_step_and_bijlage_page_has_its_heading(zensical_site: Path, source: str) -> None:
    page = built_page(zensical_site, source)
    headings = _H1.findall(page)
    assert [plain(h) for h in headings] == [markdown_heading(source)]
    assert "{{" not in page and "{%" not in page


def test_step_pages_have_the_tips_from_the_pipeline(zensical_site: Path, content: SiteContent) -> None:
    for step in range(1, 9):
        source = next(p for p in STEP_AND_BIJLAGE_PAGES if p.startswith(f"stappen/stap-{step}-"))
        page = built_page(zensical_site, source)
        assert 'id="tips-uit-de-regio"' in page, source
        for tip in (tip for tip in content.tips if step in tip.steps):
            assert " ".join(tip.title.split()) in plain(page), (source, tip.title)  # abbreviations become <abbr>


def test_bijlagen_link_the_registered_source_documents(zensical_site: Path, content: SiteContent) -> None:
    checked = 0
    for source in STEP_AND_BIJLAGE_PAGES:
        keys = re.findall(r"source_url\(['\"]([^'\"]+)['\"]\)", (ROOT / "docs" / source).read_text(encoding="utf-8"))
        page = html.unescape(built_page(zensical_site, source))
        for key in keys:
            assert f'href="{content.bundle["documents"][key]["url"]}"' in page, (source, key)
            checked += 1
    assert checked >= 20


def test_data_pages_show_the_figures_of_data(zensical_site: Path, content: SiteContent) -> None:
    cells = [cell for page in ("gegevens/salaris-en-cao.md", "gegevens/subsidiewijzer.md")
             for cell in _CELL.findall(built_page(zensical_site, page))]
    assert len(cells) >= 50
    for key, start, cell in cells:
        parameter = content.parameters.get(key)
        entry = next(entry for entry in parameter.values if entry.start.isoformat() == start)
        assert html.unescape(cell).startswith(format_value(parameter.unit, entry.value)), (key, start, cell)


def test_data_driven_content_matches_the_mkdocs_build(zensical_site: Path, built_site: Path) -> None:
    for source in ("gegevens/salaris-en-cao.md", "gegevens/schoolvakanties.md", "wat-is-er-veranderd.md",
                   "tips/index.md"):
        ours, theirs = built_page(zensical_site, source), built_page(built_site, source)
        assert _CELL.findall(ours) == _CELL.findall(theirs), source
        assert plain(ours.split('<article', 1)[1].split("</article>", 1)[0]).startswith(
            plain(theirs.split('<article', 1)[1].split("</article>", 1)[0])[:400]), source


def test_the_pipeline_adds_runtime_and_service_worker(zensical_site: Path, content: SiteContent) -> None:
    bundles = list((zensical_site / "assets" / "data").glob("handboek-data.*.json"))
    assert [bundle.read_text(encoding="utf-8") for bundle in bundles] == [content.bundle_text]
    assert list((zensical_site / "assets" / "python").glob("calculators.*.zip"))
    assert list((zensical_site / "assets" / "pyodide").glob("*/pyodide.asm.wasm"))
    precache = re.search(r"const PRECACHE = (\[.*?\]);", (zensical_site / "sw.js").read_text(encoding="utf-8"))
    assert precache and "stappen/stap-5-matching/" in json.loads(precache.group(1))


def test_calculator_pages_render_their_form(zensical_site: Path) -> None:
    page = built_page(zensical_site, "rekenhulpen/kosten.md")
    assert 'data-calculator-form="kosten"' in page


def test_the_pipeline_makes_the_checklists_tickable_and_fills_the_progress_overview(zensical_site: Path,
                                                                                     built_site: Path) -> None:
    """hooks/checklists.py does not run: handbook_build/progress.py names and numbers the task lists after the build,
    the same as the MkDocs build, and lists them on the overview page."""
    def checklists(site: Path) -> list[str]:
        page = built_page(site, "bijlagen/stap-5/e-papierwerk-voor-de-start.md")
        return re.findall(r'<ul class="task-list hb-checklist" data-checklist="[^"]+" data-version="[^"]+">', page)

    assert checklists(zensical_site) == checklists(built_site) != []
    overview, theirs = built_page(zensical_site, "stappen/voortgang.md"), built_page(built_site, "stappen/voortgang.md")
    listed = re.compile(r'data-progress-checklist="([^"]+)" data-items="(\d+)"')
    assert listed.findall(overview) == listed.findall(theirs) != []
    assert "progress.js" in overview


# --- Gaps, pinned: each assertion states what Zensical 0.0.73 does today (docs/bijdragen/zensical.md) ---------


def test_gap_calculators_get_no_runtime_paths(zensical_site: Path) -> None:
    """No hooks: the calculator template gets no extra.runtime, so the form stays pre-rendered only."""
    page = built_page(zensical_site, "rekenhulpen/kosten.md")
    config = re.search(r'<script type="application/json" id="hb-runtime">(.*?)</script>', page, re.S)
    assert config and set(json.loads(config.group(1))) == {"root"}


def test_gap_no_last_updated_date_and_no_print_page(zensical_site: Path) -> None:
    """git-revision-date-localized and print-site are not supported plugins: no date, no print page, no PDF."""
    assert "Laatst bijgewerkt" not in built_page(zensical_site, "stappen/stap-5-matching.md")
    assert not (zensical_site / "print_page").exists()


def test_gap_tips_get_only_their_own_tags(zensical_site: Path, built_site: Path, content: SiteContent) -> None:
    """The step and region tags come from hooks/tip_tags.py, which Zensical does not run."""
    tip = next(tip for tip in content.tips if tip.tags)
    ours, theirs = built_page(zensical_site, tip.url), built_page(built_site, tip.url)
    assert tip.tags[0] in ours and f"Stap {tip.steps[0]}" in theirs
    assert f">Stap {tip.steps[0]}<" not in ours


def test_gap_a_regional_fork_gets_its_block_but_not_its_title_and_nav(tmp_path: Path) -> None:
    """The macros give the start page the region block; title and nav come from hooks/region.py (not run)."""
    project = copy_project(tmp_path / "project")
    apply_example(project)
    site = zensical_build(project)
    start = built_page(site, "index.md")
    assert "Jouw regio: Voorbeeldregio" in start
    assert not re.search(r"<title>[^<]*Voorbeeld", start)
    assert 'href="regio/"' in start  # the block links the region's pages, which are built outside the nav
