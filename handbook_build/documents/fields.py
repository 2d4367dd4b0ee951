"""Fill the fields the project knows (⟦region.name⟧, ⟦param:key⟧, ⟦fact:file.key⟧) into a document; leave the user's
[placeholders].

Two kinds of blanks, on purpose different in syntax:
- ⟦…⟧ is filled here from the data bundle. Jinja's {{ }} is taken by mkdocs-macros, and a bracket pair that
  no editor types by accident cannot be mistaken for text.
- [naam praktijk] is for the reader: it stays visible in the page and in the Word file.
Optional region fields that a region has not set become such a visible placeholder; a field without a
fallback that the region file lacks is an error naming the file, the key and the documents that need it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculators import Parameters
from calculators._format import format_value, long_date, number, percent
from calculators._parameters import ParameterError
from handbook_build.documents.model import Document, DocumentError

FIELD = re.compile(r"⟦([^⟦⟧]*)⟧")
# Region fields with a visible placeholder for when the region (or the national version) has none.
_FALLBACKS = {
    "name": "[regio]",
    "organisations": "[namen van de samenwerkende partijen]",
    "lead": "[organisatie van de projectcoördinator]",
    "school": "[naam school]",
}


@dataclass(frozen=True)
class Figure:
    """A figure taken from data/, shown with its source under the document."""

    label: str
    text: str
    source_url: str
    peildatum: dt.date


def _names(items: Iterable[Mapping[str, Any]]) -> list[str]:
    return [str(item["name"]) for item in items if item.get("name")]


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def region_value(region: Mapping[str, Any], key: str) -> str | None:
    """The region's text for `key`, its visible placeholder, or None when the region file must have it."""
    national = bool(region.get("is_national_default"))
    if key in ("organisations", "lead"):
        names = [] if national else _names(region.get("organisations") or [])
        if not names:
            return _FALLBACKS[key]
        return _joined(names) if key == "organisations" else names[0]
    if key == "school":
        names = [] if national else _names(region.get("schools") or [])
        return names[0] if names else _FALLBACKS[key]
    value = region.get(key)
    if key == "name" and value and national:
        return _FALLBACKS["name"]  # the national version: every region fills in its own name
    if isinstance(value, str) and value.strip():
        return value.strip()
    return _FALLBACKS.get(key) if key != "name" else None


def _source_url(bundle: Mapping[str, Any], source: str) -> str:
    if source.startswith("doc:"):
        return bundle["documents"][source[4:]]["url"]
    return source


def _fact(bundle: Mapping[str, Any], document: Document, key: str) -> Figure:
    """A figure from data/<file>.yaml of kind facts (⟦fact:labour_market.pilot_applicants⟧), with its year."""
    file, _, name = key.partition(".")
    fact = bundle["facts"].get(file, {}).get("facts", {}).get(name)
    if fact is None:
        raise DocumentError(f"{document.source}: ⟦fact:{key}⟧: onbekend feit (gebruik bestand.sleutel uit "
                            f"data/, zoals labour_market.pilot_applicants)")
    value = fact["value"]
    text = {"percent": percent, "million": lambda v: f"{number(v)} miljoen"}.get(fact["unit"], number)(value)
    peildatum = fact["peildatum"]
    if isinstance(peildatum, str):
        peildatum = dt.date.fromisoformat(peildatum)
    label = fact["label"] if str(fact["year"]) in fact["label"] else f"{fact['label']} ({fact['year']})"
    return Figure(label, text, _source_url(bundle, fact["source"]), peildatum)


def fields_in(document: Document) -> list[str]:
    return FIELD.findall(document.body)


def check_region_fields(documents: Iterable[Document], bundle: Mapping[str, Any]) -> None:
    """Fail with file, key and the documents that need it when the region lacks a field."""
    region = bundle["region"]
    needed: dict[str, list[str]] = {}
    for document in documents:
        for field in fields_in(document):
            if field.startswith("region.") and region_value(region, field[len("region."):]) is None:
                needed.setdefault(field[len("region."):], []).append(f"{document.bijlage} ({document.id})")
    if needed:
        file = region.get("file", "data/region.yaml")
        lines = [f"{file}: sleutel '{key}' ontbreekt of is leeg; nodig voor de documenten {', '.join(docs)}"
                 for key, docs in sorted(needed.items())]
        raise DocumentError("\n".join(lines))


def fill_fields(document: Document, bundle: Mapping[str, Any], on: dt.date) -> tuple[str, list[Figure]]:
    """The document's Markdown with every ⟦field⟧ filled, and the figures used (for the sources list)."""
    parameters = Parameters(bundle)
    figures: list[Figure] = []

    def replace(match: re.Match[str]) -> str:
        field = match.group(1).strip()
        if field.startswith("region."):
            value = region_value(bundle["region"], field[len("region."):])
            if value is None:
                check_region_fields([document], bundle)  # raises with file, key and document
            return value
        if field.startswith("param:"):
            key, _, option = field[len("param:"):].partition("|")
            if option not in ("", "bare"):
                raise DocumentError(f"{document.source}: ⟦{field}⟧: onbekende optie '{option}' (alleen |bare)")
            try:
                parameter = parameters.get(key)
                entry = parameter.entry_on(on)
            except (KeyError, ParameterError) as error:
                raise DocumentError(f"{document.source}: {field}: {error}") from None
            text = format_value(parameter.unit, entry.value)
            label = parameter.label + (" (een aanname van het handboek)" if parameter.assumption else "")
            figure = Figure(label, text, _source_url(bundle, entry.source), entry.peildatum)
            if figure not in figures:
                figures.append(figure)
            # |bare: the number alone, for "3 tot 4 dagen" written around it (the sources keep the unit)
            if option == "bare":
                if isinstance(entry.value, bool) or not isinstance(entry.value, int | float | Decimal):
                    raise DocumentError(f"{document.source}: ⟦{field}⟧: |bare kan alleen bij een getal")
                return number(entry.value)
            return text
        if field.startswith(("claim:", "scheme:")):
            return _scheme_field(document, bundle, field, on, figures)
        if field.startswith("fact:"):
            figure = _fact(bundle, document, field[len("fact:"):])
            if figure not in figures:
                figures.append(figure)
            return figure.text
        raise DocumentError(f"{document.source}: onbekend veld ⟦{field}⟧ (gebruik region.…, param:…, fact:…, "
                            "scheme:… of claim:…|…)")

    return FIELD.sub(replace, document.body), figures


def _scheme_field(document: Document, bundle: Mapping[str, Any], field: str, on: dt.date,
                  figures: list[Figure]) -> str:
    """⟦scheme:id⟧: the scheme's status in brackets; ⟦claim:id|text⟧: the text as a claim with its status in front
    when the scheme is not open (handbook_build/pages/schemes.py). The status and its source go in the sources."""
    from handbook_build.pages.schemes import scheme_claim_markdown, scheme_status_text

    kind, _, rest = field.partition(":")
    scheme_id, _, claim = rest.partition("|")
    scheme_id = scheme_id.strip()
    if scheme_id not in bundle["schemes"]:
        raise DocumentError(f"{document.source}: ⟦{field}⟧: onbekende regeling '{scheme_id}'")
    if kind == "claim" and not claim.strip():
        raise DocumentError(f"{document.source}: ⟦{field}⟧: na de regeling volgt '|' en de zin (⟦claim:regeling|zin⟧)")
    if kind == "claim":
        text, status = scheme_claim_markdown(bundle, scheme_id, " ".join(claim.split()), on)
    else:
        text, status = scheme_status_text(bundle, scheme_id, on)
    figure = Figure(f"Status van {bundle['schemes'][scheme_id]['title']}", status.phrase(), status.source,
                    status.peildatum)
    if figure not in figures:
        figures.append(figure)
    return text


def sources_section(figures: list[Figure]) -> str:
    """Markdown listing where each figure in the document comes from."""
    if not figures:
        return ""
    lines = ["## Bronnen van de cijfers", ""]
    lines += [f"- {figure.label}: {figure.text}. Bron: <{figure.source_url}> (peildatum "
              f"{long_date(figure.peildatum)})" for figure in figures]
    return "\n".join(lines) + "\n"
