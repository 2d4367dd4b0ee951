"""Build-time writers: every document as .docx in the site, and the startpakket zip of one region."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from calculators._format import long_date
from handbook_build.documents.docx_writer import DocxMeta, write_docx
from handbook_build.documents.fields import check_region_fields
from handbook_build.documents.model import DocumentError, load_documents
from handbook_build.documents.pptx_writer import PptxMeta, SlidesError, write_pptx
from handbook_build.documents.render import DOCX_DIR, PROJECT_DIR, filled_markdown, rewrite_links

STARTPAKKET_NAME = "startpakket.zip"


def handbook_version(bundle: Mapping[str, Any]) -> str:
    """The newest release in data/changelog.yaml, e.g. '2026.1' (Word footers, saved checklist ticks)."""
    return str(bundle["changelog"][0]["version"])


def region_label(region: Mapping[str, Any]) -> str:
    """How the footer names the region: its name, or the national version."""
    if region.get("is_national_default"):
        return f"landelijke versie ({region.get('name', 'Nederland')})"
    return f"regio {region['name']}"


def write_docx_files(
    site_dir: Path,
    bundle: Mapping[str, Any],
    version: str,
    date: dt.date,
    *,
    site_url: str = "",
    project_dir: Path = PROJECT_DIR,
) -> list[Path]:
    """Write documenten/<id>.docx for every document; fail first if the region lacks a field they need."""
    documents = load_documents(project_dir)
    check_region_fields(documents.values(), bundle)
    written = []
    for document in documents.values():
        markdown = rewrite_links(filled_markdown(document, bundle, date, for_word=True), site_url=site_url or None)
        meta = DocxMeta(f"{document.bijlage} {document.title}", region_label(bundle["region"]), version,
                        long_date(date), date)
        written.append(write_docx(markdown, meta, site_dir / DOCX_DIR / document.docx_name))
    return written


def write_pptx_files(
    site_dir: Path,
    bundle: Mapping[str, Any],
    version: str,
    date: dt.date,
    *,
    site_url: str = "",
    project_dir: Path = PROJECT_DIR,
) -> list[Path]:
    """Write documenten/<id>.pptx for every document with `presentation: true` (bijlage 1A)."""
    written = []
    for document in load_documents(project_dir).values():
        if not document.presentation:
            continue
        markdown = rewrite_links(filled_markdown(document, bundle, date, for_word=True), site_url=site_url or None)
        meta = PptxMeta(f"{document.bijlage} {document.title}", region_label(bundle["region"]), version,
                        long_date(date), date)
        try:
            written.append(write_pptx(markdown, meta, site_dir / DOCX_DIR / document.pptx_name))
        except SlidesError as error:
            raise DocumentError(f"{document.source}: {error}") from None
    return written


def write_startpakket(site_dir: Path, pdf_path: Path | None) -> Path:
    """One zip with every Word document and presentation of this build (so of this region) and, when made, the
    handbook PDF."""
    folder = site_dir / DOCX_DIR
    target = folder / STARTPAKKET_NAME
    # A fixed timestamp: the same documents give the same zip.
    stamp = (2026, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted([*folder.glob("*.docx"), *folder.glob("*.pptx")]):
            archive.writestr(zipfile.ZipInfo(f"documenten/{path.name}", stamp), path.read_bytes(),
                             compress_type=zipfile.ZIP_DEFLATED)
        if pdf_path is not None and pdf_path.exists():
            archive.writestr(zipfile.ZipInfo(pdf_path.name, stamp), pdf_path.read_bytes(),
                             compress_type=zipfile.ZIP_DEFLATED)
    return target
