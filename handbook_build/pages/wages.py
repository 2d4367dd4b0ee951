"""The salary floors of a BBL trainee and which one applies when, from the same functions the cost calculator uses.

calculators/cost/wages.py computes the legal minimum wage (with the youth percentages) and the CAO floor per month;
calculators/cost/checks.py refuses a salary below the first and notices.py warns below the second. This table says
the same rule on bijlage 6F and the salary page, with today's amounts, so the text and the calculator cannot differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from html import escape
from typing import Any

from calculators._data import Lookups
from calculators._format import euro, long_date, number
from calculators._parameters import parameters_of
from calculators.cost.wages import CAO_FLOOR, MINIMUM, cao_floor, legal_minimum
from handbook_build.pages.tables import confidence_mark, source_link

# The secondary source on the pupil scale (also cited on docs/gegevens/salaris-en-cao.md#leerlingsalaris).
PUPIL_SCALE_SOURCE = "https://regiozorgnu.nl/voor-zorgverleners/vacatures/zij-instromersopleiding-doktersassistent/"


def wage_floors_html(bundle: Mapping[str, Any], on: dt.date, calculator_link: str) -> str:
    """A table: the legal minimum wage, the CAO minimum hourly wage and the pupil scale, each with its amount on
    `on`, when it applies and what the cost calculator does with it (`calculator_link`: relative URL)."""
    parameters = parameters_of(bundle)
    look = Lookups(parameters)
    hours = Decimal(look.value("cao.working_conditions.fulltime_hours_per_week", on))
    legal = legal_minimum(look, on, hours)
    legal_entry = parameters.get(MINIMUM).entry_on(legal.since)
    floor, hourly = cao_floor(parameters, on)
    cao_param = parameters.get(CAO_FLOOR)
    cao_entry = cao_param.entry_on(min(on, cao_param.covered_until) if cao_param.covered_until else on)
    full = f"bij voltijd ({number(hours)} uur per week)"
    calculator = f'<a href="{escape(calculator_link)}">kostenrekenhulp</a>'
    rows = [
        (
            "Wettelijk minimumloon (21 jaar en ouder)",
            f'<span data-floor="legal">{euro(Decimal(legal_entry.value))}</span> per uur '
            f"(sinds {long_date(legal.since)}, {source_link(legal_entry.source)})"
            f"{confidence_mark(legal_entry.confidence)}; "
            f"{euro(legal.fulltime)} per maand {full}",
            "Altijd: niemand mag minder verdienen. Is de leerling jonger dan 21, dan geldt het minimumjeugdloon, een "
            "percentage van dit bedrag per leeftijd.",
            f"De {calculator} neemt een lager salaris niet aan; de melding noemt het minimum.",
        ),
        (
            "Cao-minimumuurloon",
            f'<span data-floor="cao">{euro(hourly)}</span> per uur (sinds {long_date(cao_entry.start)}, '
            f"{source_link(cao_entry.source)}){confidence_mark(cao_entry.confidence)}; {euro(floor)} per maand {full}, "
            "met de cao-verhogingen tot vandaag (een aanname)",
            "Het laagste uurloon van de cao Huisartsenzorg. Voor een BBL-leerling geldt het, tenzij de "
            "leerlingenschaal van de cao een lager bedrag noemt; die bedragen zijn niet gevonden.",
            f"De {calculator} rekent standaard met dit bedrag. Een lager salaris neemt ze aan, met een "
            "waarschuwing: zoek dan in de officiële salaristabel na of de leerlingenschaal dat bedrag noemt.",
        ),
        (
            "Leerlingenschaal van de cao",
            f'bedragen niet gevonden ({source_link(PUPIL_SCALE_SOURCE)} <span class="hb-indicative" '
            'title="Betrouwbaarheid: gemiddeld (secundaire bron)">indicatief</span>)',  # the source of the rule
            "Volgens een regionale huisartsenorganisatie betaalt de praktijk een BBL-leerling minstens volgens de "
            "leerlingenschaal, die begint bij het wettelijk minimumloon: in het eerste leerjaar ten minste "
            "trede II, in het tweede ten minste trede III.",
            f"De {calculator} kent de schaal niet: vul het bedrag uit de officiële tabel zelf in.",
        ),
    ]
    head = ("<tr><th scope='col'>Ondergrens</th><th scope='col'>Bedrag op " + long_date(on) + "</th>"
            "<th scope='col'>Wanneer die geldt</th><th scope='col'>Wat de rekenhulp doet</th></tr>")
    body = "".join("<tr>" + f"<th scope='row'>{escape(name)}</th>" + "".join(f"<td>{cell}</td>" for cell in cells)
                   + "</tr>" for name, *cells in rows)
    caption = "Ondergrenzen van het salaris van een BBL-leerling, en welke wanneer geldt"
    return (f'<div class="hb-table" role="region" tabindex="0" aria-label="{caption}" data-wage-floors><table>'
            f"<caption>{caption}</caption><thead>{head}</thead><tbody>{body}</tbody></table></div>")
