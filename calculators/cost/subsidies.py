# Subsidies per route: which scheme applies comes from each scheme's `routes` in data/, amounts from its dated values.
"""Subsidy lines per month for one funding route, as ranges (low, high), plus benefits without an amount."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from calculators._format import euro, long_date
from calculators._money import ZERO, cents
from calculators._timeline import study_year_of

if TYPE_CHECKING:
    from calculators.cost.model import Range, Row, _Context


@dataclass
class Granted:
    by_month: list[dict[str, Range]]
    titles: dict[str, str] = field(default_factory=dict)
    benefits: tuple = ()
    warnings: tuple[str, ...] = ()


def _add(granted: Granted, index: int, scheme: str, amount: Range) -> None:
    from calculators.cost.model import Range

    current = granted.by_month[index].get(scheme, Range())
    granted.by_month[index][scheme] = current + Range(cents(amount.low), cents(amount.high))


def _praktijkleren(bundle: Mapping[str, Any], ctx: _Context, granted: Granted, warnings: list[str]) -> None:
    from calculators.cost.model import Range

    key = "schemes.praktijkleren."
    look, inp = ctx.look, ctx.inp
    full_weeks = look.decimal(key + "full_place_weeks", inp.start_date)
    required = look.decimal("training.bbl.min_bpv_hours_per_study_year", inp.start_date)
    if inp.hours_per_week * full_weeks < required:
        warnings.append(
            f"Praktijkleren: met {inp.hours_per_week.normalize()} uur per week haalt de plaats niet de "
            f"{required.normalize()} uur praktijk per studiejaar; er is dan geen subsidie."
        )
        return
    realised = [
        Decimal(v.value) for v in look.parameters.get(key + "realised_per_full_place").values if v.value is not None
    ]
    segments: dict[dt.date, list[int]] = {}
    for index, month in enumerate(ctx.months):
        segments.setdefault(study_year_of(month.first).first, []).append(index)
    for first_day, indices in segments.items():
        employed_days = sum(ctx.months[i].days * ctx.employed_share(ctx.months[i]) for i in indices)
        fraction = min(Decimal(1), employed_days / 7 / full_weeks)
        maximum = look.decimal(key + "max_per_place", first_day)
        # After the scheme's last covered study year nothing is certain: 0 up to the last maximum.
        certain = look.known(key + "max_per_place", first_day) is not None
        low = min([maximum, *realised]) * fraction * ctx.share if certain else ZERO
        _add(granted, indices[-1], "praktijkleren", Range(low, maximum * fraction * ctx.share))
    windows = bundle["schemes"]["praktijkleren"].get("application_windows", [])
    if windows:
        last = windows[-1]
        warnings.append(
            "Praktijkleren vraag je achteraf aan, na elk studiejaar (laatst bekende periode: "
            f"{long_date(dt.date.fromisoformat(last['opens']))} t/m "
            f"{long_date(dt.date.fromisoformat(last['closes']))}). Het bedrag staat pas daarna vast."
        )


def _known_or_last(ctx: _Context, key: str, on: dt.date) -> tuple[Decimal, bool]:
    """(amount, certain): the value on `on`, or the last known value when the data ends before `on`."""
    entry = ctx.look.known(key, on)
    if entry is not None:
        return Decimal(entry.value or 0), True
    return Decimal(ctx.look.parameters.get(key).values[-1].value or 0), False


def _ssfh_pilot(ctx: _Context, granted: Granted, warnings: list[str]) -> None:
    from calculators.cost.model import Range, _starts_study_year

    key = "schemes.ssfh_bbl_zij_instroom."
    uncertain = False
    for index, month in enumerate(ctx.months):
        on = month.first
        supervision, certain = _known_or_last(ctx, key + "practice_supervision", on)
        lines = [supervision * ctx.employed_share(month)]
        if _starts_study_year(ctx, index):
            fee, fee_certain = _known_or_last(ctx, key + "course_fee_reimbursement", on)
            books, books_certain = _known_or_last(ctx, key + "books_materials", on)
            course = (
                ctx.look.decimal("training.bbl.course_fee_level_3_4", on)
                if ctx.inp.course_fee_paid_by_practice
                else ZERO
            )
            lines += [min(fee, course), min(books, ctx.inp.books_per_year)]
            certain = certain and fee_certain and books_certain
        amount = sum(lines, ZERO) * ctx.share
        uncertain = uncertain or not certain
        _add(granted, index, "ssfh_bbl_zij_instroom", Range(amount if certain else ZERO, amount))
    if uncertain:
        last = ctx.look.parameters.get(key + "practice_supervision").covered_until
        warnings.append(
            f"SSFH-vergoedingen voor BBL-zij-instromers: bekend t/m {long_date(last)}; of de regeling "
            "daarna doorloopt is niet bekend. De rekenhulp telt ze als 0 tot het laatst bekende bedrag."
        )


def _uwv_training(ctx: _Context, granted: Granted, warnings: list[str]) -> None:
    """UWV may pay the first year's training, judged per candidate: 0 up to the course fee of year one."""
    from calculators.cost.model import Range

    if not ctx.inp.course_fee_paid_by_practice:
        return
    fee = ctx.look.decimal("training.bbl.course_fee_level_3_4", ctx.inp.start_date) * ctx.share
    _add(granted, 0, "uwv_scholingsbudget_ww", Range(ZERO, fee))
    warnings.append(
        "UWV beoordeelt per kandidaat of het de opleiding in het eerste jaar betaalt; start pas na "
        "akkoord van UWV. De rekenhulp telt 0 tot het cursusgeld van het eerste jaar."
    )


def _loonkostenvoordeel(ctx: _Context, granted: Granted, warnings: list[str]) -> None:
    from calculators.cost.model import Range

    group = ctx.inp.lkv_target_group
    if group == "geen":
        return
    key = "schemes.uwv_loonkostenvoordeel."
    max_months = int(ctx.look.value(key + "max_years", ctx.inp.start_date)) * 12
    paid_this_year = ZERO
    for index, month in enumerate(ctx.months[:max_months]):
        if index % 12 == 0:
            paid_this_year = ZERO
        per_hour = ctx.look.decimal(f"{key}{group}_per_hour", month.first)
        cap = ctx.look.decimal(f"{key}{group}_max_per_year", month.first)
        hours = ctx.inp.hours_per_week * 52 / 12 * ctx.employed_share(month)
        amount = min(per_hour * hours, cap - paid_this_year)
        paid_this_year += amount
        _add(granted, index, "uwv_loonkostenvoordeel", Range(amount * ctx.share, amount * ctx.share))
        if amount < per_hour * hours:
            warnings.append(f"Loonkostenvoordeel: het maximum van {euro(cap)} per jaar is bereikt.")
    warnings.append(
        "Loonkostenvoordeel: vraag de doelgroepverklaring binnen 3 maanden na de start van het "
        "dienstverband aan bij UWV."
    )


def for_route(bundle: Mapping[str, Any], ctx: _Context, route: str, months: list[Row]) -> Granted:
    """Subsidies for `route`: only schemes whose data lists the route; amounts only from their dated values."""
    from calculators.cost.model import Benefit

    granted = Granted([{} for _ in months])
    warnings: list[str] = []
    benefits = []
    for scheme_id, scheme in sorted(bundle["schemes"].items()):
        if route not in scheme["routes"] or "bbl" not in scheme.get("programmes", ["bbl"]):
            continue
        granted.titles[scheme_id] = scheme["title"]
        if scheme_id == "praktijkleren":
            _praktijkleren(bundle, ctx, granted, warnings)
        elif scheme_id == "ssfh_bbl_zij_instroom":
            _ssfh_pilot(ctx, granted, warnings)
        elif scheme_id == "uwv_scholingsbudget_ww":
            _uwv_training(ctx, granted, warnings)
        elif scheme_id == "uwv_loonkostenvoordeel":
            _loonkostenvoordeel(ctx, granted, warnings)
        elif _ended(ctx, scheme_id, scheme):
            warnings.append(f"{scheme['title']}: vervallen of geen bedrag meer bekend op de startdatum.")
        else:
            benefits.append(Benefit(scheme_id, scheme["title"], scheme.get("covers") or scheme["summary"]))
    granted.warnings = tuple(dict.fromkeys(warnings))
    granted.benefits = tuple(benefits)
    return granted


def _ended(ctx: _Context, scheme_id: str, scheme: Mapping[str, Any]) -> bool:
    """A cash scheme whose every amount is null (or unknown) on the start date no longer pays."""
    names = scheme.get("amounts", [])
    if scheme["benefit"] != "cash" or not names:
        return False
    entries = [ctx.look.known(f"schemes.{scheme_id}.{name}", ctx.inp.start_date) for name in names]
    return all(entry is None or entry.value is None for entry in entries)
