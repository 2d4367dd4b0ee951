"""The progress overview: every tickable checklist of the built site, listed per step on the page that asks for it.

A pipeline step over the built HTML, so it works after any generator. It reads the named checklists
(documents/checklists.py: `data-checklist="<page>#<n>"`, `data-version`) from every page, also marking the task
lists a generator left unmarked (Zensical runs no hooks), and fills the placeholders of the overview page
(docs/stappen/voortgang.md):

- `<div data-progress="table"></div>`: a table with one row per step (points in its checklists);
- `<div data-progress="steps"></div>`: per step a heading, per page a heading, per checklist a link to it with its
  points, each point a link to its checklist.

That is the whole index: the page works without JavaScript as a list of every checklist, and
overrides/assets/javascripts/progress.js adds the done / open counts from the ticks checklists.js keeps in
localStorage ("hb-checklist:<version>:<checklist>": the indexes of the ticked boxes, in document order).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from handbook_build.documents.checklists import mark_checklists, name_checkboxes

# The step a page belongs to, from its URL: the step page itself or one of its bijlagen.
_STEP_PAGE = re.compile(r"^stappen/stap-(\d+)-[^/]+/$")
_STEP_URL = re.compile(r"^(?:stappen/stap-(\d+)-[^/]+/|bijlagen/stap-(\d+)/)")
_PLACEHOLDER = re.compile(r'<div(?P<attributes>[^>]*?)\sdata-progress="(?P<kind>table|steps)"(?P<rest>[^>]*)></div>')
# Pages that repeat other pages (print-site's whole handbook) or are no page of the handbook.
_SKIPPED = ("assets/", "print_page/")
OTHER_PAGES = "Andere pagina's"


@dataclass(frozen=True)
class Checklist:
    """One top-level checklist: its id (the key of its saved ticks) and what the overview shows of it."""

    id: str
    page: str
    page_title: str
    heading: str
    anchor: str
    items: tuple[str, ...]

    @property
    def step(self) -> int | None:
        match = _STEP_URL.match(self.page)
        return int(match.group(1) or match.group(2)) if match else None

    @property
    def label(self) -> str:
        """How the overview names the list: the heading above it, else the page's title."""
        return self.heading or self.page_title


@dataclass(frozen=True)
class StepGroup:
    """The checklists of one step (number None: pages outside the steps), with the step page's title and URL."""

    number: int | None
    title: str
    page: str
    checklists: tuple[Checklist, ...]

    @property
    def anchor(self) -> str:
        return f"voortgang-stap-{self.number}" if self.number is not None else "voortgang-overig"

    @property
    def points(self) -> int:
        return sum(len(checklist.items) for checklist in self.checklists)


class _PageReader(HTMLParser):
    """The page's title (first h1), and each top-level checklist with the nearest heading before it."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.title = ""
        self.found: list[tuple[str, str, str, list[str]]] = []  # id, heading, anchor, items
        self._heading: tuple[str, str] = ("", "")
        self._heading_tag = ""
        self._heading_id = ""
        self._heading_text: list[str] = []
        self._skip_depth = 0  # inside a heading's permalink (¶)
        self._list_depth = 0  # <ul>/<ol> depth inside the current checklist (0: outside any)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if re.fullmatch(r"h[1-6]", tag) and not self._list_depth:
            self._heading_tag, self._heading_id, self._heading_text = tag, attributes.get("id", ""), []
        elif tag == "a" and self._heading_tag and "headerlink" in attributes.get("class", "").split():
            self._skip_depth += 1
        elif tag in ("ul", "ol"):
            if self._list_depth:
                self._list_depth += 1
            elif "data-checklist" in attributes:
                self._list_depth = 1
                self.found.append((attributes["data-checklist"], *self._heading, []))
        elif tag == "input" and self._list_depth and attributes.get("type") == "checkbox":
            items = self.found[-1][3]
            items.append(" ".join(attributes.get("aria-label", "").split()) or f"Punt {len(items) + 1}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip_depth:
            self._skip_depth -= 1
        elif tag == self._heading_tag:
            text = " ".join("".join(self._heading_text).split())
            if tag == "h1" and not self.title:
                self.title = text
            self._heading = (text, self._heading_id)
            self._heading_tag = ""
        elif tag in ("ul", "ol") and self._list_depth:
            self._list_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._heading_tag and not self._skip_depth:
            self._heading_text.append(data)


def read_page(html: str, page: str) -> tuple[str, list[Checklist]]:
    """The title of a built page and its top-level checklists, in document order."""
    reader = _PageReader(page)
    reader.feed(html)
    reader.close()
    return reader.title, [
        Checklist(checklist_id, page, reader.title, heading, anchor, tuple(items))
        for checklist_id, heading, anchor, items in reader.found
        if items
    ]


def page_url(site_dir: Path, path: Path) -> str:
    """The URL of a built page relative to the site root, as MkDocs writes page.url ('stappen/' for its index)."""
    relative = path.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one page URL to another (both relative to the site root), with an optional fragment."""
    start = from_page.rstrip("/") if from_page.endswith("/") else posixpath.dirname(from_page)
    target = posixpath.relpath(to_page or ".", start or ".")
    if to_page.endswith("/") and target != ".":
        target += "/"
    elif target == ".":
        target = "./"
    return f"{target}#{anchor}" if anchor else target


def _pages(site_dir: Path) -> list[Path]:
    return [path for path in sorted(site_dir.rglob("*.html"))
            if not path.relative_to(site_dir).as_posix().startswith(_SKIPPED) and path.name != "404.html"]


def mark_site(site_dir: Path, version: str) -> list[Path]:
    """Name and number the task lists of pages a generator left unmarked (Zensical, which runs no hooks)."""
    changed = []
    for path in _pages(site_dir):
        text = path.read_text(encoding="utf-8")
        if '<ul class="task-list">' not in text:
            continue
        path.write_text(mark_checklists(name_checkboxes(text), page_url(site_dir, path), version), encoding="utf-8")
        changed.append(path)
    return changed


def site_checklists(site_dir: Path) -> list[StepGroup]:
    """Every checklist of the built site grouped per step, in step order (step page first, then its bijlagen);
    pages outside the steps last."""
    titles: dict[int, tuple[str, str]] = {}
    found: list[Checklist] = []
    for path in _pages(site_dir):
        url = page_url(site_dir, path)
        step_page = _STEP_PAGE.match(url)
        text = path.read_text(encoding="utf-8")
        if not step_page and "data-checklist=" not in text:
            continue
        title, checklists = read_page(text, url)
        if step_page:
            titles[int(step_page.group(1))] = (title, url)
        found.extend(checklists)

    def order(checklist: Checklist) -> tuple[int, bool, str]:
        return (checklist.step if checklist.step is not None else 10_000, not checklist.page.startswith("stappen/"),
                checklist.page)

    found.sort(key=order)  # stable: a page's lists keep their order
    groups: dict[int | None, list[Checklist]] = {}
    for checklist in found:
        groups.setdefault(checklist.step, []).append(checklist)
    return [
        StepGroup(number, *(titles.get(number, (f"Stap {number}", "")) if number is not None else (OTHER_PAGES, "")),
                  tuple(checklists))
        for number, checklists in groups.items()
    ]


def _points(count: int) -> str:
    return f"{count} punt" if count == 1 else f"{count} punten"


def render_table(groups: list[StepGroup]) -> str:
    """The overview at a glance: per step its points, done and open (the last two filled in by progress.js)."""
    rows = "".join(
        f'<tr data-progress-row="{group.anchor}"><th scope="row"><a href="#{group.anchor}">{escape(group.title)}</a>'
        f'</th><td>{group.points}</td><td data-progress-done>–</td><td data-progress-open>–</td></tr>\n'
        for group in groups
    )
    total = sum(group.points for group in groups)
    return (
        "<table>\n<caption>Voortgang per stap</caption>\n"
        '<thead><tr><th scope="col">Stap</th><th scope="col">Punten</th><th scope="col">Gedaan</th>'
        '<th scope="col">Open</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n"
        f'<tfoot><tr data-progress-row="totaal"><th scope="row">Totaal</th><td>{total}</td>'
        "<td data-progress-done>–</td><td data-progress-open>–</td></tr></tfoot>\n</table>\n"
    )


def _render_checklist(checklist: Checklist, here: str) -> str:
    link = escape(relative_link(here, checklist.page, checklist.anchor))
    items = "".join(f'<li data-progress-item="{index}"><a href="{link}">{escape(text)}</a></li>\n'
                    for index, text in enumerate(checklist.items))
    return (
        f'<li class="hb-progress-list" data-progress-checklist="{escape(checklist.id)}" '
        f'data-items="{len(checklist.items)}">\n'
        f'<p><a href="{link}">{escape(checklist.label)}</a> '
        f'<span class="hb-progress-count" data-progress-count>({_points(len(checklist.items))})</span></p>\n'
        f'<ul class="hb-progress-items">\n{items}</ul>\n</li>\n'
    )


def render_steps(groups: list[StepGroup], here: str) -> str:
    """Per step a heading and a summary; per page a heading; per checklist its link, count and points."""
    parts = []
    for group in groups:
        lists = len(group.checklists)
        parts.append(
            f'<div class="hb-progress-step" data-progress-step="{group.anchor}">\n'
            f'<h2 id="{group.anchor}">{escape(group.title)}</h2>\n'
            f'<p class="hb-progress-summary" data-progress-summary>{_points(group.points)} in {lists} '
            f'{"checklist" if lists == 1 else "checklists"}.</p>\n'
        )
        pages: dict[str, list[Checklist]] = {}
        for checklist in group.checklists:
            pages.setdefault(checklist.page, []).append(checklist)
        for page, checklists in pages.items():
            title = f"Checklist van stap {group.number}" if page == group.page else checklists[0].page_title
            parts.append(f'<h3><a href="{escape(relative_link(here, page))}">{escape(title)}</a>'
                         f'</h3>\n<ul class="hb-progress-lists">\n')
            parts.extend(_render_checklist(checklist, here) for checklist in checklists)
            parts.append("</ul>\n")
        parts.append("</div>\n")
    if not groups:
        parts.append("<p>Dit handboek heeft nog geen checklists om af te vinken.</p>\n")
    return "".join(parts)


def fill_page(html: str, groups: list[StepGroup], here: str, version: str) -> str:
    """The overview page with its empty placeholders filled (filled ones are left as they are)."""

    def fill(match: re.Match[str]) -> str:
        kind = match.group("kind")
        body = render_table(groups) if kind == "table" else render_steps(groups, here)
        return (f'<div{match.group("attributes")} data-progress="{kind}"{match.group("rest")} '
                f'data-version="{escape(version)}" data-progress-filled>\n{body}</div>')

    return _PLACEHOLDER.sub(fill, html)


def write_overview(site_dir: Path, version: str) -> list[Path]:
    """Mark unmarked checklists, then fill every page that holds a progress placeholder; the pages it changed."""
    changed = mark_site(site_dir, version)
    groups = None
    for path in _pages(site_dir):
        text = path.read_text(encoding="utf-8")
        if 'data-progress="' not in text:
            continue
        groups = site_checklists(site_dir) if groups is None else groups
        filled = fill_page(text, groups, page_url(site_dir, path), version)
        if filled != text:
            path.write_text(filled, encoding="utf-8")
            changed.append(path)
    return changed
