# The cash-flow chart as inline SVG: the same Python draws it at build time and in the browser.
"""Per month: costs stacked by group above the axis, subsidies by scheme below it, and the net cost as lines.

Colours come from CSS (classes, custom properties, currentColor), so the chart follows both palettes and
prints; uncertain subsidy is hatched and payout months carry a lettered marker, so colour is never the
only cue. The data table next to it (render_cash_table) holds the same numbers.

The SVG has no viewBox: bars, grid and lines are placed in percentages of the plot (the SVG's content box, which
CSS sizes), and text is set in CSS pixels, so the labels keep the size of the text around the chart on a phone as
on a wide screen instead of shrinking with the drawing. The axis labels stand in the SVG's padding (cost.css); a
narrow chart shows fewer month labels (cost.css hides the wide-only ones, a wide chart the narrow-only ones).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from html import escape

from calculators._format import MONTHS_SHORT, euro_cents
from calculators._money import plain
from calculators.cost.cashflow import PAYOUT_LABELS, CashMonth, group_labels
from calculators.cost.headline import money_range, month_name
from calculators.cost.types import HIGH, LOW

MARKS = {"holiday_pay": "V", "year_end": "E"}
# At most this many month labels on a wide chart and on a narrow one (a phone), every so many months.
WIDE_LABELS, NARROW_LABELS = 8, 4
LABEL_EVERY = (1, 2, 3, 6, 12)
# Widths of the axis labels' characters in em (a plain sans-serif such as Arial); the left padding fits the widest.
GLYPH_EM = {" ": 0.278, ".": 0.278, ",": 0.278, "-": 0.333}
AXIS_PADDING_EM = (3.5, 4, 4.5, 5, 5.5, 6)


def _step(span: int) -> int:
    """A round tick step in whole euros (1, 2 or 5 times a power of ten) giving about four to six ticks for a span
    of `span` cents."""
    if span <= 0:
        return 1
    power = 10 ** (len(str(span // 500)) - 1)  # span / 5, in euros, without its fraction
    for factor in (1, 2, 5, 10):
        if span <= 500 * power * factor:
            return power * factor
    return power * 10


def _pct(value: float) -> str:
    """A coordinate as a percentage of the plot's width or height."""
    return f"{round(value, 2):g}%"


def _scale(months: tuple[CashMonth, ...]):
    """y(cents) on the plot, and the ticks in whole euros."""
    top_cents = max([m.cost for m in months] + [m.net.hi for m in months] + [0])
    bottom_cents = min([-m.subsidy.hi for m in months] + [m.net.lo for m in months] + [0])
    step = _step(top_cents - bottom_cents)
    top = -(-top_cents // (step * 100)) * step  # rounded up to a whole step
    bottom = bottom_cents // (step * 100) * step  # rounded down
    if top == bottom:
        top = step
    per_euro, high = 100 / float(top - bottom), float(top)

    def y(amount: int) -> float:
        """Distance from the plot's top as a percentage of its height, for an amount in cents."""
        return (high - amount / 100) * per_euro

    return y, [bottom + step * i for i in range((top - bottom) // step + 1)]


def _rect(x: str, width: str, y0: float, y1: float, css: str, month: str, kind: str, amount: int) -> str:
    return (
        f'<rect class="{css}" x="{x}" y="{_pct(min(y0, y1))}" width="{width}" '
        f'height="{_pct(abs(y1 - y0))}" data-month="{month}" data-kind="{kind}" data-amount="{plain(amount)}"/>'
    )


@functools.lru_cache(maxsize=64)
def _columns(count: int) -> tuple[tuple[str, str, str], ...]:
    """Per month of `count`: its bar's left edge, width and middle as percentages (the same on every keystroke)."""
    slot = 100 / count
    found = []
    for index in range(count):
        x, width = index * slot + slot * 0.15, slot * 0.7
        found.append((_pct(x), _pct(width), _pct(x + width / 2)))
    return tuple(found)


def _bars(months: tuple[CashMonth, ...], y, slot: float, schemes: list[str]) -> list[str]:
    parts = []
    groups = [g for g, _ in group_labels(months)]
    columns = _columns(len(months))
    for index, month in enumerate(months):
        x, width, middle = columns[index]
        key = month.first.isoformat()
        level = 0
        for group in groups:
            amount = month.cost_cents.get(group, 0)
            if amount:
                parts.append(_rect(x, width, y(level), y(level + amount), f"hb-chart__cost hb-chart__cost--{group}",
                                   key, f"cost.{group}", amount))
                level += amount
        level = 0
        for number, scheme in enumerate(schemes):
            value = month.subsidies.get(scheme)
            if value is None:
                continue
            css = f"hb-chart__subsidy hb-chart__subsidy--{number % 4}"
            for part, amount in (("low", value.lo), ("uncertain", value.hi - value.lo)):
                if amount:
                    extra = " hb-chart__uncertain" if part == "uncertain" else ""
                    parts.append(_rect(x, width, y(-level), y(-level - amount), css + extra, key,
                                       f"subsidy.{scheme}.{part}", amount))
                    level += amount
        for offset, kind in enumerate(month.payouts):
            parts.append(
                f'<text class="hb-chart__mark" x="{middle}" y="{_pct(y(max(month.cost, 0)))}" '
                f'dy="{-0.35 - offset * 1.1:g}em" text-anchor="middle" data-payout="{kind}">'
                f"{MARKS.get(kind, '*')}</text>"
            )
    return parts


def _net_lines(months: tuple[CashMonth, ...], y, slot: float) -> list[str]:
    """The net cost as lines in a nested SVG whose units are percentages of the plot (a polyline cannot take
    percentages); stretched to the plot, with strokes that keep their width in pixels (cost.css)."""

    xs = _line_xs(len(months))

    def points(end: str) -> str:
        return " ".join(f"{x},{round(y(getattr(m.net, end)), 2):g}" for x, m in zip(xs, months, strict=True))

    lines = [f'<polyline class="hb-chart__net" points="{points("hi")}" data-series="net.high"/>']
    if any(m.net.lo != m.net.hi for m in months):
        lines.append(
            f'<polyline class="hb-chart__net hb-chart__net--low" points="{points("lo")}" data-series="net.low"/>'
        )
    return ['<svg class="hb-chart__lines" width="100%" height="100%" viewBox="0 0 100 100" '
            f'preserveAspectRatio="none">{"".join(lines)}</svg>']


@functools.lru_cache(maxsize=64)
def _line_xs(count: int) -> tuple[str, ...]:
    """The middle of each of `count` months, as a point of the net lines."""
    slot = 100 / count
    return tuple(f"{round((i + 0.5) * slot, 2):g}" for i in range(count))


def _label_every(count: int, most: int) -> int:
    """Every how many months a label stands, so that at most `most` labels show."""
    return next((every for every in LABEL_EVERY if math.ceil(count / every) <= most), LABEL_EVERY[-1])


def _axes(months: tuple[CashMonth, ...], y, ticks: list[int], slot: float) -> list[str]:
    parts = []
    for tick in ticks:
        css = "hb-chart__zero" if tick == 0 else "hb-chart__grid"
        at = _pct(y(tick * 100))
        parts.append(f'<line class="{css}" x1="0" x2="100%" y1="{at}" y2="{at}"/>')
        parts.append(
            f'<text class="hb-chart__tick" x="-0.5em" y="{at}" dy="0.35em" text-anchor="end">'
            f"{euro_cents(tick * 100)}</text>"
        )
    parts.append(_month_labels(tuple(month.first for month in months)))
    return parts


@functools.lru_cache(maxsize=64)
def _month_labels(firsts: tuple[dt.date, ...]) -> str:
    """The month labels under the plot (the same for every answer with these months)."""
    parts = []
    slot = 100 / len(firsts)
    wide, narrow = _label_every(len(firsts), WIDE_LABELS), _label_every(len(firsts), NARROW_LABELS)
    for index, first in enumerate(firsts):
        on_wide, on_narrow = index % wide == 0, index % narrow == 0
        if on_wide or on_narrow:
            label = f"{MONTHS_SHORT[first.month - 1]} {str(first.year)[2:]}"
            only = "" if on_wide and on_narrow else " hb-chart__wide-only" if on_wide else " hb-chart__narrow-only"
            parts.append(f'<text class="hb-chart__tick hb-chart__month{only}" x="{_pct((index + 0.5) * slot)}" '
                         f'y="100%" dy="1.3em" text-anchor="middle">{label}</text>')
    return "".join(parts)


def _axis_class(ticks: list[int]) -> str:
    """The left padding that fits the widest axis label (digits and the euro sign about 0.556 em each)."""
    widest = max(sum(GLYPH_EM.get(c, 0.556) for c in euro_cents(tick * 100)) for tick in ticks) + 0.7
    fits = next((em for em in AXIS_PADDING_EM if em >= widest), AXIS_PADDING_EM[-1])
    return f"hb-chart--axis-{int(fits * 10)}"


def render_chart(route_label: str, months: tuple[CashMonth, ...], schemes: dict[str, str], ident: str) -> str:
    """The chart as a figure; only called for a computed (valid) result with at least one month."""
    y, ticks = _scale(months)
    slot = 100 / len(months)
    order = [s for s in schemes if any(s in m.subsidies for m in months)]
    highest = max(months, key=lambda m: m.cost)
    desc = (
        f"Per maand de kosten boven de nullijn en de subsidies eronder; de lijn is de nettokosten. "
        f"De duurste maand is {month_name(highest.first)} met {euro_cents(highest.cost)} kosten. "
        "De tabel hieronder geeft alle bedragen."
    )
    body = [*_axes(months, y, ticks, slot), *_bars(months, y, slot, order), *_net_lines(months, y, slot)]
    svg = (
        f'<svg class="hb-chart {_axis_class(ticks)}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">Kasstroom per maand, route {escape(route_label)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
        '<defs><pattern id="hb-chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect class="hb-chart__hatch-bg" width="6" height="6"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="hb-chart__hatch"/></pattern></defs>'
        f'{"".join(body)}</svg>'
    )
    return f'<figure class="hb-chart__figure">{svg}{_legend(months, schemes, order)}</figure>'


def _legend(months: tuple[CashMonth, ...], schemes: dict[str, str], order: list[str]) -> str:
    items = [f'<li><span class="hb-chart__key hb-chart__cost--{g}"></span>{escape(label)}</li>'
             for g, label in group_labels(months)]
    items += [f'<li><span class="hb-chart__key hb-chart__subsidy--{n % 4}"></span>Subsidie: {escape(schemes[s])}</li>'
              for n, s in enumerate(order)]
    if any(m.subsidy.lo != m.subsidy.hi for m in months):
        items.append('<li><span class="hb-chart__key hb-chart__key--uncertain"></span>Gearceerd: onzeker deel</li>')
    items.append('<li><span class="hb-chart__key hb-chart__key--net"></span>Nettokosten (alleen zekere subsidies)</li>')
    if any(m.net.lo != m.net.hi for m in months):
        items.append(
            '<li><span class="hb-chart__key hb-chart__key--net-low"></span>Nettokosten (alle verwachte subsidies)</li>'
        )
    paid = dict.fromkeys(k for m in months for k in m.payouts)
    items += [f'<li><span class="hb-chart__mark-key">{MARKS.get(k, "*")}</span>Maand waarin de '
              f'{PAYOUT_LABELS.get(k, k)} wordt uitbetaald</li>' for k in paid]
    return f'<figcaption><ul class="hb-chart__legend">{"".join(items)}</ul></figcaption>'


def render_cash_table(route_label: str, months: tuple[CashMonth, ...]) -> str:
    """The chart's numbers as a table, one row per month (what a screen reader and the print read)."""
    caption = f"Route {route_label}: kasstroom per maand"
    rows = []
    for month in months:
        note = ", ".join(PAYOUT_LABELS.get(k, k) for k in month.payouts)
        mark = f" <small>({note})</small>" if note else ""
        subsidy = month.subsidy
        low, high = plain(subsidy.lo, bool(subsidy.scaled & LOW)), plain(subsidy.hi, bool(subsidy.scaled & HIGH))
        rows.append(
            f'<tr data-cash-month="{month.first.isoformat()}"><th scope="row">{month_name(month.first)}{mark}</th>'
            f'<td data-amount="{plain(month.cost)}">{euro_cents(month.cost)}</td>'
            f'<td data-low="{low}" data-high="{high}">{money_range(subsidy)}</td>'
            f"<td>{money_range(month.net)}</td></tr>"
        )
    return (
        f'<div class="hb-table" role="region" tabindex="0" aria-label="{escape(caption)}"><table data-cash>'
        f"<caption>{escape(caption)}</caption><thead><tr><th scope='col'>Maand</th><th scope='col'>Kosten</th>"
        "<th scope='col'>Subsidies</th><th scope='col'>Nettokosten</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
