"""MkDocs hook: after every plugin has finished (print-site writes print_page/ last), print the PDF.

Only when HB_PDF=1: the tests and the publish workflow set it; `./tasks serve` stays fast without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Hooks load while the config is validated, before mkdocs-macros puts the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import handbook_pdf  # noqa: E402


@event_priority(-100)
def on_post_build(config) -> None:
    if not handbook_pdf.pdf_enabled():
        return
    try:
        handbook_pdf.make_pdf(Path(config["site_dir"]))
    except Exception as error:  # noqa: BLE001 - any failure must stop the build with its reason
        raise PluginError(f"De pdf van het handboek kon niet worden gemaakt: {error}") from None
