"""sw.js: the precache list leaves out the runtime and the downloads that repeat the pages, and names the Pyodide
release whose cache the worker shares with other versions."""

from __future__ import annotations

from pathlib import Path

from handbook_build.offline import precache_list, pyodide_release, write_service_worker

FILES = [
    "index.html", "stappen/stap-1/index.html", "assets/stylesheets/main.css", "documenten/brief.docx",
    "documenten/presentatie.pptx",
    "documenten/startpakket.zip", "handboek-zij-instroom.pdf", "print_page/index.html",
    "assets/pyodide/314.0.7/pyodide.asm.wasm", "assets/pyodide/snapshot-314.0.7.abc.bin.gz",
    "assets/python/calculators.abc.zip", "assets/data/handboek-data.abc.json", "sitemap.xml",
]


def make_site(folder: Path) -> Path:
    for name in FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")
    return folder


def test_the_precache_list_is_the_handbook_without_runtime_and_downloads(tmp_path: Path) -> None:
    # The documents (Word, the 1A PowerPoint) are kept for offline use; the startpakket zip repeats them.
    assert precache_list(make_site(tmp_path)) == [
        "assets/stylesheets/main.css", "documenten/brief.docx", "documenten/presentatie.pptx", "", "stappen/stap-1/",
    ]


def test_the_worker_knows_its_pyodide_release_and_changes_version_with_the_pages(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    assert pyodide_release(site) == "314.0.7"
    first = write_service_worker(site).read_text(encoding="utf-8")
    assert 'const PYODIDE = "314.0.7";' in first and "hb-site:" in first
    (site / "stappen" / "stap-1" / "index.html").write_text("nieuwe tekst", encoding="utf-8")
    second = write_service_worker(site).read_text(encoding="utf-8")
    assert first.splitlines()[0] != second.splitlines()[0]  # const VERSION = "..."


def test_a_site_without_calculators_has_no_pyodide_release(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("x", encoding="utf-8")
    assert pyodide_release(tmp_path) == ""
