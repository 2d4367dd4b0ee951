"""Checks for one regional tip file: front matter against data/schema/tip.schema.json, the region list, and text
without HTML, Jinja or privacy leaks.

The same reading and schema machinery as data/ (strict YAML, JSON Schema, Dutch reasons) and the same problem
type: file, key (or line) and reason. The public entry points are re-exported by handbook_build.tips.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from handbook_build.data.checks import date_problems
from handbook_build.data.schema import document_validator, schema_problems, validation_problems
from handbook_build.data.yaml_reading import StrictLoader, read_yaml
from handbook_build.problems import DataError, DataProblem, key_path

REGIONS_FILE = "tip_regions.yaml"
REGION_FILE = "region.yaml"  # a fork's own region (its `name`) is a tip region without being listed anywhere else
HELP_PAGE = "docs/bijdragen/tip-schrijven.md (onder \"Wat de controle meldt\")"
FIELDS_HINT = "zie de tabel met velden in docs/bijdragen/tip-schrijven.md"
TIP_SCHEMA = "tip.schema.json"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schema"  # a tip checked on its own (tools/new_tip.py)
STEP_NUMBERS = frozenset(range(1, 9))  # the 8 steps of the playbook; handbook_build.tips.STEP_PAGES names their pages


# The body a new tip starts with (tools/new_tip.py writes it; docs/bijdragen/tip-schrijven.md shows it). Its
# prompt lines are questions to the writer: a published tip that still holds one is not finished yet.
TEMPLATE_BODY = """\
In één of twee zinnen: wat kan een andere regio van jullie ervaring leren?

## Situatie

Wat was het probleem of de vraag? Denk aan de regio, de partijen en wat er al was.

## Wat we deden

Wat hebben jullie concreet gedaan, met wie, en in welke volgorde? Een opsomming mag.

## Wat het opleverde

Wat werkte, wat niet, en wat zouden jullie een volgende keer anders doen?

## Contact

Noem alleen de organisatie (en eventueel haar website of algemene e-mailadres), geen namen of
telefoonnummers van personen.
"""
TEMPLATE_PROMPTS = tuple(
    line for line in TEMPLATE_BODY.splitlines() if line.strip() and not line.startswith("#")
)


class TipError(DataError):
    """One or more tips (or the region list) are not valid: a DataError that says it is about tips."""

    def __init__(self, problems: list[DataProblem]) -> None:
        super().__init__(problems, what="de tips", help_page=HELP_PAGE)


# --- Reading -----------------------------------------------------------------------------------------


def load_regions(data_dir: Path) -> list[str]:
    """The regions a tip may name: data/tip_regions.yaml in file order, then a fork's own region (the `name` in
    data/region.yaml when it is not the national default), so a region is named in one place only."""
    regions = load_tip_regions(data_dir)
    own = own_region(data_dir)
    return [*regions, own] if own and own not in regions else regions


def own_region(data_dir: Path) -> str | None:
    """The fork's region name from data/region.yaml; None for the national version or an unreadable file (the
    data check reports that one)."""
    try:
        region = read_yaml(data_dir / REGION_FILE, f"data/{REGION_FILE}")
    except (OSError, DataError):
        return None
    if not isinstance(region, dict) or region.get("is_national_default", False):
        return None
    name = region.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else None


def load_tip_regions(data_dir: Path) -> list[str]:
    """Region names from data/tip_regions.yaml, in file order; raise TipError if the list is unusable."""
    display = f"data/{REGIONS_FILE}"
    try:
        document = read_yaml(data_dir / REGIONS_FILE, display)
    except OSError as error:
        raise TipError([DataProblem(display, "", f"niet te lezen ({error})")]) from None
    except DataError as error:
        raise TipError(error.problems) from None
    schema_dir = data_dir / "schema" if (data_dir / "schema").is_dir() else SCHEMA_DIR
    problems = schema_problems(document, display, schema_dir)
    if problems:
        raise TipError(problems)
    entries = document["regions"]
    names = [entry["name"] for entry in entries]
    problems = [DataProblem(display, key_path("regions", index, "name"), f"regio '{name}' staat er twee keer in")
                for index, name in enumerate(names) if name in names[:index]]
    problems += [DataProblem(display, key_path("regions", index, "province"), f"provincie '{entry['province']}' van "
                             f"'{entry['name']}' staat zelf niet in de lijst")
                 for index, entry in enumerate(entries) if "province" in entry and entry["province"] not in names]
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


def _split_front_matter(text: str, display: str) -> tuple[str, int, list[DataProblem]]:
    """(front matter text, index of the first body line, problems); lines are 0-based indexes here."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return "", 0, [DataProblem(display, "front matter", "ontbreekt: begin het bestand met een regel '---'")]
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in {"---", "..."}:
            return "\n".join(lines[1:index]), index + 1, []
    return "", 0, [DataProblem(display, "front matter", "niet afgesloten: zet een regel '---' na de velden")]


def _parse_meta(front: str, display: str) -> tuple[Any, list[DataProblem]]:
    try:
        return yaml.load(front, Loader=StrictLoader), []  # noqa: S506 - strict SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"front matter (regel {mark.line + 2})" if mark else "front matter"
        return None, [DataProblem(display, where, f"geen geldige YAML ({getattr(error, 'problem', error)})")]


# --- Checking the front matter -------------------------------------------------------------------------


def _meta_problems(meta: dict, regions: Iterable[str], display: str, schema_dir: Path) -> list[DataProblem]:
    """The schema first (fields, types, steps, date form), then what it cannot know: regions, real dates, HTML."""
    problems = validation_problems(document_validator(schema_dir, TIP_SCHEMA), meta, display, FIELDS_HINT)
    problems += date_problems(meta, display)
    regions = list(regions)
    region = meta.get("region")
    if isinstance(region, str) and region and region not in regions:
        problems.append(DataProblem(display, "region", (
            f"onbekende regio '{region}'; kies uit: {', '.join(regions)} (of voeg de regio toe aan "
            f"data/{REGIONS_FILE}; de regio van een eigen versie, uit data/{REGION_FILE}, hoort er vanzelf bij)")))
    for field in ("title", "author", "description"):
        value = meta.get(field)
        if not isinstance(value, str):
            continue
        if "<" in value or ">" in value:
            problems.append(DataProblem(display, field, "mag geen HTML of punthaken bevatten"))
        elif field != "description" and "\n" in value.strip():
            problems.append(DataProblem(display, field, "moet op één regel passen"))
    tags = meta.get("tags")
    for index, tag in enumerate(tags if isinstance(tags, list) else []):
        if isinstance(tag, str) and ("<" in tag or ">" in tag):
            problems.append(DataProblem(display, key_path("tags", index),
                                        f"'{tag}': mag geen HTML of punthaken bevatten"))
        elif isinstance(tag, str) and re.match(r"(stap\s*\d|regio\s*:)", tag, re.IGNORECASE):
            problems.append(DataProblem(display, key_path("tags", index),
                                        f"'{tag}': stappen en regio worden automatisch tags; noem ze niet nog eens"))
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


def _text_problems(lines: list[str], body_start: int, display: str) -> list[DataProblem]:
    """Checks on every line of the file; line numbers are 1-based, as an editor shows them."""
    problems: list[DataProblem] = []
    in_fence = False
    for index, line in enumerate(lines):
        number = index + 1
        where = f"tekst (regel {number})" if index >= body_start else f"front matter (regel {number})"

        def add(reason: str, where: str = where) -> None:
            problems.append(DataProblem(display, where, reason))

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
        problems.append(DataProblem(display, "tekst", "de tip heeft geen tekst onder de front matter"))
    return problems


def check_tip_file(path: Path, regions: Iterable[str], display: str | None,
                   schema_dir: Path = SCHEMA_DIR) -> tuple[list[DataProblem], dict | None]:
    """(every problem, the front matter when it could be read) for one tip file."""
    display = display or _display(path)
    problems: list[DataProblem] = []
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md", path.name):
        problems.append(DataProblem(display, "bestandsnaam", "gebruik alleen kleine letters, cijfers en streepjes "
                                   "(bijvoorbeeld 'gedeelde-leerwerkplek.md')"))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [*problems, DataProblem(display, "(bestand)", f"niet te lezen als UTF-8-tekst ({error})")], None
    front, body_start, found = _split_front_matter(text, display)
    problems += found
    if found:
        return problems, None
    meta, found = _parse_meta(front, display)
    problems += found
    if not found and not isinstance(meta, dict):
        problems.append(DataProblem(display, "front matter", "verwacht velden als 'title: ...', één per regel"))
    elif isinstance(meta, dict):
        problems += _meta_problems(meta, regions, display, schema_dir)
    problems += _text_problems(text.splitlines(), body_start, display)
    return problems, meta if isinstance(meta, dict) else None


def template_warnings(tips_text: dict[str, str]) -> list[str]:
    """Dutch warnings for tips (display name -> text) that still hold a line of the template: they publish, but
    read as unfinished."""
    warnings = []
    for display, text in sorted(tips_text.items()):
        left = [prompt for prompt in TEMPLATE_PROMPTS if prompt in text]
        if left:
            warnings.append(f"{display}: de tip bevat nog tekst uit het sjabloon (\"{left[0]}\"); vervang die door "
                            "jullie eigen ervaring")
    return warnings


def validate_tip_file(path: Path, regions: Iterable[str], display: str | None = None,
                      schema_dir: Path = SCHEMA_DIR) -> list[DataProblem]:
    """Every problem in one tip file (empty list: the tip is fine). `display` names the file in messages."""
    return check_tip_file(Path(path), regions, display, schema_dir)[0]
