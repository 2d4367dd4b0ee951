"""The whole handbook on one page, `print_page/index.html`: the source of the PDF, for any generator.

Made from the built pages (after the pipeline's page steps, so checklists and dates are in), in the order of the
nav with the region applied (handbook_build/site_config.py):

- the frame is the site's own 404 page (the theme's header, navigation, search and scripts, no page of its own
  marked as current); its addresses are absolute from the site root, so they become relative to `print_page/`;
- first a Dutch cover (`overrides/partials/print-cover.html`, rendered with the configuration), then the table of
  contents ("Inhoud"), then one `<section>` per page: its main text (without edit button, tags and date line),
  every id prefixed with the page's own id so ids stay unique, links to a printed page turned into links to its
  section, other links relative to the print page (the PDF step makes them absolute, handbook_build/pdf.py);
- a nav section gets a heading of its own unless its first entry is its index page, which already has one;
  sections without a printed page are left out (the plugin this replaces printed empty title pages for them);
- pages matching `extra.print_page.exclude` in mkdocs.yml (calculators, the tips overview, the contributors'
  pages) are left out.

It replaces mkdocs-print-site-plugin, whose page only MkDocs could make: the same sections, cover and contents,
without its invalid `heading-number` attribute, its English "Figure N" captions and the script that copied the
table of contents in the reader's browser.
"""

from __future__ import annotations

import fnmatch
import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from handbook_build.built_pages import PRINT_DIR, BuiltPage, main_content, replace_article
from handbook_build.problems import BuildError
from handbook_build.site_config import NavItem, SiteConfig

COVER_TEMPLATE = Path("overrides") / "partials" / "print-cover.html"
CONTENTS_TITLE = "Inhoud"
COVER_ID = "hb-print-cover"

_STYLESHEET = re.compile(r'href="([^"]*)assets/stylesheets/')
_SHELL_URL = re.compile(r'\b(href|src)="([^"]*)"')
_SEARCH_CONFIG = re.compile(r'("search":\s*)"([^"]*)"')
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ID_ATTRIBUTE = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls|headers)="([^"]*)"')
_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class PrintPageError(BuildError):
    """The print page could not be made."""


def section_id(url: str) -> str:
    """The id of a page's section: its address with dashes ("over/voorwoord/" -> "over-voorwoord"), the start
    page "index" (as mkdocs-print-site-plugin named them, so links into the print page keep working)."""
    return url.strip("/").replace("/", "-") or "index"


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).replace("¶", "").split())


# --- The frame -----------------------------------------------------------------------------------------


def _shell(site_dir: Path, title: str) -> str:
    """The site's 404 page with its addresses relative to print_page/ and the handbook's title."""
    path = site_dir / "404.html"
    text = path.read_text(encoding="utf-8")
    stylesheet = _STYLESHEET.search(text)
    prefix = stylesheet.group(1) if stylesheet else ""

    def rebase(url: str) -> str:
        if prefix.startswith("/") and url.startswith(prefix):
            return "../" + url[len(prefix):]
        if not url or url.startswith(("#", "/")) or _ABSOLUTE.match(url):
            return url
        return "../" + url

    text = _SHELL_URL.sub(lambda m: f'{m.group(1)}="{rebase(m.group(2))}"', text)
    text = _SEARCH_CONFIG.sub(lambda m: f'{m.group(1)}"{rebase(m.group(2))}"', text, count=1)
    return _TITLE.sub(lambda _: f"<title>{html.escape(title, quote=False)}</title>", text, count=1)


# --- One page's text -----------------------------------------------------------------------------------


def _page_text(page: BuiltPage, printed: dict[str, str]) -> str:
    """The page's main text with prefixed ids and links that work from the print page."""
    own = printed[page.url]

    def prefix_ids(match: re.Match[str]) -> str:
        values = " ".join(f"{own}-{value}" for value in match.group(2).split())
        return f'{match.group(1)}="{values}"'

    def relink(match: re.Match[str]) -> str:
        attribute, url = match.groups()
        return f'{attribute}="{_link(html.unescape(url), page, printed)}"'

    text = _ID_ATTRIBUTE.sub(prefix_ids, main_content(page.text))
    return _URL_ATTRIBUTE.sub(relink, text)


def _link(url: str, page: BuiltPage, printed: dict[str, str]) -> str:
    if url.startswith("#"):
        return f"#{printed[page.url]}-{url[1:]}" if len(url) > 1 else url
    if not url or _ABSOLUTE.match(url) or url.startswith("/"):
        return html.escape(url)
    target = urlsplit(urljoin(f"http://site/{page.url}", url))
    path = target.path.lstrip("/")
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    if path in printed:
        anchor = printed[path]
        return f"#{anchor}-{target.fragment}" if target.fragment else f"#{anchor}"
    rest = ("?" + target.query if target.query else "") + ("#" + target.fragment if target.fragment else "")
    return html.escape("../" + path + rest)


# --- The whole page ------------------------------------------------------------------------------------


def _title(item: NavItem, page: BuiltPage | None) -> str:
    if item.title:
        return item.title
    heading = _H1.search(main_content(page.text)) if page else None
    return _plain(heading.group(1)) if heading else (item.path or "")


def render_cover(project_dir: Path, config: SiteConfig) -> str:
    """The Dutch cover from overrides/partials/print-cover.html (Jinja, given `config`)."""
    import jinja2

    path = project_dir / COVER_TEMPLATE
    if not path.is_file():
        raise PrintPageError(f"{COVER_TEMPLATE} ontbreekt: de voorkant van de printpagina en de pdf.")
    template = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
        path.read_text(encoding="utf-8"))
    return template.render(config=config)


def build_print_page(site_dir: Path, pages: list[BuiltPage], config: SiteConfig, cover: str) -> str:
    """The print page's HTML (see the module's description)."""
    by_source = {page.source: page for page in pages if page.source}
    exclude = list((config.extra.get("print_page") or {}).get("exclude") or [])

    def included(item: NavItem) -> bool:
        return bool(item.path) and not any(fnmatch.fnmatch(item.path, pattern) for pattern in exclude)

    missing = [item.path for top in config.nav_items for item in top.pages()
               if included(item) and item.path not in by_source]
    if missing:
        raise PrintPageError(f"De printpagina mist gebouwde pagina's uit de nav: {', '.join(missing)}")
    printed = {by_source[item.path].url: section_id(by_source[item.path].url)
               for top in config.nav_items for item in top.pages() if included(item)}

    sections: list[str] = []
    contents: list[str] = []
    counter = iter(range(1, 1000))

    def walk(items: tuple[NavItem, ...], into: list[str], toc: list[str]) -> None:
        for item in items:
            if item.path:
                if not included(item):
                    continue
                page = by_source[item.path]
                anchor = printed[page.url]
                toc.append(f'<li><a href="#{anchor}">{html.escape(_title(item, page))}</a></li>')
                into.append(f'<section class="hb-print-page" id="{anchor}">{_page_text(page, printed)}</section>')
                continue
            inner: list[str] = []
            inner_toc: list[str] = []
            walk(item.children, inner, inner_toc)
            if not inner:
                continue
            section = f"hb-print-section-{next(counter)}"
            title = html.escape(item.title or "")
            first = item.children[0]
            if first.path and included(first) and first.path.rsplit("/", 1)[-1] in ("index.md", "README.md"):
                # The section's index page opens it with its own heading, and the contents link to that page.
                heading, target, inner_toc = "", printed[by_source[first.path].url], inner_toc[1:]
            else:
                heading, target = f"<h1>{title}</h1>", section
            into.append(f'<section class="hb-print-section" id="{section}">{heading}{"".join(inner)}</section>')
            nested = f'<ul>{"".join(inner_toc)}</ul>' if inner_toc else ""
            toc.append(f'<li><a href="#{target}">{title}</a>{nested}</li>')

    walk(config.nav_items, sections, contents)
    toc = (f'<nav class="hb-print-toc" aria-labelledby="hb-print-toc-title">'
           f'<h1 id="hb-print-toc-title">{CONTENTS_TITLE}</h1><ul>{"".join(contents)}</ul></nav>')
    body = (f'<div id="hb-print" class="hb-print">'
            f'<section id="{COVER_ID}" class="hb-print-cover">{cover}</section>{toc}{"".join(sections)}</div>')
    return replace_article(_shell(site_dir, config.site_name), body)


def write_print_page(site_dir: Path, pages: list[BuiltPage], config: SiteConfig, project_dir: Path) -> Path | None:
    """Write print_page/index.html; None when the site has no 404 page to frame it (not a whole build)."""
    if not (site_dir / "404.html").is_file():
        return None
    text = build_print_page(site_dir, pages, config, render_cover(project_dir, config))
    target = site_dir / PRINT_DIR / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
