"""One source, two outputs: the filled Markdown of a document, for its bijlage page and for its Word file."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from handbook_build.documents.fields import fill_fields, sources_section
from handbook_build.documents.model import Document, DocumentError, load_documents

PROJECT_DIR = Path(__file__).resolve().parents[2]
DOCX_DIR = "documenten"  # in the built site: documenten/<id>.docx and the startpakket
# Links in documents point at handbook pages by their docs-relative path: [kosten](rekenhulpen/kosten.md#x).
_PAGE_LINK = re.compile(r"\]\(([a-z0-9_/.-]+\.md)(#[\w-]+)?\)")


def page_url(docs_path: str) -> str:
    """The directory URL MkDocs gives a docs-relative Markdown path ('a/b.md' -> 'a/b/', 'a/index.md' -> 'a/')."""
    stem = docs_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_md_link(target: str, from_page: str) -> str:
    """A docs-relative .md path as a link from the Markdown file `from_page` (MkDocs resolves .md links)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def rewrite_links(markdown: str, *, from_page: str | None = None, site_url: str | None = None) -> str:
    """Docs-relative page links, made relative to a page (HTML) or absolute on the site (Word)."""

    def replace(match: re.Match[str]) -> str:
        target, anchor = match.group(1), match.group(2) or ""
        if from_page is not None:
            return f"]({relative_md_link(target, from_page)}{anchor})"
        if site_url is not None:
            return f"]({site_url.rstrip('/')}/{page_url(target)}{anchor})"
        return match.group(0)

    return _PAGE_LINK.sub(replace, markdown)


def get_document(doc_id: str, project_dir: Path = PROJECT_DIR) -> Document:
    documents = load_documents(project_dir)
    if doc_id not in documents:
        raise DocumentError(f"document '{doc_id}' bestaat niet in documents/ (wel: {', '.join(documents)})")
    return documents[doc_id]


def filled_markdown(
    document: Document, bundle: Mapping[str, Any], on: dt.date | None = None, *, for_word: bool = False
) -> str:
    """The document body with its fields filled and the sources of its figures below it.

    for_word=True: the text of the Word file (and the slides), which leaves the sources out when the document
    goes to readers outside the project (front matter `sources: page`); the bijlage page always has them.
    """
    body, figures = fill_fields(document, bundle, on or dt.date.today())
    sources = sources_section(figures) if document.sources_in_word or not for_word else ""
    return body + ("\n" + sources if sources else "")


def render_document_markdown(
    doc_id: str,
    bundle: Mapping[str, Any],
    *,
    from_page: str | None = None,
    site_url: str | None = None,
    on: dt.date | None = None,
    project_dir: Path = PROJECT_DIR,
) -> str:
    """Markdown of one document, filled from the bundle; links relative to `from_page` or absolute on `site_url`."""
    document = get_document(doc_id, project_dir)
    return rewrite_links(filled_markdown(document, bundle, on), from_page=from_page, site_url=site_url)


def docx_href(document: Document, from_page: str, name: str | None = None) -> str:
    """Link from a page (its docs-relative .md path) to the document's Word file (or `name`) in the built site."""
    depth = page_url(from_page).count("/")
    return "../" * depth + f"{DOCX_DIR}/{name or document.docx_name}"


def download_link(document: Document, from_page: str, shared_page: bool = False) -> str:
    """A visible download button (raw HTML: the .docx is made after MkDocs checks the Markdown links); a
    presentation also gets its PowerPoint. On a page with several documents (7A) each button names its title."""
    href = escape(docx_href(document, from_page))
    what = f"{document.bijlage} {document.title}" if shared_page else document.bijlage
    buttons = [f'<a class="md-button" href="{href}" download>Download {escape(what)} als Word-bestand (.docx)</a>']
    if document.presentation:
        pptx = escape(docx_href(document, from_page, document.pptx_name))
        buttons.insert(0, f'<a class="md-button md-button--primary" href="{pptx}" download>'
                          f"Download {escape(document.bijlage)} als PowerPoint (.pptx)</a>")
    return f'<p class="hb-download">{" ".join(buttons)}</p>'


def render_document_block(
    doc_id: str, bundle: Mapping[str, Any], from_page: str, *, project_dir: Path = PROJECT_DIR,
    on: dt.date | None = None,
) -> str:
    """What a bijlage page shows: the download link, then the document itself in a printable frame."""
    documents = load_documents(project_dir)
    document = get_document(doc_id, project_dir)
    shared = sum(other.page == document.page for other in documents.values()) > 1
    body = rewrite_links(filled_markdown(document, bundle, on), from_page=from_page)
    return "\n".join([
        download_link(document, from_page, shared),
        "",
        f'<div class="hb-document" markdown data-document="{escape(document.id)}">',
        "",
        body,
        "</div>",
        "",
    ])


def startpakket_link(from_page: str, with_pdf: bool, zip_name: str = "startpakket.zip") -> str:
    """The startpakket download on a page (the pipeline writes the zip after the build: handbook_build/pipeline.py)."""
    href = "../" * page_url(from_page).count("/") + f"{DOCX_DIR}/{zip_name}"
    content = "alle documenten als Word-bestand" + (" en het handboek als pdf" if with_pdf else "")
    return (f'<p class="hb-download"><a class="md-button" href="{escape(href)}" download>Download het startpakket: '
            f"{content} (.zip)</a></p>")
