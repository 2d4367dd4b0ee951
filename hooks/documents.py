"""MkDocs hook: tickable checklists get their id and version (handbook_build/documents/checklists.py).

The Word documents and the startpakket are written by the pipeline (hooks/pipeline.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook_build import site_content
from handbook_build.documents import handbook_version
from handbook_build.documents.checklists import mark_checklists


@event_priority(40)  # after tasklist_labels (50), before print-site collects the page
def on_page_content(html: str, page, config, **_: object) -> str:
    version = handbook_version(site_content(Path(config.config_file_path).parent, Path(config.docs_dir)).bundle)
    return mark_checklists(html, page.url or "/", version)
