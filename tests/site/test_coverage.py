"""Coverage contract: every step has its page at a stable URL and links each of its bijlagen."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest

# Stable, readable step URLs: changing one needs a redirect, so the test pins them.
STEP_URLS = {
    1: "stappen/stap-1-interesse-peilen/",
    2: "stappen/stap-2-animo-peilen/",
    3: "stappen/stap-3-onderwijstraject/",
    4: "stappen/stap-4-informatie/",
    5: "stappen/stap-5-matching/",
    6: "stappen/stap-6-regelzaken/",
    7: "stappen/stap-7-communicatie/",
    8: "stappen/stap-8-planning/",
}
# The bijlagen of the 2022 playbook, by step and letter (handbook-outline.md).
BIJLAGE_LETTERS = {1: "abcde", 2: "abcdef", 3: "abc", 4: "ab", 5: "abcdefghi", 6: "abcdefg", 7: "a", 8: "a"}


class LinkCollector(HTMLParser):
    """Collects the hrefs inside the article, not the navigation (the menu links everything)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._depth += 1
        elif tag == "a" and self._depth and values.get("href"):
            self.hrefs.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1


def article_links(site: Path, url: str) -> set[str]:
    """Site-relative URLs (without fragment) linked from the article of the page at `url`."""
    collector = LinkCollector()
    collector.feed((site / url / "index.html").read_text(encoding="utf-8"))
    resolved = set()
    for href in collector.hrefs:
        if href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        target = posixpath.normpath(posixpath.join(url, href.split("#")[0]))
        resolved.add(target.rstrip("/") + "/")
    return resolved


def bijlage_urls(site: Path, step: int) -> list[str]:
    folder = site / "bijlagen" / f"stap-{step}"
    return sorted(f"bijlagen/stap-{step}/{page.name}/" for page in folder.iterdir() if page.is_dir())


@pytest.mark.parametrize("step", sorted(STEP_URLS))
def test_step_page_exists_and_links_all_its_bijlagen(built_site: Path, step: int) -> None:
    url = STEP_URLS[step]
    assert (built_site / url / "index.html").is_file()
    bijlagen = bijlage_urls(built_site, step)
    assert [b.split("/")[2][0] for b in bijlagen] == list(BIJLAGE_LETTERS[step])
    missing = set(bijlagen) - article_links(built_site, url)
    assert missing == set()


@pytest.mark.parametrize("step", sorted(STEP_URLS))
def test_each_bijlage_links_back_to_its_step(built_site: Path, step: int) -> None:
    for bijlage in bijlage_urls(built_site, step):
        assert STEP_URLS[step] in article_links(built_site, bijlage), bijlage


def test_bijlagen_overview_lists_every_bijlage(built_site: Path) -> None:
    listed = article_links(built_site, "bijlagen/")
    expected = {b for step in STEP_URLS for b in bijlage_urls(built_site, step)}
    assert len(expected) == sum(len(letters) for letters in BIJLAGE_LETTERS.values())
    assert expected - listed == set()


def test_steps_overview_links_every_step(built_site: Path) -> None:
    assert set(STEP_URLS.values()) <= article_links(built_site, "stappen/")


def test_checklists_are_task_lists(built_site: Path) -> None:
    pages_with_tasks = [
        url for url in STEP_URLS.values()
        if 'class="task-list-item"' in (built_site / url / "index.html").read_text(encoding="utf-8")
    ]
    assert pages_with_tasks == list(STEP_URLS.values())
