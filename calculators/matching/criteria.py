# The matching criteria of step 5: one outcome per criterion, thresholds and weights from data/.
"""Judge a candidate for a practice on the criteria of playbook step 5 (thresholds from data/matching.yaml).

Each criterion gives "voldoet", "aandachtspunt" or "voldoet niet" with a one-line Dutch reason and the
anchor of the playbook section it comes from. Hard criteria block a proposal: fewer hours than the
BBL minimum, entry requirements not met, a funding route the practice does not accept, and on the
practice side no supervisor, no workplace or no SBB recognition (and none requested).

The fit score is the sum over the candidate's criteria of ``weight x points for the outcome``; both
come from data (assumptions, marked as such). ``fit`` computes the same score as ``evaluate`` without
writing any text, for the thousands of pairs of a regional matching.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from calculators._format import number
from calculators.matching.parameters import Thresholds, UsedValue, reference_date, thresholds

Status = Literal["voldoet", "aandachtspunt", "voldoet_niet"]
STATUS_LABELS: dict[str, str] = {"voldoet": "voldoet", "aandachtspunt": "aandachtspunt", "voldoet_niet": "voldoet niet"}

ASSESSMENT = ("ja", "twijfel", "nee", "onbekend")
ENTRY = ("ja", "nee", "onbekend")
SUPERVISOR = ("ja", "twijfel", "nee", "onbekend")
WORKPLACE = ("ja", "regelen", "nee", "onbekend")
SBB = ("ja", "aangevraagd", "nee", "onbekend")

# Candidate criteria (scored), in the order of the playbook's table: key -> label.
CANDIDATE_CRITERIA = (
    ("hours", "Beschikbare uren"),
    ("distance", "Woon-werkafstand"),
    ("life_experience", "Levenservaring"),
    ("service", "Dienstverlenende houding"),
    ("learnability", "Leerbaarheid"),
    ("finance", "Financiën en route"),
    ("commitment", "Motivatie"),
    ("entry", "Instroomeisen (school)"),
)
PRACTICE_CRITERIA = (
    ("place_hours", "Uren in de leerwerkplek"),
    ("supervisor", "Praktijkopleider met tijd"),
    ("workplace", "Werkplek in de praktijk"),
    ("sbb", "Erkend leerbedrijf (SBB)"),
    ("shared", "Gedeelde leerwerkplek"),
)
LABELS = dict(CANDIDATE_CRITERIA + PRACTICE_CRITERIA)
# What the regional parties look for (playbook step 5, "Criteria voor een match").
LOOK_FOR = {
    "life_experience": "ervaring uit eerder werk of het leven zelf, bijvoorbeeld in gesprekken aan de balie",
    "service": "gericht op de patiënt en het team, gastvrij en geduldig",
    "learnability": "leergierig en in staat om werk en school tegelijk te doen",
    "commitment": "wil het hele traject afmaken",
}
@dataclass(frozen=True)
class Candidate:
    id: str
    hours: Decimal
    route: str = "onbekend"
    entry: str = "onbekend"
    life_experience: str = "onbekend"
    service: str = "onbekend"
    learnability: str = "onbekend"
    commitment: str = "onbekend"
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    # Distance in km to a practice, by the practice's id in lower case (from afstand_<id> columns).
    distances: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Practice:
    id: str
    hours: Decimal
    supervisor: str = "onbekend"
    workplace: str = "onbekend"
    sbb: str = "onbekend"
    routes: frozenset[str] | None = None  # the funding routes the practice accepts; None: every route
    shared: bool = False
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass(frozen=True)
class Outcome:
    key: str
    label: str
    status: Status
    reason: str
    anchor: str  # section of the step page: criteria, klikgesprek, als-het-klikt, start-op-de-werkplek
    blocking: bool = False


# --- statuses (no text): shared by evaluate() and fit() ---------------------------------------------


def hours_status(th: Thresholds, hours: Decimal) -> Status:
    if hours < th.hard_min_hours:
        return "voldoet_niet"
    return "voldoet" if hours >= th.advised_min_hours else "aandachtspunt"


def distance_status(th: Thresholds, km: Decimal | None) -> Status:
    if km is None:
        return "aandachtspunt"
    return "voldoet" if km < th.max_commute_km else "voldoet_niet"


def answer_status(answer: str) -> Status:
    """ja / twijfel / nee / onbekend (and the practice answers regelen, aangevraagd)."""
    return "voldoet" if answer == "ja" else "voldoet_niet" if answer == "nee" else "aandachtspunt"


def route_status(th: Thresholds, route: str, accepted: frozenset[str] | None) -> Status:
    if route not in th.route_labels:
        return "aandachtspunt"
    return "voldoet" if accepted is None or route in accepted else "voldoet_niet"


__all__ = ["Thresholds", "UsedValue", "reference_date", "thresholds"]  # re-exported for the other modules


def lower_first(label: str) -> str:
    """'Erkend leerbedrijf (SBB)' -> 'erkend leerbedrijf (SBB)', for a label inside a sentence."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def practice_blocked(th: Thresholds, practice: Practice) -> bool:
    return (hours_status(th, practice.hours) == "voldoet_niet"
            or "nee" in (practice.supervisor, practice.workplace, practice.sbb))


def candidate_part(th: Thresholds, candidate: Candidate) -> int | None:
    """The practice-independent part of the fit, or None when the school rejected the candidate."""
    if candidate.entry == "nee":
        return None
    keys = ("life_experience", "service", "learnability", "commitment", "entry")
    return sum(th.weights[key] * th.points[answer_status(getattr(candidate, key))] for key in keys)


def hard_failure(th: Thresholds, candidate: Candidate, practice: Practice) -> str | None:
    """The key of the first hard criterion the pair fails ("practice" for the practice side), else None."""
    if practice_blocked(th, practice):
        return "practice"
    if candidate.entry == "nee":
        return "entry"
    if hours_status(th, min(candidate.hours, practice.hours)) == "voldoet_niet":
        return "hours"
    if route_status(th, candidate.route, practice.routes) == "voldoet_niet":
        return "finance"
    return None


def fit(th: Thresholds, candidate: Candidate, practice: Practice, km: Decimal | None,
        base: int | None = None) -> int | None:
    """The fit score of a pair, or None when a hard criterion fails (same as evaluate(), without text)."""
    if hard_failure(th, candidate, practice) is not None:
        return None
    base = candidate_part(th, candidate) if base is None else base
    statuses = (("hours", hours_status(th, min(candidate.hours, practice.hours))),
                ("distance", distance_status(th, km)), ("finance", route_status(th, candidate.route, practice.routes)))
    return (base or 0) + sum(th.weights[key] * th.points[status] for key, status in statuses)


# --- outcomes with reasons ---------------------------------------------------------------------------


def _hours(th: Thresholds, candidate: Candidate, practice: Practice) -> Outcome:
    hours = min(candidate.hours, practice.hours)
    status = hours_status(th, hours)
    text = f"{number(hours)} uur per week in deze praktijk (kandidaat {number(candidate.hours)}, " \
           f"praktijk {number(practice.hours)})"
    if status == "voldoet":
        reason = f"{text}: voldoet aan het advies van minimaal {number(th.advised_min_hours)} uur."
    elif status == "aandachtspunt":
        reason = (f"{text}: boven het BBL-minimum van {number(th.hard_min_hours)} uur, onder het advies van "
                  f"{number(th.advised_min_hours)} uur.")
    else:
        reason = f"{text}: onder het BBL-minimum van {number(th.hard_min_hours)} uur; zo kan het traject niet."
    return Outcome("hours", LABELS["hours"], status, reason, "criteria", status == "voldoet_niet")


def _distance(th: Thresholds, km: Decimal | None) -> Outcome:
    status = distance_status(th, km)
    limit = number(th.max_commute_km)
    if km is None:
        reason = "Afstand onbekend: vul de afstand of de coördinaten van woning en praktijk in."
    elif status == "voldoet":
        reason = f"{number(km, 1)} km tussen woning en praktijk: minder dan {limit} km."
    else:
        reason = (f"{number(km, 1)} km tussen woning en praktijk: niet minder dan {limit} km; "
                  "een lange reis vergroot de kans op uitval.")
    return Outcome("distance", LABELS["distance"], status, reason, "criteria")


def _assessment(key: str, answer: str) -> Outcome:
    status = answer_status(answer)
    look_for = LOOK_FOR[key]
    reason = {
        "ja": f"Ja: {look_for}.",
        "twijfel": f"Twijfel ({look_for}): bespreek het in het projectteam en vraag ernaar in het klikgesprek.",
        "nee": f"Nee ({look_for}): stel alleen voor na overleg in het projectteam.",
    }.get(answer, f"Nog niet beoordeeld ({look_for}): beoordeel dit voor het klikgesprek.")
    return Outcome(key, LABELS[key], status, reason, "klikgesprek" if status == "aandachtspunt" else "criteria")


def _finance(th: Thresholds, candidate: Candidate, practice: Practice) -> Outcome:
    status = route_status(th, candidate.route, practice.routes)
    if status == "aandachtspunt":
        reason = ("Route nog onbekend (UWV bij een uitkering, SSFH bij werk naar werk): maak een inschatting "
                  "van de tegemoetkoming in de kosten.")
    else:
        route = th.route_labels[candidate.route]
        reason = (f"Route {route}: de praktijk accepteert deze route; reken de tegemoetkoming uit met de "
                  "rekenhulp Kosten en subsidies." if status == "voldoet" else
                  f"Route {route}: de praktijk accepteert alleen {th.route_list(practice.routes)}.")
    return Outcome("finance", LABELS["finance"], status, reason, "criteria", status == "voldoet_niet")


def _entry(answer: str) -> Outcome:
    status = answer_status(answer)
    reason = {
        "ja": "De school heeft bevestigd dat de kandidaat aan de toelatingseisen voldoet.",
        "nee": "De school heeft vastgesteld dat de kandidaat niet aan de toelatingseisen voldoet.",
    }.get(answer, "Nog niet getoetst: laat de school de toelatingseisen toetsen voor het klikgesprek.")
    return Outcome("entry", LABELS["entry"], status, reason, "criteria", status == "voldoet_niet")


def candidate_outcomes(th: Thresholds, candidate: Candidate, practice: Practice,
                       km: Decimal | None) -> tuple[Outcome, ...]:
    return (
        _hours(th, candidate, practice),
        _distance(th, km),
        _assessment("life_experience", candidate.life_experience),
        _assessment("service", candidate.service),
        _assessment("learnability", candidate.learnability),
        _finance(th, candidate, practice),
        _assessment("commitment", candidate.commitment),
        _entry(candidate.entry),
    )


PRACTICE_REASONS = {
    "supervisor": {
        "ja": "Er is een praktijkopleider die daar tijd voor heeft.",
        "twijfel": "Twijfel over de tijd van de praktijkopleider: spreek vooraf af wie begeleidt en hoeveel.",
        "nee": "Geen praktijkopleider met tijd: zonder begeleiding kan de kandidaat niet leren op de werkplek.",
        "onbekend": "Nog niet bekend wie de kandidaat in de praktijk begeleidt.",
    },
    "workplace": {
        "ja": "Er is een eigen werkplek voor de leerling.",
        "regelen": "De werkplek moet nog worden geregeld: zorg dat die er is voor de eerste werkdag.",
        "nee": "Geen werkplek voor de leerling.",
        "onbekend": "Nog niet bekend of er een werkplek voor de leerling is.",
    },
    "sbb": {
        "ja": "De praktijk is erkend leerbedrijf (SBB).",
        "aangevraagd": "De erkenning is aangevraagd bij SBB: zorg dat die rond is voor de start.",
        "nee": "Geen erkend leerbedrijf en niet aangevraagd: een BBL-leerwerkplek vraagt erkenning door SBB.",
        "onbekend": "Nog niet bekend of de praktijk erkend leerbedrijf is; vraag de erkenning zo nodig aan bij SBB.",
    },
}


def practice_outcomes(th: Thresholds, practice: Practice) -> tuple[Outcome, ...]:
    status = hours_status(th, practice.hours)
    hint = "" if practice.shared else "; een gedeelde plek met een collega-praktijk kan de uren aanvullen"
    text = f"{number(practice.hours)} uur per week"
    reason = {
        "voldoet": f"{text}: voldoet aan het advies van minimaal {number(th.advised_min_hours)} uur.",
        "aandachtspunt": f"{text}: onder het advies van {number(th.advised_min_hours)} uur{hint}.",
        "voldoet_niet": f"{text}: onder het BBL-minimum van {number(th.hard_min_hours)} uur{hint}.",
    }[status]
    anchor = "criteria" if status == "voldoet" or practice.shared else "als-het-klikt"
    outcomes = [Outcome("place_hours", LABELS["place_hours"], status, reason, anchor, status == "voldoet_niet")]
    for key in ("supervisor", "workplace", "sbb"):
        answer = getattr(practice, key)
        answer_ = answer_status(answer)
        anchor = "criteria" if key == "sbb" else "start-op-de-werkplek"
        outcomes.append(Outcome(key, LABELS[key], answer_, PRACTICE_REASONS[key][answer], anchor,
                                answer_ == "voldoet_niet"))
    shared = ("Gedeelde leerwerkplek: maak afspraken met de collega-praktijk en laat beide huisartsen de btw met "
              "hun accountant bespreken." if practice.shared else "Eigen leerwerkplek, niet gedeeld met een collega.")
    outcomes.append(Outcome("shared", LABELS["shared"], "aandachtspunt" if practice.shared else "voldoet", shared,
                            "als-het-klikt"))
    return tuple(outcomes)


def score(th: Thresholds, outcomes: tuple[Outcome, ...]) -> int:
    """Weighted points of the candidate's criteria (practice criteria only block, they do not score)."""
    return sum(th.weights[o.key] * th.points[o.status] for o in outcomes if o.key in th.weights)
