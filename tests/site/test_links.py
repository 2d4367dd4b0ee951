"""Broken internal links and anchors fail the strict build with a message naming the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def add_page_to_nav(project: Path, fixture: str) -> str:
    """Copy a fixture page into docs/ and list it in the nav, so only its links can fail the build."""
    target = f"test-{fixture}"
    shutil.copy2(FIXTURES / fixture, project / "docs" / target)
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    nav_line = "\nnav:\n"
    assert nav_line in text
    config_path.write_text(text.replace(nav_line, f"{nav_line}  - Test: {target}\n", 1), encoding="utf-8")
    return target


def test_copy_outside_git_builds_with_build_date_fallback(regional_site: Path) -> None:
    # The session's regional site is such a copy (tests/conftest.py: copy_project has no .git), built strictly.
    assert "Laatst bijgewerkt" in (regional_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("broken_link.md", "../bestaat-niet.md"),
        ("broken_anchor.md", "#kop-die-niet-bestaat"),
    ],
)
def test_broken_internal_reference_fails_build_naming_the_page(
    tmp_path: Path, fixture: str, expected: str
) -> None:
    project = copy_project(tmp_path / "project")
    page = add_page_to_nav(project, fixture)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    offending = [line for line in result.stderr.splitlines() if "WARNING" in line and expected in line]
    assert offending, result.stderr
    assert page in offending[0]
