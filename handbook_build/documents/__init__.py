"""The document kit: bijlagen as complete documents from one Markdown source, as HTML on their page and as .docx.

Plain functions for the build (no MkDocs import): the macros and the pipeline call them.
"""

from handbook_build.documents.build import (
    STARTPAKKET_NAME,
    handbook_version,
    region_label,
    write_docx_files,
    write_pptx_files,
    write_startpakket,
)
from handbook_build.documents.fields import check_region_fields
from handbook_build.documents.model import Document, DocumentError, load_documents
from handbook_build.documents.personal import TEMPLATES, PersonalTemplate, write_personal_templates
from handbook_build.documents.render import (
    DOCX_DIR,
    render_document_block,
    render_document_markdown,
    startpakket_link,
)
from handbook_build.documents.steps import load_step_resources, render_step_resources

__all__ = [
    "DOCX_DIR", "TEMPLATES", "Document", "DocumentError", "PersonalTemplate", "STARTPAKKET_NAME",
    "check_region_fields", "handbook_version", "load_documents", "load_step_resources", "region_label",
    "render_document_block", "render_document_markdown", "render_step_resources", "startpakket_link",
    "write_docx_files", "write_personal_templates", "write_pptx_files", "write_startpakket",
]
