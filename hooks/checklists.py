"""MkDocs hook: task lists become named, tickable checklists (handbook_build/documents/checklists.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook_build import site_content
from handbook_build.documents import handbook_version
from handbook_build.documents.checklists import mark_checklists, name_checkboxes

_version = {"current": ""}  # read once per build (mkdocs serve reloads the config on every rebuild)


def on_config(config):
    _version["current"] = handbook_version(
        site_content(Path(config.config_file_path).parent, Path(config.docs_dir)).bundle
    )
    return config


@event_priority(50)  # before print-site collects the page for the whole-handbook print page and PDF
def on_page_content(html: str, page, **_: object) -> str:
    if "task-list" not in html:
        return html
    return mark_checklists(name_checkboxes(html), page.url or "/", _version["current"])
