"""Sentences about schemes written through their data: a claim with its status, a status badge, the funding check.

Plain functions over the bundle and a date (the build date on pages and in documents). A claim is written as it
holds while the scheme is open ("SSFH betaalt de BVP in het eerste studiejaar"); when the status on the date is
unconfirmed or ended, the same words come with the status in front and the reason and who confirms it behind, so a
page can never state as fact what the data does not support. handbook_build/claims.py checks the prose around them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from typing import Any

from calculators._format import long_date
from calculators._status import CheckPoint, RouteCheck, Status, route_checks, route_summary, scheme_status
from handbook_build.pages.tables import confidence_mark, source_link

# What a reader does when a status is not open; the subject follows from the scheme's `confirmed_by`.
_ASK = "Vraag het na bij {who} voordat je erop rekent."
_ASK_FORMAL = "Vraag het na bij {who} voordat u erop rekent."


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def claim_parts(bundle: Mapping[str, Any], scheme_id: str, claim: str, on: dt.date,
                formal: bool = False) -> tuple[Status, str | None, str, str]:
    """(status, lead, claim sentence, tail): the lead ('Niet bevestigd sinds …') and tail (the reason and who
    confirms it) are None and '' while the scheme is open."""
    status = scheme_status(bundle, scheme_id, on)
    sentence = _sentence(claim)
    if status.is_open:
        return status, None, sentence, ""
    who = bundle["schemes"][scheme_id]["confirmed_by"]
    ask = (_ASK_FORMAL if formal else _ASK).format(who=who) if status.state != "ended" else ""
    lead = status.phrase()
    return status, lead[:1].upper() + lead[1:], sentence, " ".join(part for part in (status.label, ask) if part)


def scheme_claim_html(bundle: Mapping[str, Any], scheme_id: str, claim: str, on: dt.date, short: bool = False) -> str:
    """A claim about a scheme for a page (inline HTML): as written while the scheme is open (a full stop added);
    otherwise led by its status, followed by the reason, who confirms it and the source. `short`: inside a
    sentence or a table cell, the words as given with the status in brackets when it is not open."""
    status, lead, sentence, tail = claim_parts(bundle, scheme_id, claim, on)
    attributes = f'class="hb-claim" data-scheme-claim="{scheme_id}" data-state="{status.state}"'
    if lead is None:
        return f"<span {attributes}>{escape(claim.strip() if short else sentence)}</span>"
    if short:
        return f"<span {attributes}>{escape(claim.strip())} <em>({escape(status.phrase())})</em></span>"
    source = f"(bron: {source_link(status.source)}, gecontroleerd op {long_date(status.peildatum)})"
    return (f"<span {attributes}><strong>{escape(lead)}</strong> {source}: <em>{escape(sentence)}</em> "
            f"{escape(tail)}</span>")


def scheme_claim_markdown(bundle: Mapping[str, Any], scheme_id: str, claim: str, on: dt.date) -> tuple[str, Status]:
    """The same claim as Markdown for a document (letters use 'u'), and the status it shows."""
    status, lead, sentence, tail = claim_parts(bundle, scheme_id, claim, on, formal=True)
    if lead is None:
        return sentence, status
    return f"**{lead}:** *{sentence}* {tail}", status


def scheme_status_html(bundle: Mapping[str, Any], scheme_id: str, on: dt.date) -> str:
    """The scheme's status on `on` as a short phrase with its source: 'niet bevestigd sinds … (bron: …)'."""
    status = scheme_status(bundle, scheme_id, on)
    return (f'<span class="hb-status" data-scheme-status="{scheme_id}" data-state="{status.state}">'
            f"<strong>{escape(status.phrase())}</strong>{confidence_mark(status.confidence)} "
            f"({source_link(status.source)}, gecontroleerd op {long_date(status.peildatum)})</span>")


def scheme_status_text(bundle: Mapping[str, Any], scheme_id: str, on: dt.date) -> tuple[str, Status]:
    """The status as plain text for a document: '(niet bevestigd sinds …; vraag het na bij SSFH)'."""
    status = scheme_status(bundle, scheme_id, on)
    if status.is_open:
        return f"(open volgens de gegevens van {long_date(status.peildatum)})", status
    who = bundle["schemes"][scheme_id]["confirmed_by"]
    ask = f"; vraag het na bij {who}" if status.state != "ended" else ""
    return f"({status.phrase()}{ask})", status


def _point_row(point: CheckPoint) -> str:
    if point.status is None:
        status = "zelf nagaan"
        state = "check"
    else:
        status = (f"<strong>{escape(point.status.phrase())}</strong>{confidence_mark(point.status.confidence)} "
                  f"({source_link(point.status.source)})")
        state = point.status.state
    return (f'<tr data-state="{state}"><td>{escape(point.label)}</td><td>{escape(point.confirmed_by)}</td>'
            f"<td>{status}</td></tr>")


def _route_group(check: RouteCheck, common: int) -> str:
    points = check.points[: len(check.points) - common] if common else check.points
    rows = "".join(_point_row(point) for point in points)
    return (f'<tbody data-route="{check.route}" data-state="{check.state}"><tr><th colspan="3" scope="colgroup">'
            f"{escape(route_summary(check))}</th></tr>{rows}</tbody>")


def funding_check_html(bundle: Mapping[str, Any], on: dt.date, calculator_link: str | None = None) -> str:
    """The "funding first" block: per route whether it is certain, uncertain or closed on `on`, what must be true
    now and who confirms it; then what holds for every route. `calculator_link`: a relative link to the cost
    calculator, for pages other than the calculator's own."""
    checks = route_checks(bundle, on)
    common = len(bundle.get("funding_check_all_routes", []))
    groups = "".join(_route_group(check, common) for check in checks)
    if common:
        rows = "".join(_point_row(point) for point in checks[0].points[-common:])
        groups += (f'<tbody data-route="all"><tr><th colspan="3" scope="colgroup">Voor elke route</th></tr>'
                   f"{rows}</tbody>")
    words = ", ".join(f"{check.label}: {check.word}" for check in checks)
    caption = "Per route: wat nu waar moet zijn, wie het bevestigt en de status volgens de gegevens"
    link = (f' De <a href="{escape(calculator_link)}">kostenrekenhulp</a> zet de status van je route naast de kosten.'
            if calculator_link else "")
    # One line per route is what fits one phone screen; what must be true, point by point, folds out below it.
    summary = "".join(f'<li data-route="{check.route}" data-state="{check.state}">{escape(route_summary(check))}</li>'
                      for check in checks)
    return (
        '<div class="admonition abstract hb-funding-check" data-funding-check>'
        f'<p class="admonition-title">Eerst de financiering ({escape(words)})</p>'
        f"<ul>{summary}</ul>"
        '<details class="hb-funding-check__details"><summary>Wat er per route nu waar moet zijn, en wie het '
        "bevestigt</summary>"
        f"<p>Stand van de gegevens op {long_date(on)}. Een route is <strong>zeker</strong> als alles waar ze op "
        "rust volgens de gegevens open is, <strong>onzeker</strong> als iets niet bevestigd is en "
        "<strong>gesloten</strong> als iets gestopt is. Laat de punten bevestigen voordat een praktijk "
        f"tekent.{link}</p>"
        f'<div class="hb-table" role="region" tabindex="0" aria-label="{escape(caption)}"><table>'
        f"<caption>{escape(caption)}</caption>"
        '<thead><tr><th scope="col">Wat nu waar moet zijn</th><th scope="col">Wie het bevestigt</th>'
        '<th scope="col">Status</th></tr></thead>'
        f"{groups}</table></div></details></div>"
    )
