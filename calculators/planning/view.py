# The plan as a self-contained SVG Gantt chart, a table (its text alternative), milestones and downloads.
"""HTML for a Plan: the same output at build time and in the browser, printable, no external assets."""

from __future__ import annotations

import datetime as dt
from html import escape

from calculators._docx import download_button, download_buttons, without_javascript
from calculators._exports import data_url
from calculators._format import MONTHS_SHORT, long_date, short_date
from calculators.planning.exports import DOCUMENTS, KIND_LABELS, ics, phases_csv
from calculators.planning.model import Item, Plan

# Chart geometry in SVG units. Each row carries its label right above its bar (not in a column on the
# left), so the label stays next to the bar when a phone scrolls the chart sideways.
WIDTH, MARGIN, TOP, ROW = 960, 6, 40, 38
LABEL_SIZE, BAR_OFFSET, BAR_HEIGHT = 14, 18, 14  # LABEL_SIZE matches .hb-gantt__label in handbook.css
LONG_SPAN_DAYS = 540  # longer charts name every third month only, so the month names do not overlap


def _label_position(start: float, end: float, label: str) -> tuple[float, str]:
    """Where a row's label goes: from the bar's start rightwards if it fits, else ending at the bar's end."""
    width = len(label) * LABEL_SIZE * 0.55  # a generous estimate of the rendered width
    if start + width <= WIDTH - MARGIN:
        return start, "start"
    return max(end, min(WIDTH - MARGIN, MARGIN + width)), "end"


def _month_ticks(first: dt.date, last: dt.date, x, top: int, height: int) -> list[str]:
    """A tick per month; over a long span only every third month gets its name, so the names do not overlap."""
    sparse = (last - first).days > LONG_SPAN_DAYS
    parts, month = [], first.replace(day=1)
    while month <= last:
        if month >= first:
            parts.append(f'<line class="hb-gantt__tick" x1="{x(month)}" y1="{top - 16}" x2="{x(month)}" '
                         f'y2="{height}"/>')
            if not sparse or month.month % 3 == 1:
                parts.append(f'<text class="hb-gantt__month" x="{x(month) + 3}" y="{top - 20}">'
                             f"{MONTHS_SHORT[month.month - 1]} {month.year % 100:02d}</text>")
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return parts


def _chart(items: tuple[Item, ...], holidays: tuple, first: dt.date, last: dt.date, name: str, title: str,
           description: str) -> str:
    """An SVG Gantt chart of `items` from `first` to `last`; `name` makes its element ids unique on the page."""
    span = (last - first).days + 1

    def x(day: dt.date) -> float:
        return round(MARGIN + (day - first).days / span * (WIDTH - 2 * MARGIN), 1)

    height = TOP + ROW * len(items) + 4
    parts = [
        # role="img": one picture with a short name (the title) and a longer description; the table below
        # is the full text alternative. The bars' own <title>s stay tooltips for mouse users.
        f'<svg class="hb-gantt" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{name}-title" aria-describedby="{name}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{name}-title">{escape(title)}</title>',
        f'<desc id="{name}-desc">{escape(description)}</desc>',
    ]
    for holiday in holidays:
        start, end = max(holiday.start, first), min(holiday.end, last)
        parts.append(
            f'<rect class="hb-gantt__holiday" x="{x(start)}" y="{TOP - 8}" width="{x(end) - x(start) + 1:.1f}" '
            f'height="{height - TOP + 8}" data-holiday="{holiday.name}" data-region="{holiday.region}" '
            f'data-start="{holiday.start}" data-end="{holiday.end}"><title>{escape(holiday.label)}: '
            f"{short_date(holiday.start)} t/m {short_date(holiday.end)}</title></rect>"
        )
    parts += _month_ticks(first, last, x, TOP, height)
    for row, item in enumerate(items):
        y = TOP + row * ROW
        tooltip = f"<title>{escape(item.label)}: {short_date(item.start)}"
        if item.kind == "milestone":
            cx, cy = x(item.start) + 2, y + BAR_OFFSET + BAR_HEIGHT / 2
            left, right = cx - 7, cx + 7
            shape = (
                f'<polygon class="hb-gantt__milestone" data-item="{item.key}" '
                f'points="{cx},{cy - 7} {cx + 7},{cy} {cx},{cy + 7} {cx - 7},{cy}">{tooltip}</title></polygon>'
            )
        else:
            left, right = x(item.start), x(item.end + dt.timedelta(days=1))
            shape = (
                f'<rect class="hb-gantt__bar hb-gantt__bar--{item.kind} hb-gantt__bar--step-{item.step}" '
                f'data-item="{item.key}" x="{left}" y="{y + BAR_OFFSET}" width="{right - left:.1f}" '
                f'height="{BAR_HEIGHT}" rx="3">{tooltip} t/m {short_date(item.end)}</title></rect>'
            )
        label_x, anchor = _label_position(left, right, item.label)
        parts.append(
            f'<text class="hb-gantt__label" x="{label_x:.1f}" y="{y + BAR_OFFSET - 5}" text-anchor="{anchor}">'
            f"{escape(item.label)}</text>{shape}"
        )
    parts.append("</svg>")
    return "".join(parts)


def _preparation_chart(plan: Plan) -> str:
    description = (f"Van {long_date(plan.project_start)} tot de start van de BVP op {long_date(plan.bvp.start)}, "
                   f"met de schoolvakanties van regio {plan.region_label}. De tabel onder de grafiek geeft dezelfde "
                   "gegevens.")
    return _chart(plan.items, plan.holidays, plan.project_start - dt.timedelta(days=7),
                  plan.bvp.end + dt.timedelta(days=14), "hb-gantt", "Balkenplanning van het project", description)


def _after_chart(plan: Plan) -> str:
    first, last = plan.bvp.start, max(item.end for item in plan.after)
    description = (f"Van de start van de BVP op {long_date(first)} tot het diploma, met de jaarlijkse aanvragen. "
                   "De tabel onder de grafiek geeft dezelfde gegevens.")
    return _chart(plan.after, (), first - dt.timedelta(days=14), last + dt.timedelta(days=14), "hb-gantt-after",
                  "Na de start: van de BVP tot het diploma", description)


def _row(item: Item) -> str:
    end = "" if item.kind == "milestone" else short_date(item.end)
    weeks = "" if item.kind == "milestone" else str(item.weeks)
    return (
        f'<tr data-item="{item.key}"><th scope="row">{escape(item.label)}</th><td>{KIND_LABELS[item.kind]}</td>'
        f"<td>{short_date(item.start)}</td><td>{end}</td><td>{weeks}</td></tr>"
    )


def _table(items: tuple[Item, ...], marker: str, name: str, caption: str) -> str:
    rows = "".join(_row(item) for item in items)
    return (
        f'<div class="hb-table" role="region" tabindex="0" aria-label="{name}">'
        f"<table {marker}><caption>{caption}</caption><thead>"
        "<tr><th scope='col'>Onderdeel</th><th scope='col'>Soort</th>"
        "<th scope='col'>Begin</th><th scope='col'>Einde</th><th scope='col'>Weken</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _after_section(plan: Plan) -> str:
    """The two study years after the start: chart, table and what is not sure (schemes that end, expected dates)."""
    diploma = next(m for m in plan.milestones if m.key == "diploma")
    parts = [
        '<h2 id="na-de-start">Na de start: tot het diploma</h2>',
        f"<p>Van de eerste dag van de BVP tot het diploma, uiterlijk <strong data-cell='diploma'>"
        f"{long_date(diploma.start)}</strong>. Een opleidingsjaar telt vanaf de start van de BVP; een studiejaar van "
        "school loopt van 1 augustus tot en met 31 juli. De praktijk vraagt subsidie aan na elk studiejaar.</p>",
    ]
    expected = [item for item in plan.after if item.kind == "window"]
    notes = list(plan.after_notes)
    if any("(verwacht)" in m.label for m in plan.milestones):
        notes.append("Data met '(verwacht)' volgen het patroon van de laatst bekende aanvraagperiode; controleer ze "
                     "elk jaar bij de regeling.")
    if notes:
        items = "".join(f"<li>{escape(note)}</li>" for note in notes)
        parts.append('<div class="admonition info"><p class="admonition-title">Aanvragen na de start</p>'
                     f"<ul>{items}</ul></div>")
    parts.append(
        '<figure class="hb-gantt__figure">'
        '<div class="hb-gantt__scroll" role="region" tabindex="0" aria-label="Balkenplanning na de start">'
        f"{_after_chart(plan)}</div>"
        "<figcaption>Oranje: opleidingsjaren en het schoolblok."
        + (" Donkere balken: aanvraagperiodes." if expected else "")
        + "</figcaption></figure>"
    )
    parts.append(_table(plan.after, "data-plan-after", "Na de start", "Na de start (tekstversie van de grafiek)"))
    return "".join(parts)


def render(plan: Plan) -> str:
    region = plan.region_label
    months = (plan.bvp.start - plan.project_start).days / 30.44
    parts = [
        '<div class="hb-calc__output hb-planning">',
        f"<p>Voorbereiding: <strong data-cell='project-start'>{long_date(plan.project_start)}</strong> tot de "
        f"start van de BVP op <strong data-cell='bvp-start'>{long_date(plan.bvp.start)}</strong> (ongeveer "
        f"{str(round(months, 1)).replace('.', ',')} maanden). Schoolvakanties: regio {region}.</p>",
    ]
    if plan.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in plan.warnings)
        parts.append(f'<div class="admonition warning"><p class="admonition-title">Let op</p><ul>{items}</ul></div>')
    parts.append(
        # On a phone the chart keeps a readable size and scrolls sideways in its own focusable region.
        '<figure class="hb-gantt__figure">'
        '<div class="hb-gantt__scroll" role="region" tabindex="0" aria-label="Balkenplanning">'
        f"{_preparation_chart(plan)}</div>"
        "<figcaption>Lichte banden: schoolvakanties "
        f"regio {region}. Grijze balken: wachttijd. Ruiten: mijlpalen. Oranje: onderwijs en BVP."
        "</figcaption></figure>"
    )
    parts.append(_table(plan.items, "data-plan", "Fasen en mijlpalen",
                        "Fasen en mijlpalen (tekstversie van de grafiek)"))
    if plan.after:
        parts.append(_after_section(plan))
    milestones = "".join(
        f'<li data-milestone="{m.key}"><strong>{long_date(m.start)}</strong>: {escape(m.label)}</li>'
        for m in plan.milestones
    )
    parts.append(f"<h2>Mijlpalen</h2><ul class='hb-planning__milestones'>{milestones}</ul>")
    parts.append(
        '<p class="hb-planning__downloads">'
        f'<a class="md-button" download="planning-zij-instroom.ics" href="{data_url(ics(plan), "text/calendar")}">'
        "Mijlpalen in je agenda (.ics)</a> "
        f'<a class="md-button" download="planning-zij-instroom.csv" href="{data_url(phases_csv(plan), "text/csv")}">'
        "Fasen als spreadsheet (.csv)</a></p>"
    )
    parts.append(_documents())
    parts.append("</div>")
    return "".join(parts)


def _documents() -> str:
    """Buttons for the Word files with this plan's dates; without JavaScript, the generic bijlage 8A."""
    buttons = download_buttons([download_button(key, template, f"{title} (.docx)")
                                for key, (template, title) in DOCUMENTS.items()])
    return ('<section class="hb-documents" data-documents aria-labelledby="hb-plan-documents">'
            '<h2 id="hb-plan-documents">Documenten met deze data</h2>'
            "<p>De balkenplanning en de herinneringen uit stap 2, ingevuld met de data hierboven. Je browser maakt "
            f"het Word-bestand; er wordt niets verstuurd.</p>{buttons}"
            f"{without_javascript('8a-balkenplanning', '8A')}</section>")
