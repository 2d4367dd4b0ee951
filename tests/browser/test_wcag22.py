"""WCAG 2.2 AA criteria axe cannot judge, measured in Chromium on the built site:

- 2.5.8 Target size (minimum): every control on every page, on a desktop and on a phone with the
  navigation drawer open, is at least 24 × 24 px or far enough from other targets (target_size.js).
- 2.4.11 Focus not obscured (minimum): tabbing forward and back through long pages and the calculator
  forms, the focused element is never hidden under the sticky header.
- Landmarks: every navigation landmark that is shown has its own name; the search dialog has a name.
- Every page has a meta description of its own (front matter or first paragraph, handbook_build/html_fixes.py).
- 2.5.7 Dragging movements: nothing needs a drag. Checked on every page: no element is draggable="true" or has
  an inline on(drag|pointermove|mousemove|touchmove) attribute, and no script (ours, Material's, Pyodide's)
  keeps a drag or move listener registered through addEventListener (recorded by an init script before any
  page script runs, after a small mouse movement: Material's focus-visible polyfill watches the first movement
  and then removes its listeners; Playwright's own injected helper is left out). Listeners set as
  `element.onpointermove = ...` properties are not seen; none of our code does that.
- 3.2.6 Consistent help: the help mechanisms on every page (search in the header, the repository link
  "Broncode en bijdragen", and the navigation links to Bijdragen and to the toegankelijkheidsverklaring, which
  say how to ask for help) are all there and come in the same relative order in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import CSP_VIOLATIONS
from tests.browser.test_html_valid import built_html

pytestmark = pytest.mark.browser

TARGET_SIZE = (Path(__file__).with_name("target_size.js")).read_text(encoding="utf-8")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
BOOT_TIMEOUT = 60_000
LIVE = """() => [...document.querySelectorAll("[data-calculator]")]
  .every((element) => !["static", "loading"].includes(element.dataset.runtime))"""


def page_paths(built_site: Path) -> list[str]:
    return [path.relative_to(built_site).as_posix().removesuffix("index.html") for path in built_html(built_site)
            if path.name != "404.html"]


def open_live(page: Page, url: str) -> str | None:
    """Open `url` and wait for its calculators to boot; the first one's runtime state (None: no calculator)."""
    page.goto(url)
    if not page.locator("[data-calculator]").count():
        return None
    page.wait_for_function(LIVE, timeout=BOOT_TIMEOUT)
    return page.locator("[data-calculator]").first.get_attribute("data-runtime")


LANDMARKS = """() => [...document.querySelectorAll("nav, [role=navigation]")]
  .filter((nav) => nav.checkVisibility({ checkVisibilityCSS: true }))
  .map((nav) => nav.getAttribute("aria-label")
    || (nav.getAttribute("aria-labelledby") || "").split(" ")
      .map((id) => document.getElementById(id)?.textContent.trim()).join(" ").trim())"""


# Drag and move listeners, recorded from before the first page script runs (context.add_init_script); a listener
# that is removed again is forgotten. Material's focus-visible polyfill listens for the first pointer movement
# and then removes its listeners, so the audit runs after a small mouse movement.
DRAG_LISTENERS = """(() => {
  const watched = new Set(["drag", "dragstart", "dragend", "dragenter", "dragover", "dragleave", "drop",
    "pointermove", "mousemove", "touchmove"]);
  const describe = (target) => target === window ? "window" : target === document ? "document"
    : target && target.nodeType === 1 ? target.tagName.toLowerCase() + (target.id ? "#" + target.id : "")
    : String(target);
  const captured = (options) => Boolean(typeof options === "object" && options ? options.capture : options);
  const entries = [];
  const find = (target, type, listener, options) => entries.findIndex((e) => e.target === target
    && e.type === type && e.listener === listener && e.capture === captured(options));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    // Playwright's own injected helper (the test harness, not the page) also listens for mouse movement.
    const harness = (new Error().stack || "").includes("InjectedScript");
    if (watched.has(type) && !harness && find(this, type, listener, options) < 0) {
      entries.push({ target: this, type, listener, capture: captured(options) });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const index = watched.has(type) ? find(this, type, listener, options) : -1;
    if (index >= 0) entries.splice(index, 1);
    return remove.call(this, type, listener, options);
  };
  Object.defineProperty(window, "__hbDragListeners", {
    get: () => entries.map((e) => `${e.type} on ${describe(e.target)}`),
  });
})();"""
DRAG_AUDIT = """() => [
  ...[...document.querySelectorAll('[draggable="true"]')].map((e) => `draggable ${e.tagName.toLowerCase()}`),
  ...[...document.querySelectorAll("[ondrag], [ondragstart], [ondrop], [onpointermove], [onmousemove], [ontouchmove]")]
    .map((e) => `inline handler on ${e.tagName.toLowerCase()}`),
  ...(window.__hbDragListeners || ["the listener recorder did not run"]),
]"""
# The help mechanisms present, in document order (first occurrence of each).
HELP_ORDER = """() => {
  const nav = (end) => [...document.querySelectorAll(".md-nav--primary a[href]")]
    .find((a) => new URL(a.href).pathname.endsWith(end));
  const mechanisms = {
    zoeken: document.querySelector(".md-header label[for='__search']"),
    broncode: document.querySelector(".md-header a.md-source"),
    bijdragen: nav("/bijdragen/"),
    toegankelijkheid: nav("/over/toegankelijkheid/"),
  };
  return Object.entries(mechanisms).filter(([, element]) => element)
    .sort(([, a], [, b]) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)
    .map(([name]) => name);
}"""
HELP_MECHANISMS = {"zoeken", "broncode", "bijdragen", "toegankelijkheid"}


@dataclass(frozen=True)
class PageMeasure:
    path: str
    small_targets: list[str]
    landmark_names: list[str]
    search_dialog_name: str | None
    drag_problems: list[str]
    help_order: list[str]
    runtime: str | None  # the first calculator's state once booted (tests/browser/test_csp.py), None: none


@dataclass(frozen=True)
class Walk:
    viewport: str
    measures: list[PageMeasure]
    csp_violations: list[str]  # seen during the walk (a fixture's, which no test's own check would see)


def walk_every_page(browser: Browser, site_url: str, built_site: Path, viewport: str) -> Walk:
    """Every page opened once in `viewport` (calculators live, on a phone with the drawer open) and measured.

    The desktop walk is the session's `desktop_walk` (tests/browser/conftest.py), shared with test_csp.py."""
    context = browser.new_context(locale="nl-NL", viewport=VIEWPORTS[viewport], service_workers="block")
    context.add_init_script(DRAG_LISTENERS)
    measures, seen_before = [], len(CSP_VIOLATIONS)
    try:
        page = context.new_page()
        for path in page_paths(built_site):
            runtime = open_live(page, site_url + path)
            page.mouse.move(1, 1)
            page.mouse.move(2, 2)
            drag_problems, help_order = page.evaluate(DRAG_AUDIT), page.evaluate(HELP_ORDER)
            if viewport == "phone":  # the navigation lives in the drawer: measure it open
                page.locator("label.md-header__button[for='__drawer']").click()
                page.wait_for_timeout(300)
            measures.append(PageMeasure(path, page.evaluate(TARGET_SIZE), page.evaluate(LANDMARKS),
                                        page.locator(".md-search[role=dialog]").get_attribute("aria-label"),
                                        drag_problems, help_order, runtime))
    finally:
        context.close()
    violations = CSP_VIOLATIONS[seen_before:]
    del CSP_VIOLATIONS[seen_before:]
    return Walk(viewport, measures, violations)


@pytest.fixture(scope="module", params=sorted(VIEWPORTS))
def measured_pages(request: pytest.FixtureRequest, browser: Browser, site_url: str, built_site: Path
                   ) -> tuple[str, list[PageMeasure]]:
    """Every page opened once per viewport, measured for the target-size and the landmark tests below."""
    viewport = request.param
    if viewport == "desktop":
        walk = request.getfixturevalue("desktop_walk")
    else:
        walk = walk_every_page(browser, site_url, built_site, viewport)
    return viewport, walk.measures


def test_every_control_is_a_large_enough_target(measured_pages: tuple[str, list[PageMeasure]]) -> None:
    viewport, measures = measured_pages
    problems = [f"[{viewport}] /{m.path}: {failure}" for m in measures for failure in m.small_targets]
    assert not problems, f"{len(problems)} targets under 24 x 24 px without spacing:\n" + "\n".join(problems[:30])


def test_target_size_check_can_fail(browser: Browser) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content('<div><button style="all:unset;width:10px;height:10px">a</button>'
                         '<button style="all:unset;width:10px;height:10px">b</button></div>')
        assert len(page.evaluate(TARGET_SIZE)) == 2
    finally:
        context.close()


# The focused element, how much of it the sticky header covers (1 = entirely hidden), and whether it fits
# below the header at all (a region taller than the window is always partly out of view).
HIDDEN_UNDER_HEADER = """() => {
  const element = document.activeElement;
  // The header's own controls and the skip link (shown on top of the header when focused) are not under it.
  if (!element || element === document.body || element.closest(".md-header, .md-skip")) return null;
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  if (rect.height === 0) return null;
  const covered = Math.max(0, Math.min(rect.bottom, header.bottom) - Math.max(rect.top, header.top));
  const fits = rect.height <= window.innerHeight - header.bottom;
  return [element.id || element.textContent.trim().slice(0, 40) || element.tagName, covered / rect.height, fits];
}"""
LONG_PAGES = [
    "stappen/stap-6-regelzaken/",
    "bijlagen/stap-6/e-subsidies-en-formulieren/",
    "gegevens/subsidiewijzer/",
    "rekenhulpen/kosten/",
    "rekenhulpen/planning/",
    "rekenhulpen/matching/",
]


@pytest.mark.parametrize("path", LONG_PAGES)
def test_focus_is_never_hidden_under_the_sticky_header(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(locale="nl-NL", viewport=VIEWPORTS["desktop"], service_workers="block")
    hidden: list[str] = []
    try:
        page = context.new_page()
        open_live(page, site_url + path)
        page.locator("article h1").first.click()  # start in the content, as after a link into the page
        for key in ["Tab"] * 120 + ["Shift+Tab"] * 120:
            page.keyboard.press(key)
            state = page.evaluate(HIDDEN_UNDER_HEADER)
            # 2.4.11 asks for "not entirely hidden"; an element that fits below the header must be wholly visible.
            if state and (state[1] >= 0.99 or (state[2] and state[1] > 0.0)):
                hidden.append(f"{key}: {state[0]!r} {state[1]:.0%} under the header")
    finally:
        context.close()
    assert not hidden, f"/{path}: focus obscured by the sticky header:\n" + "\n".join(hidden[:20])


# Shown navigation landmarks and their accessible names (aria-label, or the text aria-labelledby points at).
def test_navigation_landmarks_are_unique_and_the_search_dialog_is_named(
    measured_pages: tuple[str, list[PageMeasure]],
) -> None:
    viewport, measures = measured_pages
    problems = []
    for m in measures:
        names = m.landmark_names
        repeated = sorted({name for name in names if names.count(name) > 1 or not name})
        if repeated:
            problems.append(f"[{viewport}] /{m.path}: {repeated} in {names}")
        if m.search_dialog_name != "Zoeken in het handboek":
            problems.append(f"[{viewport}] /{m.path}: search dialog without a name")
    assert not problems, "navigation landmarks without a unique name:\n" + "\n".join(problems[:30])


DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def test_every_page_has_a_description_of_its_own(built_site: Path) -> None:
    site_description = " ".join(unescape(DESCRIPTION.search((built_site / "404.html").read_text()).group(1)).split())
    problems = []
    for path in built_html(built_site):
        name = path.relative_to(built_site).as_posix()
        match = DESCRIPTION.search(path.read_text(encoding="utf-8"))
        description = " ".join(unescape(match.group(1)).split()) if match else ""
        if len(description) < 20:
            problems.append(f"{name}: {description!r}")
        elif description == site_description and name not in {"index.html", "404.html", "print_page/index.html"}:
            problems.append(f"{name}: only the site's description")
    assert not problems, "pages without a meta description of their own:\n" + "\n".join(problems)


def test_nothing_needs_a_drag(measured_pages: tuple[str, list[PageMeasure]]) -> None:
    viewport, measures = measured_pages
    problems = [f"[{viewport}] /{m.path}: {problem}" for m in measures for problem in m.drag_problems]
    assert not problems, "drag or move interaction (2.5.7 needs a single-pointer alternative):\n" + "\n".join(
        problems[:30])


def test_drag_audit_can_fail(browser: Browser) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content('<div draggable="true">a</div><div id="slider" onmousemove="1">b</div>')
        page.add_script_tag(content=DRAG_LISTENERS)
        page.evaluate("""() => {
          const slider = document.querySelector("#slider"), gone = () => {};
          slider.addEventListener("pointermove", () => {});
          document.addEventListener("mousemove", gone);
          document.removeEventListener("mousemove", gone);
        }""")
        found = page.evaluate(DRAG_AUDIT)
        assert found == ["draggable div", "inline handler on div", "pointermove on div#slider"], found
    finally:
        context.close()


def test_help_is_in_the_same_place_on_every_page(measured_pages: tuple[str, list[PageMeasure]]) -> None:
    viewport, measures = measured_pages
    first = measures[0]
    assert set(first.help_order) == HELP_MECHANISMS, f"/{first.path}: help mechanisms {first.help_order}"
    problems = [f"[{viewport}] /{m.path}: {m.help_order}" for m in measures if m.help_order != first.help_order]
    assert not problems, (f"help not in the order of /{first.path} {first.help_order} (3.2.6):\n"
                          + "\n".join(problems[:30]))
