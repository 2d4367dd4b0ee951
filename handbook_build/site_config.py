"""The site configuration as one build of this project uses it, whatever the generator: mkdocs.yml read without
MkDocs, with a regional fork's title and nav (data/region.yaml, docs/regio/) applied.

MkDocs gets the same title and nav through hooks/region.py; Zensical through the configuration that
handbook_build.zensical derives from this (it runs no hooks). The print page and the PDF read it here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook_build.options import CONFIG_FILE, read_site_config
from handbook_build.pages import region as regional
from handbook_build.site import SiteContent


@dataclass(frozen=True)
class NavItem:
    """One entry of the nav: a page (`path` set, docs-relative) or a section (`children`)."""

    title: str | None
    path: str | None = None
    children: tuple[NavItem, ...] = ()

    def pages(self) -> Iterator[NavItem]:
        """This entry and every page below it, in order."""
        if self.path:
            yield self
        for child in self.children:
            yield from child.pages()


def nav_items(nav: Any) -> tuple[NavItem, ...]:
    """MkDocs' nav (`- Title: path`, `- path`, `- Section: [...]`) as NavItems; external links are left out."""
    items = []
    for entry in nav or ():
        title, value = (None, entry) if isinstance(entry, str) else next(iter(entry.items()))
        if isinstance(value, list):
            items.append(NavItem(title, children=nav_items(value)))
        elif isinstance(value, str) and "://" not in value:
            items.append(NavItem(title, path=value))
    return tuple(items)


@dataclass(frozen=True)
class SiteConfig:
    site_name: str
    site_description: str
    site_url: str
    repo_url: str
    copyright: str
    nav: list = field(default_factory=list)  # MkDocs' nav as written in the configuration, region included
    extra: dict = field(default_factory=dict)

    @property
    def nav_items(self) -> tuple[NavItem, ...]:
        return nav_items(self.nav)


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def load_site_config(project_dir: Path, content: SiteContent, config_file: str = CONFIG_FILE) -> SiteConfig:
    """The configuration of `project_dir` with its region applied (HB_SITE_URL etc. resolved as MkDocs does)."""
    raw = read_site_config(project_dir, config_file)
    name = regional.site_name(str(raw.get("site_name") or ""), content.region)
    nav = regional.nav_with_region(list(raw.get("nav") or []), content.region, list(content.region_pages))
    site_url = str(raw.get("site_url") or "")
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return SiteConfig(
        site_name=name,
        site_description=_text(raw.get("site_description")),
        site_url=site_url,
        repo_url=str(raw.get("repo_url") or ""),
        copyright=_text(raw.get("copyright")),
        nav=nav,
        extra=dict(raw.get("extra") or {}),
    )
