# The aanvraagplan: per route, what to apply for, who applies where, and in which window (all from scheme data).
"""Application windows and deadlines computed from the start date and each scheme's `plan` in data/schemes/.

A step's window is anchored on the programme start, the start of employment or the end of each study year
of the programme, shifted by days or months or set to a day of the anchor's calendar year. The expected
amount is what the route's subsidy rows count for that scheme over the months the step covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from calculators._problems import key_path
from calculators._routes import Route
from calculators._status import first_ended
from calculators._timeline import resolve_moment as resolve
from calculators._timeline import study_year_of
from calculators.cost.context import Context
from calculators.cost.formulas import Granted
from calculators.cost.types import EMPTY, PlanItem, Row, add_ranges


def employment_start(ctx: Context, route: Route) -> dt.date:
    """First day the practice employs the trainee: the start, or the day after the BVP on routes that cover it."""
    return ctx.inp.start_date if route.practice_pays_salary_during_bvp else ctx.bvp.last + dt.timedelta(days=1)


def _anchors(anchor: str, ctx: Context, route: Route) -> list[tuple[dt.date, list[int], dt.date]]:
    """(anchor date, month indices the step's amount covers, first day of the period) for a step's anchor."""
    every = list(range(len(ctx.months)))
    if anchor == "programme_start":
        return [(ctx.inp.start_date, every, ctx.inp.start_date)]
    if anchor == "employment_start":
        return [(employment_start(ctx, route), every, ctx.inp.start_date)]
    years: dict[dt.date, list[int]] = {}
    for index, month in enumerate(ctx.months):
        years.setdefault(study_year_of(month.first).first, []).append(index)
    return [(study_year_of(first).last, indices, first) for first, indices in years.items()]


def _texts(data: Mapping[str, Any]) -> tuple[dt.date | None, tuple[str, ...], str]:
    """(first day the scheme has ended, its conditions, who applies) as the plan shows them."""
    conditions = tuple(" ".join(c["label"].split()) for c in data.get("conditions", []))
    return first_ended(data), conditions, " ".join(data["plan"]["applicant"].split())


def _window(anchor: dt.date, step: Mapping[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    return resolve(anchor, step.get("opens")), resolve(anchor, step.get("closes"))


def _scheme_items(scheme_id: str, data: Mapping[str, Any], ctx: Context, route: Route, months: Sequence[Row],
                  priced: bool) -> list[PlanItem]:
    # What follows from the bundle (and a date) alone is remembered between calculations (Parameters.memo).
    memo = ctx.look.parameters
    plan = data["plan"]
    ends, conditions, applicant = memo.recall(("plan_texts", scheme_id), _texts, data)
    items = []
    for number, step in enumerate(plan["steps"]):
        key = (step["anchor"], route.practice_pays_salary_during_bvp)
        anchors = ctx.anchors.get(key)
        if anchors is None:
            anchors = ctx.anchors[key] = _anchors(step["anchor"], ctx, route)
        for anchor, indices, first in anchors:
            amount = add_ranges(found for i in indices if (found := months[i].subsidies.get(scheme_id)) is not None)
            if priced and amount.hi == 0:
                continue  # nothing counted for this period (e.g. a study year without enough practice weeks)
            if not priced and ends is not None and first >= ends:
                continue  # the scheme has ended before this period starts
            opens, deadline = memo.recall(("plan_window", scheme_id, number, anchor), _window, anchor, step)
            items.append(
                PlanItem(
                    scheme=scheme_id,
                    title=data["title"],
                    step=step["label"],
                    applicant=applicant,
                    url=plan["url"],
                    opens=opens,
                    deadline=deadline,
                    amount=amount if step.get("shows_amount", True) else EMPTY,
                    conditions=conditions,
                    priced=priced,
                )
            )
    return items


def route_plan(bundle: Mapping[str, Any], ctx: Context, route: Route, months: Sequence[Row],
               granted: Granted) -> tuple[PlanItem, ...]:
    """Every application for `route`, earliest deadline first (open-ended ones by their opening date)."""
    listed = {benefit.scheme for benefit in granted.benefits}
    items: list[PlanItem] = []
    for scheme_id in granted.titles:
        data = bundle["schemes"][scheme_id]
        if "plan" not in data or (data.get("opt_in") and not ctx.opted_in):
            continue
        if scheme_id in listed:
            items += _scheme_items(scheme_id, data, ctx, route, months, priced=False)
        else:
            items += _scheme_items(scheme_id, data, ctx, route, months, priced=True)
    return tuple(sorted(items, key=lambda item: (item.deadline or item.opens or dt.date.max, item.title)))


# Any date will do to compare a step's two ends; a study year's end for steps anchored on one.
_REFERENCE = {"each_study_year_end": dt.date(2027, 7, 31)}
_REFERENCE_DAY = dt.date(2027, 3, 1)


def plan_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(file, key, Dutch reason) for plan steps whose window closes before it opens (the loader reports them)."""
    problems = []
    for _, scheme in sorted(bundle["schemes"].items()):
        for index, step in enumerate((scheme.get("plan") or {}).get("steps", [])):
            anchor = _REFERENCE.get(step["anchor"], _REFERENCE_DAY)
            opens, closes = resolve(anchor, step.get("opens")), resolve(anchor, step.get("closes"))
            if opens is not None and closes is not None and closes < opens:
                problems.append((scheme["file"], key_path("plan", "steps", index, "closes"),
                                 "de aanvraagperiode sluit voordat ze opent; controleer opens en closes"))
    return problems
