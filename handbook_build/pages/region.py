"""Regional fork support: a region's settings (data/region.yaml) and pages (docs/regio/) reach the site.

Plain functions, no MkDocs import. With the national defaults nothing regional is shown, so the default
build and a fork differ only in the region's own files (no merge conflicts when pulling upstream).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

REGION_FOLDER = "regio"  # a fork's own pages: docs/regio/
REGION_DATA_FOLDER = "regio"  # a fork's own data files (regional schemes): data/regio/
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


def _bound(amount: Decimal | None, unit: str) -> str | None:
    from calculators._format import euro, with_unit

    if amount is None:
        return None
    return euro(amount) if unit == "euro" else with_unit(amount.normalize(), unit)


def cost_defaults_table(bundle: Mapping[str, Any]) -> str:
    """Markdown: every key a region may set under cost_defaults, from the cost calculator's own fields (label,
    unit, what the form accepts, the national default), so the field reference cannot drift from the form."""
    from calculators._format import euro, with_unit
    from calculators.cost.inputs import fields

    national = {**bundle, "region": {**(bundle.get("region") or {}), "cost_defaults": {}}}
    period = bundle["supported_period"]
    lines = ["| Sleutel | Veld in de rekenhulp | Wat je invult | Landelijke standaard |", "|---|---|---|---|"]
    for spec in fields(national):
        if spec.kind == "choice":
            keys = [f"`{key}`" for key, _ in spec.choices]
            accepts = ", ".join(keys[:-1]) + f" of {keys[-1]}"
        elif spec.kind == "date":
            accepts = f"een datum `\"JJJJ-MM-DD\"` van {period['start']} tot en met {period['end']}"
        else:
            whole = "een geheel getal" if spec.kind == "integer" else "een getal"
            low, high = (_bound(bound, spec.unit) for bound in (spec.minimum, spec.maximum))
            bounds = f" van {low} tot en met {high}" if low and high else ""
            accepts = f"{whole}{bounds}" + (f" (in {spec.unit})" if spec.unit and not bounds else "")
        default = spec.default
        if not default.strip():
            default = "leeg"
        elif spec.kind in ("decimal", "integer"):
            default = euro(Decimal(default)) if spec.unit == "euro" else with_unit(Decimal(default), spec.unit)
        label = spec.label.replace("|", "/")
        lines.append(f"| `{spec.name}` | {label} | {accepts} | {default} |")
    return "\n".join(lines)
