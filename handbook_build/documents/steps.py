"""The section "Wat je bij deze stap gebruikt" of a step page, from the one mapping in documents/steps.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from handbook_build.documents.model import DOCUMENTS_DIR, Document, DocumentError, load_documents
from handbook_build.documents.render import PROJECT_DIR, docx_href, relative_md_link

STEPS_FILE = "steps.yaml"
HEADING = "## Wat je bij deze stap gebruikt {#wat-je-bij-deze-stap-gebruikt}"


@dataclass(frozen=True)
class Calculator:
    key: str
    page: str
    title: str
    text: str


@dataclass(frozen=True)
class StepResources:
    step: int
    documents: tuple[Document, ...]
    calculators: tuple[Calculator, ...]


def load_step_resources(project_dir: Path = PROJECT_DIR) -> dict[int, StepResources]:
    """Every step's documents and calculators; unknown ids fail with the file and the step."""
    path = project_dir / DOCUMENTS_DIR / STEPS_FILE
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    documents = load_documents(project_dir)
    calculators = {key: Calculator(key, **value) for key, value in raw["calculators"].items()}
    result = {}
    for step, entry in raw["steps"].items():
        unknown = [d for d in entry.get("documents", []) if d not in documents]
        unknown += [c for c in entry.get("calculators", []) if c not in calculators]
        if unknown:
            raise DocumentError(f"{path}: stap {step}: onbekend document of rekenhulp: {', '.join(unknown)}")
        result[int(step)] = StepResources(
            int(step),
            tuple(documents[d] for d in entry.get("documents", [])),
            tuple(calculators[c] for c in entry.get("calculators", [])),
        )
    return result


def _document_line(document: Document, from_page: str) -> str:
    link = relative_md_link(document.page, from_page)
    href = escape(docx_href(document, from_page))
    downloads = f'<a href="{href}" download>Word-bestand (.docx)</a>'
    if document.presentation:
        pptx = escape(docx_href(document, from_page, document.pptx_name))
        downloads = f'<a href="{pptx}" download>PowerPoint (.pptx)</a> · ' + downloads
    return f"- [{document.bijlage} {document.title}]({link}): {downloads}"


def render_step_resources(step: int, tips_markdown: str, from_page: str, project_dir: Path = PROJECT_DIR) -> str:
    """Markdown: documents with downloads, calculators, and the tips section one level down."""
    resources = load_step_resources(project_dir)[step]
    lines = [HEADING, ""]
    if resources.documents:
        lines += ["### Documenten", "",
                  "Kant-en-klare teksten om aan te passen en te versturen, op de pagina en als Word-bestand:", ""]
        lines += [_document_line(document, from_page) for document in resources.documents]
        lines.append("")
    if resources.calculators:
        lines += ["### Rekenhulpen" if len(resources.calculators) > 1 else "### Rekenhulp", ""]
        lines += [f"- [{c.title}]({relative_md_link(c.page, from_page)}): {c.text}." for c in resources.calculators]
        lines.append("")
    tips = tips_markdown.replace("## Tips uit de regio", "### Tips uit de regio", 1)
    return "\n".join(lines) + "\n" + tips
