"""MkDocs hook for the document kit (issue 15): tickable checklists and the Word files with the startpakket.

- on_page_content: every top-level task list gets an id (page + number) and the handbook version, which
  checklists.js uses as its localStorage key; without JavaScript the list stays a printable list.
- on_post_build: documenten/<id>.docx for every document in documents/ and documenten/startpakket.zip,
  after the PDF hook (priority -100) so the zip can hold the handbook PDF.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Hooks load while the config is validated, before mkdocs-macros puts the project on sys.path.
PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
from handbook_build.documents import DocumentError, write_docx_files, write_startpakket  # noqa: E402
from macros import load_site_data  # noqa: E402
from macros.data import DataError  # noqa: E402
from tools import handbook_pdf  # noqa: E402

_TASK_LIST = re.compile(r'<ul class="task-list">')


def handbook_version(bundle: dict) -> str:
    """The newest release in data/changelog.yaml, e.g. '2026.1'."""
    return str(bundle["changelog"][0]["version"])


def _version(config) -> str:
    cached = config.get("_hb_version")
    if cached is None:
        cached = handbook_version(load_site_data(PROJECT_DIR))
        config["_hb_version"] = cached
    return cached


def mark_checklists(html: str, page_url: str, version: str) -> str:
    """Give each task list a stable id (page and number) and the version, for its saved ticks."""
    counter = iter(range(1, 10_000))
    return _TASK_LIST.sub(
        lambda _: (f'<ul class="task-list hb-checklist" data-checklist="{page_url}#{next(counter)}" '
                   f'data-version="{version}">'),
        html,
    )


@event_priority(40)  # after tasklist_labels (50), before print-site collects the page
def on_page_content(html: str, page, config, **_: object) -> str:
    if 'class="task-list"' not in html:
        return html
    return mark_checklists(html, page.url or "/", _version(config))


@event_priority(-110)
def on_post_build(config) -> None:
    site_dir = Path(config["site_dir"])
    try:
        bundle = load_site_data(PROJECT_DIR)
        write_docx_files(site_dir, bundle, handbook_version(bundle), dt.date.today(),
                         site_url=config.get("site_url") or "")
        pdf = site_dir / handbook_pdf.PDF_NAME
        write_startpakket(site_dir, pdf if pdf.exists() else None)
    except (DataError, DocumentError) as error:
        raise PluginError(f"De documenten konden niet worden gemaakt:\n{error}") from None
