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
_KINDS = {"brief", "checklist", "enquete", "programma", "overeenkomst", "formulier", "planning", "oproep",
          "presentatie", "persbericht", "bericht", "vacature", "vragen"}
REQUIRED_KEYS = ("id", "title", "bijlage", "page", "kind")
# Optional keys. `sources`: where the list "Bronnen van de cijfers" goes: "both" (the page and the Word file) or
# "page" (the page only: a post, a letter or a press release goes to readers outside the project, who need the
# text, not our sources). `presentation: true`: also written as PowerPoint, each `## ` section one slide.
SOURCES_PLACES = ("both", "page")
OPTIONAL_KEYS = ("sources", "presentation")


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
    sources_in_word: bool = True  # False: "Bronnen van de cijfers" only on the bijlage page
    presentation: bool = False  # True: also documenten/<id>.pptx

    @property
    def docx_name(self) -> str:
        return f"{self.id}.docx"

    @property
    def pptx_name(self) -> str:
        return f"{self.id}.pptx"


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
    sources = meta.get("sources", "both")
    if sources not in SOURCES_PLACES:
        raise DocumentError(f"{path}: sources '{sources}' is onbekend (kies uit {', '.join(SOURCES_PLACES)})")
    presentation = meta.get("presentation", False)
    if not isinstance(presentation, bool):
        raise DocumentError(f"{path}: presentation moet true of false zijn, niet '{presentation}'")
    return Document(
        id=meta["id"], title=str(meta["title"]), bijlage=str(meta["bijlage"]), page=str(meta["page"]),
        kind=meta["kind"], body=body.strip() + "\n", source=path, sources_in_word=sources == "both",
        presentation=presentation,
    )


def load_documents(project_dir: Path) -> dict[str, Document]:
    """Every document in documents/, by id, in file-name order (which is bijlage order)."""
    paths = sorted((project_dir / DOCUMENTS_DIR).glob("*.md"))
    documents = [parse_document(path) for path in paths]
    return {document.id: document for document in documents}
