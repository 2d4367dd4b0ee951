# Named subsidy formulas: each scheme's YAML says `formula: <name>`; the arithmetic lives here once.
"""The formula registry of the cost calculator, and the check the data loader runs against it.

Adding a scheme is one YAML file in data/schemes/; only when its arithmetic is new does it need a
function here, registered in FORMULAS under the name its YAML uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from calculators._format import euro, long_date, percent
from calculators._money import ZERO, euros, rate, to_cents
from calculators._timeline import Period, add_months, study_year_of
from calculators.cost.context import Context
from calculators.cost.costs import course_fee
from calculators.cost.types import Benefit, Range, cents_range


@dataclass
class Granted:
    """What the formulas of one route grant: a Range per scheme per month, plus listed benefits and warnings.

    `costs` holds the route's whole-place costs per month in cents (with the BVP agreement), for schemes that pay
    a part of the employer's costs; `employs_in_bvp`: the practice employs the trainee during the BVP."""

    by_month: list[dict[str, Range]]
    costs: list[dict[str, int]] = field(default_factory=list)
    employs_in_bvp: bool = False
    titles: dict[str, str] = field(default_factory=dict)
    benefits: list[Benefit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def granted_months(self) -> list[tuple[int, dict[str, Range]]]:
        """(month index, what is granted in it) for the months with a grant."""
        return [(index, month) for index, month in enumerate(self.by_month) if month]

    def add(self, index: int, scheme: str, low: Decimal, high: Decimal) -> None:
        """Count from `low` up to `high` (Decimal euros, each rounded to cents here) for `scheme` in month `index`."""
        added = cents_range(to_cents(low), to_cents(high))
        current = self.by_month[index].get(scheme)
        self.by_month[index][scheme] = added if current is None else current + added


@dataclass(frozen=True)
class Scheme:
    """A scheme as the bundle holds it, with its key for the parameters of its amounts."""

    id: str
    data: Mapping[str, Any]

    @property
    def title(self) -> str:
        return self.data["title"]

    def amount_key(self, name: str) -> str:
        return f"schemes.{self.id}.{name}"


Formula = Callable[[Scheme, Context, Granted], None]


def praktijkleren(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """Per study year: the maximum per full place, pro rata for the weeks the practice employs the trainee
    (BVP weeks too on a route where it pays the BVP); paid after the year.

    A full place is `full_place_weeks` weeks; SSFH adds that fewer than `full_place_hours_per_week` hours
    count pro rata as well. Only SSFH says so, so that rule lowers the low end of the range, not the high end.
    """
    look, inp = ctx.look, ctx.inp
    at_start = look.at(inp.start_date)
    full_weeks = Decimal(at_start.schemes.praktijkleren.full_place_weeks)
    required = Decimal(at_start.training.bbl.min_bpv_hours_per_study_year)
    if inp.hours_per_week * full_weeks < required:
        granted.warnings.append(
            f"Praktijkleren: met {inp.hours_per_week.normalize()} uur per week haalt de plaats niet de "
            f"{required.normalize()} uur praktijk per studiejaar; er is dan geen subsidie."
        )
        return
    full_hours = Decimal(at_start.schemes.praktijkleren.full_place_hours_per_week)
    hours_factor = min(Decimal(1), inp.hours_per_week / full_hours)
    key = scheme.amount_key("max_per_place")
    realised = [Decimal(v.value) for v in look.parameters.get(scheme.amount_key("realised_per_full_place")).values
                if v.value is not None]
    segments: dict[dt.date, list[int]] = {}
    for index, month in enumerate(ctx.months):
        segments.setdefault(study_year_of(month.first).first, []).append(index)
    for first_day, indices in segments.items():
        employed = [Decimal(1) if granted.employs_in_bvp else ctx.employed_at(i) for i in indices]
        employed_days = sum((ctx.months[i].days * share for i, share in zip(indices, employed, strict=True)), ZERO)
        fraction = min(Decimal(1), employed_days / 7 / full_weeks)
        maximum = look.decimal(key, first_day)
        # After the scheme's last covered study year nothing is certain: 0 up to the last maximum.
        certain = look.known(key, first_day) is not None
        low = min([maximum, *realised]) * fraction * hours_factor if certain else ZERO
        granted.add(indices[-1], scheme.id, low, maximum * fraction)
    windows = scheme.data.get("application_windows", [])
    if windows:
        last = windows[-1]
        granted.warnings.append(
            "Praktijkleren vraag je achteraf aan, na elk studiejaar (laatst bekende periode: "
            f"{long_date(dt.date.fromisoformat(last['opens']))} t/m "
            f"{long_date(dt.date.fromisoformat(last['closes']))}). Het bedrag staat pas daarna vast."
        )


def _known_or_last(ctx: Context, key: str, on: dt.date) -> tuple[Decimal, bool]:
    """(amount, certain): the value on `on`, or the last known value when the data ends before `on`."""
    entry = ctx.look.known(key, on)
    if entry is not None:
        return Decimal(entry.value or 0), True
    return Decimal(ctx.look.parameters.get(key).values[-1].value or 0), False


def ssfh_bbl_zij_instroom(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """Monthly supervision fee after the BVP, and per study year the course fee and books up to their caps."""
    uncertain = False
    for index, month in enumerate(ctx.months):
        on = month.first
        supervision, certain = _known_or_last(ctx, scheme.amount_key("practice_supervision"), on)
        lines = [supervision * ctx.employed_at(index)]
        if ctx.starts_study_year(index):
            fee, fee_certain = _known_or_last(ctx, scheme.amount_key("course_fee_reimbursement"), on)
            books, books_certain = _known_or_last(ctx, scheme.amount_key("books_materials"), on)
            lines += [min(fee, course_fee(ctx, index)), min(books, ctx.inp.books_per_year)]
            certain = certain and fee_certain and books_certain
        amount = sum(lines, ZERO)
        uncertain = uncertain or not certain
        granted.add(index, scheme.id, amount if certain else ZERO, amount)
    if uncertain:
        last = ctx.look.parameters.get(scheme.amount_key("practice_supervision")).covered_until
        granted.warnings.append(
            f"SSFH-vergoedingen voor BBL-zij-instromers: bekend t/m {long_date(last)}; of de regeling "
            "daarna doorloopt is niet bekend. De rekenhulp telt ze als 0 tot het laatst bekende bedrag."
        )


def _months_to_study_year_end(day: dt.date) -> int:
    """Months from `day`'s month up to and including the last month of its school year (July)."""
    last = study_year_of(day).last
    return (last.year - day.year) * 12 + last.month - day.month + 1


def course_fee_first_years(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """UWV pays short courses only (`max_course_years`, 1 in the data): 0 up to the course fee of the programme's
    first max_course_years x 12 months. A school year's fee counts for its months inside that stretch, so a start
    in May counts the last part of one school year and most of the next; later fees are the practice's."""
    if not ctx.inp.course_fee_paid_by_practice:
        return
    years = int(ctx.look.value(scheme.amount_key("max_course_years"), ctx.inp.start_date))
    limit = 12 * years
    for index in range(min(limit, len(ctx.months))):
        if not ctx.starts_study_year(index):
            continue
        fee = course_fee(ctx, index)
        school_months = _months_to_study_year_end(ctx.months[index].first)
        inside = min(school_months, limit - index)
        granted.add(index, scheme.id, ZERO, fee * inside / school_months)
    first = "het eerste jaar" if years == 1 else f"de eerste {years} jaar"
    granted.warnings.append(
        f"UWV betaalt alleen korte opleidingen en beoordeelt per kandidaat of het de opleiding betaalt; start pas na "
        f"akkoord van UWV. De rekenhulp telt 0 tot het cursusgeld van {first} van het traject; daarna betaalt de "
        "praktijk het cursusgeld."
    )


def _employment_years(ctx: Context, first: dt.date, years: int | None) -> list[Period]:
    """Consecutive 12-month periods of employment from `first`, up to `years` of them (None: all)."""
    periods, start = [], first
    while start <= ctx.months[-1].last and (years is None or len(periods) < years):
        periods.append(Period(start, add_months(first, 12 * (len(periods) + 1)) - dt.timedelta(days=1)))
        start = periods[-1].last + dt.timedelta(days=1)
    return periods


def loonkostenvoordeel(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """Per 12 months of employment: hours paid x the hourly amount, capped at the yearly maximum, for as many
    years as the target group's duration (no duration in the data: as long as the employment lasts).
    Each year's amount is rounded once and counted in the last programme month of that year."""
    group = ctx.inp.lkv_target_group
    if group == "geen":
        return
    duration = f"{group}_max_years"
    known = duration in scheme.data.get("amounts", [])
    years = int(ctx.look.value(scheme.amount_key(duration), ctx.inp.start_date)) if known else None
    hours_per_month = ctx.inp.hours_per_week * 52 / 12
    for period in _employment_years(ctx, ctx.bvp.last + dt.timedelta(days=1), years):
        amount, last_index = ZERO, None
        for index, month in enumerate(ctx.months):
            inside = month.share_in(period)
            per_hour = ctx.look.value(scheme.amount_key(f"{group}_per_hour"), month.first) if inside else None
            if per_hour is None:
                continue
            amount += Decimal(per_hour) * hours_per_month * inside  # periods start after the BVP
            last_index = index
        if last_index is None:
            continue
        cap = ctx.look.decimal(scheme.amount_key(f"{group}_max_per_year"), period.first)
        if amount > cap:
            granted.warnings.append(f"Loonkostenvoordeel: het maximum van {euro(cap)} per jaar is bereikt.")
        granted.add(last_index, scheme.id, min(amount, cap), min(amount, cap))
    granted.warnings.append(
        "Loonkostenvoordeel: vraag de doelgroepverklaring binnen 3 maanden na de start van het "
        "dienstverband aan bij UWV (voor de doelgroep banenafspraak is die sinds 2026 niet meer nodig)."
    )


# Imputed time of the practice's own assistant is no employer expense a fund reimburses.
_NOT_EMPLOYER_COSTS = {"supervision"}


def deprived_area_employer_costs(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """Opt-in: a share of the employer's costs in the first calendar year of the place, up to a maximum per
    place; 0 up to that amount, because the fund judges eligibility. Without the opt-in only listed."""
    if not ctx.opted_in:
        in_kind(scheme, ctx, granted)
        return
    year = ctx.months[0].first.year
    indices = [i for i, month in enumerate(ctx.months) if month.first.year == year]
    costs = euros(sum(amount for i in indices for kind, amount in granted.costs[i].items()
                      if kind not in _NOT_EMPLOYER_COSTS))
    share = rate(ctx.look.decimal(scheme.amount_key("employer_cost_share"), ctx.inp.start_date))
    maximum = ctx.look.decimal(scheme.amount_key("max_per_place"), ctx.inp.start_date)
    granted.add(indices[-1], scheme.id, ZERO, min(costs * share, maximum))
    granted.warnings.append(
        f"{scheme.title}: de rekenhulp telt 0 tot {percent(share * 100)} van de werkgeverskosten in "
        f"{year} (maximaal {euro(maximum)}); het fonds beoordeelt of je praktijk in aanmerking komt."
    )


def not_priced(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """Money exists, but no amount the calculator can count: listed with what it covers, or said to be over."""
    names = scheme.data.get("amounts", [])
    entries = [ctx.look.known(scheme.amount_key(name), ctx.inp.start_date) for name in names]
    if names and all(entry is None or entry.value is None for entry in entries):
        granted.warnings.append(f"{scheme.title}: vervallen of geen bedrag meer bekend op de startdatum.")
    else:
        granted.benefits.append(Benefit(scheme.id, scheme.title, scheme.data.get("covers") or scheme.data["summary"]))


def in_kind(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """A benefit without an amount (cover, keeping a benefit): listed with what it covers."""
    granted.benefits.append(Benefit(scheme.id, scheme.title, scheme.data.get("covers") or scheme.data["summary"]))


FORMULAS: dict[str, Formula] = {
    "praktijkleren": praktijkleren,
    "ssfh_bbl_zij_instroom": ssfh_bbl_zij_instroom,
    "course_fee_first_years": course_fee_first_years,
    "loonkostenvoordeel": loonkostenvoordeel,
    "deprived_area_employer_costs": deprived_area_employer_costs,
    "not_priced": not_priced,
    "in_kind": in_kind,
}


# Formulas whose grant depends on the calculation and on whether the practice employs the trainee in the BVP, and
# on nothing else of the route (not on its costs): computed once per calculation and added to each route's grant.
SHARED = frozenset({"praktijkleren", "ssfh_bbl_zij_instroom", "course_fee_first_years", "loonkostenvoordeel",
                    "not_priced", "in_kind"})


def grant(scheme: Scheme, ctx: Context, granted: Granted) -> None:
    """Run the scheme's named formula for a route's grant (the shared ones once per calculation, see SHARED); an
    in-kind scheme without one is listed, never priced."""
    name = scheme.data.get("formula") or "in_kind"
    if name not in SHARED:
        FORMULAS[name](scheme, ctx, granted)
        return
    key = (name, scheme.id, granted.employs_in_bvp)
    found = ctx.formulas.get(key)
    if found is None:
        found = ctx.formulas[key] = Granted([{} for _ in ctx.months], employs_in_bvp=granted.employs_in_bvp)
        FORMULAS[name](scheme, ctx, found)
    for index, added in found.granted_months():
        month = granted.by_month[index]
        for scheme_id, amount in added.items():
            current = month.get(scheme_id)
            month[scheme_id] = amount if current is None else current + amount
    granted.warnings.extend(found.warnings)
    granted.benefits.extend(found.benefits)


def scheme_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(file, key, Dutch reason) for every cash scheme without a known formula (the loader reports them)."""
    problems = []
    known = ", ".join(sorted(FORMULAS))
    for _, scheme in sorted(bundle["schemes"].items()):
        name = scheme.get("formula")
        if name is None and scheme["benefit"] == "cash":
            reason = f"een regeling met geld (benefit: cash) noemt haar rekenregel; kies uit: {known}"
            problems.append((scheme["file"], "formula", reason))
        elif name is not None and name not in FORMULAS:
            problems.append((scheme["file"], "formula", f"onbekende rekenregel '{name}'; kies uit: {known}"))
    return problems
