"""Task lists as checklists: each checkbox named after its item, each list with an id and the handbook version.

pymdownx.tasklist renders `<label class="task-list-control"><input type="checkbox" disabled/>…</label> text`:
the label around the checkbox is empty, so the checkbox has no accessible name (WCAG 4.1.2, axe rule "label").
The item's own text becomes its aria-label (the visible layout does not change).

overrides/assets/javascripts/checklists.js keys the reader's saved ticks on the list's id and the version, so a
new handbook version starts with clean lists; without JavaScript the list stays a printable list.
"""

from __future__ import annotations

import re
from html import escape, unescape

_CHECKBOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")([^>]*?)(/?>)(.*?</label>)(.*?)(?=<ul|<ol|</li>)',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")


def _named(match: re.Match[str]) -> str:
    opening, attributes, close, rest, text = match.groups()
    name = " ".join(unescape(_TAG.sub("", text)).split())
    if not name or "aria-label" in attributes:
        return match.group(0)
    return f'{opening}{attributes} aria-label="{escape(name)}"{close}{rest}{text}'


def name_checkboxes(html: str) -> str:
    """Give each task-list checkbox its item's text as accessible name."""
    return _CHECKBOX.sub(_named, html) if "task-list-control" in html else html


_TASK_LIST = re.compile(r'<ul class="task-list">')


def mark_checklists(html: str, page_url: str, version: str) -> str:
    """Give each task list a stable id (page and number) and the version, for its saved ticks."""
    if 'class="task-list"' not in html:
        return html
    counter = iter(range(1, 10_000))
    return _TASK_LIST.sub(
        lambda _: (f'<ul class="task-list hb-checklist" data-checklist="{page_url}#{next(counter)}" '
                   f'data-version="{version}">'),
        html,
    )
