"""Session fixtures shared by the test layers: one strict build of the site, a local server for it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Every build in the tests counts as made on this day (handbook_build.data.build_date), the `as_of` of the golden
# cases in tests/cases/: defaults that follow the build date give the same outputs on any day CI runs. Tests of
# later build dates set their own (tests/calculators/test_default_dates.py).
TEST_BUILD_DATE = "2026-12-01"
os.environ.setdefault("HB_AS_OF", TEST_BUILD_DATE)


def build_site(project_dir: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of `project_dir` into `site_dir` (extra environment in `env`)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


# What a copy of the project needs to build; no .git, so this also exercises the date fallback.
PROJECT_PARTS = [
    "mkdocs.yml", "docs", "overrides", "includes", "macros", "data", "calculators", "tools", "hooks", "documents",
    "handbook_build",
]


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    if (ROOT / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


EXAMPLE_REGION = ROOT / "examples" / "voorbeeldregio"


@pytest.fixture(scope="session")
def regional_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as the Voorbeeldregio would: its region.yaml and its docs/regio/ pages, nothing else."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    shutil.copy2(EXAMPLE_REGION / "region.yaml", project / "data" / "region.yaml")
    shutil.copytree(EXAMPLE_REGION / "regio", project / "docs" / "regio")
    site = tmp_path_factory.mktemp("fork-site")
    result = build_site(project, site, HB_PYODIDE_SNAPSHOT="0")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per test session, strictly, from the working tree."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, HB_PDF="1")  # the whole build, PDF of the handbook included
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # What a static host sends: module scripts need a JavaScript type, streaming compile needs application/wasm.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a random free port) for browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
