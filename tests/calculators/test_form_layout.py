"""The answer first: the cost page puts the route questions, then the result, then the assumptions folded away
under "Aannames aanpassen", in the pre-rendered HTML (no JavaScript needed). The fields decide which is which."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from calculators._registry import embed, fields_of, get, run
from calculators.cost.route_choice import QUESTIONS
from tests.calculators.conftest import REAL

FIELDS = fields_of(get("kosten"), REAL)


class _Outline(HTMLParser):
    """Where each field, the result and the assumptions block start, in document order; the details' open state."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.details_open: bool | None = None
        self.owner: dict[str, str | None] = {}
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "data-field" in found:
            self.order.append(f"field:{found['data-field']}")
        if "data-result" in found:
            self.order.append("result")
        if tag == "details" and "data-assumptions" in found:
            self.order.append("assumptions")
            self.details_open = "open" in found
        if tag in ("input", "select", "textarea") and found.get("name"):
            self.owner[found["name"]] = found.get("form")


def outline(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    return parser


def other_value(name: str) -> str:
    """A valid value for a number field that is not its default (a region may change the default)."""
    default = next(spec.default for spec in FIELDS if spec.name == name)
    return "51" if default != "51" else "52"


def test_only_the_route_questions_come_before_the_answer() -> None:
    assert [spec.name for spec in FIELDS if not spec.assumption] == list(QUESTIONS)
    assert len([spec for spec in FIELDS if spec.assumption]) >= 15


def test_the_result_stands_between_the_questions_and_the_folded_assumptions() -> None:
    page = outline(embed("kosten", REAL))
    questions = [f"field:{name}" for name in QUESTIONS]
    assumptions = [f"field:{spec.name}" for spec in FIELDS if spec.assumption]
    assert page.order == [*questions, "result", "assumptions", *assumptions]
    assert page.details_open is False
    # The assumptions' controls stand outside the <form> element and belong to it by its id.
    assert {name: page.owner[name] for name in QUESTIONS} == dict.fromkeys(QUESTIONS)
    assert {page.owner[spec.name] for spec in FIELDS if spec.assumption} == {"kosten-form"}
    html = embed("kosten", REAL)
    assert re.search(r'<form [^>]*id="kosten-form"', html)
    assert '<summary id="kosten-aannames-kop">Aannames aanpassen</summary>' in html
    # A link above the result leads to them (a browser opens the block for the link's target).
    link = re.search(r'<a href="#([\w-]+)" data-open-assumptions>', html)
    assert link and html.index(link.group(0)) < html.index("data-result")
    assert re.search(rf'<details [^>]*data-assumptions[^>]*>.*id="{link.group(1)}"', html)


def test_the_route_answers_alone_leave_the_assumptions_folded() -> None:
    assert outline(embed("kosten", REAL, {"uwv_benefit": "nee", "from_other_job": "ja"})).details_open is False


def test_an_assumption_other_than_its_default_opens_the_block() -> None:
    raw = {"share_percent": other_value("share_percent")}
    assert run("kosten", REAL, raw)["status"] == "result"
    assert outline(embed("kosten", REAL, raw)).details_open is True


def test_an_assumption_with_a_message_opens_the_block_and_shows_it() -> None:
    raw = {"hours_per_week": "1"}
    message = run("kosten", REAL, raw)["errors"]["hours_per_week"]
    html = embed("kosten", REAL, raw)
    assert outline(html).details_open is True
    assert f'data-error-for="hours_per_week">{escape(message)}</p>' in html
    assert 'id="kosten-hours_per_week" name="hours_per_week" aria-describedby' in html
    assert 'aria-invalid="true" form="kosten-form"' in html


def test_a_calculator_without_assumptions_keeps_one_form() -> None:
    html = embed("planning", REAL)
    assert "data-assumptions" not in html and "data-open-assumptions" not in html
    assert " form=" not in html.split("data-result")[0]
