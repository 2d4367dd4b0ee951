"""A region's fork, made exactly as docs/bijdragen/eigen-regio.md says, passes its own tests and publishes.

A copy of the whole project gets the example region's files (examples/voorbeeldregio: the region file, a page of
its own, a regional scheme and a tip), no core file changed, and becomes a git repository with a GitHub remote.
In it, the tests that read the project's region (golden figures, documents, tips, the region's pages, the PDF)
run as they do in a real fork, and `./tasks publish` writes a version into gh-pages, short of pushing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import WHOLE_PROJECT_PARTS, copy_project
from tests.regions import EXAMPLE, apply_example, region_of

REMOTE = "https://github.com/regio-voorbeeld/zij-instroom-handboek.git"
SITE = "https://regio-voorbeeld.github.io/zij-instroom-handboek/"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Regio", "GIT_AUTHOR_EMAIL": "regio@example.org",
    "GIT_COMMITTER_NAME": "Regio", "GIT_COMMITTER_EMAIL": "regio@example.org",
}
# The tests whose outcome depends on the project's region: they must pass in a fork without being edited.
FORK_CHECKS = [
    "tests/site/test_region.py", "tests/documents", "tests/tips", "tests/calculators/test_golden_cases.py",
    "tests/data/test_data_pages.py", "tests/site/test_pdf.py", "tests/site/test_journey.py",
    "tests/data/test_journey_data.py",
]


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HB_SITE_URL", "HB_REPO_URL", "PYTEST_"))}
    return subprocess.run(args, cwd=cwd, env={**clean, **GIT_ENV, **env}, capture_output=True, text=True,
                          check=False, timeout=900)


def git(project: Path, *args: str) -> str:
    finished = run(["git", *args], project)
    assert finished.returncode == 0, finished.stderr
    return finished.stdout


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example region's fork: the project's files, the example's folders copied over them, in git."""
    project = copy_project(tmp_path_factory.mktemp("regional-fork") / "zij-instroom-handboek", WHOLE_PROJECT_PARTS)
    apply_example(project)
    git(project, "init", "-q", "-b", "main")
    git(project, "remote", "add", "origin", REMOTE)
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Regio Voorbeeld")
    return project


def test_the_fork_changes_only_its_own_files(fork: Path) -> None:
    own = {"data/region.yaml", "data/regio/opleidingsfonds_voorbeeldregio.yaml", "docs/regio/index.md",
           "docs/tips/informatieavond-met-de-school.md"}
    example = {str(path.relative_to(EXAMPLE)) for path in EXAMPLE.rglob("*") if path.is_file()}
    assert example == own
    assert not region_of(fork).get("is_national_default")


def test_the_tests_pass_in_the_fork(fork: Path) -> None:
    # The Zensical build of a fork has its own test (tests/site/test_zensical.py); here its PDF would cost a build.
    finished = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "-k", "not zensical_site",
                    *FORK_CHECKS], fork, HB_PYODIDE_SNAPSHOT="0")
    assert finished.returncode == 0, finished.stdout[-6000:] + finished.stderr[-3000:]
    assert " passed" in finished.stdout and "skipped" not in finished.stdout


def test_publish_writes_the_regions_version_with_its_addresses_and_pdf(fork: Path) -> None:
    finished = run(["./tasks", "publish", "2026.1-regio"], fork, HB_PYODIDE_SNAPSHOT="0")
    assert finished.returncode == 0, finished.stderr[-4000:]
    listing = git(fork, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert "versions.json" in listing and "2026.1-regio/handboek-zij-instroom.pdf" in listing
    start = git(fork, "show", "gh-pages:2026.1-regio/index.html")
    assert f'<link rel="canonical" href="{SITE}2026.1-regio/">' in start
    assert "Regio Voorbeeld" in start.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "https://github.com/regio-voorbeeld/zij-instroom-handboek" in start
    assert "example.github.io" not in start and "github.com/example" not in start


def test_publish_without_an_address_stops_before_building(fork: Path, tmp_path: Path) -> None:
    git(fork, "remote", "remove", "origin")
    try:
        finished = run(["./tasks", "publish", "2026.2-regio"], fork)
    finally:
        git(fork, "remote", "add", "origin", REMOTE)
    assert finished.returncode != 0
    assert "Publiceren stopt: het adres van de site is niet bekend" in finished.stderr
    assert "2026.2-regio" not in git(fork, "show", "gh-pages:versions.json")
