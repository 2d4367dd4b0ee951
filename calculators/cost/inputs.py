# The cost calculator's inputs: declared once (label, unit, default, bounds, help), defaults from data/.
"""Form fields and the typed input of the cost calculator."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculators._format import euro, long_date
from calculators._inputs import Field
from calculators._parameters import ParameterNode, Parameters, parameters_of
from calculators.cost.salary import has_complete_table
from calculators.cost.wages import default_salary, default_supervisor_salary
from calculators.planning.defaults import default_bvp_start
from calculators.planning.schedule import preparation_days

LKV_CHOICES = (
    ("geen", "Geen (of niet bekend)"),
    ("arbeidsgehandicapt", "Arbeidsgehandicapte werknemer (bijvoorbeeld uit de WIA)"),
    ("herplaatst", "Herplaatste arbeidsgehandicapte werknemer"),
    ("banenafspraak", "Doelgroep banenafspraak"),
)
YES_NO = (("ja", "Ja"), ("nee", "Nee"))
# The route questions may stay open: until both are answered the page compares the routes side by side.
ROUTE_ANSWERS = (("onbekend", "Weet ik nog niet"), ("ja", "Ja"), ("nee", "Nee"))
WAGE_BILL_LIMIT = "employer_costs.insurance_premiums.small_employer_wage_bill_limit"


@dataclass(frozen=True)
class CostInput:
    start_date: dt.date
    months: int
    hours_per_week: Decimal
    scale: int
    step: int
    monthly_salary: Decimal
    course_fee_paid_by_practice: bool
    books_per_year: Decimal
    supervision_hours_per_week: Decimal
    supervisor_monthly_salary: Decimal
    share_percent: Decimal
    lkv_target_group: str
    freelance_hourly_rate: Decimal
    commute_km: Decimal
    deprived_area: bool
    # The two route questions (data/routes.yaml, chosen_when): "ja", "nee" or "onbekend".
    uwv_benefit: str = "onbekend"
    from_other_job: str = "onbekend"
    # A small employer pays the low Aof premium and its sector's Whk premium (data/routes.yaml).
    small_employer: bool = True
    # The trainee's age on the start date when under 21 (the youth minimum wage); None: 21 or older.
    age: int | None = None


def _number(value: Any) -> str:
    return format(Decimal(value).normalize(), "f")


def start_range(bundle: Mapping[str, Any]) -> tuple[dt.date, dt.date]:
    """First and last start date the calculator accepts (data/index.yaml: supported_period, latest_start)."""
    period = bundle["supported_period"]
    return dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period.get("latest_start", period["end"]))


def fields(bundle: Mapping[str, Any]) -> tuple[Field, ...]:
    """The form's fields; defaults from data/ at the default start date, a region's overrides applied."""
    parameters = Parameters(bundle)
    first, last = start_range(bundle)
    start = default_bvp_start(bundle, preparation_days(bundle), latest=last)
    p = parameters.at(start)
    # The route questions first, with the answer right after them; every other field is an assumption with a
    # default from data/, folded away under "Aannames aanpassen" below the answer (calculators/_form.py).
    assumptions = (
        *_programme_fields(p, start, (first, last)),
        *_salary_fields(p, parameters, start),
        *_training_fields(p, parameters, start),
        *_other_fields(parameters, start),
    )
    declared = (*_route_fields(), *(dataclasses.replace(f, assumption=True) for f in assumptions))
    overrides = (bundle.get("region") or {}).get("cost_defaults") or {}
    return tuple(
        Field(**{**f.__dict__, "default": str(overrides[f.name])}) if f.name in overrides else f for f in declared
    )


def _route_fields() -> tuple[Field, ...]:
    """The two plain questions that pick the funding route (the mapping is data: routes.yaml, chosen_when)."""
    return (
        Field(
            "uwv_benefit",
            "Heeft de kandidaat een uitkering van UWV?",
            "choice",
            "onbekend",
            choices=ROUTE_ANSWERS,
            help="Bijvoorbeeld een WW-uitkering. Dan loopt het traject via UWV.",
        ),
        Field(
            "from_other_job",
            "Komt de kandidaat uit een andere baan?",
            "choice",
            "onbekend",
            choices=ROUTE_ANSWERS,
            help="Van werk naar werk, zonder uitkering: dan past de route via SSFH.",
        ),
    )


def _programme_fields(p: ParameterNode, start: dt.date, period: tuple[dt.date, dt.date]) -> tuple[Field, ...]:
    """When, how long and how many hours."""
    first, last = period
    return (
        Field(
            "start_date",
            "Startdatum BVP",
            "date",
            start.isoformat(),
            help=(
                f"Eerste dag van de beroepsvoorbereidende periode; tussen {long_date(first)} en {long_date(last)}. "
                "Voor maanden waarvoor nog geen bedragen bekend zijn, rekent de rekenhulp met de laatst bekende "
                "en meldt welke."
            ),
        ),
        Field(
            "months",
            "Duur van het traject",
            "integer",
            str(int(p.training.bbl.max_programme_years) * 12),
            unit="maanden",
            minimum=Decimal(1),
            maximum=Decimal(int(p.training.bbl.max_programme_years) * 12),
            help=f"Maximaal {int(p.training.bbl.max_programme_years)} jaar; korter als de kandidaat "
            "vrijstellingen heeft.",
        ),
        Field(
            "hours_per_week",
            "Werkuren per week in de praktijk",
            "decimal",
            _number(p.training.bbl.advised_min_hours_per_week),
            unit="uur",
            minimum=Decimal(p.training.bbl.official_min_hours_per_week),
            maximum=Decimal(p.cao.working_conditions.fulltime_hours_per_week),
            below_minimum=(
                f"Een BBL-traject vraagt minimaal {_number(p.training.bbl.official_min_hours_per_week)} uur per week "
                f"(advies: {_number(p.training.bbl.advised_min_hours_per_week)})."
            ),
            help="Contracturen van de zij-instromer, inclusief de schooldag.",
        ),
    )


def hidden_defaults(bundle: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """Values for the inputs the form does not ask (scale and step without a complete salary table)."""
    parameters = parameters_of(bundle)
    if has_complete_table(parameters):
        return dict(values)
    start = values.get("start_date") or dt.date.fromisoformat(bundle["supported_period"]["start"])
    scale = int(parameters.at(start).cao.function_scales.doktersassistent_a)
    return {"scale": scale, "step": 0, **values}


def _salary_fields(p: ParameterNode, parameters: Parameters, start: dt.date) -> tuple[Field, ...]:
    """The trainee's salary: scale and step only with a complete salary table, else the monthly amount."""
    monthly = Field(
        "monthly_salary",
        "Bruto maandsalaris bij voltijd op de startdatum",
        "decimal",
        _number(default_salary(parameters, start)),
        unit="euro",
        minimum=Decimal(1),
        maximum=Decimal(20000),
        help=(
            "Het salaris dat de zij-instromer zou krijgen bij een volle werkweek "
            f"({_number(p.cao.working_conditions.fulltime_hours_per_week)} uur); de rekenhulp rekent het om naar "
            "de uren hierboven. Aanname: standaard de cao-bodem (minimumuurloon x voltijd week), bijgewerkt met de "
            "cao-verhogingen tot de standaard startdatum. "
            "De rekenhulp vraagt een bedrag omdat de volledige salaristabel van de cao niet in de gegevens staat; "
            "vul het bedrag uit je eigen salaristabel in. Minder dan het wettelijk minimumloon kan niet."
        ),
    )
    age = Field(
        "age",
        "Leeftijd van de zij-instromer (alleen als die jonger is dan 21)",
        "integer",
        "",
        unit="jaar",
        minimum=Decimal(18),
        maximum=Decimal(99),
        required=False,
        below_minimum="De rekenhulp rekent met zij-instromers van 18 jaar of ouder.",
        help=(
            "Laat leeg bij 21 jaar of ouder. Wie jonger is, heeft recht op het minimumjeugdloon. Dat is een deel "
            "van het minimumloon dat afhangt van de leeftijd, en voor BBL-leerlingen ook van de datum (zie de "
            "pagina Salaris en cao). De rekenhulp controleert de leeftijd op de startdatum."
        ),
    )
    if not has_complete_table(parameters):
        return (monthly, age)
    return (
        Field(
            "scale",
            "Salarisschaal (FWHZ)",
            "integer",
            _number(p.cao.function_scales.doktersassistent_a),
            minimum=Decimal(1),
            maximum=Decimal(15),
            help="Doktersassistent A is schaal 4, B is schaal 5; bepaalt welke loonsverhoging geldt.",
        ),
        Field(
            "step",
            "Trede bij de start",
            "integer",
            "0",
            minimum=Decimal(0),
            maximum=Decimal(30),
            help="Trede volgens de salaristabel; daarna elk jaar een trede hoger.",
        ),
        monthly,
        age,
    )


def _training_fields(p: ParameterNode, parameters: Parameters, start: dt.date) -> tuple[Field, ...]:
    """Course fee, books and supervision."""
    return (
        Field("course_fee_paid_by_practice", "Praktijk betaalt het cursusgeld", "choice", "ja", choices=YES_NO),
        Field(
            "books_per_year",
            "Boeken en lesmateriaal per studiejaar",
            "decimal",
            "0",
            unit="euro",
            minimum=Decimal(0),
            maximum=Decimal(10000),
            help="Neem het bedrag over van de boekenlijst van de school.",
        ),
        Field(
            "supervision_hours_per_week",
            "Begeleiding per week",
            "decimal",
            _number(p.cost_defaults.supervision_hours_per_week),
            unit="uur",
            minimum=Decimal(0),
            maximum=Decimal(40),
            help="Tijd van een gediplomeerde doktersassistent (aanname).",
        ),
        Field(
            "supervisor_monthly_salary",
            "Bruto maandsalaris praktijkopleider bij voltijd",
            "decimal",
            _number(default_supervisor_salary(parameters, start)),
            unit="euro",
            minimum=Decimal(1),
            maximum=Decimal(20000),
            help=(
                "Schatting uit de laatst bekende salaristabel (indicatief). Ook dit is het salaris bij een volle "
                "werkweek; minder dan het wettelijk minimumloon kan niet."
            ),
        ),
    )


def _small_employer_help(parameters: Parameters, start: dt.date) -> str:
    """Who counts as a small employer, with the wage-bill limit in force on `start` (or the nearest known)."""
    param = parameters.get(WAGE_BILL_LIMIT)
    entry = next((e for e in reversed(param.values) if e.start <= start), param.values[0])
    year = (entry.valid_until or entry.start).year
    return (
        f"Ja als de loonsom van de praktijk twee jaar eerder hoogstens {euro(entry.value)} was (de grens voor "
        f"premiejaar {year}); dat geldt voor bijna elke huisartsenpraktijk. Een kleine werkgever betaalt de lage "
        "premie voor het Arbeidsongeschiktheidsfonds en de premie Werkhervattingskas van zijn sector (de rekenhulp "
        "neemt de sector van de zorg; kijk op je premiebeschikking). Nee: de hoge premie en het landelijk gemiddelde "
        "van de Werkhervattingskas."
    )


def _other_fields(parameters: Parameters, start: dt.date) -> tuple[Field, ...]:
    """The employer's size, sharing the place, the wage-cost benefit and a comparison with a freelancer."""
    return (
        Field(
            "small_employer",
            "Kleine werkgever",
            "choice",
            "ja",
            choices=YES_NO,
            help=_small_employer_help(parameters, start),
        ),
        Field(
            "share_percent",
            "Aandeel van deze praktijk in de leerwerkplek",
            "decimal",
            "100",
            unit="procent",
            minimum=Decimal(1),
            maximum=Decimal(100),
            help="Deel je de leerwerkplek met een collega (stap 5.2)? Vul het deel van de uren van jouw praktijk in.",
        ),
        Field(
            "lkv_target_group",
            "Loonkostenvoordeel (alleen route UWV)",
            "choice",
            "geen",
            choices=LKV_CHOICES,
            help="Alleen met een doelgroepverklaring van UWV.",
        ),
        Field(
            "commute_km",
            "Afstand woon-werk, enkele reis",
            "decimal",
            "0",
            unit="km",
            minimum=Decimal(0),
            maximum=Decimal(500),
            help="Voor de reiskostenvergoeding van de cao (per kilometer, met een maximum aantal kilometers).",
        ),
        Field(
            "deprived_area",
            "Praktijk in een achterstandswijk",
            "choice",
            "nee",
            choices=YES_NO,
            help=(
                "Ja: de rekenhulp telt het stimuleringsbudget van Stichting Achterstandsfondsen mee "
                "(het fonds beoordeelt of je praktijk in aanmerking komt)."
            ),
        ),
        Field(
            "freelance_hourly_rate",
            "Ter vergelijking: uurtarief van een zzp- of uitzendkracht",
            "decimal",
            "0",
            unit="euro",
            minimum=Decimal(0),
            maximum=Decimal(500),
            help="Laat 0 staan om niet te vergelijken.",
        ),
    )
