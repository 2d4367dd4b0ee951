# HTML for both matching calculators: accessible tables, links to the playbook step, downloads as data: URLs.
"""Render the checklist and the regional matching as HTML (the same at build time and in the browser)."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from calculators._docx import download_button, download_buttons, without_javascript
from calculators._format import count, number, short_date
from calculators.matching.checklist import ChecklistResult, Verdict
from calculators.matching.columns import CANDIDATE_COLUMNS, PRACTICE_COLUMNS, column_documentation
from calculators.matching.criteria import (
    CANDIDATE_CRITERIA,
    LABELS,
    STATUS_LABELS,
    Outcome,
    Thresholds,
    UsedValue,
    lower_first,
)
from calculators.matching.csv_input import Column
from calculators.matching.export import LETTER_TEMPLATES, data_url, letter_key, template, to_csv
from calculators.matching.regional import RegionalResult

# Relative to the calculator pages docs/rekenhulpen/<name>/ (one level deeper than the .md file).
STEP_URL = "../../stappen/stap-5-matching/"
STEP_PAGE_MD = "../stappen/stap-5-matching.md"
ANCHOR_TEXT = {
    "criteria": "stap 5: criteria",
    "klikgesprek": "stap 5.1: klikgesprek",
    "als-het-klikt": "stap 5.2: als het klikt",
    "start-op-de-werkplek": "stap 5.3: start op de werkplek",
}
ADVICE_CLASS = {"voorstellen": "success", "bespreken": "note", "overleggen": "warning", "niet": "danger"}
BROWSER_ONLY = ("De bestanden zijn alleen in je browser gelezen en verwerkt: er is niets verstuurd of opgeslagen.")
PRINT_HINT = "Voor een papieren versie: gebruik de afdrukfunctie van je browser; de tabellen passen op papier."
UNIT_WORDS = {"hours_per_week": " uur per week", "km": " km", "weeks": " weken"}


def step_link(anchor: str) -> str:
    return f'<a href="{STEP_URL}#{anchor}">{ANCHOR_TEXT[anchor]}</a>'


def status(outcome: Outcome) -> str:
    return f'<strong class="hb-status hb-status--{outcome.status}">{STATUS_LABELS[outcome.status]}</strong>'


def outcome_cell(outcome: Outcome, extra: str = "") -> str:
    return (f'<td data-criterion="{outcome.key}" data-outcome="{outcome.status}"{extra}>{status(outcome)}: '
            f"{escape(outcome.reason)} ({step_link(outcome.anchor)})</td>")


def _table(caption: str, head: list[str], rows: list[str], attributes: str = "") -> str:
    cells = "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
    return (f'<div class="hb-table"><table{attributes}><caption>{escape(caption)}</caption>'
            f"<thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _value(used: UsedValue) -> str:
    if isinstance(used.value, dict):
        names = {**LABELS, **STATUS_LABELS}
        order = [*LABELS, *STATUS_LABELS]
        keys = sorted(used.value, key=lambda k: order.index(k) if k in order else len(order))
        return "; ".join(f"{lower_first(names.get(k, k))} {number(used.value[k])}" for k in keys)
    return number(Decimal(used.value)) + UNIT_WORDS.get(used.unit, "")


def used_values(th: Thresholds) -> str:
    items = []
    for used in th.used:
        marks = (' <span class="hb-indicative">aanname</span>' if used.assumption else "") + (
            ' <span class="hb-indicative">indicatief</span>' if used.indicative and not used.assumption else "")
        items.append(f'<li data-param="{escape(used.key)}">{escape(used.label)}: {escape(_value(used))}{marks} '
                     f'(<a href="{escape(used.source)}">bron</a>, peildatum {short_date(used.peildatum)})</li>')
    return ("<details class='hb-calc__assumptions'><summary>Gebruikte drempels en aannames</summary>"
            f"<p>De drempels komen uit {step_link('criteria')}; de gewichten van de score zijn een aanname.</p>"
            f"<ul>{''.join(items)}</ul></details>")


def _klik(th: Thresholds) -> str:
    return (f"<p data-klikgesprek>De huisarts spreekt de voorgestelde kandidaten in een klikgesprek en heeft daarna "
            f"{_n(th.decision_weeks, 'week', 'weken')} om de projectcoördinator ja of nee te laten weten "
            f"({step_link('klikgesprek')}).</p>")


# --- checklist ------------------------------------------------------------------------------------------


def _advice(verdict: Verdict) -> str:
    advice = verdict.advice
    return (f'<div class="admonition {ADVICE_CLASS[advice.level]}" data-advice="{advice.level}" '
            f'data-candidate="{verdict.letter}"><p class="admonition-title">Kandidaat {verdict.letter}: '
            f"{escape(advice.title)}</p><p>{escape(advice.text)} Score: {verdict.score} van de {verdict.max_score} "
            "punten.</p></div>")


def render_checklist(result: ChecklistResult) -> str:
    verdicts = result.verdicts
    parts = ['<div class="hb-calc__output" data-matching="checklist">', "<h2>Advies voor het klikgesprek</h2>"]
    parts += [_advice(v) for v in verdicts]
    if result.comparison:
        parts.append(f'<p data-comparison data-best="{result.best or ""}"><strong>{escape(result.comparison)}'
                     f"</strong> Het draaiboek stelt per huisarts "
                     f"{_n(result.thresholds.per_practice, 'kandidaat', 'kandidaten')} voor; "
                     "de huisarts kiest zelf.</p>")
    parts.append(_klik(result.thresholds))
    rows = []
    for index, (_key, label) in enumerate(CANDIDATE_CRITERIA):
        cells = "".join(outcome_cell(v.outcomes[index], f' data-candidate="{v.letter}"') for v in verdicts)
        rows.append(f"<tr><th scope='row'>{escape(label)}</th>{cells}</tr>")
    rows.append("<tr class='hb-calc__sum'><th scope='row'>Score</th>" + "".join(
        f'<td data-score="{v.letter}">{v.score} van de {v.max_score} punten'
        f'{" (harde eis niet gehaald)" if v.blocked else ""}</td>' for v in verdicts) + "</tr>")
    head = ["Criterium", *(f"Kandidaat {v.letter}" for v in verdicts)]
    caption = "Criteria per kandidaat" if len(verdicts) > 1 else "Criteria voor de kandidaat"
    parts.append(_table(caption, head, rows, " data-checklist"))
    practice_rows = [f"<tr><th scope='row'>{escape(o.label)}</th>{outcome_cell(o)}</tr>"
                     for o in result.practice_outcomes]
    parts.append(_table("Criteria aan de kant van de praktijk", ["Criterium", "Uitkomst"], practice_rows,
                        " data-practice"))
    parts.append(_letters(result))
    parts.append(used_values(result.thresholds))
    parts.append("</div>")
    return "".join(parts)


def _letters(result: ChecklistResult) -> str:
    """Download buttons for the 5B letters of each candidate whose route has letters; the rest is explained."""
    buttons, notes = [], []
    for v in result.verdicts:
        route = v.candidate.route
        if route in LETTER_TEMPLATES:
            buttons.append(download_button(letter_key(v.letter), LETTER_TEMPLATES[route],
                                           f"Brieven na de match voor kandidaat {v.letter}, route "
                                           f"{route.upper()} (.docx)"))
        else:
            notes.append(f"Kandidaat {v.letter}: bijlage 5B heeft brieven voor de routes UWV en SSFH; kies eerst "
                         "een van die routes" + (" (nu: regulier)." if route == "regulier" else "."))
    note = "".join(f"<p data-letter-note>{escape(n)}</p>" for n in notes)
    row = download_buttons(buttons)
    return ('<section class="hb-documents" data-documents aria-labelledby="hb-letters-title">'
            '<h3 id="hb-letters-title">Brieven na de match (bijlage 5B)</h3>'
            "<p>De brieven aan de kandidaat en de praktijk, met de namen en de startdatum uit de velden "
            "<em>Brief: …</em>. Je browser maakt het Word-bestand; er wordt niets verstuurd.</p>"
            f"{note}{row}"
            f"{without_javascript('5b-brieven-na-de-match', '5B')}</section>")


# --- regional matching ------------------------------------------------------------------------------------


def _km(value: Decimal | None) -> str:
    return "onbekend" if value is None else f"{number(value, 1)} km"


def _explain(outcomes: tuple[Outcome, ...]) -> str:
    points = [o for o in outcomes if o.status != "voldoet"]
    if not points:
        return "Voldoet aan alle criteria."
    return "<ul>" + "".join(f"<li>{status(o)} bij {escape(lower_first(o.label))}: {escape(o.reason)}</li>"
                            for o in points) + "</ul>"


def export_rows(result: RegionalResult, decimal_comma: bool) -> list[list[str]]:
    def dec(value: Decimal | None) -> str:
        text = "" if value is None else number(value, 1).replace(".", "")
        return text if decimal_comma else text.replace(",", ".")

    rows = [["praktijk", "voorstel", "kandidaat", "score", "maximum", "afstand_km", "afstand_bron", "toelichting"]]
    for entry in result.practices:
        for p in entry.proposals:
            notes = "; ".join(f"{o.label}: {o.reason}" for o in p.outcomes if o.status != "voldoet")
            rows.append([entry.practice.id, str(p.rank), p.candidate.id, str(p.score), str(result.thresholds.max_score),
                         dec(p.distance), p.distance_source, notes or "Voldoet aan alle criteria."])
        if entry.note:
            rows.append([entry.practice.id, "", "", "", "", "", "", entry.note])
    for item in result.unplaced:
        rows.append(["", "", item.candidate.id, "", "", "", "", item.reason])
    return rows


def render_templates() -> str:
    links = []
    for name, columns in (("kandidaten", CANDIDATE_COLUMNS), ("praktijken", PRACTICE_COLUMNS)):
        links.append(f'<a download="{name}-sjabloon.csv" href="{data_url(template(columns))}">'
                     f"Sjabloon {name} (CSV)</a>")
    return f"<p data-templates>Download een leeg voorbeeld: {' · '.join(links)}.</p>"


def render_column_docs() -> str:
    """The documented columns of both files, as tables, with the two template downloads."""
    parts = [render_templates()]
    for name, columns in column_documentation().items():
        rows = [f"<tr><th scope='row'><code>{escape(c.name)}{'&lt;id&gt;' if c.prefix else ''}</code></th>"
                f"<td>{'ja' if c.required else 'nee'}</td><td>{escape(c.description)}{_aliases(c)}</td>"
                f"<td>{escape(c.values)}</td></tr>" for c in columns]
        parts.append(_table(f"Kolommen van het bestand met {name}", ["Kolom", "Verplicht", "Betekenis", "Waarden"],
                            rows, f' data-columns="{name}"'))
    parts.append("<p>Het scheidingsteken mag een puntkomma of een komma zijn. De eerste rij bevat de kolomnamen; de "
                 "volgorde van de kolommen is vrij en andere kolommen worden genegeerd. Een cel die met =, +, - of @ "
                 "begint en geen getal is, wordt geweigerd, omdat een spreadsheet die als formule kan uitvoeren.</p>")
    return "".join(parts)


def _aliases(column: Column) -> str:
    return f" Ook: {', '.join(column.aliases)}." if column.aliases else ""


def _n(amount: int, one: str, many: str) -> str:
    return count(amount, one, many)


def _short(short: int, per_practice: int) -> str:
    if not short:
        return f"Elke praktijk krijgt {_n(per_practice, 'voorstel', 'voorstellen')}."
    return ("1 praktijk krijgt" if short == 1 else f"{short} praktijken krijgen") + \
        f" minder dan {_n(per_practice, 'voorstel', 'voorstellen')}."


def render_regional(result: RegionalResult) -> str:
    th = result.thresholds
    count = sum(len(e.proposals) for e in result.practices)
    short = sum(len(e.proposals) < th.per_practice for e in result.practices)
    parts = ['<div class="hb-calc__output hb-calc__print" data-matching="regio">',
             f'<p class="hb-calc__privacy">{BROWSER_ONLY}</p>',
             f"<p data-summary>{_n(count, 'voorstel', 'voorstellen')} voor "
             f"{_n(len(result.practices), 'praktijk', 'praktijken')} uit "
             f"{_n(result.candidate_count, 'kandidaat', 'kandidaten')}: hoogstens {th.per_practice} per praktijk en "
             f"elke kandidaat één keer, met de hoogste totale passing ({_n(result.total_score, 'punt', 'punten')}). "
             f"{_short(short, th.per_practice)}</p>",
             f"<p data-delimiters>Gevonden scheidingsteken: {escape(result.delimiters[0])} in het bestand met "
             f"kandidaten, {escape(result.delimiters[1])} in het bestand met praktijken.</p>"]
    parts += [f"<p>{escape(note)}</p>" for note in result.ignored]
    decimal_comma = result.delimiters[0].startswith("puntkomma")
    delimiter = ";" if decimal_comma else ","
    export = to_csv(export_rows(result, decimal_comma), delimiter)
    parts.append(f'<p><a download="matchingsvoorstellen.csv" href="{data_url(export)}" data-export>Download de '
                 f"voorstellen als CSV</a>. {PRINT_HINT} "
                 '<button type="button" class="md-button" data-print hidden>Afdrukken</button></p>')
    rows = []
    for entry in result.practices:
        pid = escape(entry.practice.id)
        for p in entry.proposals:
            source = " (uit coördinaten)" if p.distance_source == "coördinaten" else ""
            rows.append(f'<tr data-practice="{pid}" data-candidate="{escape(p.candidate.id)}"><th scope="row">{pid}'
                        f"</th><td>{p.rank}</td><td>{escape(p.candidate.id)}</td><td>{p.score} van de {th.max_score}"
                        f"</td><td>{_km(p.distance)}{source}</td><td>{_explain(p.outcomes)}</td></tr>")
        if entry.note:
            rows.append(f'<tr data-practice="{pid}" data-note><th scope="row">{pid}</th><td colspan="5">'
                        f"{escape(entry.note)}</td></tr>")
    parts.append(_table("Voorstellen per praktijk", ["Praktijk", "Voorstel", "Kandidaat", "Score", "Afstand",
                                                     "Toelichting"], rows, " data-proposals"))
    if result.unplaced:
        rows = [f'<tr data-unplaced="{escape(u.candidate.id)}"><th scope="row">{escape(u.candidate.id)}</th>'
                f"<td>{escape(u.reason)}</td></tr>" for u in result.unplaced]
        parts.append(_table("Kandidaten zonder voorstel", ["Kandidaat", "Reden"], rows, " data-unplaced-table"))
    attention = [f"<tr><th scope='row'>{escape(e.practice.id)}</th>{outcome_cell(o)}</tr>"
                 for e in result.practices for o in e.practice_outcomes if o.status != "voldoet"]
    if attention:
        parts.append("<details><summary>Aandachtspunten bij de praktijken</summary>"
                     + _table("Aandachtspunten bij de praktijken", ["Praktijk", "Uitkomst"], attention) + "</details>")
    parts.append(_klik(th))
    parts.append(used_values(th))
    parts.append(f"<details><summary>Kolommen en sjablonen</summary>{render_column_docs()}</details>")
    parts.append("</div>")
    return "".join(parts)
