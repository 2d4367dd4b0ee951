"""What the pipeline adds to built pages for any generator (handbook_build/site_pages.py, git_dates.py,
built_pages.py, print_page.py), as plain functions on small HTML (no build, no browser)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from handbook_build import built_pages, git_dates, print_page, site_pages
from handbook_build.site_config import SiteConfig, nav_items

SITE_DESCRIPTION = "Regionaal draaiboek om zij-instromers op te leiden."


def page(article: str, *, head: str = "", article_class: str = "md-content__inner md-typeset") -> str:
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8">{head}<title>T</title></head><body>'
            f'<article class="{article_class}">{article}</article></body></html>')


def test_the_runtime_settings_get_the_paths_and_keep_their_root() -> None:
    text = '<script type="application/json" id="hb-runtime">{"root": "../../"}</script>'
    filled = site_pages.add_runtime_paths(text, {"data": "assets/data/x.json", "pyodide": "assets/pyodide/1/"})
    settings = json.loads(filled.split(">", 1)[1].split("</script>")[0])
    assert settings == {"data": "assets/data/x.json", "pyodide": "assets/pyodide/1/", "root": "../../"}
    assert site_pages.add_runtime_paths("<p>geen rekenhulp</p>", {"data": "x"}) == "<p>geen rekenhulp</p>"


def test_task_lists_become_checklists_keyed_on_the_page_address() -> None:
    html = ('<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox" disabled/><span class="task-list-indicator"></span></label> VOG aangevraagd</li>'
            '</ul>')
    marked = site_pages.add_checklists(html, "bijlagen/stap-5/e/", "2026.1")
    assert '<ul class="task-list hb-checklist" data-checklist="bijlagen/stap-5/e/#1" data-version="2026.1">' in marked
    assert 'aria-label="VOG aangevraagd"' in marked
    assert 'data-checklist="/#1"' in site_pages.add_checklists(html, "", "2026.1")  # the start page, as before


def test_a_page_without_its_own_description_gets_its_first_real_paragraph() -> None:
    site_meta = f'<meta name="description" content="{SITE_DESCRIPTION}">'
    text = page('<a href="e" class="md-content__button md-icon" title="Bewerk">e</a><h1>Kop</h1><p>Kort.</p>'
                '<p>De matchingsfase koppelt kandidaten aan huisartsen &amp; praktijken, met "klikgesprekken".</p>',
                head=site_meta)
    described = site_pages.add_description(text, SITE_DESCRIPTION)
    assert ('<meta name="description" content="De matchingsfase koppelt kandidaten aan huisartsen &amp; '
            'praktijken, met &quot;klikgesprekken&quot;.">') in described
    own = page("<p>Een alinea die lang genoeg is om te tellen.</p>", head='<meta name="description" content="Eigen.">')
    assert site_pages.add_description(own, SITE_DESCRIPTION) == own  # the front matter's description stays
    assert '<meta name="description"' in site_pages.add_description(page("<p>Lang genoeg om te tellen hier.</p>"),
                                                                    SITE_DESCRIPTION)


def test_the_marker_becomes_the_date_line() -> None:
    text = page(f"<p>x</p>{site_pages.LAST_UPDATED_MARKER}")
    dated = site_pages.add_last_updated(text, dt.date(2026, 3, 5))
    assert ('<aside class="md-source-file hb-updated"><p>Laatst bijgewerkt: <span class="hb-updated__date">'
            "5 maart 2026</span></p></aside>") in dated
    assert site_pages.LAST_UPDATED_MARKER not in site_pages.add_last_updated(text, None)


def git(folder: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if day:
        env |= {"GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_git_gives_each_file_its_last_change_on_amsterdam_time(tmp_path: Path,
                                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    docs = tmp_path / "docs"
    (docs / "stappen").mkdir(parents=True)
    git(tmp_path, "init", "-q")
    (docs / "a.md").write_text("a\n")
    (docs / "stappen" / "b.md").write_text("b\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "first", day="2026-01-10T12:00:00+01:00")
    (docs / "a.md").write_text("a, changed\n")
    git(tmp_path, "commit", "-qam", "second", day="2026-02-28T23:30:00+00:00")  # 1 March in Amsterdam
    git(tmp_path, "mv", "docs/stappen/b.md", "docs/stappen/c.md")
    git(tmp_path, "commit", "-qm", "rename only", day="2026-04-01T12:00:00+02:00")
    days = git_dates.last_changes(docs)
    assert days["a.md"] == dt.date(2026, 3, 1)
    assert days["stappen/c.md"] == dt.date(2026, 1, 10)  # a rename does not count; the history follows the file
    assert git_dates.last_changes(tmp_path_factory.mktemp("no-git")) == {}  # outside a checkout: the build date


def test_a_built_page_knows_its_markdown_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ("index.md", "stappen/index.md", "stappen/stap-5.md", "regio/README.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n")
    assert built_pages.source_of("", docs) == "index.md"
    assert built_pages.source_of("stappen/", docs) == "stappen/index.md"
    assert built_pages.source_of("stappen/stap-5/", docs) == "stappen/stap-5.md"
    assert built_pages.source_of("regio/", docs) == "regio/README.md"
    assert built_pages.source_of("gegenereerd/", docs) is None


@pytest.mark.parametrize("tags_first", [True, False], ids=["material", "zensical"])
def test_the_main_text_leaves_out_the_theme_chrome(tags_first: bool) -> None:
    tags = '<nav class="md-tags" ><a href="../#stap-5" class="md-tag">Stap 5</a></nav>'
    body = (f'<a id="__skip" tabindex="-1"></a><a href="e" title="Bewerk" class="md-content__button md-icon">'
            f'<svg></svg></a><h1 id="t">Tip</h1><p>Tekst.</p>{site_pages.last_updated_html(dt.date(2026, 1, 1))}')
    article = tags + body if tags_first else body.replace("<p>Tekst.</p>", "<p>Tekst.</p>" + tags)
    assert built_pages.main_content(page(article)) == '<h1 id="t">Tip</h1><p>Tekst.</p>'


SHELL = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Handboek</title>'
    '<link rel="stylesheet" href="/hb/assets/stylesheets/main.css"></head><body>'
    '<nav class="md-nav"><a href="/hb/stappen/">Stappen</a></nav>'
    '<article class="md-content__inner md-typeset"><h1>Pagina niet gevonden</h1></article>'
    '<script id="__config" type="application/json">{"base":"/hb","search":"/hb/assets/search.js"}</script>'
    '<script src="/hb/assets/javascripts/bundle.js"></script></body></html>'
)


def small_site(tmp_path: Path) -> tuple[Path, list[built_pages.BuiltPage]]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "404.html").write_text(SHELL)
    texts = {
        "": '<h1 id="welkom">Welkom</h1><p>Zie <a href="stappen/stap-5/#klik">de klik</a>, <a href="#welkom">hier</a>,'
            ' <a href="rekenhulpen/kosten/?uren=30">de rekenhulp</a> en <a href="https://example.org/">buiten</a>.</p>',
        "stappen/": '<h1 id="de-stappen">De stappen</h1><p><img src="../assets/x.svg" alt=""></p>',
        "stappen/stap-5/": '<h1 id="stap-5">Stap 5</h1><h2 id="klik">Klik</h2><p><a href="../">terug</a>'
                           '<label for="veld">v</label><input id="veld"></p>',
        "rekenhulpen/kosten/": '<h1 id="kosten">Kosten</h1>',
    }
    pages = [built_pages.BuiltPage(site / url / "index.html", url, (url or "index").rstrip("/") + ".md", page(body))
             for url, body in texts.items()]
    pages[1].source = "stappen/index.md"
    return site, pages


CONFIG = SiteConfig(
    site_name="Handboek · Voorbeeld", site_description="Een draaiboek.", site_url="https://example.org/hb/",
    repo_url="https://example.org/repo", copyright="Geen rechten.",
    nav=[{"Start": "index.md"}, {"De stappen": ["stappen/index.md", {"5. Matching": "stappen/stap-5.md"}]},
         {"Rekenhulpen": [{"Kosten": "rekenhulpen/kosten.md"}]}],
    extra={"print_page": {"exclude": ["rekenhulpen/*"]}},
)


def test_the_print_page_has_each_page_once_with_links_inside_it(tmp_path: Path) -> None:
    site, pages = small_site(tmp_path)
    text = print_page.build_print_page(site, pages, CONFIG, "<div class='hb-cover'><h1>Handboek · Voorbeeld</h1></div>")
    body = text.split('<article class="md-content__inner md-typeset">', 1)[1]
    # The frame: the 404 page's addresses relative to print_page/, the handbook's title, its own article gone.
    assert 'href="../assets/stylesheets/main.css"' in text and 'src="../assets/javascripts/bundle.js"' in text
    assert '"search":"../assets/search.js"' in text and "<title>Handboek · Voorbeeld</title>" in text
    assert "Pagina niet gevonden" not in text
    # Cover, contents, then the pages in nav order; the calculator left out, and so its empty section.
    assert body.index('id="hb-print-cover"') < body.index("Inhoud") < body.index('id="index"') < body.index(
        'id="stappen"') < body.index('id="stappen-stap-5"')
    assert "rekenhulpen-kosten" not in body and "Rekenhulpen" not in body and "heading-number" not in body
    # The section opened by its index page gets no heading of its own; the contents link to that page.
    assert '<section class="hb-print-section" id="hb-print-section-1"><section class="hb-print-page"' in body
    assert '<li><a href="#stappen">De stappen</a><ul><li><a href="#stappen-stap-5">5. Matching</a>' in body
    # Ids prefixed per page, links to printed pages now anchors, the rest relative to print_page/.
    assert '<h2 id="stappen-stap-5-klik">' in body and 'for="stappen-stap-5-veld"' in body
    assert 'href="#stappen-stap-5-klik"' in body and 'href="#index-welkom"' in body and 'href="#index"' in body
    assert 'href="../rekenhulpen/kosten/?uren=30"' in body and 'href="https://example.org/"' in body
    assert 'src="../assets/x.svg"' in body


def test_a_page_of_the_nav_missing_from_the_site_stops_the_print_page(tmp_path: Path) -> None:
    site, pages = small_site(tmp_path)
    with pytest.raises(print_page.PrintPageError, match="stappen/stap-5.md"):
        print_page.build_print_page(site, [p for p in pages if p.url != "stappen/stap-5/"], CONFIG, "")


def test_nav_items_read_every_form_of_the_nav() -> None:
    items = nav_items([{"Start": "index.md"}, "over.md", {"Groep": ["g/index.md", {"Buiten": "https://x.org"}]}])
    assert [item.path for top in items for item in top.pages()] == ["index.md", "over.md", "g/index.md"]
    assert items[2].title == "Groep" and items[1].title is None
