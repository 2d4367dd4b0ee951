# The GP's answer in figures: a typical month, the lowest and highest month, per year and in total.
"""Headline figures of the chosen route, from its cash months, and one sentence to repeat to a colleague."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from calculators._format import MONTHS, euro_cents
from calculators._status import RouteCheck, route_summary
from calculators.cost.cashflow import CashMonth
from calculators.cost.types import Range, add_ranges


@dataclass(frozen=True)
class Headline:
    typical: CashMonth  # the median month: half of the months cost less, half more
    lowest: CashMonth
    highest: CashMonth
    years: tuple[Range, ...]
    total: Range


def _middle(month: CashMonth):
    net = month.net
    return net.lo + net.hi, month.first


def headline(months: tuple[CashMonth, ...]) -> Headline:
    """Months ordered by their net cost (the middle of its range); the typical month is the median one.

    With an even number of months the lower of the two middle months is taken, so the figure is a real
    month of the programme, not an average of two.
    """
    ordered = sorted(months, key=_middle)
    years = tuple(add_ranges(m.net for m in months[n : n + 12]) for n in range(0, len(months), 12))
    total = add_ranges(m.net for m in months)
    return Headline(ordered[(len(ordered) - 1) // 2], ordered[0], ordered[-1], years, total)


def money_range(value: Range) -> str:
    if value.lo == value.hi:
        return f'<span class="hb-money">{euro_cents(value.lo)}</span>'
    return (f'<span class="hb-money">{euro_cents(value.lo)}</span> tot '
            f'<span class="hb-money">{euro_cents(value.hi)}</span>')


def month_name(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def sentence(label: str, head: Headline, months: int) -> str:
    """The sentence a GP can repeat: typical month and the whole programme, in words."""
    return (
        f"Met route {escape(label)} kost de zij-instromer onze praktijk in een gewone maand netto "
        f"{money_range(head.typical.net)}, en over het hele traject van {months} maanden "
        f"{money_range(head.total)}."
    )


def render_status(check: RouteCheck | None) -> str:
    """The route's funding status (certain, uncertain, closed) in one sentence, next to the headline."""
    if check is None:
        return ""
    return (f'<p class="hb-cost__status" data-cell="route-status" data-state="{check.state}">'
            f"{escape(route_summary(check))}</p>")


def render_headline(label: str, head: Headline, months: int, check: RouteCheck | None = None) -> str:
    years = "".join(
        f'<li>Jaar {n + 1}: <span data-cell="year.{n + 1}">{money_range(value)}</span></li>'
        for n, value in enumerate(head.years)
    )
    return (
        '<section class="hb-cost__headline" aria-labelledby="hb-cost-headline">'
        '<h2 id="hb-cost-headline">Wat het je praktijk kost</h2>'
        f'<p class="hb-cost__sentence"><strong>{sentence(label, head, months)}</strong></p>'
        f"{render_status(check)}"
        '<dl class="hb-cost__figures">'
        f'<div><dt>Een gewone maand (de middelste, {month_name(head.typical.first)})</dt>'
        f'<dd data-cell="month.typical">{money_range(head.typical.net)}</dd></div>'
        f"<div><dt>Laagste maand ({month_name(head.lowest.first)})</dt>"
        f'<dd data-cell="month.lowest">{money_range(head.lowest.net)}</dd></div>'
        f"<div><dt>Hoogste maand ({month_name(head.highest.first)})</dt>"
        f'<dd data-cell="month.highest">{money_range(head.highest.net)}</dd></div>'
        f'<div><dt>Hele traject</dt><dd data-cell="total">{money_range(head.total)}</dd></div>'
        f"</dl><ul class='hb-cost__years'>{years}</ul>"
        '<p class="hb-cost__note">Netto is kosten min subsidies. Waar een subsidie onzeker is, staat een '
        "bandbreedte: het lage bedrag als alle verwachte subsidies komen, het hoge als alleen de zekere komen. "
        "Een gewone maand is de middelste maand als je alle maanden van goedkoop naar duur zet.</p>"
        "</section>"
    )
