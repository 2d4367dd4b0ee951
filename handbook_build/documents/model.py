"""The document sources: one Markdown file per document in documents/, with front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook_build.problems import BuildError

DOCUMENTS_DIR = "documents"
# An id is the bijlage letter code plus a slug, e.g. "5b-voorbeeldbrieven"; it is also the .docx file name.
_ID = re.compile(r"^[1-8][a-z]-[a-z0-9-]+$")
_KINDS = {"brief", "checklist", "enquete", "programma", "overeenkomst", "formulier", "planning", "oproep"}
REQUIRED_KEYS = ("id", "title", "bijlage", "page", "kind")


class DocumentError(BuildError):
    """A document source or the data it needs is wrong; the message names the file and the key."""


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    bijlage: str  # "5B": the code the playbook uses
    page: str  # the bijlage page (docs-relative) that shows this document
    kind: str
    body: str  # Markdown with ⟦…⟧ fields, without front matter
    source: Path

    @property
    def docx_name(self) -> str:
        return f"{self.id}.docx"


def parse_document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---\n" not in text[4:]:
        raise DocumentError(f"{path}: front matter tussen '---'-regels ontbreekt")
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    if not isinstance(meta, dict):
        raise DocumentError(f"{path}: front matter is geen blok met sleutels")
    missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
    if missing:
        raise DocumentError(f"{path}: verplichte sleutel(s) ontbreken: {', '.join(missing)}")
    if not _ID.match(str(meta["id"])) or meta["id"] != path.stem:
        raise DocumentError(f"{path}: id '{meta['id']}' moet gelijk zijn aan de bestandsnaam, zoals '5b-brieven'")
    if meta["kind"] not in _KINDS:
        raise DocumentError(f"{path}: kind '{meta['kind']}' is onbekend (kies uit {', '.join(sorted(_KINDS))})")
    return Document(
        id=meta["id"], title=str(meta["title"]), bijlage=str(meta["bijlage"]), page=str(meta["page"]),
        kind=meta["kind"], body=body.strip() + "\n", source=path,
    )


def load_documents(project_dir: Path) -> dict[str, Document]:
    """Every document in documents/, by id, in file-name order (which is bijlage order)."""
    paths = sorted((project_dir / DOCUMENTS_DIR).glob("*.md"))
    documents = [parse_document(path) for path in paths]
    return {document.id: document for document in documents}
