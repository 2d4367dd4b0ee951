"""The golden cases (tests/cases/*.yaml) give their expected outputs in the browser too.

A second worker on a calculator page of the national site (also in a fork: the national copy) runs every case
through the real protocol (protocol.js), the self-hosted Pyodide and the shipped calculators and data, in
Chromium; the answers' key figures must equal each case's `output`, as in CPython
(tests/calculators/test_golden_cases.py) and in Node (tests/pyodide/test_parity.py).
"""

from __future__ import annotations

import pytest

from tests.cases.golden import case_files
from tests.cases.key_figures import key_figures
from tests.conftest import TEST_BUILD_DATE

pytestmark = pytest.mark.browser

FILES = case_files()
ALL = [(name, case) for name, spec in FILES.items() for case in spec["cases"]]

RUN_ALL = """async (cases) => {
  const runtime = JSON.parse(document.getElementById("hb-runtime").textContent);
  const protocol = await import(new URL(runtime.root + "assets/javascripts/protocol.js", location.href).href);
  const worker = new Worker(protocol.runtimeUrl(runtime, location.href, "assets/javascripts/worker.js"),
                            { type: "module" });
  const answers = new Map();
  const done = new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const message = protocol.checkFromWorker(event.data);
      if (message.type === "fatal") reject(new Error(message.message));
      if (message.type === "ready") {
        cases.forEach((c, id) => worker.postMessage(protocol.runMessage(id, c.calculator, c.input)));
      }
      if (message.type === "outcome" || message.type === "error") {
        const error = { status: "error", message: message.message };
        answers.set(message.id, message.type === "outcome" ? message.outcome : error);
        if (answers.size === cases.length) resolve();
      }
    };
  });
  worker.postMessage(protocol.initMessage(runtime, location.href));
  await done;
  worker.terminate();
  return cases.map((_, id) => answers.get(id));
}"""


@pytest.fixture(scope="module")
def browser_outputs(browser, national_site_url: str) -> list[dict]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(national_site_url + "rekenhulpen/kosten/")
    cases = [{"calculator": name, "input": case["input"]} for name, case in ALL]
    outcomes = page.evaluate(RUN_ALL, cases)
    context.close()
    return outcomes


def test_the_cases_are_dated_like_the_test_build() -> None:
    assert {spec["as_of"] for spec in FILES.values()} == {TEST_BUILD_DATE}


@pytest.mark.parametrize(("index", "case"), list(enumerate(ALL)), ids=[f"{n}: {c['name']}" for n, c in ALL])
def test_case_gives_its_expected_output_in_the_browser(browser_outputs: list[dict], index: int, case: tuple) -> None:
    _, spec = case
    assert key_figures(browser_outputs[index]) == spec["output"]
