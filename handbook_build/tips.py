"""Regional tips (docs/tips/*.md): load them, and render the step-page section and the overview page.

Build-time only (PyYAML); no MkDocs import, so every function can be tested and used by tools/new_tip.py.
The checks of one file live in handbook_build.tip_checks; load_tips refuses to return anything while a tip has a
problem.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handbook_build.problems import DataProblem
from handbook_build.tip_checks import (
    REGIONS_FILE,
    TipError,
    check_tip_file,
    load_regions,
    load_tip_regions,
    validate_tip_file,
)

__all__ = [
    "REGIONS_FILE", "STEP_PAGES", "Tip", "TipError", "load_regions", "load_tip_regions", "load_tips", "material_tags",
    "render_step_tips", "render_tips_overview", "tips_for_step", "validate_tip_file",
]

TIPS_FOLDER = "tips"
CONTRIBUTE_PAGE = "bijdragen/tip-schrijven.md"  # where a step page without tips sends its readers
OVERVIEW_PAGE = "tips/index.md"

# Step number -> (short title as in the navigation, page source relative to docs/).
STEP_PAGES: dict[int, tuple[str, str]] = {
    1: ("Interesse peilen", "stappen/stap-1-interesse-peilen.md"),
    2: ("Animo peilen", "stappen/stap-2-animo-peilen.md"),
    3: ("Onderwijstraject", "stappen/stap-3-onderwijstraject.md"),
    4: ("Informatie", "stappen/stap-4-informatie.md"),
    5: ("Matching", "stappen/stap-5-matching.md"),
    6: ("Regelzaken", "stappen/stap-6-regelzaken.md"),
    7: ("Communicatie", "stappen/stap-7-communicatie.md"),
    8: ("Planning", "stappen/stap-8-planning.md"),
}

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


@dataclass(frozen=True)
class Tip:
    """One regional tip, as its front matter describes it."""

    path: Path
    slug: str
    title: str
    region: str
    steps: tuple[int, ...]
    date: dt.date
    author: str
    tags: tuple[str, ...] = ()
    example: bool = False
    url: str = ""  # source path relative to docs/, e.g. "tips/<slug>.md"


def tip_files(docs_dir: Path) -> list[Path]:
    """Every Markdown file under docs/tips/ except the overview page, including misplaced ones in subfolders."""
    folder = docs_dir / TIPS_FOLDER
    return sorted(p for p in folder.rglob("*.md") if p != folder / "index.md") if folder.is_dir() else []


def load_tips(docs_dir: Path, data_dir: Path) -> list[Tip]:
    """All tips, newest first; raise TipError listing every problem in every tip."""
    regions = load_regions(data_dir)
    tips: list[Tip] = []
    problems: list[DataProblem] = []
    for path in tip_files(docs_dir):
        display = path.relative_to(docs_dir.parent).as_posix()
        if path.parent != docs_dir / TIPS_FOLDER:
            problems.append(DataProblem(display, "", f"zet tips direct in docs/{TIPS_FOLDER}/, niet in een submap"))
            continue
        found, meta = check_tip_file(path, regions, display, data_dir / "schema")
        if found or meta is None:
            problems += found
            continue
        tips.append(Tip(
            path=path, slug=path.stem, title=meta["title"].strip(), region=meta["region"],
            steps=tuple(sorted(meta["steps"])), date=dt.date.fromisoformat(meta["date"]),
            author=meta["author"].strip(), tags=tuple(t.strip() for t in meta.get("tags") or ()),
            example=bool(meta.get("example", False)), url=f"{TIPS_FOLDER}/{path.name}",
        ))
    if problems:
        raise TipError(problems)
    return sorted(tips, key=lambda tip: (-tip.date.toordinal(), tip.title.lower()))


# --- Rendering -----------------------------------------------------------------------------------------


def tips_for_step(tips: Iterable[Tip], step: int) -> list[Tip]:
    """The tips that belong to one step, in the order given."""
    return [tip for tip in tips if step in tip.steps]


def material_tags(tip: Tip) -> list[str]:
    """Tags for Material's tags plugin: steps, region, the tip's own tags and 'Voorbeeld' for examples."""
    tags = [f"Stap {step}" for step in tip.steps] + [f"Regio: {tip.region}", *tip.tags]
    if tip.example:
        tags.append("Voorbeeld")
    return list(dict.fromkeys(tags))


def dutch_date(day: dt.date) -> str:
    """'3 maart 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def slugify(text: str) -> str:
    """ASCII slug for file names and heading ids: 'Noord-Holland' -> 'noord-holland'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _escape(text: str) -> str:
    """Text safe inside a Markdown link label or table cell."""
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


def _link(target: str, page_url: str) -> str:
    """Relative link from the page `page_url` to `target`, both source paths relative to docs/."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def _tip_link(tip: Tip, page_url: str) -> str:
    marker = " (voorbeeld)" if tip.example else ""
    return f"[{_escape(tip.title)}]({_link(tip.url, page_url)}){marker}"


def render_step_tips(tips: Iterable[Tip], step: int, page_url: str) -> str:
    """Markdown for the section 'Tips uit de regio' on a step page (`page_url` e.g. 'stappen/stap-5-matching.md')."""
    found = tips_for_step(tips, step)
    contribute = _link(CONTRIBUTE_PAGE, page_url)
    lines = ["## Tips uit de regio {#tips-uit-de-regio}", ""]
    if not found:
        lines += [f"Er zijn nog geen tips uit de regio bij deze stap. Heeft jouw regio ervaring met deze stap? "
                  f"[Deel een tip]({contribute}), dan kunnen andere regio's ervan leren."]
        return "\n".join(lines) + "\n"
    lines += ["Ervaringen van regio's die deze stap al hebben gezet:", ""]
    lines += [f"- {_tip_link(tip, page_url)}: {_escape(tip.region)}, {_escape(tip.author)}, {dutch_date(tip.date)}"
              for tip in found]
    lines += ["", f"Alle tips staan in het [overzicht van tips]({_link(OVERVIEW_PAGE, page_url)}). "
                  f"Zelf een tip? [Zo voeg je er een toe]({contribute})."]
    return "\n".join(lines) + "\n"


def render_tips_overview(tips: Iterable[Tip], page_url: str = OVERVIEW_PAGE) -> str:
    """Markdown for docs/tips/index.md: a table of all tips, then the tips per step and per region."""
    tips = list(tips)
    if not tips:
        return "Er staan nog geen tips in het handboek.\n"
    examples = sum(tip.example for tip in tips)
    intro = "Er staat 1 tip in het handboek" if len(tips) == 1 else f"Er staan {len(tips)} tips in het handboek"
    intro += f", waarvan {examples} voorbeeld{'en' if examples != 1 else ''}." if examples else "."
    lines = [intro, "", "## Alle tips {#alle-tips}", "",
             "| Tip | Regio | Stappen | Datum | Organisatie |", "|---|---|---|---|---|"]
    for tip in tips:
        steps = ", ".join(f"[{s}]({_link(STEP_PAGES[s][1], page_url)})" for s in tip.steps)
        lines.append(f"| {_tip_link(tip, page_url)} | {_escape(tip.region)} | {steps} | {dutch_date(tip.date)} "
                     f"| {_escape(tip.author)} |")
    lines += ["", "## Tips per stap {#per-stap}", ""]
    for step, (title, page) in STEP_PAGES.items():
        lines += [f"### Stap {step}: {title} {{#stap-{step}}}", ""]
        found = tips_for_step(tips, step)
        lines += [f"- {_tip_link(tip, page_url)}: {_escape(tip.region)}" for tip in found] or [
            f"Nog geen tips bij [stap {step}]({_link(page, page_url)})."]
        lines.append("")
    lines += ["## Tips per regio {#per-regio}", ""]
    for region in sorted({tip.region for tip in tips}, key=lambda r: (r != "Landelijk", r.lower())):
        lines += [f"### {_escape(region)} {{#regio-{slugify(region)}}}", ""]
        lines += [f"- {_tip_link(tip, page_url)}: stap {', '.join(map(str, tip.steps))}"
                  for tip in tips if tip.region == region]
        lines.append("")
    return "\n".join(lines)
