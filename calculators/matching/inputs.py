# The checklist calculator's inputs: one practice, candidate A and (optionally) candidate B.
"""Form fields of the "matching" checklist and their conversion to typed Practice and Candidate values."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculators._format import number
from calculators._inputs import Field
from calculators._parameters import Parameters
from calculators._routes import routes
from calculators.matching.columns import MAX_DISTANCE_KM
from calculators.matching.criteria import Candidate, Practice, reference_date, thresholds
from calculators.matching.parameters import Thresholds

CANDIDATES = ("a", "b")
ASSESSMENT_CHOICES = (("ja", "Ja"), ("twijfel", "Twijfel"), ("nee", "Nee"), ("onbekend", "Nog niet beoordeeld"))
ENTRY_CHOICES = (("ja", "Ja, bevestigd door de school"), ("onbekend", "Nog niet getoetst"),
                 ("nee", "Nee, voldoet niet"))
SUPERVISOR_CHOICES = (("ja", "Ja"), ("twijfel", "Twijfel"), ("nee", "Nee"), ("onbekend", "Nog niet bekend"))
WORKPLACE_CHOICES = (("ja", "Ja"), ("regelen", "Nog te regelen"), ("nee", "Nee"), ("onbekend", "Nog niet bekend"))
SBB_CHOICES = (("ja", "Ja"), ("aangevraagd", "Aangevraagd"), ("nee", "Nee, en niet aangevraagd"),
               ("onbekend", "Nog niet bekend"))
SHARED_CHOICES = (("nee", "Nee, een eigen leerwerkplek"), ("ja", "Ja, samen met een collega-praktijk"))
NOT_FILLED = ("", "Niet ingevuld")


def route_sets(th: Thresholds) -> tuple[tuple[str, str], ...]:
    """Every non-empty set of accepted routes, e.g. "uwv-ssfh" -> "UWV en SSFH"; all routes first."""
    return tuple(
        ("-".join(key for key, _ in combo),
         th.route_list(frozenset(key for key, _ in combo)) + (" (alle routes)" if size == len(th.routes) else "")
         if size > 1 else f"Alleen {combo[0][1]}")
        for size in range(len(th.routes), 0, -1)
        for combo in itertools.combinations(th.routes, size)
    )
ASSESSED = (
    ("life_experience", "levenservaring", "Ervaring uit eerder werk of het leven zelf, bijvoorbeeld aan de balie."),
    ("service", "dienstverlenende houding", "Gericht op de patiënt en het team, gastvrij en geduldig."),
    ("learnability", "leerbaarheid", "Leergierig en in staat om werk en school tegelijk te doen."),
    ("commitment", "motivatie", "Wil het hele traject afmaken."),
)


# The fields of the letter after a match (bijlage 5B). Names start with "letter_", never "a_"/"b_": a typed name
# must not count as "candidate B given". One line each; the limit keeps a name a name in the Word file (a form
# limit, not a figure from a source, so it lives here and not in data/).
LETTER_TEXT_MAX = 100
LETTER_TEXT_FIELDS = (
    ("letter_practice_name", "Brief: naam van de praktijk"),
    ("letter_practice_place", "Brief: plaats van de praktijk"),
    ("letter_gp_name", "Brief: naam van de huisarts"),
    ("letter_candidate_a", "Brief: naam van kandidaat A"),
    ("letter_candidate_b", "Brief: naam van kandidaat B"),
)


@dataclass(frozen=True)
class LetterDetails:
    """What the reader typed for the 5B letters; empty text stays a visible placeholder in the letter."""

    practice_name: str = ""
    practice_place: str = ""
    gp_name: str = ""
    candidate_names: tuple[tuple[str, str], ...] = ()  # (letter, name)
    bvp_start: dt.date | None = None

    def candidate_name(self, letter: str) -> str:
        return dict(self.candidate_names).get(letter, "")


@dataclass(frozen=True)
class ChecklistInput:
    practice: Practice
    # (letter, candidate, distance in km or None); candidate B only when any of its fields is filled.
    candidates: tuple[tuple[str, Candidate, Decimal | None], ...]
    letter: LetterDetails = LetterDetails()


def _number(value: Any) -> str:
    return format(Decimal(value).normalize(), "f")


def _candidate_fields(letter: str, advised: Decimal, fulltime: Decimal,
                      route_choices: tuple[tuple[str, str], ...]) -> tuple[Field, ...]:
    optional = letter != "a"
    upper = letter.upper()

    def choices(options: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return (NOT_FILLED, *options) if optional else options

    def default(value: str) -> str:
        return "" if optional else value

    hint = " Laat alle velden van kandidaat B leeg voor één kandidaat." if optional else ""
    fields = [
        Field(f"{letter}_hours", f"Kandidaat {upper}: beschikbare uren per week", "decimal",
              default(_number(advised)), unit="uur", minimum=Decimal(0), maximum=fulltime, required=not optional,
              help=f"Hoeveel uur per week de kandidaat kan werken, inclusief de schooldag.{hint}"),
        Field(f"{letter}_distance", f"Kandidaat {upper}: woon-werkafstand", "decimal", "", unit="km",
              minimum=Decimal(0), maximum=Decimal(MAX_DISTANCE_KM), required=False,
              help="Afstand tussen woning en praktijk; leeg als nog onbekend."),
    ]
    fields += [
        Field(f"{letter}_{key}", f"Kandidaat {upper}: {label}", "choice", default("onbekend"),
              choices=choices(ASSESSMENT_CHOICES), required=not optional, help=help_text)
        for key, label, help_text in ASSESSED
    ]
    fields += [
        Field(f"{letter}_route", f"Kandidaat {upper}: financieringsroute", "choice", default("onbekend"),
              choices=choices(route_choices), required=not optional,
              help="Via welke route loopt de financiering? Zie de subsidiewijzer en de rekenhulp Kosten en subsidies."),
        Field(f"{letter}_entry", f"Kandidaat {upper}: instroomeisen", "choice", default("onbekend"),
              choices=choices(ENTRY_CHOICES), required=not optional,
              help="Heeft de school bevestigd dat de kandidaat aan de toelatingseisen voldoet?"),
    ]
    return tuple(fields)


def fields(bundle: Mapping[str, Any]) -> tuple[Field, ...]:
    th = thresholds(bundle)
    route_choices = (*((route.key, route.choice_label) for route in routes(bundle)), ("onbekend", "Nog niet bekend"))
    accepted = route_sets(th)
    fulltime = Decimal(Parameters(bundle).at(reference_date(bundle)).cao.working_conditions.fulltime_hours_per_week)
    practice = (
        Field("practice_hours", "Praktijk: uren per week in de leerwerkplek", "decimal", _number(th.advised_min_hours),
              unit="uur", minimum=Decimal(0), maximum=fulltime,
              help=f"Bij een gedeelde plek: de uren van beide praktijken samen. Advies: minimaal "
                   f"{number(th.advised_min_hours)} uur, BBL-minimum {number(th.hard_min_hours)} uur."),
        Field("practice_supervisor", "Praktijk: praktijkopleider met tijd", "choice", "ja", choices=SUPERVISOR_CHOICES,
              help="Een gediplomeerde doktersassistent die tijd heeft om de kandidaat te begeleiden."),
        Field("practice_workplace", "Praktijk: eigen werkplek voor de leerling", "choice", "ja",
              choices=WORKPLACE_CHOICES),
        Field("practice_sbb", "Praktijk: erkend leerbedrijf (SBB)", "choice", "ja", choices=SBB_CHOICES,
              help="Een BBL-leerwerkplek vraagt een erkenning door SBB; die kun je aanvragen."),
        Field("practice_routes", "Praktijk: geaccepteerde financieringsroutes", "choice", accepted[0][0],
              choices=accepted, help="Welke routes wil de huisarts: UWV, SSFH of een gewone BBL-plaats?"),
        Field("practice_shared", "Praktijk: gedeelde leerwerkplek", "choice", "nee", choices=SHARED_CHOICES,
              help="Een parttime plek kan samen met een collega-praktijk één leerwerkplek vormen."),
    )
    candidates = tuple(
        f for letter in CANDIDATES for f in _candidate_fields(letter, th.advised_min_hours, fulltime, route_choices)
    )
    return practice + candidates + letter_fields()


def letter_fields() -> tuple[Field, ...]:
    """Optional fields for the letter after a match; never in the shareable URL (names of people)."""
    text = {"kind": "text", "default": "", "required": False, "multiline": False, "shareable": False}
    declared = [Field(name, label, help="Alleen voor de brief (bijlage 5B); blijft op je computer.", **text)
                for name, label in LETTER_TEXT_FIELDS]
    declared.append(Field("letter_bvp_start", "Brief: startdatum BVP", "date", "", required=False,
                          help="De eerste dag van de opleiding; de eerste werkdag in de praktijk volgt uit de BVP."))
    return tuple(declared)


def candidate_given(values: Mapping[str, Any], letter: str) -> bool:
    """True when any field of this candidate has a value (candidate A always counts)."""
    return letter == "a" or any(values.get(name) not in (None, "") for name in values if name.startswith(f"{letter}_"))


def to_input(values: Mapping[str, Any]) -> ChecklistInput:
    practice = Practice(
        id="praktijk",
        hours=values["practice_hours"],
        supervisor=values["practice_supervisor"],
        workplace=values["practice_workplace"],
        sbb=values["practice_sbb"],
        routes=frozenset(values["practice_routes"].split("-")),
        shared=values["practice_shared"] == "ja",
    )
    candidates = []
    for letter in CANDIDATES:
        if not candidate_given(values, letter):
            continue
        answers = {key: values.get(f"{letter}_{key}") or "onbekend" for key, _, _ in ASSESSED}
        candidate = Candidate(
            id=f"Kandidaat {letter.upper()}",
            hours=values[f"{letter}_hours"],
            route=values.get(f"{letter}_route") or "onbekend",
            entry=values.get(f"{letter}_entry") or "onbekend",
            **answers,
        )
        candidates.append((letter.upper(), candidate, values.get(f"{letter}_distance")))
    letter = LetterDetails(
        practice_name=(values.get("letter_practice_name") or "").strip(),
        practice_place=(values.get("letter_practice_place") or "").strip(),
        gp_name=(values.get("letter_gp_name") or "").strip(),
        candidate_names=tuple((c.upper(), (values.get(f"letter_candidate_{c}") or "").strip()) for c in CANDIDATES),
        bvp_start=values.get("letter_bvp_start"),
    )
    return ChecklistInput(practice, tuple(candidates), letter)
