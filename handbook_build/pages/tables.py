"""Data -> page fragments for the data pages (plain functions over the bundle; no MkDocs needed).

Values are rendered as HTML tables whose cells carry data-param / data-from attributes, so tests can
read the built pages and compare them with the YAML without re-typing a number.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import urlsplit

from calculators import Parameters
from calculators._format import euro, format_value, long_date, number, percent, short_date
from calculators._status import STATE_WORDS, scheme_status, status_entries


def route_labels(bundle: dict) -> dict[str, str]:
    """Route key -> label, in the order of data/routes.yaml."""
    return {route["key"]: route["label"] for route in bundle["routes"]}


def holiday_regions(bundle: dict) -> dict[str, str]:
    """Holiday region key -> label, in the order of data/school_holidays/regions.yaml."""
    order = bundle.get("holiday_region_order") or sorted(bundle["holiday_regions"])
    return {key: bundle["holiday_regions"][key]["label"] for key in order}

def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def source_link(url: str) -> str:
    host = urlsplit(url).netloc.removeprefix("www.")
    return f'<a href="{escape(url)}">{escape(host)}</a>'


def confidence_mark(confidence: str) -> str:
    if confidence == "high":
        return ""
    title = "Betrouwbaarheid: " + {"medium": "gemiddeld (secundaire of oudere bron)", "low": "laag (afgeleid of zwakke bron)"}[confidence]
    return f' <span class="hb-indicative" title="{title}">indicatief</span>'


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def parameter_history_table(parameters: Parameters, keys: list[str]) -> str:
    """One row per dated value of each parameter: what, value, from, source, peildatum."""
    rows = []
    for key in keys:
        param = parameters.get(key)
        for entry in param.values:
            note = f'<br><small>{escape(entry.note)}</small>' if entry.note else ""
            if entry.carried_forward:
                note += f"<br><small>Daarna doorgetrokken: {escape(entry.carried_forward)}</small>"
            assumption = ' <span class="hb-assumption">aanname</span>' if param.assumption else ""
            rows.append(_row([
                f"<td>{escape(param.label)}{assumption}</td>",
                f'<td data-param="{key}" data-from="{entry.start.isoformat()}">'
                f"{format_value(param.unit, entry.value)}{confidence_mark(entry.confidence)}{note}</td>",
                f"<td>{long_date(entry.start)}</td>",
                f"<td>{source_link(entry.source)}</td>",
                f"<td>{short_date(entry.peildatum)}</td>",
            ]))
    head = "<tr><th>Onderdeel</th><th>Waarde</th><th>Geldt vanaf</th><th>Bron</th><th>Peildatum</th></tr>"
    return f'<div class="hb-table"><table>\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>"


def keys_in_file(bundle: dict, file: str) -> list[str]:
    return [key for key, param in bundle["parameters"].items() if param["file"] == file]


def status_history_html(bundle: dict, scheme_id: str, on: dt.date) -> str:
    """The subsidiewijzer's status block of one scheme: the status on `on`, then every dated status."""
    entries = status_entries(bundle["schemes"][scheme_id]["status"])
    current = scheme_status(bundle, scheme_id, on)
    items = "".join(
        f'<li data-from="{entry.since.isoformat()}" data-state="{entry.state}">Vanaf {long_date(entry.since)}: '
        f"<strong>{STATE_WORDS[entry.state]}</strong>. {escape(entry.label)}"
        f"{confidence_mark(entry.confidence)} ({source_link(entry.source)}, gecontroleerd op "
        f"{long_date(entry.peildatum)})</li>"
        for entry in entries
    )
    who = escape(bundle["schemes"][scheme_id]["confirmed_by"])
    return (f'<p class="hb-scheme-status" data-scheme-status="{scheme_id}" data-state="{current.state}">'
            f"<strong>Status op {long_date(on)}:</strong> {escape(current.phrase())}. Wie het bevestigt: {who}.</p>"
            f"<ul>{items}</ul>")


def scheme_section(bundle: dict, scheme_id: str, on: dt.date) -> str:
    """Markdown heading plus HTML details for one subsidy or scheme."""
    scheme = bundle["schemes"][scheme_id]
    parameters = Parameters(bundle)
    labels = route_labels(bundle)
    routes = ", ".join(labels[r] for r in scheme["routes"])
    kind = "geldbedrag" if scheme["benefit"] == "cash" else "voordeel zonder vast bedrag"
    parts = [f"### {scheme['title']} {{ #{scheme_id.replace('_', '-')} }}", ""]
    parts.append(f'<p class="hb-scheme-meta" data-scheme="{scheme_id}"><strong>Verstrekker:</strong> {escape(scheme["provider"])}'
                 f" · <strong>Routes:</strong> {routes} · <strong>Soort:</strong> {kind}</p>")
    parts.append(status_history_html(bundle, scheme_id, on))
    parts.append(f"<p>{escape(scheme['summary'])}</p>")
    if scheme.get("covers"):
        parts.append(f"<p><strong>Dekt:</strong> {escape(scheme['covers'])}</p>")
    amount_keys = [f"schemes.{scheme_id}.{name}" for name in scheme["amounts"]]
    if amount_keys:
        parts.append(parameter_history_table(parameters, amount_keys))
    if scheme["conditions"]:
        items = "".join(f"<li>{escape(c['label'])}</li>" for c in scheme["conditions"])
        parts.append(f"<p><strong>Voorwaarden</strong></p><ul>{items}</ul>")
    if scheme.get("application"):
        parts.append(f"<p><strong>Aanvragen:</strong> {escape(scheme['application'])}</p>")
    windows = scheme.get("application_windows", [])
    if windows:
        items = "".join(
            f"<li>{escape(w['label'])}: {long_date(_date(w['opens']))} t/m {long_date(_date(w['closes']))}"
            f"{confidence_mark(w['confidence'])} ({source_link(w['source'])})</li>" for w in windows)
        parts.append(f"<p><strong>Aanvraagperiodes</strong></p><ul>{items}</ul>")
    if scheme.get("scaling"):
        parts.append(f"<p><strong>Bij te weinig budget:</strong> {escape(scheme['scaling'])}</p>")
    sources = ", ".join(f'<a href="{escape(s["url"])}">{escape(s["label"])}</a>' for s in scheme["sources"])
    parts.append(f"<p><small>Bronnen: {sources}</small></p>")
    return "\n\n".join(parts)


def schemes_by_route(bundle: dict, on: dt.date) -> str:
    """Overview table: which scheme applies to which funding route, and its status on `on`."""
    labels = route_labels(bundle)
    head = ("<tr><th>Regeling</th>" + f"<th>Status op {long_date(on)}</th>"
            + "".join(f"<th>{label}</th>" for label in labels.values()) + "</tr>")
    rows = []
    for scheme_id, scheme in sorted(bundle["schemes"].items(), key=lambda item: item[1]["title"]):
        status = scheme_status(bundle, scheme_id, on)
        cells = [f'<td><a href="#{scheme_id.replace("_", "-")}">{escape(scheme["title"])}</a></td>',
                 f'<td data-scheme-status="{scheme_id}" data-state="{status.state}">{escape(status.phrase())}'
                 f"{confidence_mark(status.confidence)}</td>"]
        for route in labels:
            cells.append(f'<td data-scheme="{scheme_id}" data-route="{route}">'
                         f'{"ja" if route in scheme["routes"] else "–"}</td>')
        rows.append(_row(cells))
    return f'<div class="hb-table"><table>\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>"


def school_year_table(bundle: dict, school_year: str) -> str:
    year = bundle["school_holidays"][school_year]
    regions = holiday_regions(bundle)
    head = "<tr><th>Vakantie</th>" + "".join(f"<th>{label}</th>" for label in regions.values()) + "</tr>"
    rows = []
    for holiday in year["holidays"]:
        label = escape(holiday["label"]) + ("" if holiday.get("compulsory", True) else " <small>(advies)</small>")
        cells = [f"<td>{label}</td>"]
        for region in regions:
            period = holiday["regions"].get(region)
            if period:
                start, end = _date(period["start"]), _date(period["end"])
                note = f'<br><small>{escape(period["note"])}</small>' if period.get("note") else ""
                cells.append(f'<td data-holiday="{holiday["name"]}" data-region="{region}" '
                             f'data-start="{period["start"]}" data-end="{period["end"]}">'
                             f"{short_date(start)} t/m {short_date(end)}{confidence_mark(period['confidence'])}"
                             f" ({source_link(period['source'])}){note}</td>")
            else:
                reason = holiday.get("missing", {}).get(region, "niet bekend")
                cells.append(f'<td data-holiday="{holiday["name"]}" data-region="{region}" data-missing="true">'
                             f"<em>ontbreekt</em>: {escape(reason)}</td>")
        rows.append(_row(cells))
    return f'<div class="hb-table"><table>\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>"


def facts_table(bundle: dict, facts_id: str) -> str:
    facts = bundle["facts"][facts_id]["facts"]
    head = "<tr><th>Cijfer</th><th>Waarde</th><th>Jaar</th><th>Bron</th></tr>"
    rows = []
    for key, fact in facts.items():
        value = {"percent": percent, "million": lambda v: f"{number(v)} miljoen"}.get(fact["unit"], number)(fact["value"])
        note = f'<br><small>{escape(fact["note"])}</small>' if fact.get("note") else ""
        rows.append(_row([
            f"<td>{escape(fact['label'])}{note}</td>",
            f'<td data-fact="{key}">{value}{confidence_mark(fact["confidence"])}</td>',
            f"<td>{escape(fact['year'])}</td>",
            f"<td>{source_link(fact['source'])}</td>",
        ]))
    return f'<div class="hb-table"><table>\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>"


def salary_table_status(bundle: dict) -> str:
    """Say plainly whether complete salary tables are in data/, and link the official table."""
    parameters = Parameters(bundle)
    table = parameters.get("cao.salary_tables.salary_table")
    link = parameters.get("cao.salary_tables.official_table_link").values[-1].value
    latest = table.values[-1]
    official = f'<a href="{escape(link["url"])}">{escape(link["title"])}</a>'
    if latest.value.get("complete"):
        intro = (f"<p>De salaristabel per {long_date(latest.start)} staat volledig in de gegevens. "
                 f"Controleer bij twijfel de officiële tabel: {official}.</p>")
    else:
        intro = ('<div class="admonition warning"><p class="admonition-title">Volledige salaristabel ontbreekt</p>'
                 "<p>De officiële salaristabellen van de cao Huisartsenzorg (per schaal en trede) zijn voor recente "
                 "jaren niet gevonden. Hieronder staan alleen losse bedragen die wel bekend zijn. Gebruik voor een "
                 f"echte berekening de actuele tabel van de LHV; de laatst bekende is: {official}. "
                 "De kostenrekenhulp werkt daarom met een maandsalaris dat je zelf invult.</p></div>")
    rows = []
    for entry in table.values:
        for scale, steps in sorted(entry.value["scales"].items(), key=lambda item: int(item[0])):
            for step, amount in sorted(steps.items(), key=lambda item: int(item[0])):
                rows.append(_row([
                    f"<td>{scale}</td><td>{step}</td>",
                    f'<td data-param="cao.salary_tables.salary_table" data-from="{entry.start.isoformat()}" '
                    f'data-scale="{scale}" data-step="{step}">{euro(amount)}{confidence_mark(entry.confidence)}</td>',
                    f"<td>{long_date(entry.start)}</td><td>{source_link(entry.source)}</td>",
                ]))
    head = "<tr><th>Schaal</th><th>Trede</th><th>Bruto per maand (voltijd)</th><th>Tabel per</th><th>Bron</th></tr>"
    return (intro + f'\n\n<div class="hb-table"><table>\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows)
            + "\n</tbody></table></div>")
