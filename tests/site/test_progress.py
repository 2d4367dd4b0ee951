"""The progress overview (handbook_build/progress.py): every checklist of the built site, per step, on its page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from handbook_build.documents import handbook_version
from handbook_build.progress import mark_site, read_page, relative_link, site_checklists, write_overview
from handbook_build.site import site_content
from tests.conftest import ROOT

OVERVIEW = "stappen/voortgang/"
_CHECKLIST = re.compile(r'<ul class="task-list hb-checklist" data-checklist="([^"]+)" data-version="([^"]+)">')

PAGE = """<!doctype html><html lang="nl"><head><title>t</title></head><body>
<h1 id="5x-lijst">5X Lijst<a class="headerlink" href="#5x-lijst">&para;</a></h1>
<p>Inleiding.</p>
<h2 id="voor-de-start">Voor de start &amp; erna<a class="headerlink" href="#voor-de-start">&para;</a></h2>
<ul class="task-list hb-checklist" data-checklist="bijlagen/stap-5/x/#1" data-version="2026.1">
<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled aria-label="Eerste punt"/>
<span class="task-list-indicator"></span></label> Eerste punt
<ul class="task-list hb-checklist" data-checklist="bijlagen/stap-5/x/#2" data-version="2026.1">
<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled aria-label="Genest punt"/>
</label> Genest punt</li></ul></li>
<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/></label> Zonder naam</li>
</ul>
<h2 id="daarna">Daarna</h2>
<ul class="task-list hb-checklist" data-checklist="bijlagen/stap-5/x/#3" data-version="2026.1">
<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled aria-label="Laatste"/>
</label> Laatste</li></ul>
</body></html>"""


def test_a_page_gives_its_title_and_top_level_checklists_with_every_box_in_order() -> None:
    title, checklists = read_page(PAGE, "bijlagen/stap-5/x/")
    assert title == "5X Lijst"  # without the permalink's ¶
    assert [(c.id, c.heading, c.anchor, c.items) for c in checklists] == [
        # A nested list belongs to the list around it (checklists.js counts its boxes there, in document order).
        ("bijlagen/stap-5/x/#1", "Voor de start & erna", "voor-de-start", ("Eerste punt", "Genest punt", "Punt 3")),
        ("bijlagen/stap-5/x/#3", "Daarna", "daarna", ("Laatste",)),
    ]
    assert checklists[0].step == 5 and checklists[0].label == "Voor de start & erna"


def test_links_are_relative_to_the_page_that_holds_them() -> None:
    assert relative_link("stappen/voortgang/", "bijlagen/stap-5/x/", "daarna") == "../../bijlagen/stap-5/x/#daarna"
    assert relative_link("stappen/voortgang/", "stappen/stap-1-a/") == "../stap-1-a/"
    assert relative_link("", "stappen/stap-1-a/") == "stappen/stap-1-a/"
    assert relative_link("stappen/voortgang/", "stappen/voortgang/", "b") == "./#b"
    assert relative_link("over.html", "stappen/x.html") == "stappen/x.html"


def test_a_site_without_hooks_gets_its_checklists_marked_and_the_overview_filled(tmp_path: Path) -> None:
    """As after Zensical, which runs no hooks: unmarked task lists are named and numbered, then counted."""
    site = tmp_path / "site"
    unmarked = PAGE.replace(' hb-checklist" data-checklist="bijlagen/stap-5/x/#1" data-version="2026.1"', '"')
    (site / "bijlagen" / "stap-5" / "x").mkdir(parents=True)
    (site / "bijlagen" / "stap-5" / "x" / "index.html").write_text(unmarked, encoding="utf-8")
    (site / "stappen" / "stap-5-matching").mkdir(parents=True)
    (site / "stappen" / "stap-5-matching" / "index.html").write_text("<h1>Stap 5: Matching</h1>", encoding="utf-8")
    (site / "stappen" / "voortgang").mkdir(parents=True)
    overview = site / "stappen" / "voortgang" / "index.html"
    overview.write_text('<h1>Voortgang</h1><div class="a" data-progress="table"></div>\n'
                        '<div data-progress="steps"></div>', encoding="utf-8")

    changed = write_overview(site, "2027.1")
    assert sorted(path.relative_to(site).as_posix() for path in changed) == [
        "bijlagen/stap-5/x/index.html", "stappen/voortgang/index.html"]
    marked = (site / "bijlagen" / "stap-5" / "x" / "index.html").read_text(encoding="utf-8")
    assert 'data-checklist="bijlagen/stap-5/x/#1" data-version="2027.1"' in marked
    html = overview.read_text(encoding="utf-8")
    assert '<div class="a" data-progress="table" data-version="2027.1" data-progress-filled>' in html
    assert '<a href="#voortgang-stap-5">Stap 5: Matching</a></th><td>4</td>' in html
    assert '<h2 id="voortgang-stap-5">Stap 5: Matching</h2>' in html
    assert 'data-progress-checklist="bijlagen/stap-5/x/#1" data-items="3"' in html
    assert '<li data-progress-item="2"><a href="../../bijlagen/stap-5/x/#voor-de-start">Zonder naam</a></li>' in html
    assert write_overview(site, "2027.1") == []  # a second run (the command after a build) changes nothing
    assert mark_site(site, "2027.1") == []


def test_a_site_without_checklists_says_so(tmp_path: Path) -> None:
    (tmp_path / "voortgang").mkdir()
    (tmp_path / "voortgang" / "index.html").write_text('<div data-progress="steps"></div>', encoding="utf-8")
    write_overview(tmp_path, "2026.1")
    assert "nog geen checklists" in (tmp_path / "voortgang" / "index.html").read_text(encoding="utf-8")
    assert site_checklists(tmp_path) == []


def built_checklists(site: Path) -> dict[str, int]:
    """Every top-level checklist of the built pages (not the print page) with its number of boxes."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] in {"assets", "print_page"}:
            continue
        _, checklists = read_page(path.read_text(encoding="utf-8"), "")
        found |= {checklist.id: len(checklist.items) for checklist in checklists}
    return found


def test_the_overview_lists_every_checklist_of_the_site_once_with_its_points(built_site: Path) -> None:
    html = (built_site / OVERVIEW / "index.html").read_text(encoding="utf-8")
    listed = dict(re.findall(r'data-progress-checklist="([^"]+)" data-items="(\d+)"', html))
    expected = built_checklists(built_site)
    assert len(expected) >= 40
    assert {key: int(value) for key, value in listed.items()} == expected
    assert len(re.findall(r"data-progress-checklist=", html)) == len(expected)
    # The version the checklists keep their ticks under, on both placeholders.
    versions = {version for page in built_site.rglob("index.html") for _, version in
                _CHECKLIST.findall(page.read_text(encoding="utf-8"))}
    assert versions == {handbook_version(site_content(ROOT).bundle)}
    assert html.count(f'data-version="{versions.pop()}" data-progress-filled') == 2


def test_every_step_has_its_section_and_row_in_step_order(built_site: Path) -> None:
    html = (built_site / OVERVIEW / "index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<h2 id="voortgang-stap-(\d+)">(.*?)</h2>', html)
    assert [int(number) for number, _ in sections] == list(range(1, 9))
    for number, title in sections:
        step_page = next(built_site.glob(f"stappen/stap-{number}-*/index.html")).read_text(encoding="utf-8")
        assert re.search(rf"<h1[^>]*>{re.escape(title)}<", step_page)  # the step page's own title
        assert f'<a href="#voortgang-stap-{number}">{title}</a></th>' in html
    total = re.search(r'<tr data-progress-row="totaal"><th scope="row">Totaal</th><td>(\d+)</td>', html)
    boxes = sum(path.read_text(encoding="utf-8").count('<label class="task-list-control"><input type="checkbox"')
                for path in built_site.rglob("*.html") if path.relative_to(built_site).parts[0] != "print_page")
    assert total and int(total.group(1)) == boxes == sum(built_checklists(built_site).values())


def test_every_link_of_the_overview_leads_to_a_page_and_heading_that_exist(built_site: Path) -> None:
    html = (built_site / OVERVIEW / "index.html").read_text(encoding="utf-8")
    steps = html[html.index('data-progress="steps"'):html.index("</article>")]
    links = set(re.findall(r'<a href="([^"]+)"', steps))
    assert len(links) >= 60
    base = "http://site/" + OVERVIEW
    for link in sorted(links):
        target = urlsplit(urljoin(base, unescape(link)))
        page = built_site / target.path.removeprefix("/") / "index.html"
        assert page.is_file(), link
        if target.fragment:
            assert f'id="{target.fragment}"' in page.read_text(encoding="utf-8"), link


def test_the_overview_is_in_the_nav_linked_from_the_steps_and_not_in_the_print_page(built_site: Path) -> None:
    steps = (built_site / "stappen" / "index.html").read_text(encoding="utf-8")
    assert 'href="voortgang/"' in steps
    assert "progress.js" in (built_site / OVERVIEW / "index.html").read_text(encoding="utf-8")
    assert "progress.js" not in steps  # only the overview loads its script
    assert "data-progress-checklist" not in (built_site / "print_page" / "index.html").read_text(encoding="utf-8")
