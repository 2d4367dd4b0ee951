"""Accessibility (WCAG 2.2 AA): axe-core on every built page in the light and the dark palette, the
calculators live, with all details open and in an error state, and the calculators by keyboard only.

axe-core comes from node_modules (package-lock.json) and is evaluated from disk (not as a script tag, which
the site's Content-Security-Policy would rightly refuse): no network. A violation
with impact "serious" or "critical" fails the test; the message lists page, rule and target selectors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING = ("serious", "critical")
BOOT_TIMEOUT = 60_000
Scheme = Literal["light", "dark"]
SCHEMES: list[Scheme] = ["light", "dark"]  # Material follows prefers-color-scheme: default and slate palettes

# Rules excused for third-party markup, each with one narrow selector. Empty: the task-list checkboxes get
# names from handbook_build/documents/checklists.py and Material's table wrappers become regions (overrides/main.html).
PENDING: dict[str, str] = {}

# Runs axe in the page and returns the blocking violations as [rule, impact, help, [targets], excused].
RUN_AXE = """async ([tags, blocking, pending]) => {
  const result = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  const found = [];
  for (const violation of result.violations) {
    if (!blocking.includes(violation.impact)) continue;
    const excused = pending[violation.id];
    const targets = [], waived = [];
    for (const node of violation.nodes) {
      const element = document.querySelector(node.target[node.target.length - 1]);
      (excused && element && element.matches(excused) ? waived : targets).push(node.target.join(" >>> "));
    }
    found.push([violation.id, violation.impact, violation.help, targets, waived.length]);
  }
  return found;
}"""

SETTLED = """() => !window.hbEarlyWorker || [...document.querySelectorAll("[data-calculator]")]
  .every((element) => !["static", "loading"].includes(element.dataset.runtime))"""


def built_pages(built_site: Path) -> list[str]:
    """Every page of the built site, as a path relative to the site root ('' is the start page)."""
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        relative = index.parent.relative_to(built_site)
        if relative.parts and relative.parts[0] == "assets":
            continue
        pages.append("" if relative == Path(".") else relative.as_posix() + "/")
    return pages


def audit(page: Page, label: str) -> tuple[list[str], int]:
    """Axe on the page as it is now: readable lines for each blocking violation, and the excused count."""
    if not page.evaluate("() => typeof window.axe === 'object'"):  # once per loaded page, not per palette
        page.evaluate(AXE.read_text(encoding="utf-8"))
    lines, waived = [], 0
    for rule, impact, help_text, targets, excused in page.evaluate(RUN_AXE, [TAGS, list(BLOCKING), PENDING]):
        waived += excused
        if targets:
            shown = "\n".join(f"      {target}" for target in targets[:8])
            more = f"\n      … and {len(targets) - 8} more" if len(targets) > 8 else ""
            lines.append(f"  {label}: {rule} ({impact}, {len(targets)}x) {help_text}\n{shown}{more}")
    return lines, waived


def report(problems: list[str]) -> str:
    return "axe found serious or critical WCAG 2.2 AA violations:\n" + "\n".join(problems)


# Each palette: the scheme Material puts on <body> and the media query of its toggle input (mkdocs.yml).
PALETTES: dict[Scheme, tuple[str, str]] = {
    "light": ("default", "(prefers-color-scheme: light)"),
    "dark": ("slate", "(prefers-color-scheme: dark)"),
}
# Forget the palette Material stored on the last page, so every load picks it from prefers-color-scheme
# (as a first visit does); runs before the page's own scripts.
FORGET_PALETTE = """try {
  Object.keys(localStorage).filter((key) => key.endsWith(".__palette")).forEach((key) => localStorage.removeItem(key));
} catch (error) {}  // about:blank has no storage"""
# Material's toggle input for a palette, clicked; Material applies it in the change event, so the scheme read
# right after is the one shown.
CHOOSE_PALETTE = """(media) => {
  document.querySelector(`form[data-md-component="palette"] input[data-md-color-media="${media}"]`).click();
  return document.body.getAttribute("data-md-color-scheme");
}"""


@pytest.fixture(scope="module")
def audit_page(browser: Browser) -> Iterator[Page]:
    """One page for the audits below, reused for every URL (a shared HTTP cache: Pyodide loads once)."""
    assert AXE.exists(), f"{AXE} missing: run ./tasks test (npm ci installs axe-core from package-lock.json)"
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(FORGET_PALETTE)
    yield context.new_page()
    context.close()


def open_in_palette(page: Page, url: str, scheme: Scheme) -> None:
    """Load `url` for a reader whose system prefers `scheme`; Material must pick that palette."""
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[scheme][0])


def switch_palette(page: Page, scheme: Scheme) -> bool:
    """Show the loaded page in `scheme`'s palette without a reload; False if Material's scripts did not respond.

    Material picks its palette from prefers-color-scheme when a page loads, but keeps it when the preference
    changes later, so after emulating the preference this chooses the palette as Material's own toggle does.
    The result is the page as loaded with that preference: when this was written, every element's computed
    colours (text, background, border, outline, color-scheme) matched a fresh load, light and dark.
    """
    page.emulate_media(color_scheme=scheme)
    return page.evaluate(CHOOSE_PALETTE, PALETTES[scheme][1]) == PALETTES[scheme][0]


def other(scheme: Scheme) -> Scheme:
    return "dark" if scheme == "light" else "light"


def audit_both_palettes(page: Page, scheme: Scheme, label: str) -> tuple[list[str], int]:
    """Axe in `scheme`, the palette the page shows, then in the other one; the page is left in the other."""
    lines, waived = audit(page, f"[{scheme}] {label}")
    assert switch_palette(page, other(scheme)), f"{label}: Material did not switch to the {other(scheme)} palette"
    more, excused = audit(page, f"[{other(scheme)}] {label}")
    return lines + more, waived + excused


def load_live(page: Page, url: str, scheme: Scheme) -> None:
    open_in_palette(page, url, scheme)
    page.wait_for_function(SETTLED, timeout=BOOT_TIMEOUT)  # calculator pages: audit the live state


def test_every_page_meets_wcag_aa(audit_page: Page, site_url: str, built_site: Path) -> None:
    problems: list[str] = []
    pages, waived, reloaded = built_pages(built_site), 0, []
    for number, path in enumerate(pages):
        # Every other page loads dark and is then shown light: Material's choice at load is checked for both.
        first = SCHEMES[number % 2]
        load_live(audit_page, site_url + path, first)
        lines, excused = audit(audit_page, f"[{first}] /{path}")
        if not switch_palette(audit_page, other(first)):
            # Material's scripts stopped on this page (an error ends every Material component; the print page of
            # mkdocs-print-site-plugin did, its search index address absolute): load it again.
            reloaded.append(f"/{path}")
            load_live(audit_page, site_url + path, other(first))
        more, excused_too = audit(audit_page, f"[{other(first)}] /{path}")
        problems += lines + more
        waived += excused + excused_too
    print("\n".join(problems) or f"[{', '.join(SCHEMES)}] {len(pages)} pages, no serious or critical violations "
          f"({waived} nodes excused by PENDING; loaded again for the second palette: {reloaded or 'none'})")
    assert not problems, report(problems)


CALCULATOR_STATES = {
    # calculator: (page, a field to break, a bad value)
    "kosten": ("rekenhulpen/kosten/", "#kosten-hours_per_week", "12"),
    "planning": ("rekenhulpen/planning/", '[data-calculator="planning"] input[name^="weeks_"]', "0"),
}


@pytest.mark.parametrize("calculator", sorted(CALCULATOR_STATES))
def test_calculator_states_meet_wcag_aa(audit_page: Page, site_url: str, calculator: str) -> None:
    path, field, bad = CALCULATOR_STATES[calculator]
    page = audit_page
    open_in_palette(page, site_url + path, "light")
    page.wait_for_selector(f'[data-calculator="{calculator}"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
    problems = audit_both_palettes(page, "light", f"{calculator}, ready")[0]  # now dark
    # Everything folded away (assumptions, month-by-month tables) opened, as a reader would.
    page.locator("article details").evaluate_all("(all) => all.forEach((d) => { d.open = true; })")
    problems += audit_both_palettes(page, "dark", f"{calculator}, details open")[0]  # now light
    control = page.locator(field).first
    name = control.get_attribute("name")
    control.fill(bad)
    expect(page.locator(f'[data-error-for="{name}"]')).not_to_have_text("")
    expect(control).to_have_attribute("aria-invalid", "true")
    # A field after the answer (the cost form's assumptions) stays in place while the answer above it shrinks, so the
    # page scrolls up and Material fades in its back-to-top button: audit once nothing is fading any more.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    problems += audit_both_palettes(page, "light", f"{calculator}, error in {name}")[0]
    print("\n".join(problems) or f"[{', '.join(SCHEMES)}] {calculator}: no serious or critical violations")
    assert not problems, report(problems)


# The focused element as a short name: its id, "copy-link" for the copy button, "to-assumptions" for the link to
# the assumptions, else its tag.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element) return null;
  if (element.matches("[data-copy-link]")) return "copy-link";
  if (element.matches("[data-open-assumptions]")) return "to-assumptions";
  return element.id || element.tagName.toLowerCase();
}"""


def tab_to(page: Page, target: str, key: str = "Tab", limit: int = 200) -> list[str]:
    """Press `key` until `target` has focus; return the focus stops on the way (a date field, which
    Chromium steps through day, month and year, counts once)."""
    stops = [page.evaluate(FOCUSED)]
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if stops[-1] != focused:
            stops.append(focused)
        if focused == target:
            return stops[1:]
    raise AssertionError(f"{target} never received focus after {limit} presses of {key}: {stops}")


@pytest.mark.parametrize(
    ("calculator", "field", "value"),
    [("kosten", "hours_per_week", "30"), ("planning", "weeks_matching", "5")],
)
def test_calculator_works_with_the_keyboard_only(
    browser: Browser, site_url: str, calculator: str, field: str, value: str
) -> None:
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site_url + f"rekenhulpen/{calculator}/")
        root = page.locator(f'[data-calculator="{calculator}"]')
        page.wait_for_selector(f'[data-calculator="{calculator}"][data-runtime="ready"]', timeout=BOOT_TIMEOUT)
        controls = "input:not([type=file]):not([hidden]), select, textarea"
        ids = [control.get_attribute("id") for control in root.locator(f"form :is({controls})").all()]
        # The cost form's assumptions follow the answer, folded away (calculators/_form.py); none in planning.
        folded = root.locator("details[data-assumptions]")
        later = [control.get_attribute("id") for control in folded.locator(controls).all()]
        target = f"{calculator}-{field}"
        assert target in ids + later, ids + later
        # From the top of the page to the first field, then through every field in order, then the
        # copy-link button: nothing skipped, nothing in between.
        page.locator("body").focus()
        tab_to(page, ids[0])
        assert tab_to(page, "copy-link", limit=4 * len(ids)) == [*ids[1:], "copy-link"]
        if later:
            # Next the link to the assumptions: Enter opens them and Tab goes on from there, through every one.
            assert tab_to(page, "to-assumptions", limit=1) == ["to-assumptions"]
            page.keyboard.press("Enter")
            expect(folded).to_have_attribute("open", "")
            assert tab_to(page, later[-1], limit=4 * len(later)) == later
        # Back to one field, type a new value: the result follows and the live status region says so.
        status = root.locator("[data-status]")
        expect(status).to_have_attribute("role", "status")
        expect(status).to_have_attribute("aria-live", "polite")
        result = root.locator("[data-result]")
        before = result.inner_html()
        tab_to(page, target, key="Shift+Tab", limit=4 * len(ids + later))
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
        expect(status).to_have_text("Uitkomst bijgewerkt.")
        assert result.inner_html() != before
        assert f"{field}={value}" in page.url
        # The copy-link button works from the keyboard too; the status announces the outcome.
        # (Back up past the answer when the field stands after it.)
        tab_to(page, "copy-link", key="Shift+Tab" if target in later else "Tab", limit=400)
        page.keyboard.press("Enter")
        expect(status).to_contain_text("link", ignore_case=True)
    finally:
        context.close()
