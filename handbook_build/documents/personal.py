"""Word templates of the personal documents, filled in the reader's browser by calculators/_docx.py.

Each template comes from the same document source as the bijlage (so its wording and the region's fields are the
same), with the reader's placeholders replaced by tokens: `[startdatum BVP]` becomes `{{hb:bvp-start}}`. A token
is one piece of plain text, so the Word writer puts it in one run and the filler finds it whole. Tables that the
calculator fills row by row get one marked row (`{{hb:row.start}}`) that the filler repeats.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calculators._docx import TEMPLATE_DIR
from calculators._format import long_date
from handbook_build.documents.build import region_label
from handbook_build.documents.docx_writer import DocxMeta, write_docx
from handbook_build.documents.model import Document, DocumentError, load_documents
from handbook_build.documents.render import PROJECT_DIR, filled_markdown, rewrite_links

_HEADING = re.compile(r"^## (.+)$", re.M)
SOURCES_HEADING = "Bronnen van de cijfers"  # written by fields.sources_section; every template keeps it


@dataclass(frozen=True)
class PersonalTemplate:
    """One template: which document, which of its sections, what replaces them, and which placeholders become tokens."""

    name: str  # file stem in documenten/sjablonen/, and the key the calculators use
    document: str  # id in documents/
    title: str  # the Word title, e.g. "8A Balkenplanning van het project (persoonlijk)"
    tokens: Mapping[str, str]  # visible placeholder -> token name; each must occur in the source
    keep_sections: tuple[str, ...] = ()  # headings (prefixes) to keep; empty: every section
    replace_sections: Mapping[str, str] = field(default_factory=dict)  # heading -> new section, heading included

    @property
    def file_name(self) -> str:
        return f"{self.name}.docx"

    @property
    def path(self) -> str:
        """Site-relative path of the template (the same path the calculators' download buttons name)."""
        return f"{TEMPLATE_DIR}/{self.file_name}"


_PLAN_TABLE = """## Planning met data

Alle fasen en mijlpalen met de data uit de planner.

| Onderdeel | Soort | Begin | Einde | Weken |
|---|---|---|---|---|
| {{hb:row.label}} | {{hb:row.kind}} | {{hb:row.start}} | {{hb:row.end}} | {{hb:row.weeks}} |

Schoolvakanties in regio {{hb:holiday-region}}: {{hb:holidays}}.
"""
_MILESTONE_TABLE = """## Mijlpalen

| Datum | Mijlpaal |
|---|---|
| {{hb:milestone.date}} | {{hb:milestone.label}} |
"""
_MATCH_TOKENS = {
    "[naam kandidaat]": "candidate-name",
    "[naam praktijk]": "practice-name",
    "[plaats praktijk]": "practice-place",
    "[naam huisarts]": "gp-name",
    "[startdatum BVP]": "bvp-start",
}

TEMPLATES: tuple[PersonalTemplate, ...] = (
    PersonalTemplate(
        "8a-balkenplanning", "8a-balkenplanning", "8A Balkenplanning van het project",
        {"[maand en jaar]": "project-start", "[startdatum BVP]": "bvp-start"},
        replace_sections={"Planning in maanden": _PLAN_TABLE, "Mijlpalen": _MILESTONE_TABLE},
    ),
    PersonalTemplate(
        "2c-herinnering-huisartsen", "2c-herinnering-huisartsen", "2C Herinnering aan huisartsen",
        {"[datum eerste brief]": "survey-start", "[sluitingsdatum]": "survey-end"},
    ),
    PersonalTemplate(
        "2f-herinnering-kandidaten", "2f-herinnering-kandidaten", "2F Herinnering aan kandidaten",
        {"[startdatum]": "bvp-start", "[sluitingsdatum]": "recruitment-end", "[datum en tijd]": "info-meeting"},
    ),
    PersonalTemplate(
        "5b-brieven-uwv", "5b-brieven-na-de-match", "5B Brieven na de match, route UWV",
        {**_MATCH_TOKENS, "[datum eerste werkdag]": "first-workday"},
        keep_sections=("Brief 1:", "Brief 4:"),
    ),
    PersonalTemplate(
        "5b-brieven-ssfh", "5b-brieven-na-de-match", "5B Brieven na de match, route SSFH",
        {**_MATCH_TOKENS, "[datum eerste werkdag]": "first-workday"},
        keep_sections=("Brief 2:", "Brief 3:"),
    ),
)


def _sections(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before the first `## ` heading, and (heading, body) for every such section."""
    parts = _HEADING.split(markdown)
    return parts[0], [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def template_markdown(spec: PersonalTemplate, document: Document, bundle: Mapping[str, Any], on: dt.date,
                      site_url: str = "") -> str:
    """The document's filled Markdown with the chosen sections and the reader's placeholders as tokens."""
    markdown = rewrite_links(filled_markdown(document, bundle, on, for_word=True), site_url=site_url or None)
    intro, sections = _sections(markdown)
    wanted = [name for name in (*spec.keep_sections, *spec.replace_sections)
              if not any(heading.startswith(name) for heading, _ in sections)]
    if wanted:
        raise DocumentError(f"{document.source}: kop(pen) {', '.join(wanted)} ontbreken; de persoonlijke versie "
                            f"{spec.name} (handbook_build/documents/personal.py) heeft ze nodig")
    parts = [] if spec.keep_sections else [intro]
    for heading, body in sections:
        if spec.keep_sections and not heading.startswith((*spec.keep_sections, SOURCES_HEADING)):
            continue
        section = spec.replace_sections.get(heading) or f"## {heading}\n\n{body}"
        parts.append(section.strip() + "\n\n")
    text = "".join(parts)
    for placeholder, token in spec.tokens.items():
        # The source wraps its lines, also inside a placeholder: any run of white space matches a space.
        pattern = re.compile(r"\s+".join(re.escape(word) for word in placeholder.split()))
        text, count = pattern.subn("{{hb:" + token + "}}", text)
        if not count:
            raise DocumentError(f"{document.source}: '{placeholder}' staat niet (meer) in de tekst; de persoonlijke "
                                f"versie {spec.name} vult het in (handbook_build/documents/personal.py)")
    return text


def write_personal_templates(site_dir: Path, bundle: Mapping[str, Any], version: str, date: dt.date, *,
                             site_url: str = "", project_dir: Path = PROJECT_DIR) -> list[Path]:
    """Write documenten/sjablonen/<name>.docx for every personal document."""
    documents = load_documents(project_dir)
    written = []
    for spec in TEMPLATES:
        markdown = template_markdown(spec, documents[spec.document], bundle, date, site_url)
        meta = DocxMeta(spec.title, region_label(bundle["region"]), version, long_date(date), date)
        written.append(write_docx(markdown, meta, site_dir / spec.path))
    return written
