"""The maintainer page "Actualiteit van de gegevens": the freshness report as an HTML table.

A plain function so the build registers it as a macro in one line; no MkDocs import here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from calculators._format import long_date, short_date
from handbook_build.freshness.status import WARN_MONTHS, StatusRow, add_months, status_rows, unplanned_default_ends

CONFIDENCE_LABELS = {"high": "hoog", "medium": "gemiddeld", "low": "laag"}


def _cell(text: str, attributes: str = "") -> str:
    return f"<td{attributes}>{text}</td>"


def _row(row: StatusRow) -> str:
    until = "geen einddatum bekend" if row.valid_until is None else (
        f"{short_date(row.valid_until)} <small>({escape(row.valid_until_basis)})</small>")
    if row.carried_forward:
        until += f"<br><small>Daarna doorgetrokken: {escape(row.carried_forward)}</small>"
    used = "<br>".join(
        [f"rekenhulp {escape(name)}" for name in row.calculators] + [f"<code>{escape(p)}</code>" for p in row.pages]
    ) or "–"
    flags = "; ".join(escape(flag) for flag in row.flags) or "–"
    return "<tr>" + "".join([
        _cell(f"{escape(row.label)}<br><small><code>{escape(row.key)}</code> in "
              f"<code>{escape(row.file)}</code></small>"),
        _cell(until),
        _cell(short_date(row.peildatum)),
        _cell(CONFIDENCE_LABELS[row.confidence]),
        _cell(used),
        _cell(flags, f' data-status-key="{escape(row.key)}" data-flagged="{"true" if row.flags else "false"}"'),
    ]) + "</tr>"


def _table(rows: list[StatusRow]) -> str:
    head = ("<tr><th>Waarde</th><th>Geldt tot en met</th><th>Peildatum</th><th>Betrouwbaarheid</th>"
            "<th>Gebruikt door</th><th>Aandacht</th></tr>")
    body = "\n".join(_row(row) for row in rows)
    return f'<div class="hb-table"><table>\n<thead>{head}</thead>\n<tbody>\n{body}\n</tbody></table></div>'


def render_status_page(bundle: Mapping[str, Any], today: dt.date, root: Path) -> str:
    """Summary, then the values that need attention, then every current value."""
    rows = status_rows(bundle, today, root)
    flagged = [row for row in rows if row.flags]
    horizon = add_months(today, WARN_MONTHS)
    open_ = unplanned_default_ends(rows, horizon)
    carried = [row for row in rows if row.defaults and row.carried_forward and row.valid_until is not None
               and row.valid_until <= horizon]
    summary = (f"<p>Stand op {long_date(today)}: {len(rows)} actuele waarden, waarvan {len(flagged)} aandacht "
               f"vragen: ze verlopen binnen {WARN_MONTHS} maanden (of zijn verlopen), hebben een lage "
               "betrouwbaarheid of zijn langer dan een jaar niet gecontroleerd.</p>"
               f"<p data-default-ends>Achter de standaardinvoer van een rekenhulp eindigen tot en met "
               f"{long_date(horizon)} {len(carried) + len(open_)} waarden zonder volgende waarde: "
               f"{len(carried)} worden bewust doorgetrokken (de rekenhulpen melden dat), {len(open_)} nog zonder "
               "afspraak" + ("" if not open_ else ": " + ", ".join(f"<code>{escape(r.key)}</code>" for r in open_))
               + ".</p>")
    return "\n\n".join([
        summary,
        "<h2 id=\"aandacht\">Wat aandacht vraagt</h2>",
        _table(flagged) if flagged else "<p>Niets: alle waarden zijn actueel.</p>",
        "<h2 id=\"alle-waarden\">Alle actuele waarden</h2>",
        _table(rows),
    ])
