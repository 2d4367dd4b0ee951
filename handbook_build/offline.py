"""The offline service worker: sw.js at the site root, with the list of files to keep, written after the build.

The pages, styles, scripts and search index are precached on the first visit (about 1 MB compressed).
Pyodide, the calculators and the data (14 MB) are cached only when a calculator page is opened.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# The worker's code lives with the other browser scripts; the theme also copies it into the site, where it is
# only an input (it lacks VERSION and PRECACHE), so write_service_worker removes that copy.
TEMPLATE_PATH = "assets/javascripts/service-worker.js"
TEMPLATE = Path(__file__).resolve().parent.parent / "overrides" / TEMPLATE_PATH
# Left to the runtime cache or not cached at all: the calculators' runtime, the PDF, maps, sitemaps.
SKIP_DIRS = ("assets/pyodide/", "assets/python/", "assets/data/")
SKIP_SUFFIXES = (".pdf", ".map", ".gz", ".xml", ".py")
# Material ships search stemmers for every language; this site searches in Dutch only.
LUNR = "assets/javascripts/lunr/"
LUNR_KEEP = ("lunr.nl.min.js", "lunr.stemmer.support.min.js", "lunr.multi.min.js")


def precache_list(site_dir: Path) -> list[str]:
    files = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative == "sw.js" or relative.startswith(SKIP_DIRS):
            continue
        if relative.endswith(SKIP_SUFFIXES) or relative == "404.html":
            continue
        if relative.startswith(LUNR) and path.name not in LUNR_KEEP:
            continue
        files.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return files


def write_service_worker(site_dir: Path, template: Path = TEMPLATE) -> Path:
    """Write site_dir/sw.js: a version over every precached file's bytes, the precache list and the worker code."""
    (site_dir / TEMPLATE_PATH).unlink(missing_ok=True)
    files = precache_list(site_dir)
    digest = hashlib.sha256()
    for name in files:
        target = site_dir / (name + "index.html" if name.endswith("/") or name == "" else name)
        digest.update(name.encode() + target.read_bytes())
    header = f"const VERSION = {json.dumps(digest.hexdigest()[:12])};\nconst PRECACHE = {json.dumps(files)};\n"
    target = site_dir / "sw.js"
    target.write_text(header + template.read_text(encoding="utf-8"), encoding="utf-8")
    return target
