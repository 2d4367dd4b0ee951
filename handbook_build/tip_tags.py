"""Python-Markdown extension `handbook_build.tip_tags`: a tip's tags (its steps, its region, its own tags) for the
theme's tags, under Zensical.

Zensical renders each page with Python-Markdown and hands it the page being rendered (its preprocessor
"rendering_context", with the page's path and front matter); the front matter it gets back is what its tags read.
MkDocs gives Markdown extensions no page: there hooks/tip_tags.py sets the same tags, and this extension does
nothing. Listed in mkdocs.yml's `markdown_extensions`, so both generators load it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from handbook_build.site import site_content
from handbook_build.tips import material_tags

CONTEXT = "rendering_context"  # zensical.extensions.context.ContextPreprocessor.name


def tags_for(project_dir: Path, docs_dir: Path, source: str) -> list[str] | None:
    """The tags of the tip at `source` (docs-relative), or None when it is not a tip."""
    if not source.startswith("tips/"):
        return None
    tip = site_content(project_dir, docs_dir).tip_at(source)
    return material_tags(tip) if tip else None


class TipTags(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if CONTEXT not in self.md.preprocessors:
            return lines  # not Zensical
        context: Any = self.md.preprocessors[CONTEXT]
        root = Path(context.config["root_dir"])
        tags = tags_for(root, root / context.config["docs_dir"], context.page.path)
        if tags is not None:
            context.page.meta["tags"] = tags
        return lines


class TipTagsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(TipTags(md), "hb_tip_tags", 40)


def makeExtension(**kwargs: Any) -> TipTagsExtension:  # noqa: N802 - Python-Markdown's name
    return TipTagsExtension(**kwargs)
