"""Chromium: the form on "Een tip of correctie insturen" names each empty required field in Dutch, then builds an
e-mail to the region's editorial address and a prefilled GitHub issue from what the reader typed, and sends
nothing itself."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import RecordedPage
from tests.browser.test_a11y import audit

pytestmark = pytest.mark.browser

TIP_PAGE = "over/tip-of-correctie/"
ADDRESS = "redactie@regio.example.org"


def open_form(page: Page, site_url: str, address: str | None) -> None:
    """Open the page from a step page (its referrer) and give the form an editorial address, as a region does."""
    page.goto(site_url + "stappen/stap-3-onderwijstraject/")
    page.get_by_role("link", name="een tip of correctie insturen").first.click()
    page.wait_for_url("**/" + TIP_PAGE)
    expect(page.locator("[data-tip-form]")).to_be_visible()
    if address is not None:  # the national build has none; a region's build writes its own into data-email
        page.evaluate("(a) => { const f = document.querySelector('[data-tip-form]'); f.dataset.email = a; "
                      "f.querySelector('[data-tip-mail-item]').hidden = false; }", address)


def test_empty_required_fields_get_dutch_messages_next_to_them(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    open_form(page, site_url, None)
    assert page.locator("[data-tip-nojs]").is_hidden()
    assert page.get_by_label("Over welke pagina of welk onderwerp? (verplicht)").input_value() == \
        "stappen/stap-3-onderwijstraject/"  # filled from the page the reader came from
    page.get_by_label("Over welke pagina of welk onderwerp? (verplicht)").fill("")
    page.get_by_role("button", name="Zet mijn bericht klaar").click()

    expect(page.locator('[data-tip-error="pagina"]')).to_have_text(
        "Vul in over welke pagina of welk onderwerp je schrijft.")
    expect(page.locator('[data-tip-error="tekst"]')).to_have_text(
        "Schrijf je tip of correctie op; dit veld is nog leeg.")
    page_field = page.locator("#hb-tip-page")
    assert page_field.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "hb-tip-page"  # the first field with a message
    assert page.locator("[data-tip-result]").is_hidden()

    page_field.fill("Stap 3")
    expect(page.locator('[data-tip-error="pagina"]')).to_have_text("")  # the message goes once it is filled
    assert page_field.get_attribute("aria-invalid") is None
    problems, _ = audit(page, "tip form with messages")
    assert problems == []


def test_a_filled_form_makes_an_email_and_a_github_issue(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    open_form(page, site_url, ADDRESS)
    page.get_by_label("Wat stuur je in?").select_option("correctie")
    page.get_by_label("Over welke pagina of welk onderwerp? (verplicht)").fill("Stap 6: de proeftijd")
    page.get_by_label("Je tip of correctie (verplicht)").fill("De termijn klopt niet & moet 1 maand zijn.\nBron: BW")
    page.get_by_label("Je organisatie of rol (niet verplicht)").fill("Zorggroep Oost")
    page.get_by_role("button", name="Zet mijn bericht klaar").click()

    result = page.locator("[data-tip-result]")
    expect(result).to_be_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-tip-result')")
    mail = urlsplit(page.get_by_role("link", name="Open de e-mail aan de redactie in je mailprogramma")
                    .get_attribute("href"))
    assert (mail.scheme, mail.path) == ("mailto", ADDRESS)
    fields = {key: unquote(value) for key, value in (part.split("=", 1) for part in mail.query.split("&"))}
    assert fields["subject"] == "Correctie voor het handboek: Stap 6: de proeftijd"
    assert fields["body"].startswith("Soort: Correctie\nPagina of onderwerp: Stap 6: de proeftijd\n\n"
                                     "De termijn klopt niet & moet 1 maand zijn.\nBron: BW\n\nVan: Zorggroep Oost\n"
                                     "Handboek: " + site_url)
    assert "+" not in mail.query  # spaces as %20: mail programs do not read + as a space

    issue = urlsplit(page.get_by_role("link", name="Open het formulier op GitHub (met een account op GitHub)")
                     .get_attribute("href"))
    assert issue.path.endswith("/issues/new")
    query = parse_qs(issue.query)
    assert query["title"] == ["Correctie voor het handboek: Stap 6: de proeftijd"]
    assert query["body"][0] == fields["body"]

    page.get_by_label("Wat stuur je in?").select_option("tip")
    page.get_by_role("button", name="Zet mijn bericht klaar").click()
    query = parse_qs(urlsplit(page.locator("[data-tip-issue]").get_attribute("href")).query)
    assert query["template"] == ["tip.yml"] and query["title"] == ["[Tip] Stap 6: de proeftijd"]
    assert query["situatie"] == ["De termijn klopt niet & moet 1 maand zijn.\nBron: BW"]
    assert query["author"] == ["Zorggroep Oost"]
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []  # nothing was sent


def test_without_an_editorial_address_only_github_is_offered(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + TIP_PAGE)
    if page.locator("[data-tip-form]").get_attribute("data-email"):
        pytest.skip("this build's region has an editorial address")
    page.get_by_label("Over welke pagina of welk onderwerp? (verplicht)").fill("Begrippen")
    page.get_by_label("Je tip of correctie (verplicht)").fill("Een begrip ontbreekt.")
    page.get_by_role("button", name="Zet mijn bericht klaar").click()
    expect(page.locator("[data-tip-issue]")).to_be_visible()
    assert page.locator("[data-tip-mail-item]").is_hidden()
    expect(page.get_by_text("Deze landelijke versie van het handboek heeft nog geen e-mailadres")).to_be_visible()
