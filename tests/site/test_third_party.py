"""Zero third-party requests: no asset in the built site is loaded from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Attributes through which a page makes the browser fetch something on its own.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# <link rel=...> values that load a resource (alternate/canonical/edit links are only references).
FETCHING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "icon",
                      "apple-touch-icon", "manifest", "dns-prefetch", "shortcut"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")


def is_external(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))


class AssetCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and FETCHING_LINK_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        for attribute in FETCHING_ATTRIBUTES.get(tag, ()):
            for candidate in values.get(attribute, "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.strip().split()[0])
        if "style" in values:
            self.urls.extend(CSS_URL.findall(values["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(CSS_URL.findall(data) + CSS_IMPORT.findall(data))


def external_assets_in_html(html: str) -> list[str]:
    collector = AssetCollector()
    collector.feed(html)
    return [url for url in collector.urls if is_external(url)]


def external_assets_in_css(css: str) -> list[str]:
    return [url for url in CSS_URL.findall(css) + CSS_IMPORT.findall(css) if is_external(url)]


def test_collector_catches_every_kind_of_external_asset() -> None:
    html = """
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="preload" href="//cdn.example.org/font.woff2">
      <link rel="canonical" href="https://example.org/page/">
      <script src="https://cdn.jsdelivr.net/pyodide/pyodide.js"></script>
      <img src="https://example.org/logo.png"><iframe src="https://www.youtube.com/embed/x"></iframe>
      <div style="background: url('https://example.org/bg.png')"></div>
      <style>@import "https://example.org/x.css"; .a { background: url(/local.png) }</style>
      <a href="https://www.uwv.nl/">UWV</a><script src="assets/local.js"></script>
    """
    assert external_assets_in_html(html) == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example.org/font.woff2",
        "https://cdn.jsdelivr.net/pyodide/pyodide.js",
        "https://example.org/logo.png",
        "https://www.youtube.com/embed/x",
        "https://example.org/bg.png",
        "https://example.org/x.css",
    ]
    assert external_assets_in_css("a{background:url(https://x.org/a.png)} b{background:url(img/b.png)}") == [
        "https://x.org/a.png"
    ]


def test_built_html_loads_nothing_from_other_hosts(built_site: Path) -> None:
    offenders = {
        str(page.relative_to(built_site)): found
        for page in built_site.rglob("*.html")
        if (found := external_assets_in_html(page.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_built_css_loads_nothing_from_other_hosts(built_site: Path) -> None:
    sheets = list(built_site.rglob("*.css"))
    assert sheets, "the build produced no stylesheets"
    offenders = {
        str(sheet.relative_to(built_site)): found
        for sheet in sheets
        if (found := external_assets_in_css(sheet.read_text(encoding="utf-8")))
    }
    assert offenders == {}
