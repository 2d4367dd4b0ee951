"""Regional fork support: a region's settings (data/region.yaml) and pages (docs/regio/) reach the site.

Plain functions, no MkDocs import. With the national defaults nothing regional is shown, so the default
build and a fork differ only in the region's own files (no merge conflicts when pulling upstream).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REGION_FOLDER = "regio"
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


def is_regional(region: Mapping[str, Any]) -> bool:
    return not region.get("is_national_default", False)


def site_name(base: str, region: Mapping[str, Any]) -> str:
    """The site title: the handbook's own name, followed by the region for a regional fork."""
    if not is_regional(region):
        return base
    return f"{base} · {region.get('logo_text') or region['name']}"


def regional_pages(docs_dir: Path) -> list[tuple[str, str]]:
    """(docs-relative path, title) of every page in docs/regio/, index first."""
    folder = docs_dir / REGION_FOLDER
    if not folder.is_dir():
        return []
    pages = []
    for path in sorted(folder.glob("*.md"), key=lambda p: (p.name != "index.md", p.name)):
        match = _HEADING.search(path.read_text(encoding="utf-8"))
        pages.append((f"{REGION_FOLDER}/{path.name}", match.group(1).strip() if match else path.stem))
    return pages


def nav_with_region(nav: list, region: Mapping[str, Any], pages: list[tuple[str, str]]) -> list:
    """The nav with a 'Jouw regio' section after the start page, when the fork has regional pages."""
    if not is_regional(region) or not pages:
        return nav
    section = {f"Regio {region['name']}": [{title: path} for path, title in pages]}
    return [nav[0], section, *nav[1:]]


def _relative(target: str, page: str) -> str:
    depth = page.count("/")
    return "../" * depth + target


def render_region_block(region: Mapping[str, Any], pages: list[tuple[str, str]], page: str) -> str:
    """Markdown for the start page: who does what in this region. Empty for the national defaults."""
    if not is_regional(region):
        return ""
    lines = [f"## Jouw regio: {region['name']} {{ #regio }}", ""]
    if region.get("intro"):
        lines += [region["intro"].strip(), ""]
    if region.get("organisations"):
        lines.append("| Organisatie | Rol in het project |")
        lines.append("|---|---|")
        for organisation in region["organisations"]:
            name = organisation["name"]
            if organisation.get("url"):
                name = f"[{name}]({organisation['url']})"
            lines.append(f"| {name} | {organisation['role']} |")
        lines.append("")
    if region.get("schools"):
        names = ", ".join(school["name"] for school in region["schools"])
        lines += [f"**Opleiding:** {names}", ""]
    if pages:
        lines += ["Meer over de aanpak in deze regio:", ""]
        lines += [f"- [{title}]({_relative(path, page)})" for path, title in pages]
        lines.append("")
    return "\n".join(lines)
