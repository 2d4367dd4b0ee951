# The aanvraagplan of one route as an accessible table, with the same plan as .ics and CSV downloads.
"""HTML section, iCalendar and CSV text of a route's aanvraagplan (calculators/_exports.py does the encoding)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from html import escape

from calculators._exports import all_day_event, calendar, csv_text, ical_text
from calculators._format import count, euro_cents, long_date
from calculators._parts import Expanded, TextFile, download
from calculators.cost.types import EMPTY, PlanItem, RouteResult


def _amount_text(item: PlanItem) -> str:
    if not item.priced:
        return "geen bedrag meegeteld"
    if item.amount.lo == item.amount.hi:
        return euro_cents(item.amount.lo)
    return f"{euro_cents(item.amount.lo)} tot {euro_cents(item.amount.hi)}"


def _date_text(day: dt.date | None, missing: str) -> str:
    return long_date(day) if day else missing


def _row(item: PlanItem) -> str:
    head, tail = _row_texts(item.scheme, item.title, item.step, item.applicant, item.url, item.conditions)
    return (
        f'{head}<td data-plan-cell="opens">{_date_text(item.opens, "geen begindatum")}</td>'
        f'<td data-plan-cell="deadline">{_date_text(item.deadline, "niet bekend")}</td>'
        f'<td data-plan-cell="amount">{escape(_amount_text(item))}</td>{tail}'
    )


@functools.lru_cache(maxsize=256)  # the same schemes on every keystroke: their text is escaped once
def _row_texts(scheme: str, title: str, step: str, applicant: str, url: str,
               conditions: tuple[str, ...]) -> tuple[str, str]:
    """The row's cells before and after the dates and the amount."""
    items = "".join(f"<li>{escape(c)}</li>" for c in conditions)
    head = (
        f'<tr data-scheme="{escape(scheme)}"><th scope="row">{escape(title)}<br>'
        f'<span class="hb-plan__step">{escape(step)}</span></th>'
        f"<td>{escape(applicant)}</td>"
        f'<td><a href="{escape(url)}">{escape(url.split("//", 1)[-1].split("/", 1)[0])}</a></td>'
    )
    tail = (
        f'<td class="hb-plan__conditions"><details><summary>{count(len(conditions), "voorwaarde", "voorwaarden")}'
        f"</summary><ul>{items}</ul></details></td></tr>"
    )
    return head, tail


def plan_file(route: RouteResult, kind: str) -> TextFile:
    """The aanvraagplan as a download: `kind` "ics" (calendar) or "csv" (spreadsheet)."""
    name = f"aanvraagplan-{route.route}.{kind}"
    if kind == "ics":
        return TextFile(name, "text/calendar", plan_ics(route))
    return TextFile(name, "text/csv", plan_csv(route))


def render_plan(route: RouteResult, expanded: Expanded = None) -> str:
    """The aanvraagplan as a table section with its two downloads; empty when the route has nothing to apply for.
    The downloads are made only when pressed in a live render (calculators/_parts.py)."""
    if not route.plan:
        return ""
    caption = f"Aanvraagplan route {route.label}: wat je aanvraagt, waar en wanneer"
    head = "".join(
        f"<th scope='col'>{name}</th>"
        for name in ("Regeling", "Wie vraagt aan", "Waar", "Vanaf", "Uiterlijk", "Verwacht bedrag")
    ) + "<th scope='col' class='hb-plan__conditions'>Voorwaarden</th>"
    return (
        f'<section class="hb-plan" data-plan="{escape(route.route)}"><h3>Aanvraagplan route {escape(route.label)}</h3>'
        f'<div class="hb-table" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(_row(item) for item in route.plan)}</tbody></table></div>"
        '<p class="hb-plan__downloads">'
        + download(f"ics:{route.route}", "Uiterste data in je agenda (.ics)", lambda: plan_file(route, "ics"),
                   expanded)
        + " "
        + download(f"csv:{route.route}", "Aanvraagplan als spreadsheet (.csv)", lambda: plan_file(route, "csv"),
                   expanded)
        + "</p></section>"
    )


def _event_day(item: PlanItem) -> dt.date | None:
    """The day a calendar should remind of: the deadline, or the opening of a window without one."""
    return item.deadline or item.opens


def plan_ics(route: RouteResult) -> str:
    """One all-day event per plan item on its deadline (or opening day), deterministic for the same plan."""
    first = min((day for item in route.plan if (day := _event_day(item))), default=dt.date(2000, 1, 1))
    events = []
    for item in route.plan:
        day = _event_day(item)
        if day is None:
            continue
        what = "uiterlijk" if item.deadline else "vanaf"
        uid = hashlib.sha256(f"{route.route}:{item.scheme}:{item.step}:{day}".encode()).hexdigest()[:16]
        description = ical_text(f"{item.applicant}. Verwacht bedrag: {_amount_text(item)}. {item.url}")
        events.append(all_day_event(uid, first, day, f"{item.title}: {item.step} ({what})",
                                    f"DESCRIPTION:{description}", f"URL:{item.url}"))
    return calendar(f"Aanvraagplan route {route.label}", events)


def plan_csv(route: RouteResult) -> str:
    """The plan as semicolon-separated rows (Dutch spreadsheet default), amounts as plain numbers."""
    rows = [["regeling", "stap", "wie", "waar", "vanaf", "uiterlijk", "bedrag_laag", "bedrag_hoog", "voorwaarden"]]
    for item in route.plan:
        amount = item.amount if item.priced else EMPTY
        rows.append([
            item.title, item.step, item.applicant, item.url,
            item.opens.isoformat() if item.opens else "", item.deadline.isoformat() if item.deadline else "",
            str(amount.low) if item.priced else "", str(amount.high) if item.priced else "",
            " | ".join(item.conditions),
        ])
    return csv_text(rows)
