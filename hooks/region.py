"""MkDocs hook: a regional fork's name in the site title and its docs/regio/ pages in the nav (data/region.yaml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook_build.pages import region as regional
from handbook_build.site import site_content


@event_priority(90)  # after hooks/pipeline.py has validated the data
def on_config(config):
    site = site_content(Path(config.config_file_path).parent, Path(config.docs_dir))
    config.site_name = regional.site_name(config.site_name, site.region)
    config.nav = regional.nav_with_region(config.nav, site.region, list(site.region_pages))
    return config
