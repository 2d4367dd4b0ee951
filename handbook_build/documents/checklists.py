"""Tickable checklists: each task list of a page gets a stable id and the handbook version.

overrides/assets/javascripts/checklists.js keys the reader's saved ticks on both, so a new handbook version
starts with clean lists; without JavaScript the list stays a printable list.
"""

from __future__ import annotations

import re

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
