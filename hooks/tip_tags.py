"""MkDocs hook: each tip gets Material tags (steps, region, its own tags) from its validated front matter."""

from __future__ import annotations

from pathlib import Path

from handbook_build.site import site_content
from handbook_build.tips import material_tags


def on_page_markdown(markdown: str, page, config, **_: object) -> str:  # before the tags plugin (priority -50)
    if not page.file.src_uri.startswith("tips/"):
        return markdown
    tip = site_content(Path(config.config_file_path).parent, Path(config.docs_dir)).tip_at(page.file.src_uri)
    if tip:
        page.meta["tags"] = material_tags(tip)
    return markdown
