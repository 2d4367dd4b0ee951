# What "never breaks" means for one outcome of a calculator, shared by the CPython and the Pyodide property tests.
"""Assertions on an outcome of calculators.run: a result or Dutch messages; never NaN, Infinity or a traceback."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

# Numbers that escaped as floats, in the text a reader sees (tags removed, so class names do not count).
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b|∞", re.IGNORECASE)
# What Python shows when it fails or prints a value it should have formatted (generated text never spells these).
PYTHON_LEAKS = re.compile(r"Traceback|Error:|Exception|Decimal\('|datetime\.date\(")
DUTCH_WORD = re.compile(r"\b(de|het|een|van|in|is|niet|vul|kies|bij|met|op|en|of|dan|minimaal|hoogstens)\b",
                        re.IGNORECASE)
MAX_MESSAGE = 2_000  # characters: messages quote at most a short piece of the input


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def assert_sound(outcome: dict[str, Any]) -> None:
    assert outcome["status"] in ("result", "invalid"), outcome
    if outcome["status"] == "invalid":
        assert outcome["errors"], "invalid without a message"
        for field, message in outcome["errors"].items():
            assert isinstance(message, str) and message.strip(), field
            assert DUTCH_WORD.search(message), (field, message)
            assert not PYTHON_LEAKS.search(message), (field, message)
            assert len(message) <= MAX_MESSAGE, (field, message[:200])
        return
    shown = text_of(outcome["html"])
    assert shown.strip()
    assert not NOT_A_NUMBER.search(shown), NOT_A_NUMBER.search(shown)
    assert not PYTHON_LEAKS.search(shown), PYTHON_LEAKS.search(shown)
