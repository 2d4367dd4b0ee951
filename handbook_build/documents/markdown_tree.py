"""Parse document Markdown with the `markdown` library and keep its element tree (not the serialised HTML).

The Word writer walks the same tree the page's HTML comes from, so the two outputs cannot drift apart.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

EXTENSIONS = ["tables", "sane_lists", "attr_list", "def_list", "admonition"]


class _KeepTree(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self.md.kept_tree = root  # type: ignore[attr-defined]


class _KeepTreeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - markdown's API name
        # After "unescape" (priority 0): backslash escapes are resolved, the tree is final.
        md.treeprocessors.register(_KeepTree(md), "keep_tree", -10)


def markdown_tree(text: str) -> ET.Element:
    """The element tree of `text`: a root <div> whose children are the blocks (h2, p, ul, table, ...)."""
    md = markdown.Markdown(extensions=[*EXTENSIONS, _KeepTreeExtension()])
    md.convert(text)
    return md.kept_tree  # type: ignore[attr-defined]


def clean_text(text: str | None) -> str:
    """Tree text as the reader sees it: markdown's placeholder for '&' resolved."""
    return (text or "").replace(AMP_SUBSTITUTE, "&")
