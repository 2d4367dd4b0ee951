"""No generated input breaks a calculator: at least 1,000 inputs per calculator, over every field (raw strings,
not only valid values) and over the raw bytes of the regional matching's CSV files.

Each test goes through the registry (parse, check, compute, render), as the page and the worker do. The
matching-regio form test covers CSV text (files that fit together, with a cell gone wrong, and random
files); the bytes test covers what the file picker reads.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import run
from calculators._registry import evaluate, get, part
from calculators.matching.csv_decode import decode_csv
from calculators.matching.csv_input import CsvLimits, CsvProblems
from tests.calculators.conftest import REAL
from tests.properties.checks import MAX_MESSAGE, assert_sound
from tests.properties.strategies import (
    CANDIDATE_BYTES,
    PRACTICE_BYTES,
    raw_inputs,
)

EXAMPLES = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMITS = CsvLimits.of(REAL)


@pytest.mark.parametrize("name", ["kosten", "planning", "matching", "matching-regio"])
def test_any_form_input_gives_a_result_or_dutch_messages(name: str) -> None:
    @EXAMPLES
    @given(raw_inputs(name, REAL))
    def check(raw: dict[str, str]) -> None:
        assert_sound(run(name, REAL, raw))

    check()


def decoded(data: bytes, what: str) -> str | None:
    """The text the file picker gives the calculator, or None after a Dutch refusal (checked here)."""
    try:
        return decode_csv(data, what, LIMITS.max_bytes)
    except CsvProblems as problems:
        assert problems.message.startswith(f"Het bestand met {what} ") and len(problems.message) <= MAX_MESSAGE
        return None


@EXAMPLES
@given(CANDIDATE_BYTES, PRACTICE_BYTES)
def test_any_csv_bytes_are_decoded_or_refused_and_never_break_the_matching(candidates: bytes, practices: bytes
                                                                            ) -> None:
    texts = decoded(candidates, "kandidaten"), decoded(practices, "praktijken")
    if None not in texts:
        assert_sound(run("matching-regio", REAL, {"candidates": texts[0], "practices": texts[1]}))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["kandidaten", "praktijken"]), st.text(min_size=1, max_size=30))
def test_text_saved_as_windows_1252_comes_back_unchanged_or_is_refused(what: str, text: str) -> None:
    """Never silently garbled: a Windows-1252 file decodes to exactly what was typed, or is refused.

    Except text whose Windows-1252 bytes are also valid UTF-8 (such as "Ã«"): the rule reads those as UTF-8,
    which is right for every file whose author typed Dutch, since "Ã«" is itself what garbled UTF-8 looks like.
    """
    try:
        data = text.encode("cp1252")
        data.decode("utf-8")
    except UnicodeEncodeError:
        return  # not Windows-1252 text
    except UnicodeDecodeError:
        with contextlib.suppress(CsvProblems):
            assert decode_csv(data, what, LIMITS.max_bytes) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_inputs("kosten", REAL))
def test_a_live_cost_answer_and_each_of_its_parts_never_break(raw: dict[str, str]) -> None:
    """What the worker does per keystroke (a live render) and per opened block or pressed download (a part)."""
    outcome = evaluate(get("kosten"), REAL, raw, frozenset())
    outcome.pop("result", None)
    assert_sound(outcome)
    if outcome["status"] != "result":
        return
    keys = re.findall(r'data-part(?:-file)?="([^"]+)"', outcome["html"])
    assert keys
    for key in keys:
        found = part("kosten", REAL, raw, key)
        if found["status"] == "text":
            assert found["text"].strip() and found["name"].endswith((".ics", ".csv"))
        else:
            assert_sound(found)
