"""Checks for one regional tip file: front matter fields, region list, and text without HTML, Jinja or privacy leaks.

Build-time only (PyYAML), no MkDocs import. Problems name the file, the field (or line) and a Dutch reason, the way
macros.data reports problems in data/. The public entry points are re-exported by macros.tips.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.data import StrictLoader

REGIONS_FILE = "tip_regions.yaml"
STEP_NUMBERS = frozenset(range(1, 9))  # the 8 steps of the playbook; macros.tips.STEP_PAGES names their pages
REQUIRED_FIELDS = ("title", "region", "steps", "date", "author")
OPTIONAL_FIELDS = ("description", "tags", "example")
MAX_TITLE = 100
MAX_TAG = 40


@dataclass(frozen=True)
class TipProblem:
    """One thing wrong in one tip file."""

    file: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


class TipError(Exception):
    """One or more tips (or the region list) are not valid; the message lists every problem."""

    def __init__(self, problems: list[TipProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Fout in de tips ({len(problems)}):\n{lines}")


# --- Reading -----------------------------------------------------------------------------------------


# The same strict YAML reading as data/: dates stay text, a key given twice is an error.
_FrontMatterLoader = StrictLoader


def load_regions(data_dir: Path) -> list[str]:
    """Region names from data/tip_regions.yaml, in file order; raise TipError if the list is unusable."""
    path = data_dir / REGIONS_FILE
    display = f"data/{REGIONS_FILE}"
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_FrontMatterLoader)  # noqa: S506 - SafeLoader
    except (OSError, yaml.YAMLError) as error:
        raise TipError([TipProblem(display, "(bestand)", f"niet te lezen ({error})")]) from None
    entries = document.get("regions") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("name"), str)
                                                for e in entries):
        raise TipError([TipProblem(display, "regions", "verwacht een lijst met per regio een 'name'")])
    names = [entry["name"] for entry in entries]
    problems = [TipProblem(display, "regions", f"regio '{name}' staat er twee keer in")
                for index, name in enumerate(names) if name in names[:index]]
    problems += [TipProblem(display, "regions", f"provincie '{entry['province']}' van '{entry['name']}' staat "
                            "zelf niet in de lijst") for entry in entries
                 if "province" in entry and entry["province"] not in names]
    if problems:
        raise TipError(problems)
    return names


def _display(path: Path) -> str:
    """'docs/tips/x.md' when the file lies in a docs folder, else the path as given."""
    parts = path.parts
    if "docs" in parts:
        index = len(parts) - 1 - parts[::-1].index("docs")
        return "/".join(parts[index:])
    return path.as_posix()


def _split_front_matter(text: str, display: str) -> tuple[str, int, list[TipProblem]]:
    """(front matter text, index of the first body line, problems); lines are 0-based indexes here."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return "", 0, [TipProblem(display, "front matter", "ontbreekt: begin het bestand met een regel '---'")]
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in {"---", "..."}:
            return "\n".join(lines[1:index]), index + 1, []
    return "", 0, [TipProblem(display, "front matter", "niet afgesloten: zet een regel '---' na de velden")]


def _parse_meta(front: str, display: str) -> tuple[Any, list[TipProblem]]:
    try:
        return yaml.load(front, Loader=_FrontMatterLoader), []  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"front matter (regel {mark.line + 2})" if mark else "front matter"
        return None, [TipProblem(display, where, f"geen geldige YAML ({getattr(error, 'problem', error)})")]


# --- Checking the front matter -------------------------------------------------------------------------


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _meta_problems(meta: dict, regions: Iterable[str], display: str) -> list[TipProblem]:
    regions = list(regions)
    problems: list[TipProblem] = []

    def add(field: str, reason: str) -> None:
        problems.append(TipProblem(display, field, reason))

    for field in REQUIRED_FIELDS:
        if field not in meta or meta[field] is None:
            add(field, "verplicht veld ontbreekt")
    for field in meta:
        if field not in REQUIRED_FIELDS + OPTIONAL_FIELDS:
            allowed = ", ".join(REQUIRED_FIELDS + OPTIONAL_FIELDS)
            add(str(field), f"onbekend veld (typfout?); toegestaan zijn: {allowed}")
    for field in ("title", "author", "description"):
        value = meta.get(field)
        if value is None:
            continue
        if not _is_text(value):
            add(field, f"verwacht tekst, gevonden: {value!r}")
        elif "<" in value or ">" in value:
            add(field, "mag geen HTML of punthaken bevatten")
        elif field != "description" and "\n" in value.strip():
            add(field, "moet op één regel passen")
    title = meta.get("title")
    if _is_text(title) and len(title) > MAX_TITLE:
        add("title", f"is te lang ({len(title)} tekens; maximaal {MAX_TITLE})")
    region = meta.get("region")
    if region is not None:
        if not isinstance(region, str):
            add("region", f"verwacht de naam van één regio, gevonden: {region!r}")
        elif region not in regions:
            add("region", f"onbekende regio '{region}'; kies uit: {', '.join(regions)} "
                          f"(of voeg de regio toe aan data/{REGIONS_FILE})")
    steps = meta.get("steps")
    if steps is not None:
        if not isinstance(steps, list) or not steps:
            add("steps", f"verwacht een lijst met stapnummers, zoals [5, 6]; gevonden: {steps!r}")
        else:
            for step in steps:
                if not isinstance(step, int) or isinstance(step, bool):
                    add("steps", f"verwacht een stapnummer (1 tot en met 8), gevonden: {step!r}")
                elif step not in STEP_NUMBERS:
                    add("steps", f"stap {step} bestaat niet; kies uit 1 tot en met 8")
            if len(set(map(repr, steps))) != len(steps):
                add("steps", "een stap staat er twee keer in")
    date = meta.get("date")
    if date is not None:
        if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            add("date", f"'{date}' is geen datum in de vorm \"JJJJ-MM-DD\" (tussen aanhalingstekens)")
        else:
            try:
                dt.date.fromisoformat(date)
            except ValueError:
                add("date", f"'{date}' is geen bestaande datum")
    tags = meta.get("tags")
    if tags is not None:
        if not isinstance(tags, list):
            add("tags", f"verwacht een lijst met korte trefwoorden, zoals [UWV, hagro]; gevonden: {tags!r}")
        else:
            for tag in tags:
                if not _is_text(tag):
                    add("tags", f"verwacht een trefwoord als tekst, gevonden: {tag!r}")
                elif len(tag) > MAX_TAG or "<" in tag or ">" in tag:
                    add("tags", f"'{tag[:MAX_TAG]}' is geen kort trefwoord (maximaal {MAX_TAG} tekens, geen HTML)")
                elif re.match(r"(stap\s*\d|regio\s*:)", tag, re.IGNORECASE):
                    add("tags", f"'{tag}': stappen en regio worden automatisch tags; noem ze niet nog eens")
            if len({t for t in tags if isinstance(t, str)}) != len(tags):
                add("tags", "een trefwoord staat er twee keer in")
    example = meta.get("example")
    if example is not None and not isinstance(example, bool):
        add("example", f"verwacht true of false, gevonden: {example!r}")
    return problems


# --- Checking the text ---------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>|<[^<>\s@]+@[^<>\s]+>")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_DANGEROUS = re.compile(r"<\s*/?\s*(script|iframe|object|embed)\b", re.IGNORECASE)
_SCRIPTY = re.compile(r"javascript\s*:|\{[^}\n]*\bon[a-z]+\s*=", re.IGNORECASE)
_JINJA = re.compile(r"\{\{|\{%|\{##")
_EXTERNAL_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_MOBILE = re.compile(r"(?<![\d+])(?:\+31|0031|0)[\s.()-]*6(?:[\s.-]*\d){8}(?!\d)")
_H1 = re.compile(r"^#\s")
# Mailbox names of an organisation, not of a person (info@, secretariaat@, zij-instroom@ ...).
_GENERIC_MAILBOX = {
    "info", "contact", "secretariaat", "office", "post", "mail", "algemeen", "project", "projecten",
    "projectbureau", "opleiding", "opleidingen", "stage", "stages", "stagebureau", "instroom", "zijinstroom",
    "werkgever", "werkgevers", "werkgeversservicepunt", "wsp", "werving", "vacature", "vacatures", "hr",
    "personeel", "personeelszaken", "regio", "regiobureau", "bureau", "service", "servicedesk", "support",
    "helpdesk", "team", "praktijk", "kring", "communicatie", "noreply", "aanmelden", "planning", "onderwijs",
}


def _is_personal_email(address: str) -> bool:
    tokens = re.split(r"[._+-]", address.split("@", 1)[0].lower())
    return not any(token.rstrip("0123456789") in _GENERIC_MAILBOX for token in tokens)


def _text_problems(lines: list[str], body_start: int, display: str) -> list[TipProblem]:
    """Checks on every line of the file; line numbers are 1-based, as an editor shows them."""
    problems: list[TipProblem] = []
    in_fence = False
    for index, line in enumerate(lines):
        number = index + 1
        where = f"tekst (regel {number})" if index >= body_start else f"front matter (regel {number})"

        def add(reason: str, where: str = where) -> None:
            problems.append(TipProblem(display, where, reason))

        if _JINJA.search(line):
            add("Jinja-sjabloontekens gevonden ('{{', '{%' of '{##'); die zijn voor de macro's van het "
                "handboek, niet voor tips")
        for address in _EMAIL.findall(line):
            if _is_personal_email(address):
                add(f"e-mailadres '{address}' lijkt van een persoon; noem alleen een algemeen adres van de "
                    "organisatie (zoals info@...) of haar website")
        if _MOBILE.search(line):
            add("mobiel telefoonnummer gevonden; noem geen telefoonnummers van personen, alleen de organisatie")
        if index < body_start:
            continue
        dangerous = _DANGEROUS.search(line)
        if dangerous:
            add(f"{dangerous.group(1).lower()} gevonden; een tip mag geen {dangerous.group(1).lower()} bevatten")
        elif _SCRIPTY.search(line):
            add("script gevonden (javascript: of een on...=-attribuut); een tip mag geen script bevatten")
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        prose = _AUTOLINK.sub("", _CODE_SPAN.sub("", line))
        if not dangerous and _HTML.search(prose):
            add("HTML gevonden; schrijf een tip in gewone Markdown, zonder HTML-tags")
        if _EXTERNAL_IMAGE.search(prose):
            add("afbeelding van een andere website; het handboek laadt niets van andere sites")
        if _H1.match(line):
            add("kop van niveau 1 (# ...); de titel komt uit 'title', begin koppen met ##")
    if not "".join(lines[body_start:]).strip():
        problems.append(TipProblem(display, "tekst", "de tip heeft geen tekst onder de front matter"))
    return problems


def check_tip_file(path: Path, regions: Iterable[str], display: str | None) -> tuple[list[TipProblem], dict | None]:
    display = display or _display(path)
    problems: list[TipProblem] = []
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md", path.name):
        problems.append(TipProblem(display, "bestandsnaam", "gebruik alleen kleine letters, cijfers en streepjes "
                                   "(bijvoorbeeld 'gedeelde-leerwerkplek.md')"))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [*problems, TipProblem(display, "(bestand)", f"niet te lezen als UTF-8-tekst ({error})")], None
    front, body_start, found = _split_front_matter(text, display)
    problems += found
    if found:
        return problems, None
    meta, found = _parse_meta(front, display)
    problems += found
    if not found and not isinstance(meta, dict):
        problems.append(TipProblem(display, "front matter", "verwacht velden als 'title: ...', één per regel"))
    elif isinstance(meta, dict):
        problems += _meta_problems(meta, regions, display)
    problems += _text_problems(text.splitlines(), body_start, display)
    return problems, meta if isinstance(meta, dict) else None


def validate_tip_file(path: Path, regions: Iterable[str], display: str | None = None) -> list[TipProblem]:
    """Every problem in one tip file (empty list: the tip is fine). `display` names the file in messages."""
    return check_tip_file(Path(path), regions, display)[0]
