# MkDocs build hook (mkdocs.yml: hooks), run after Markdown is rendered, before the theme.
"""Name the checkboxes of task lists after their item, for screen readers (WCAG 4.1.2, axe rule "label").

pymdownx.tasklist renders `<label class="task-list-control"><input type="checkbox" disabled/>…</label> text`:
the label around the checkbox is empty, so the checkbox has no accessible name. The item's own text is
the name; it is added as aria-label (the visible layout does not change).
"""

from __future__ import annotations

import re
from html import escape, unescape

from mkdocs.plugins import event_priority

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


@event_priority(50)  # before print-site collects the page for the whole-handbook print page and PDF
def on_page_content(html: str, **_: object) -> str:
    return _CHECKBOX.sub(_named, html) if "task-list-control" in html else html
