"""Zensical and MkDocs build the same handbook, proven page by page against the session's MkDocs build.

The Zensical site is built once per session (`zensical_site`, tests/conftest.py) exactly as `./tasks build --zensical`
does it; every page of it is compared with the MkDocs build (`built_site`): the same pages, the same main text
(whitespace normalised; the theme's chrome left out), the same tags, descriptions, checklists, calculators and
downloads, and a PDF with the same outline. What truly differs is listed in ALLOWED_DIFFERENCES with its reason;
each entry is checked to still hold, so the list cannot go stale. The reader's side in Chromium (a calculator
goes live, a checklist tick survives a reload, offline after one visit) runs on both sites in tests/browser.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook_build.built_pages import main_content
from handbook_build.data import build_date
from handbook_build.documents import handbook_version
from handbook_build.pdf import PDF_NAME
from handbook_build.site import load_site_data
from handbook_build.tips import dutch_date
from tests.conftest import ROOT, copy_project
from tests.regions import apply_example
from tests.site.test_pdf import outline_titles

# What differs between the two builds, and why. Each key is checked below (test_allowed_differences_still_hold).
ALLOWED_DIFFERENCES = {
    "last-updated": "The Zensical build runs in a copy of the project without git history (Zensical writes its site "
                    "inside the project folder), so its pages carry the build date; both builds take the date from "
                    "the same pipeline step (handbook_build/git_dates.py).",
    "start-page-title": "Zensical's theme titles the start page '<nav title> - <site name>' in <title>; Material "
                        "gives the site name alone.",
    "memory-snapshot": "The Zensical build in the tests is made without the Node step (the Pyodide memory snapshot "
                       "and the bytecode: the compiled standard library and the calculators as bytecode), to save "
                       "a minute; the pipeline makes them for any generator (HB_PYODIDE_SNAPSHOT).",
}

_TAG = re.compile(r"<[^>]+>")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_TAGS = re.compile(r'<nav class="md-tags"[^>]*>(.*?)</nav>', re.S)
_TAG_NAME = re.compile(r'class="md-tag\b[^"]*"[^>]*>(.*?)</(?:a|span)>', re.S)
_CHECKLIST = re.compile(r'<ul class="task-list hb-checklist" data-checklist="([^"]+)" data-version="([^"]+)">')
_NAMED_BOX = re.compile(r'<input type="checkbox"[^>]*\baria-label="([^"]+)"')
_RUNTIME = re.compile(r'<script type="application/json" id="hb-runtime">(.*?)</script>', re.S)
_DATE = re.compile(r'Laatst bijgewerkt: <span class="hb-updated__date">([^<]+)</span>')


def plain(fragment: str) -> str:
    fragment = re.sub(r"<script\b.*?</script>", " ", fragment, flags=re.S)
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).replace("¶", "").split())


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a site (not the theme's and Pyodide's files under assets/), site-relative."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] != "assets")


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(built_site: Path, zensical_site: Path) -> list[str]:
    names = html_pages(built_site)
    assert names == html_pages(zensical_site)
    return names


def test_both_build_the_same_pages(built_site: Path, zensical_site: Path) -> None:
    ours, theirs = html_pages(zensical_site), html_pages(built_site)
    assert ours == theirs, f"only MkDocs: {set(theirs) - set(ours)}; only Zensical: {set(ours) - set(theirs)}"
    assert len(ours) >= 70 and {"index.html", "404.html", "print_page/index.html"} <= set(ours)


def test_every_page_has_the_same_main_text(built_site: Path, zensical_site: Path, pages: list[str]) -> None:
    differences = []
    for page in pages:
        ours, theirs = plain(main_content(read(zensical_site, page))), plain(main_content(read(built_site, page)))
        if page != "404.html":
            heading = _H1.search(main_content(read(built_site, page)))
            assert heading and plain(heading.group(1)) in theirs and len(theirs) > 150, page  # the text, not chrome
        if ours != theirs:
            words = difflib.SequenceMatcher(None, theirs.split(), ours.split(), autojunk=False)
            changes = [f"  MkDocs: {' '.join(theirs.split()[i1:i2])[:160]!r} / Zensical: "
                       f"{' '.join(ours.split()[j1:j2])[:160]!r}"
                       for op, i1, i2, j1, j2 in words.get_opcodes() if op != "equal"]
            differences.append(f"{page}:\n" + "\n".join(changes[:5]))
    assert not differences, "\n".join(differences)


def test_every_page_has_the_same_description_and_tags(built_site: Path, zensical_site: Path,
                                                      pages: list[str]) -> None:
    tagged = 0
    for page in pages:
        ours, theirs = read(zensical_site, page), read(built_site, page)
        descriptions = [" ".join(html.unescape(_DESCRIPTION.search(text).group(1)).split()) for text in (ours, theirs)]
        assert descriptions[0] == descriptions[1], page
        tags = [sorted(plain(name) for block in _TAGS.findall(text) for name in _TAG_NAME.findall(block))
                for text in (ours, theirs)]
        assert tags[0] == tags[1], page
        tagged += bool(tags[0])
    assert tagged >= 5  # every tip: its steps, its region and its own tags
    tip = read(zensical_site, "tips/regionaal-werkgeverschap/index.html")
    assert {"Stap 1", "Stap 6", "Regio: Noord-Kennemerland"} <= {plain(n) for n in _TAG_NAME.findall(tip)}


def test_the_same_checklists_named_and_keyed_alike(built_site: Path, zensical_site: Path, pages: list[str]) -> None:
    lists = 0
    for page in pages:
        ours, theirs = read(zensical_site, page), read(built_site, page)
        assert _CHECKLIST.findall(ours) == _CHECKLIST.findall(theirs), page
        assert _NAMED_BOX.findall(ours) == _NAMED_BOX.findall(theirs), page
        lists += len(_CHECKLIST.findall(ours))
    assert lists >= 10
    version = handbook_version(load_site_data(ROOT))
    assert ("bijlagen/stap-5/e-papierwerk-voor-de-start/#1", version) in _CHECKLIST.findall(
        read(zensical_site, "bijlagen/stap-5/e-papierwerk-voor-de-start/index.html"))


def test_the_same_calculators_with_their_runtime(built_site: Path, zensical_site: Path, pages: list[str]) -> None:
    calculators = 0
    for page in pages:
        settings = {}
        for site in (zensical_site, built_site):
            found = _RUNTIME.findall(read(site, page))
            settings[site] = json.loads(found[0]) if found else None
            for key in ("calculators", "data", "pyodide"):  # every path the pipeline filled in exists
                assert not found or (site / settings[site][key]).exists(), (site, page, key)
        ours, theirs = settings[zensical_site], settings[built_site]
        if theirs is None:
            assert ours is None, page
            continue
        calculators += 1
        # See ALLOWED_DIFFERENCES["memory-snapshot"]: without the Node step, Pyodide's own standard library and
        # the calculators' sources.
        theirs.pop("snapshot")
        assert theirs.pop("stdlib").startswith("assets/python/stdlib-") and "stdlib" not in ours
        assert theirs.pop("calculators").startswith("assets/python/calculators-bytecode.")
        assert ours.pop("calculators").startswith("assets/python/calculators.")
        assert ours.pop("pyodide_files") == [*theirs.pop("pyodide_files"), "python_stdlib.zip"]
        assert ours == theirs, page
    assert calculators == 4


def test_the_same_downloads(built_site: Path, zensical_site: Path) -> None:
    def downloads(site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in (site / "documenten").rglob("*") if p.is_file())

    assert downloads(zensical_site) == downloads(built_site) and len(downloads(built_site)) >= 20
    kits = [sorted(zipfile.ZipFile(site / "documenten" / "startpakket.zip").namelist())
            for site in (zensical_site, built_site)]
    assert kits[0] == kits[1] and PDF_NAME in kits[0]
    outlines = [outline_titles(PdfReader(site / PDF_NAME).outline) for site in (zensical_site, built_site)]
    assert outlines[0] == outlines[1] and len(outlines[0]) > 100


def git_day(source: Path) -> str | None:
    """The day the file last changed in git, on Amsterdam's calendar, as git itself prints it (None without git)."""
    log = subprocess.run(["git", "log", "-1", "--no-merges", "--diff-filter=AM", "--format=%ad",
                          "--date=format-local:%Y-%m-%d",
                          "--", source.name], cwd=source.parent, capture_output=True, text=True, check=False,
                         env={**os.environ, "TZ": "Europe/Amsterdam"})
    return (log.stdout.strip() or None) if log.returncode == 0 else None


def test_the_pipeline_makes_the_checklists_tickable_and_fills_the_progress_overview(zensical_site: Path,
                                                                                     built_site: Path) -> None:
    """The pipeline names and numbers the task lists after either build, and lists them on the overview page."""
    def checklists(site: Path) -> list[str]:
        page = read(site, "bijlagen/stap-5/e-papierwerk-voor-de-start/index.html")
        return re.findall(r'<ul class="task-list hb-checklist" data-checklist="[^"]+" data-version="[^"]+">', page)

    assert checklists(zensical_site) == checklists(built_site) != []
    overview, theirs = (read(site, "stappen/voortgang/index.html") for site in (zensical_site, built_site))
    listed = re.compile(r'data-progress-checklist="([^"]+)" data-items="(\d+)"')
    assert listed.findall(overview) == listed.findall(theirs) != []
    assert "progress.js" in overview




def test_allowed_differences_still_hold(built_site: Path, zensical_site: Path, pages: list[str]) -> None:
    # last-updated: one date line on every page of both; Zensical's copy has the build date, MkDocs' git's.
    build_day = dutch_date(build_date())
    for page in pages:
        if page in ("404.html", "print_page/index.html"):
            continue
        assert _DATE.findall(read(zensical_site, page)) == [build_day], page
        assert len(_DATE.findall(read(built_site, page))) == 1, page
    for source in ("stappen/stap-5-matching.md", "bijlagen/index.md"):
        day = git_day(ROOT / "docs" / source)
        expected = dutch_date(dt.date.fromisoformat(day)) if day else build_day
        page = source.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/index.html"
        assert _DATE.findall(read(built_site, page.lstrip("/"))) == [expected], source
    # start-page-title
    titles = [plain(_TITLE.search(read(site, "index.html")).group(1)) for site in (zensical_site, built_site)]
    name = titles[1]
    assert titles[0] == f"Startpagina - {name}", titles
    assert plain(_TITLE.search(read(zensical_site, "stappen/stap-5-matching/index.html")).group(1)) == plain(
        _TITLE.search(read(built_site, "stappen/stap-5-matching/index.html")).group(1))
    # memory-snapshot
    assert list((built_site / "assets" / "pyodide").glob("snapshot-*"))
    assert not list((zensical_site / "assets" / "pyodide").glob("snapshot-*"))
    assert set(ALLOWED_DIFFERENCES) == {"last-updated", "start-page-title", "memory-snapshot"}


def test_a_regional_fork_gets_its_title_nav_and_print_page(tmp_path: Path) -> None:
    """hooks/region.py for MkDocs; for Zensical the derived configuration (zensical.yml) carries the same."""
    project = copy_project(tmp_path / "project")
    apply_example(project)
    finished = subprocess.run([sys.executable, "-m", "handbook_build.zensical", "build"], cwd=project,
                              capture_output=True, text=True, check=False, timeout=900,
                              env={**os.environ, "HB_PYODIDE_SNAPSHOT": "0", "HB_PDF": "0"})
    assert finished.returncode == 0, finished.stdout + finished.stderr
    site = project / "site"
    start = read(site, "index.html")
    assert re.search(r"<title>[^<]*Voorbeeld", start)
    assert "Jouw regio: Voorbeeldregio" in start
    assert re.search(r'<a href="(?:\./)?regio/" class="md-nav__link', start), "the region's pages are in the nav"
    printed = read(site, "print_page/index.html")
    assert 'id="regio"' in printed and "Voorbeeld" in plain(printed.split('id="hb-print-cover"', 1)[1][:2000])


def test_serve_shows_the_site_under_its_path_with_its_own_404(tmp_path: Path) -> None:
    """`./tasks serve --zensical` serves the built site as a static host does, under the path of site_url."""
    import threading
    import urllib.error
    import urllib.request

    from handbook_build.zensical import site_server

    (tmp_path / "stappen").mkdir()
    (tmp_path / "stappen" / "index.html").write_text("<h1>Stappen</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Pagina niet gevonden</h1>", encoding="utf-8")
    server = site_server(tmp_path, "/handboek/", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with urllib.request.urlopen(base + "/handboek/stappen/") as response:
            assert response.read().decode() == "<h1>Stappen</h1>"
        with urllib.request.urlopen(base + "/") as response:  # forwarded to the site's path
            assert response.url == base + "/handboek/"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/handboek/bestaat-niet/")
        assert missing.value.code == 404 and "Pagina niet gevonden" in missing.value.read().decode()
    finally:
        server.shutdown()
        server.server_close()
