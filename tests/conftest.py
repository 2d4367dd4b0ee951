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

from tests.regions import apply_example, is_fork, make_national

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


# What a copy needs besides, to run its own tests and its own ./tasks (tests/fork/).
WHOLE_PROJECT_PARTS = [
    *PROJECT_PARTS, "tests", "examples", "bench", "pyproject.toml", "uv.lock", "package.json", "package-lock.json",
    "tasks", ".github", ".gitignore", "README.md",
]


def copy_project(dest: Path, parts: list[str] = PROJECT_PARTS) -> Path:
    dest.mkdir(parents=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    if (ROOT / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per test session, strictly, from the working tree: the national handbook, or in a
    region's fork the region's own site."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, HB_PDF="1")  # the whole build, PDF of the handbook included
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return site_dir


def zensical_build(project_dir: Path, **env: str) -> Path:
    """`./tasks build --zensical` in `project_dir` (handbook_build/zensical.py: Zensical, then the pipeline); returns
    its site folder, which Zensical writes inside the project folder."""
    result = subprocess.run([sys.executable, "-m", "handbook_build.zensical", "build"], cwd=project_dir,
                            capture_output=True, text=True, check=False, timeout=900, env={**os.environ, **env})
    assert result.returncode == 0, f"Zensical build failed:\n{result.stdout}\n{result.stderr}"
    return project_dir / "site"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same project built once per session with Zensical (in a copy: Zensical writes the site inside the project
    folder), the PDF included; without the memory snapshot, to save time (the calculators boot plainly)."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    return zensical_build(project, HB_PDF="1", HB_PYODIDE_SNAPSHOT="0")


@pytest.fixture(scope="session")
def national_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The national handbook's site, for national assertions: the working tree's own build, or in a fork a copy
    of the project without the region's own files (tests/regions.py)."""
    if not is_fork(ROOT):
        return request.getfixturevalue("built_site")
    project = copy_project(tmp_path_factory.mktemp("national") / "project")
    make_national(project)
    site = tmp_path_factory.mktemp("national-site")
    result = build_site(project, site, HB_PDF="1")
    assert result.returncode == 0, f"strict build of the national copy failed:\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def regional_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A region's project: in a fork the working tree itself; else a copy with the example region applied, the way
    docs/bijdragen/eigen-regio.md says (its data/ and docs/ folders copied over the project)."""
    if is_fork(ROOT):
        return ROOT
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    apply_example(project)
    return project


@pytest.fixture(scope="session")
def regional_site(request: pytest.FixtureRequest, regional_project: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the region at hand (see regional_project)."""
    if regional_project == ROOT:
        return request.getfixturevalue("built_site")
    site = tmp_path_factory.mktemp("fork-site")
    result = build_site(regional_project, site, HB_PYODIDE_SNAPSHOT="0")
    assert result.returncode == 0, result.stderr
    return site


def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a random free port) until the generator is closed."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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
    yield from serve(built_site)


@pytest.fixture(scope="session")
def zensical_site_url(zensical_site: Path) -> Iterator[str]:
    """Serve the Zensical build, for the browser tests that run on both generators' sites."""
    yield from serve(zensical_site)


@pytest.fixture(scope="session")
def national_site_url(national_site: Path) -> Iterator[str]:
    """Serve the national site, for browser tests of national figures (the golden cases)."""
    yield from serve(national_site)
