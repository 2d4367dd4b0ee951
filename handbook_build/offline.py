"""The offline service worker: sw.js at the site root, with the list of files to keep, written after the build.

The worker (overrides/assets/javascripts/service-worker.js) keeps the page a reader opens, then the pages, styles,
scripts and search index in idle time (not on a connection that asks to save data). Pyodide, the calculators and
the data (14 MB) are kept only when a calculator page is opened. Its caches are named after the worker's scope, so
published versions (mike) never clear each other's; Pyodide's files are shared per Pyodide release.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# The worker's code lives with the other browser scripts; the theme also copies it into the site, where it is
# only an input (it lacks VERSION and PRECACHE), so write_service_worker removes that copy.
TEMPLATE_PATH = "assets/javascripts/service-worker.js"
TEMPLATE = Path(__file__).resolve().parent.parent / "overrides" / TEMPLATE_PATH
# Left to the runtime cache or not cached at all: the calculators' runtime, the downloads that repeat the pages
# (the PDF, the print page it is made from, the startpakket zip: 3.7 MB together), maps, sitemaps.
SKIP_DIRS = ("assets/pyodide/", "assets/python/", "assets/data/", "print_page/")
SKIP_SUFFIXES = (".pdf", ".zip", ".map", ".gz", ".xml", ".py")
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


def pyodide_release(site_dir: Path) -> str:
    """The Pyodide release the site ships (assets/pyodide/<release>/), or "" for a site without calculators."""
    folder = site_dir / "assets" / "pyodide"
    releases = sorted(path.name for path in folder.iterdir() if path.is_dir()) if folder.is_dir() else []
    return releases[-1] if releases else ""


def write_service_worker(site_dir: Path, template: Path = TEMPLATE) -> Path:
    """Write site_dir/sw.js: a version over every precached file's bytes, the Pyodide release, the precache list
    and the worker code."""
    (site_dir / TEMPLATE_PATH).unlink(missing_ok=True)
    files = precache_list(site_dir)
    digest = hashlib.sha256()
    for name in files:
        target = site_dir / (name + "index.html" if name.endswith("/") or name == "" else name)
        digest.update(name.encode() + target.read_bytes())
    header = (f"const VERSION = {json.dumps(digest.hexdigest()[:12])};\n"
              f"const PYODIDE = {json.dumps(pyodide_release(site_dir))};\n"
              f"const PRECACHE = {json.dumps(files)};\n")
    target = site_dir / "sw.js"
    target.write_text(header + template.read_text(encoding="utf-8"), encoding="utf-8")
    return target
