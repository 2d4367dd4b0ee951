"""The calculators live in the browser: Pyodide in a worker, same numbers as CPython, errors, URL state."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from calculators import run
from calculators._format import euro
from handbook_build.site import load_site_data
from tests.browser.conftest import RecordedPage
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CALCULATOR = "rekenhulpen/kosten/"
BUNDLE = load_site_data(ROOT)
BOOT_TIMEOUT = 60_000


def wait_until(page: Page, state: str) -> None:
    page.wait_for_selector(f'[data-calculator="kosten"][data-runtime="{state}"]', timeout=BOOT_TIMEOUT)


def show_assumptions(page: Page) -> None:
    """Open "Aannames aanpassen", where the cost form's fields other than the route questions wait after the
    answer (calculators/_form.py), as a reader does before changing one."""
    folded = page.locator('[data-calculator="kosten"] details[data-assumptions]')
    if folded.get_attribute("open") is None:
        folded.locator("summary").click()
    expect(folded).to_have_attribute("open", "")


def expected_summary(raw: dict[str, str]) -> dict[str, list[str]]:
    result = run("kosten", BUNDLE, raw)["result"]
    return {
        route.route: [euro(route.total.total_cost), euro(route.total.net.low), euro(route.total.net.high)]
        for route in result.routes
    }


def assert_summary_matches(page: Page, raw: dict[str, str]) -> None:
    for route, amounts in expected_summary(raw).items():
        row = page.locator(f'table[data-summary] tr[data-route="{route}"]').inner_text()
        for amount in amounts:
            assert amount in row, (route, amount, row)


def no_foreign(recorded: RecordedPage, site_url: str) -> None:
    assert recorded.foreign_requests(urlsplit(site_url).netloc) == []


def test_change_recomputes_live_with_the_cpython_numbers(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + CALCULATOR)
    assert_summary_matches(page, {})  # pre-rendered at build time
    wait_until(page, "ready")
    show_assumptions(page)
    page.fill("#kosten-hours_per_week", "30")
    expect(page.locator("[data-status]")).to_have_text("Uitkomst bijgewerkt.")
    assert_summary_matches(page, {"hours_per_week": "30"})
    assert parse_qs(urlsplit(page.url).query) == {"hours_per_week": ["30"]}
    page.select_option("#kosten-lkv_target_group", "arbeidsgehandicapt")
    expect(page.locator('[data-route-detail="uwv"]')).to_contain_text("Loonkostenvoordeel")
    assert_summary_matches(page, {"hours_per_week": "30", "lkv_target_group": "arbeidsgehandicapt"})
    no_foreign(recorded_page, site_url)


def test_bad_input_shows_the_dutch_message_at_the_field(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + CALCULATOR)
    wait_until(page, "ready")
    show_assumptions(page)
    page.fill("#kosten-hours_per_week", "12")
    error = page.locator('[data-error-for="hours_per_week"]')
    expect(error).to_have_text(run("kosten", BUNDLE, {"hours_per_week": "12"})["errors"]["hours_per_week"])
    expect(page.locator("#kosten-hours_per_week")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("table[data-summary]")).to_have_count(0)
    expect(page.locator("[data-status]")).to_have_text("1 veld moet worden aangepast.")
    page.fill("#kosten-hours_per_week", "24")
    expect(page.locator("table[data-summary]")).to_have_count(1)
    expect(error).to_have_text("")
    no_foreign(recorded_page, site_url)


def test_a_shared_link_restores_the_form_and_its_result(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    raw = {"hours_per_week": "30", "share_percent": "50", "start_date": "2026-09-01"}
    page.goto(site_url + CALCULATOR + "?" + "&".join(f"{k}={v}" for k, v in raw.items()))
    wait_until(page, "ready")
    expect(page.locator("[data-status]")).to_have_text("Uitkomst bijgewerkt.")
    for name, value in raw.items():
        expect(page.locator(f"#kosten-{name}")).to_have_value(value)
    assert_summary_matches(page, raw)
    expect(page.locator("[data-copy-link]")).to_be_visible()
    no_foreign(recorded_page, site_url)


def test_a_plain_handbook_page_never_downloads_pyodide(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + "stappen/stap-6-regelzaken/")
    page.wait_for_load_state("networkidle")
    runtime_files = [u for u in recorded_page.requests
                     if "/assets/pyodide/" in u or "/assets/python/" in u or u.endswith(("worker.js", "runtime.js"))]
    assert runtime_files == []
    no_foreign(recorded_page, site_url)


def test_failed_loading_keeps_the_prerendered_result(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(site_url + CALCULATOR)
    wait_until(page, "error")
    expect(page.locator("[data-status]")).to_contain_text("De rekenhulp kon niet worden geladen")
    assert_summary_matches(page, {})


def test_without_webassembly_the_page_says_why(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.add_init_script("delete globalThis.WebAssembly;")
    page.goto(site_url + CALCULATOR)
    wait_until(page, "unavailable")
    expect(page.locator("[data-status]")).to_contain_text("WebAssembly")
    assert_summary_matches(page, {})


def test_loading_state_is_announced_while_pyodide_boots(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    held: list = []
    page.route("**/stdlib-*.zip", lambda route: held.append(route))  # the build's standard library
    page.goto(site_url + CALCULATOR)
    wait_until(page, "loading")
    expect(page.locator("[data-status]")).to_have_text("De rekenhulp wordt geladen…")
    expect(page.locator('form[data-calculator-form="kosten"]')).to_have_attribute("aria-busy", "true")
    page.wait_for_timeout(200)
    for route in held:
        route.continue_()
    wait_until(page, "ready")


def test_a_stalled_boot_is_reported_after_the_watchdog(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.add_init_script("window.hbBootTimeoutMs = 1500;")
    page.route("**/stdlib-*.zip", lambda route: None)  # never answered
    page.goto(site_url + CALCULATOR)
    wait_until(page, "error")
    expect(page.locator("[data-status]")).to_contain_text("duurt te lang")
    assert_summary_matches(page, {})


def test_planning_region_change_moves_the_holidays(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + "rekenhulpen/planning/")
    page.wait_for_selector('[data-calculator="planning"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
    page.fill("#planning-bvp_start", "2028-08-21")
    expect(page.locator('[data-calculator="planning"] [data-status]')).to_have_text("Uitkomst bijgewerkt.")
    band = page.locator('.hb-gantt__holiday[data-holiday="zomer"][data-start^="2028"]')
    own = BUNDLE["region"]["holiday_region"]  # the site's region (a fork has its own)
    other = "zuid" if own != "zuid" else "noord"  # a BVP from 21 August 2028 overlaps its summer holiday
    before = (band.get_attribute("data-region"), band.get_attribute("data-start"))
    page.select_option("#planning-region", other)
    expect(band).to_have_attribute("data-region", other)
    after = (band.get_attribute("data-region"), band.get_attribute("data-start"))
    assert before[0] == own and after[0] == other and before[1] != after[1]
    expected = run("planning", BUNDLE, {"bvp_start": "2028-08-21", "region": other})["result"]
    summer = next(h for h in expected.holidays if h.name == "zomer" and h.start.year == 2028)
    assert after[1] == summer.start.isoformat()
    expect(page.locator('[data-calculator="planning"] .admonition.warning')).to_contain_text("zomervakantie")
    assert f"region={other}" in page.url
    no_foreign(recorded_page, site_url)


def test_a_second_visit_restores_from_the_snapshot(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.goto(site_url + CALCULATOR)
    wait_until(page, "ready")
    calculator = page.locator('[data-calculator="kosten"]')
    expect(calculator).to_have_attribute("data-boot", "plain")  # first visit: plain boot, snapshot in idle time
    expect(calculator).to_have_attribute("data-snapshot", "cached", timeout=BOOT_TIMEOUT)
    page.goto(site_url + CALCULATOR + "?hours_per_week=30")
    wait_until(page, "ready")
    expect(calculator).to_have_attribute("data-boot", "snapshot")
    expect(page.locator("[data-status]")).to_have_text("Uitkomst bijgewerkt.")
    assert_summary_matches(page, {"hours_per_week": "30"})
    no_foreign(recorded_page, site_url)
    fetched = [url.rsplit("/", 1)[-1] for url in recorded_page.requests]
    assert "pyodide.asm.wasm" in fetched and "pyodide-lock.json" not in fetched  # the lock file travels inline


def test_the_page_boots_the_builds_bytecode_and_fetches_the_snapshot_only_once_live(
        recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    snapshot_started: list[float] = []
    page.on("requestfinished", lambda request: snapshot_started.append(request.timing["startTime"])
            if "/snapshot-" in request.url else None)
    page.goto(site_url + CALCULATOR)
    wait_until(page, "ready")
    calculator = page.locator('[data-calculator="kosten"]')
    live_at = page.evaluate("performance.timeOrigin") + float(calculator.get_attribute("data-ready-at"))
    expect(calculator).to_have_attribute("data-snapshot", "cached", timeout=BOOT_TIMEOUT)
    fetched = [url.rsplit("/", 1)[-1] for url in recorded_page.requests]
    assert any(name.startswith("stdlib-") and name.endswith(".zip") for name in fetched)
    assert any(name.startswith("calculators-bytecode.") for name in fetched)
    assert "python_stdlib.zip" not in fetched  # Pyodide's own standard library, sources only
    assert len(snapshot_started) == 1 and snapshot_started[0] > live_at  # for the next visit, after going live


@pytest.mark.parametrize(("connection", "prefetch"), [
    ({"downlink": 10, "effectiveType": "4g"}, True),
    ({"downlink": 1.5, "effectiveType": "3g"}, True),
    ({"downlink": 10, "effectiveType": "4g", "saveData": True}, False),
    (None, True),  # no Network Information API (Firefox, Safari)
])
def test_a_first_visit_boots_plainly_on_any_connection_and_prefetches_unless_saving_data(
        recorded_page: RecordedPage, site_url: str, connection: dict | None, prefetch: bool) -> None:
    page = recorded_page.page
    page.goto(site_url)  # a plain page: importing early-boot.js there starts no worker
    decided = page.evaluate("""async (connection) => {
        const boot = await import("./assets/javascripts/early-boot.js");
        return [boot.snapshotPolicy(), boot.mayPrefetchSnapshot(connection), boot.early];
    }""", connection)
    assert decided == ["cached", prefetch, None]


def test_without_the_snapshot_file_the_plain_boot_still_works(recorded_page: RecordedPage, site_url: str) -> None:
    page = recorded_page.page
    page.route("**/snapshot-*.bin.gz", lambda route: route.fulfill(status=404, body="niet gevonden"))
    page.goto(site_url + CALCULATOR)
    wait_until(page, "ready")
    calculator = page.locator('[data-calculator="kosten"]')
    expect(calculator).to_have_attribute("data-snapshot", "unavailable", timeout=BOOT_TIMEOUT)
    page.goto(site_url + CALCULATOR + "?hours_per_week=30")
    wait_until(page, "ready")
    expect(calculator).to_have_attribute("data-boot", "plain")
    expect(page.locator("[data-status]")).to_have_text("Uitkomst bijgewerkt.")
    assert_summary_matches(page, {"hours_per_week": "30"})
    no_foreign(recorded_page, site_url)
