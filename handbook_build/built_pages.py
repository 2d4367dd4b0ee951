"""The pages a generator wrote, read back: their address, the Markdown file each was built from, their main text.

Both MkDocs (Material) and Zensical write a page `docs/x/y.md` to `site/x/y/index.html` (directory URLs) and put
its content in `<article class="md-content__inner md-typeset">`, between the theme's own parts: the edit
button, the tags (Material puts them before the text, Zensical after it), the partial `source-file.html` (ours:
the "Laatst bijgewerkt" line) and in Zensical the skip link's target. `main_content` is the article without
those parts, which the pipeline's page steps, the print page and the comparison of generators all read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PRINT_DIR = "print_page"  # the whole handbook on one page (handbook_build/print_page.py), not a page of its own
NOT_PAGES = ("404.html",)

_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*)(</article>)', re.S)
_CHROME = (
    re.compile(r'<nav class="md-tags"[^>]*>.*?</nav>', re.S),
    re.compile(r'<(a|button)\b[^>]*\bclass="md-content__button[^"]*"[^>]*>.*?</\1>', re.S),
    re.compile(r'<aside class="md-source-file[^"]*">.*?</aside>', re.S),
    re.compile(r"<!-- hb:last-updated -->"),
    re.compile(r'<a id="__skip" tabindex="-1"></a>'),  # Zensical: the skip link's target, at the article's top
)


@dataclass
class BuiltPage:
    """One built HTML page of the site and the Markdown file it came from."""

    path: Path
    url: str  # the page's address relative to the site root: "" for the start page, else "x/y/"
    source: str | None  # docs-relative Markdown path, or None when none matches (a generated page)
    text: str
    original: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.original = self.text

    def write(self) -> bool:
        """Write the page back if a step changed it; True when it did."""
        if self.text == self.original:
            return False
        self.path.write_text(self.text, encoding="utf-8")
        self.original = self.text
        return True

    @property
    def depth(self) -> int:
        return self.url.count("/")

    @property
    def root(self) -> str:
        """The site root relative to this page: "." or "../..", as MkDocs writes it."""
        return "/".join([".."] * self.depth) or "."


def page_url(site_dir: Path, path: Path) -> str:
    folder = path.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else folder + "/"


def source_of(url: str, docs_dir: Path) -> str | None:
    """The Markdown file behind the address `url` ("x/y/" comes from x/y.md, x/y/index.md or x/y/README.md)."""
    candidates = [f"{url}index.md", f"{url}README.md"]
    if url:
        candidates.insert(0, url.rstrip("/") + ".md")
    return next((name for name in candidates if (docs_dir / name).is_file()), None)


def read_pages(site_dir: Path, docs_dir: Path) -> list[BuiltPage]:
    """Every page of the site built from a Markdown file (directory URLs), in path order. Not the theme's and
    Pyodide's files under assets/, not 404.html, not the print page."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.relative_to(site_dir)
        if relative.parts[0] in ("assets", PRINT_DIR):
            continue
        url = page_url(site_dir, path)
        pages.append(BuiltPage(path, url, source_of(url, docs_dir), path.read_text(encoding="utf-8")))
    return pages


def article(text: str) -> str:
    """The inner HTML of the page's article ("" when it has none)."""
    match = _ARTICLE.search(text)
    return match.group(2) if match else ""


def without_chrome(html: str) -> str:
    """An article's HTML without the theme's parts (edit button, tags, the date line)."""
    for pattern in _CHROME:
        html = pattern.sub("", html)
    return html


def main_content(text: str) -> str:
    """The page's own text as HTML: its article without the theme's parts."""
    return without_chrome(article(text))


def replace_article(text: str, inner: str) -> str:
    """The page with its article's inner HTML replaced."""
    return _ARTICLE.sub(lambda match: match.group(1) + inner + match.group(3), text, count=1)
