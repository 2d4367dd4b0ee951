# Collapsed parts of a result and its downloads, rendered when a reader asks for them (DESIGN.md).
"""Lazy parts of a calculator's result: a collapsed block or a download, made only when a reader wants it.

A build-time render shows every part in full (no JavaScript needed, nothing to ask for). A live render in the
browser leaves the body of a collapsed block empty unless the reader has it open, and turns each download into a
button; parts.js on the page then asks the worker for one part by its key. That keeps the per-keystroke HTML to
what is on screen: for the cost calculator about a third of the full answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from calculators._exports import data_url

# The parts a live render shows in full (the keys of the blocks the reader has open); None: a full render.
Expanded = frozenset[str] | None


@dataclass(frozen=True)
class TextFile:
    """A download made from the result: its Dutch file name, media type and text."""

    name: str
    media_type: str
    text: str


def collapsed(key: str, summary: str, body: Callable[[], str], expanded: Expanded, css_class: str = "") -> str:
    """A <details> block whose body is rendered only in a full render or while the reader has it open.

    `summary` is HTML. An unrendered body is marked data-part-empty, and parts.js fills it on opening.
    """
    shown = expanded is None or key in expanded
    attributes = f' class="{css_class}"' if css_class else ""
    attributes += f' data-part="{escape(key)}"'
    if expanded is not None and key in expanded:
        attributes += " open"
    if not shown:
        attributes += " data-part-empty"
    return f"<details{attributes}><summary>{summary}</summary>{body() if shown else ''}</details>"


def download(key: str, label: str, make: Callable[[], TextFile], expanded: Expanded) -> str:
    """A download: a link with the file as a data URL in a full render, and in a live render a button that asks
    for the file only when it is pressed."""
    if expanded is None:
        file = make()
        href = data_url(file.text, file.media_type)
        return f'<a class="md-button" download="{escape(file.name)}" href="{href}">{label}</a>'
    return f'<button type="button" class="md-button" data-part-file="{escape(key)}">{label}</button>'
