"""Two published versions side by side with mike: the version selector's data and each version's own data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_project

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}
SSFH_FILE = "data/employer_costs/ssfh_contribution.yaml"


def run(args: list[str], cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV, "HB_VERSION_PROVIDER": "mike", "HB_PYODIDE_SNAPSHOT": "0"}
    finished = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, f"{' '.join(args)}\n{finished.stdout}\n{finished.stderr[-3000:]}"
    return finished.stdout


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository in which version 2022 and version 2026.1 (alias latest) were deployed with mike."""
    project = copy_project(tmp_path_factory.mktemp("versions") / "project")
    mike = [str(Path(sys.executable).parent / "mike")]  # mike has no `python -m` entry point
    run(["git", "init", "-q", "-b", "main"], project)
    run(["git", "add", "-A"], project)
    run(["git", "commit", "-qm", "edition 2022"], project)
    run([*mike, "deploy", "--branch", "gh-pages", "2022"], project)
    # The newer edition changes one value: each version must keep the data it was published with.
    data = project / SSFH_FILE
    data.write_text(data.read_text(encoding="utf-8").replace("value: 0.5\n", "value: 0.45\n"), encoding="utf-8")
    run(["git", "commit", "-qam", "edition 2026.1"], project)
    run([*mike, "deploy", "--branch", "gh-pages", "--update-aliases", "2026.1", "latest"], project)
    run([*mike, "set-default", "--branch", "gh-pages", "latest"], project)
    return project


def show(project: Path, path: str) -> str:
    return run(["git", "show", f"gh-pages:{path}"], project)


def test_version_selector_lists_both_versions(published: Path) -> None:
    versions = json.loads(show(published, "versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("2026.1", ["latest"]), ("2022", [])]
    assert "latest" in show(published, "index.html")  # the default redirect


def test_each_version_has_its_pages_and_the_selector_provider(published: Path) -> None:
    for version in ("2022", "2026.1"):
        html = show(published, f"{version}/stappen/stap-5-matching/index.html")
        assert "Stap 5" in html
        assert '"provider": "mike"' in html


def test_each_version_shows_and_ships_its_own_data(published: Path) -> None:
    def shown(version: str) -> str:
        html = show(published, f"{version}/gegevens/salaris-en-cao/index.html")
        cell = re.search(
            r'data-param="employer_costs.ssfh_contribution.contribution_rate" data-from="2025-01-01">([^<]*)', html
        )
        return cell.group(1)

    assert shown("2022").startswith("0,5 %")
    assert shown("2026.1").startswith("0,45 %")
    listing = run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], published)
    bundles = {line.split("/")[0]: line for line in listing.splitlines() if "handboek-data." in line}
    assert set(bundles) == {"2022", "2026.1"} and bundles["2022"].split("/")[-1] != bundles["2026.1"].split("/")[-1]
