"""MkDocs hook: each tip gets the theme's tags (steps, region, its own tags) from its validated front matter.
Zensical gets the same from the Markdown extension handbook_build/tip_tags.py (MkDocs gives extensions no page)."""

from __future__ import annotations

from pathlib import Path

from handbook_build.tip_tags import tags_for


def on_page_markdown(markdown: str, page, config, **_: object) -> str:  # before the tags plugin (priority -50)
    tags = tags_for(Path(config.config_file_path).parent, Path(config.docs_dir), page.file.src_uri)
    if tags is not None:
        page.meta["tags"] = tags
    return markdown
