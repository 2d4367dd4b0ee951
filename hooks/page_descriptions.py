"""MkDocs hook: a meta description for every page (front matter or its first paragraph).

The other fixes for valid HTML and the Content-Security-Policy run in the pipeline after the build
(handbook_build/html_fixes.py, called from hooks/pipeline.py), so any generator's pages get them.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from handbook_build.html_fixes import description_from_html


@event_priority(-50)  # after the other plugins' content hooks: the description comes from the final HTML
def on_page_content(content: str, page: Any, **_: Any) -> str:
    if not page.meta.get("description"):
        description = description_from_html(content)
        if description:
            page.meta["description"] = description
    return content
