"""Regional matching in the browser: download the templates, upload them as files, get CPython's proposals."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from calculators import run
from tests.browser.conftest import RecordedPage
from tests.browser.test_runtime import BOOT_TIMEOUT, BUNDLE

pytestmark = pytest.mark.browser


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_uploading_the_template_files_gives_the_cpython_proposals(
    recorded_page: RecordedPage, site_url: str, tmp_path: Path
) -> None:
    page = recorded_page.page
    page.goto(site_url + "rekenhulpen/matching-regio/")
    page.wait_for_selector('[data-calculator="matching-regio"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
    files = {}
    for name in ("kandidaten", "praktijken"):
        href = page.locator(f'article a[download="{name}-sjabloon.csv"]').first.get_attribute("href")
        text = unquote(href.split(",", 1)[1]).lstrip("\ufeff")
        path = tmp_path / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        files[name] = path
    page.set_input_files("#matching-regio-candidates-file", files["kandidaten"])
    page.set_input_files("#matching-regio-practices-file", files["praktijken"])
    for field, name in (("candidates", "kandidaten"), ("practices", "praktijken")):
        expect(page.locator(f"#matching-regio-{field}")).to_have_value(files[name].read_text(encoding="utf-8"))
    # Both files are read; wait for a computation that started after the second one.
    page.wait_for_function(
        "() => { const c = document.querySelector('[data-calculator=\"matching-regio\"]');"
        " return c.dataset.computed && !c.querySelector('[data-status]').textContent.includes('geladen'); }"
    )
    before = int(page.get_attribute('[data-calculator="matching-regio"]', "data-computed"))
    page.dispatch_event("#matching-regio-practices", "change")
    page.wait_for_function(
        f"() => Number(document.querySelector('[data-calculator=\"matching-regio\"]').dataset.computed) > {before}"
    )
    expect(page.locator('[data-calculator="matching-regio"] p[data-status]')).to_have_text("Uitkomst bijgewerkt.")
    expected = run("matching-regio", BUNDLE, {
        "candidates": files["kandidaten"].read_text(encoding="utf-8"),
        "practices": files["praktijken"].read_text(encoding="utf-8"),
    })
    assert expected["status"] == "result"
    shown = " ".join(page.locator('[data-calculator="matching-regio"] [data-result]').inner_text().split())
    first_paragraph = re.search(r"<p data-summary>(.*?)</p>", expected["html"]).group(1)
    assert text_of(first_paragraph) in shown
    assert "candidates=" not in page.url  # pasted files never go into a shareable link
    assert recorded_page.foreign_requests(urlsplit(site_url).netloc) == []


def test_a_malformed_file_names_row_and_column(recorded_page: RecordedPage, site_url: str, tmp_path: Path) -> None:
    page = recorded_page.page
    page.goto(site_url + "rekenhulpen/matching-regio/")
    page.wait_for_selector('[data-calculator="matching-regio"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
    bad = tmp_path / "kandidaten.csv"
    bad.write_text("id;uren\nK1;veel\n", encoding="utf-8")
    page.set_input_files("#matching-regio-candidates-file", bad)
    error = page.locator('[data-error-for="candidates"]')
    expect(error).to_contain_text("Rij 2")
    expect(error).to_contain_text("uren")
    expect(page.locator('[data-calculator="matching-regio"] table')).to_have_count(0)


def test_a_windows_1252_file_is_read_correctly(recorded_page: RecordedPage, site_url: str, tmp_path: Path) -> None:
    """A Dutch Excel's plain CSV is Windows-1252: the picker decodes it (runtime.js) as csv_decode.py does."""
    page = recorded_page.page
    page.goto(site_url + "rekenhulpen/matching-regio/")
    page.wait_for_selector('[data-calculator="matching-regio"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
    excel = tmp_path / "kandidaten.csv"
    excel.write_bytes("id;uren;opmerking\nZoë;24;€ 5\n".encode("cp1252"))
    page.set_input_files("#matching-regio-candidates-file", excel)
    expect(page.locator("#matching-regio-candidates")).to_have_value("id;uren;opmerking\nZoë;24;€ 5\n")
