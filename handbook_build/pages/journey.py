"""The content of "Aan de slag" and "Na de start" made from data: who does what, contacts, monitoring, yearly windows.

Plain functions over the data bundle that return Markdown; links are relative to the page the fragment stands on,
which each function is told (no MkDocs page object). data/roles.yaml feeds both the overview and the step pages, so
a step page's table and the overview cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from typing import Any

from calculators._format import count, long_date
from calculators._timeline import study_year_of
from calculators.planning.yearly import yearly_windows
from handbook_build.pages.region import is_regional
from handbook_build.tips import STEP_PAGES

OVERVIEW_PAGE = "aan-de-slag/wie-doet-wat.md"
CONTACTS_PAGE = "aan-de-slag/contacten.md"
EIGEN_REGIO_PAGE = "bijdragen/eigen-regio.md"


def link(target: str, page: str) -> str:
    """Relative link from `page` to `target`, both paths relative to docs/ (anchors kept)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return f"{relative}#{anchor}" if anchor else relative


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


# --- Who does what ------------------------------------------------------------------------------------------------

def _parties(roles: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(roles["parties"])


def phase_page(phase: Mapping[str, Any]) -> str:
    """The page a phase belongs to: its step page, or its page of "Na de start"."""
    return STEP_PAGES[phase["step"]][1] if "step" in phase else phase["page"]


def phase_title(phase: Mapping[str, Any]) -> str:
    return f"Stap {phase['step']}: {phase['label']}" if "step" in phase else f"Na de start: {phase['label']}"


def phase_short_title(phase: Mapping[str, Any]) -> str:
    """The phase as the overview's matrix names it: '4. Informatie', or the label of a phase after the start."""
    return f"{phase['step']}. {STEP_PAGES[phase['step']][0]}" if "step" in phase else phase["label"]


def phase_rows(roles: Mapping[str, Any], phase: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(party label, role label, tasks) for every party with a part in the phase, in the order of the parties."""
    labels = roles["role_labels"]
    return [(party["label"], labels[phase["parts"][party["key"]]["role"]],
             "; ".join(" ".join(task.split()) for task in phase["parts"][party["key"]]["tasks"]))
            for party in _parties(roles) if party["key"] in phase["parts"]]


def phase_table(roles: Mapping[str, Any], phase: Mapping[str, Any]) -> str:
    lines = ["| Wie | Rol | Wat |", "|---|---|---|"]
    lines += [f"| {_cell(who)} | {role} | {_cell(tasks)} |" for who, role, tasks in phase_rows(roles, phase)]
    return "\n".join(lines)


def phases_of(roles: Mapping[str, Any], where: int | str) -> list[Mapping[str, Any]]:
    """The phases of a step (int) or of a page of "Na de start" (its path)."""
    return [phase for phase in roles["phases"] if phase.get("step", phase.get("page")) == where]


def roles_section(bundle: Mapping[str, Any], where: int | str) -> str:
    """The section "Wie doet wat" of a step page (where = the step) or of a page after the start (its path)."""
    roles = bundle["roles"]
    page = STEP_PAGES[where][1] if isinstance(where, int) else where
    heading = "Wie doet wat in deze stap" if isinstance(where, int) else "Wie doet wat in deze fase"
    parts = [f"## {heading} {{ #wie-doet-wat }}", ""]
    for phase in phases_of(roles, where):
        parts += [phase_table(roles, phase), ""]
    parts.append(f"Alle fasen op een rij, ook na de start van de opleiding, staan op "
                 f"[Wie doet wat]({link(OVERVIEW_PAGE, page)}).")
    return "\n".join(parts)


def roles_overview(bundle: Mapping[str, Any], page: str = OVERVIEW_PAGE) -> str:
    """The overview page: who the parties are, a matrix of roles per phase, then each phase's tasks."""
    roles = bundle["roles"]
    parties = _parties(roles)
    labels = roles["role_labels"]
    lines = ["## De partijen {#partijen}", ""]
    for party in parties:
        short = f", in de tabel: {party['short']}" if party["short"].lower() not in party["label"].lower() else ""
        lines += [f"{party['label']}{short}", f":   {' '.join(party['description'].split())}", ""]
    lines += ["## Rollen per fase {#rollen}", "",
              "Wie trekt, wie doet mee, wie denkt mee en wie wordt op de hoogte gehouden. Een leeg vak: die partij "
              "heeft in die fase geen vaste taak.", ""]
    lines.append("| Fase | " + " | ".join(_cell(party["short"]) for party in parties) + " |")
    lines.append("|---|" + "---|" * len(parties))
    for phase in roles["phases"]:
        cells = [labels[phase["parts"][p["key"]]["role"]] if p["key"] in phase["parts"] else "" for p in parties]
        title = f"[{_cell(phase_short_title(phase))}](#fase-{phase['key'].replace('_', '-')})"
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    lines += ["", "## Taken per fase {#taken}", ""]
    for phase in roles["phases"]:
        lines += [f"### {phase_title(phase)} {{ #fase-{phase['key'].replace('_', '-')} }}", "",
                  phase_table(roles, phase), ""]
        sources = ", ".join(f"[{_source_name(url)}]({url})" for url in phase["sources"])
        lines += [f"Meer hierover: [{phase_title(phase)}]({link(phase_page(phase), page)}). Bronnen: {sources}.", ""]
    return "\n".join(lines)


def _source_name(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


# --- Contacts ----------------------------------------------------------------------------------------------------

def _party_labels(bundle: Mapping[str, Any]) -> dict[str, str]:
    return {party["key"]: party["label"] for party in bundle["roles"]["parties"]}


def national_contacts(bundle: Mapping[str, Any]) -> str:
    """The national organisations: name with its public page, what you ask them, and the party in the project."""
    parties = _party_labels(bundle)
    lines = ["| Organisatie | Waarvoor | Rol in het project |", "|---|---|---|"]
    for organisation in bundle["contacts"]["national"]:
        lines.append(f"| [{_cell(organisation['name'])}]({organisation['url']}) | {_cell(organisation['purpose'])} | "
                     f"{_cell(parties[organisation['party']])} |")
    checked = max(organisation["peildatum"] for organisation in bundle["contacts"]["national"])
    lines += ["", f"De adressen zijn gecontroleerd op {long_date(dt.date.fromisoformat(checked))}. Het handboek noemt "
                  "alleen organisaties, geen namen of telefoonnummers van personen: die wisselen."]
    return "\n".join(lines)


def slot_entries(region: Mapping[str, Any], field: str) -> list[Mapping[str, Any]]:
    """What data/region.yaml holds for a regional slot ('schools' or 'contacts.<name>'); empty when not filled."""
    if field == "schools":
        return list(region.get("schools") or [])
    return list((region.get("contacts") or {}).get(field.split(".", 1)[1]) or [])


def empty_slots(bundle: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The regional slots the region has not filled (in the national handbook: all of them)."""
    return [slot for slot in bundle["contacts"]["regional_slots"] if not slot_entries(bundle["region"], slot["field"])]


def _organisation(entry: Mapping[str, Any]) -> str:
    name = _cell(entry["name"])
    return f"[{name}]({entry['url']})" if entry.get("url") else name


def regional_contacts(bundle: Mapping[str, Any], page: str = CONTACTS_PAGE) -> str:
    """The regional contacts: in a fork what the region filled and a list of what is still empty; in the national
    handbook a neutral text with where to look meanwhile."""
    region, contacts = bundle["region"], bundle["contacts"]
    national = {organisation["key"]: organisation for organisation in contacts["national"]}
    slots = contacts["regional_slots"]
    if not is_regional(region):
        lines = ["Dit is de landelijke versie van het handboek. Een regionale versie noemt hier de contacten in de "
                 "eigen regio. Zoek ze intussen via de landelijke organisaties:", "",
                 "| Wat je zoekt | Waar je het vindt |", "|---|---|"]
        for slot in slots:
            organisation = national[slot["national"]]
            lines.append(f"| {_cell(slot['label'])} | [{_cell(organisation['name'])}]({organisation['url']}) |")
        lines += ["", f"Een regio vult deze contacten in `data/region.yaml` in; zie "
                      f"[Een eigen versie voor je regio]({link(EIGEN_REGIO_PAGE + '#velden', page)})."]
        return "\n".join(lines)
    filled = [slot for slot in slots if slot_entries(region, slot["field"])]
    lines = []
    if filled:
        lines += ["| Wat | Organisatie |", "|---|---|"]
        for slot in filled:
            names = ", ".join(_organisation(entry) for entry in slot_entries(region, slot["field"]))
            lines.append(f"| {_cell(slot['label'])} | {names} |")
        lines.append("")
    missing = empty_slots(bundle)
    lines += ["### Nog in te vullen door je regio {#nog-in-te-vullen}", ""]
    if not missing:
        lines.append("Alle regionale contacten zijn ingevuld.")
        return "\n".join(lines)
    lines += [f"Deze contacten staan nog niet in `data/region.yaml` van {region['name']}. Vul ze in (zie "
              f"[de velden van region.yaml]({link(EIGEN_REGIO_PAGE + '#velden', page)})); tot die tijd helpt de "
              "landelijke organisatie verder.", ""]
    for slot in missing:
        organisation = national[slot["national"]]
        lines.append(f"- **{slot['label']}** (`{slot['field']}`): {' '.join(slot['hint'].split())} Intussen: "
                     f"[{organisation['name']}]({organisation['url']}).")
    return "\n".join(lines)


# --- Monitoring --------------------------------------------------------------------------------------------------

def _moment_label(moment: Mapping[str, Any]) -> str:
    if "months_after_diploma" in moment:
        months = count(moment["months_after_diploma"], "maand", "maanden")
        return f"{moment['label']} ({months} later, aanname)"
    return moment["label"]


def monitoring_table(bundle: Mapping[str, Any]) -> str:
    """What to measure: each indicator, how it is counted and at which moments."""
    monitoring = bundle["monitoring"]
    moments = {moment["key"]: _moment_label(moment) for moment in monitoring["moments"]}
    lines = ["| Wat je meet | Hoe je het telt | Wanneer |", "|---|---|---|"]
    for indicator in monitoring["indicators"]:
        when = "<br>".join(_cell(moments[key]) for key in indicator["moments"])
        lines.append(f"| {_cell(indicator['label'])} | {_cell(indicator['definition'])} | {when} |")
    return "\n".join(lines)


def monitoring_moments(bundle: Mapping[str, Any]) -> str:
    """The moments of measuring, each with its note."""
    lines = []
    for moment in bundle["monitoring"]["moments"]:
        note = f". {' '.join(moment['note'].split())}" if moment.get("note") else ""
        lines.append(f"- **{_moment_label(moment)}**{note}")
    return "\n".join(lines)


def report_template(bundle: Mapping[str, Any]) -> str:
    """An empty report for one group of starters: an indicator per row, a moment per column."""
    monitoring = bundle["monitoring"]
    moments = monitoring["moments"]
    lines = ["| Aantal | " + " | ".join(_cell(_moment_label(m)) for m in moments) + " |",
             "|---|" + "---|" * len(moments)]
    for indicator in monitoring["indicators"]:
        cells = ["…" if moment["key"] in indicator["moments"] else "" for moment in moments]
        lines.append(f"| {_cell(indicator['label'])} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report_recipients(bundle: Mapping[str, Any]) -> str:
    """The parties that get the report, as a list with what each of them does in the project."""
    parties = {party["key"]: party for party in bundle["roles"]["parties"]}
    return "\n".join(f"- {parties[key]['label']}: {' '.join(parties[key]['description'].split())}"
                     for key in bundle["monitoring"]["report_to"])


# --- Yearly applications after the start --------------------------------------------------------------------------

def yearly_applications(bundle: Mapping[str, Any], on: dt.date) -> str:
    """The application windows after last school year, this one and the next two (as on `on`), so a region that
    starts now sees its whole programme: which dates the scheme lists, which follow its yearly pattern, what ends."""
    this_year = study_year_of(on)
    first = study_year_of(this_year.first - dt.timedelta(days=1)).first
    last = study_year_of(this_year.last + dt.timedelta(days=366 * 2)).last
    windows, notes = yearly_windows(bundle, first, last)
    lines = ["| Regeling | Aanvraag over studiejaar | Loket open | Laatste dag | Datum |", "|---|---|---|---|---|"]
    for window in windows:
        status = "bekend" if window.known else "verwacht"
        lines.append(f"| [{_cell(window.title)}]({window.url}) | {window.school_year_label} | "
                     f"{long_date(window.opens)} | {long_date(window.closes)} | {status} |")
    for note in notes:
        lines += ["", '!!! warning "Na het einde van de regeling"', f"    {note}"]
    return "\n".join(lines)
