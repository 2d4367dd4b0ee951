# HTML for the cost result: comparison, per-route tables, benefits, warnings and assumptions.
"""Render a CostResult as accessible HTML tables (the same HTML at build time and in the browser)."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from html import escape as _escape
from urllib.parse import urlsplit

from calculators._format import count, euro, euro_cents, long_date, short_date
from calculators._parts import Expanded, TextFile, collapsed
from calculators.cost.cashflow import cash_months
from calculators.cost.chart import render_cash_table, render_chart
from calculators.cost.headline import headline, render_headline
from calculators.cost.plan_view import plan_file, render_plan
from calculators.cost.types import COST_KINDS, EMPTY, Assumption, CostResult, Range, RouteResult, Row

# The same labels, titles and warnings on every keystroke: each is escaped once.
escape = functools.lru_cache(maxsize=2048)(_escape)


def _money(amount: int) -> str:
    """An amount in cents."""
    return f'<span class="hb-money">{euro_cents(amount)}</span>'


def _euros(amount: Decimal) -> str:
    return f'<span class="hb-money">{euro(amount)}</span>'


def _range(value: Range) -> str:
    if value.lo == value.hi:
        return _money(value.lo)
    return f"{_money(value.lo)} tot {_money(value.hi)}"


def _scroll_region(caption: str) -> str:
    """Opening tag of a table wrapper that scrolls sideways on a narrow screen.

    Focusable and named after the table, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1).
    """
    return f'<div class="hb-table" role="region" tabindex="0" aria-label="{escape(caption)}">'


def _comparison(result: CostResult) -> str:
    head = (
        "<tr><th scope='col'>Route</th><th scope='col'>Kosten</th><th scope='col'>Subsidies</th>"
        "<th scope='col'>Nettokosten</th></tr>"
    )
    rows = "".join(
        f'<tr data-route="{r.route}"><th scope="row">{r.label}</th>'
        f'<td data-cell="cost">{_money(r.total.cost)}</td>'
        f'<td data-cell="subsidy">{_range(r.total.subsidy)}</td><td data-cell="net">{_range(r.total.net)}</td></tr>'
        for r in result.routes
    )
    caption = f"Vergelijking van de routes over {count(len(result.routes[0].months), 'maand', 'maanden')}"
    return (
        f'{_scroll_region(caption)}<table data-summary><caption>{caption}</caption><thead>{head}</thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _table(route: RouteResult, rows: list[Row], caption: str, month_labels: bool) -> str:
    def label(row: Row) -> str:
        return short_date(dt.date.fromisoformat(row.label)) if month_labels else escape(row.label)

    head = "<tr><th scope='col'>Post</th>" + "".join(f"<th scope='col'>{label(r)}</th>" for r in rows) + "</tr>"
    body = []
    for kind, kind_label in COST_KINDS:
        body.append(
            f"<tr><th scope='row'>{kind_label}</th>"
            + "".join(f"<td>{_money(r.cost_cents[kind])}</td>" for r in rows)
            + "</tr>"
        )
    body.append(
        "<tr class='hb-calc__sum'><th scope='row'>Totale kosten</th>"
        + "".join(f"<td>{_money(r.cost)}</td>" for r in rows)
        + "</tr>"
    )
    for scheme, title in route.scheme_titles.items():
        if any(scheme in r.subsidies for r in rows):
            body.append(
                f"<tr><th scope='row'>Subsidie: {escape(title)}</th>"
                + "".join(f"<td>{_range(r.subsidies.get(scheme, EMPTY))}</td>" for r in rows)
                + "</tr>"
            )
    body.append(
        "<tr class='hb-calc__sum'><th scope='row'>Nettokosten</th>"
        + "".join(f"<td>{_range(r.net)}</td>" for r in rows)
        + "</tr>"
    )
    return (
        f"{_scroll_region(caption)}<table><caption>{caption}</caption><thead>{head}</thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _month_table(route: RouteResult) -> str:
    return _table(route, list(route.months), f"Route {route.label}: per maand", month_labels=True)


def _route_section(route: RouteResult, expanded: Expanded, month_table: bool = True) -> str:
    parts = [
        f'<section class="hb-calc__route" data-route-detail="{route.route}">',
        # h2: the page title is the h1 and the calculator sits directly under it (no skipped heading level).
        f"<h2>Route {route.label}</h2>",
        _table(route, [*route.years, route.total], f"Route {route.label}: per jaar", month_labels=False),
        render_plan(route, expanded),
    ]
    if route.benefits:
        items = "".join(f"<li><strong>{escape(b.title)}</strong>: {escape(b.covers)}</li>" for b in route.benefits)
        parts.append(f"<p>Voordelen zonder vast bedrag (niet meegeteld):</p><ul>{items}</ul>")
    if route.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in route.warnings)
        parts.append(
            f'<div class="admonition warning"><p class="admonition-title">Let op bij route {route.label}</p>'
            f"<ul>{items}</ul></div>"
        )
    if month_table:
        parts.append(collapsed(f"months:{route.route}", f"Route {route.label}: per maand",
                               lambda: _month_table(route), expanded))
    parts.append("</section>")
    return "".join(parts)


def _host(url: str) -> str:
    """The site a source lives on, as the link text: readable on paper, where the link cannot be followed."""
    host = urlsplit(url).netloc or url
    return host.removeprefix("www.")


# The list items of the assumptions hardly change from one keystroke to the next: each is made once.
@functools.lru_cache(maxsize=1024)
def _assumption(item: Assumption) -> str:
    mark = ' <span class="hb-indicative">indicatief</span>' if item.indicative else ""
    return (
        f'<li data-param="{item.key}">{escape(item.label)}: {escape(item.value)}{mark} '
        f'(bron: <a href="{escape(item.source)}">{escape(_host(item.source))}</a>, '
        f"peildatum {short_date(item.peildatum)})</li>"
    )


def _assumptions(result: CostResult) -> str:
    items = [_assumption(item) for item in result.assumptions]
    inp = result.input
    bvp_salary = "; ".join(f"route {escape(r.label)}: {escape(r.bvp_salary)}" for r in result.routes)
    return (
        "<details class='hb-calc__assumptions'><summary>Gebruikte gegevens en aannames</summary>"
        f"<p>Salaris: {_euros(inp.monthly_salary)} bruto per maand bij voltijd op {long_date(inp.start_date)} "
        "(aanname, tenzij de volledige salaristabel in de gegevens staat), daarna verhoogd met de cao-verhogingen.</p>"
        f"<p>Salaris tijdens de BVP: {bvp_salary}.</p>"
        f"<ul>{''.join(items)}</ul></details>"
    )


def _general(result: CostResult) -> list[str]:
    """Warnings for every route and the comparison with a freelancer."""
    parts = []
    if result.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
        parts.append(f'<div class="admonition warning"><p class="admonition-title">Let op</p><ul>{items}</ul></div>')
    if result.freelance_per_year is not None:
        first_year = result.routes[-1].years[0]
        parts.append(
            f"<p data-cell='freelance'>Ter vergelijking: een zzp- of uitzendkracht voor dezelfde uren kost "
            f"{_euros(result.freelance_per_year)} per jaar; het eerste jaar van de reguliere route kost netto "
            f"{_range(first_year.net)}.</p>"
        )
    return parts


def _open_questions(result: CostResult, expanded: Expanded) -> str:
    """No route chosen yet: every route side by side, as before the questions."""
    parts = [
        '<p class="hb-cost__prompt">Beantwoord de eerste twee vragen (uitkering van UWV, andere baan) om de '
        "uitkomst voor jouw route te zien, met de kosten per maand en een grafiek. Tot dan staan de drie "
        "routes naast elkaar.</p>",
        _comparison(result),
        *_general(result),
        *(_route_section(route, expanded) for route in result.routes),
    ]
    return "".join(parts)


def _compare(result: CostResult, route: RouteResult, expanded: Expanded) -> str:
    return _comparison(result) + "".join(
        _route_section(other, expanded, month_table=False) for other in result.routes if other is not route
    )


def _chosen(result: CostResult, route: RouteResult, expanded: Expanded) -> str:
    """The chosen route's answer first (headline, chart, table); the other routes one click away."""
    months = cash_months(route, result.payout_months)
    parts = [
        f'<p class="hb-cost__route">Route bij je antwoorden: <strong data-cell="route">{escape(route.label)}</strong>. '
        '<button type="button" class="md-button" data-print hidden>Afdrukken voor de accountant</button></p>',
        render_headline(route.label, headline(months), len(months), route.check),
        *_general(result),
        '<section class="hb-cost__cashflow" aria-labelledby="hb-cost-cashflow">'
        '<h2 id="hb-cost-cashflow">Kasstroom per maand</h2>',
        render_chart(route.label, months, route.scheme_titles, "hb-cost-chart"),
        collapsed("cash-table", "De bedragen per maand als tabel", lambda: render_cash_table(route.label, months),
                  expanded, "hb-cost__months"),
        "</section>",
        _route_section(route, expanded, month_table=False),
        collapsed("compare", "Vergelijk met de andere routes", lambda: _compare(result, route, expanded), expanded,
                  "hb-cost__compare"),
    ]
    return "".join(parts)


def _chosen_route(result: CostResult) -> RouteResult | None:
    return next((r for r in result.routes if r.route == result.chosen_route), None)


def render_result(result: CostResult, expanded: Expanded = None) -> str:
    """The whole answer; in a live render (`expanded` not None) collapsed blocks other than `expanded` stay
    empty and downloads are buttons (calculators/_parts.py)."""
    chosen = _chosen_route(result)
    body = _chosen(result, chosen, expanded) if chosen else _open_questions(result, expanded)
    return f'<div class="hb-calc__output">{body}{_assumptions(result)}</div>'


def render_part(result: CostResult, key: str) -> str | TextFile:
    """One part a live render left out, by the key it carries: a collapsed block's body or a download.
    Raises KeyError for a key this result has no part for (a page out of step with its worker)."""
    kind, _, name = key.partition(":")
    routes = {route.route: route for route in result.routes}
    chosen = _chosen_route(result)
    if kind in ("ics", "csv") and name in routes:
        return plan_file(routes[name], kind)
    if kind == "months" and name in routes:
        return _month_table(routes[name])
    if key == "cash-table" and chosen:
        return render_cash_table(chosen.label, cash_months(chosen, result.payout_months))
    if key == "compare" and chosen:
        return _compare(result, chosen, frozenset())
    raise KeyError(f"geen deel {key!r} in deze uitkomst")

