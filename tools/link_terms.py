"""Link the first use of every glossary term in the handbook's pages to its explanation on the page Begrippen.

Usage (from the project root):
    uv run python tools/link_terms.py [--check]

Reads the terms from data/glossary.yaml and writes a plain Markdown link, such as
[praktijkopleider](../over/begrippen.md#praktijkopleider), on the first use of each term in the running text of
every page in docs/ (not in headings, tables, task lists, links or code; not in the contributor pages, tips and a
region's own pages). A page that already links a term keeps its link. --check changes nothing and exits 1 when a
link is missing (what tests/content/test_terms.py checks).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from handbook_build.glossary import PAGE, link_first_uses

ROOT = Path(__file__).resolve().parent.parent
# Folders of docs/ whose pages get no links: contributor pages, tips and a region's pages (written by regions).
SKIPPED = ("bijdragen/", "tips/", "regio/")


def linked_pages(root: Path = ROOT) -> list[str]:
    """The docs-relative pages whose terms are linked."""
    docs = root / "docs"
    pages = (path.relative_to(docs).as_posix() for path in sorted(docs.rglob("*.md")))
    return [page for page in pages if not page.startswith(SKIPPED) and page != PAGE]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="link_terms.py", description="Link de begrippen op hun eerste plek.")
    parser.add_argument("--check", action="store_true", help="niets veranderen; meld pagina's zonder link")
    args = parser.parse_args(argv)
    bundle = {"glossary": yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))}
    changed = []
    for page in linked_pages():
        path = ROOT / "docs" / page
        text = path.read_text(encoding="utf-8")
        linked = link_first_uses(page, text, bundle)
        if linked != text:
            changed.append(page)
            if not args.check:
                path.write_text(linked, encoding="utf-8")
    print(("Zonder link: " if args.check else "Gelinkt: ") + (", ".join(changed) or "niets"))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
