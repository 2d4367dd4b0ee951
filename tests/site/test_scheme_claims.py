"""No page or document names a scheme as available while its data says it is unconfirmed or has ended.

The check (handbook_build/claims.py) runs in the pipeline's `check` before any page is rendered. The fixtures in
tests/fixtures/claims/ hold the sentences of step 6, bijlage 6A and letter 3 of 5B as they stood before the scheme
statuses: they must fail, each with file, line and scheme, and the same words must pass once they carry a status.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from handbook_build.claims import ClaimError, check_claims, find_claims, texts
from handbook_build.pipeline import Pipeline
from tests.calculators.conftest import REAL
from tests.conftest import ROOT, TEST_BUILD_DATE, copy_project

FIXTURES = ROOT / "tests" / "fixtures" / "claims"
TODAY = dt.date.fromisoformat(TEST_BUILD_DATE)


def problems(name: str, on: dt.date = TODAY) -> list[tuple[int, str]]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [(problem.line, problem.scheme) for problem in find_claims(text, name, REAL, on)]


def test_the_old_step_6_and_6a_sentences_fail_with_line_and_scheme() -> None:
    assert problems("stap-6-zoals-in-2022.md") == [
        (10, "ssfh_bbl_zij_instroom"),  # "binnen het budget van dat jaar"
        (11, "ssfh_bbl_zij_instroom"),  # the table cell "SSFH betaalt de BVP in het eerste studiejaar"
        (14, "uwv_scholingsbudget_ww"),  # "kent UWV elk jaar een scholingsbudget WW toe"
        (17, "ssfh_bbl_zij_instroom"),  # the bold list item
        (20, "sectorplanplus"),  # listed among the schemes a GP "kan aanvragen"
        (23, "ssfh_bbl_zij_instroom"),  # 6A: "en betaalt in het eerste studiejaar de BVP"
    ]


def test_letter_3_as_it_was_fails() -> None:
    assert problems("brief-3-zoals-in-2022.md") == [(11, "ssfh_bbl_zij_instroom"), (12, "ssfh_bbl_zij_instroom")]


def test_the_check_follows_the_status_date() -> None:
    # In mid-2024 the SSFH pilot and SectorplanPlus were open: only the scholingsbudget sentence remains.
    assert problems("stap-6-zoals-in-2022.md", dt.date(2024, 7, 1)) == [(14, "uwv_scholingsbudget_ww")]
    assert problems("brief-3-zoals-in-2022.md", dt.date(2024, 7, 1)) == []


def test_history_questions_hedges_levies_and_status_written_through_data_pass() -> None:
    assert problems("zonder-bewering.md") == []


def test_a_status_of_another_scheme_does_not_cover_a_claim() -> None:
    text = 'SSFH betaalt de BVP {{ scheme_status("praktijkleren") }}.\n'
    found = find_claims(text, "x.md", REAL, TODAY)
    assert [(p.file, p.line, p.scheme) for p in found] == [("x.md", 1, "ssfh_bbl_zij_instroom")]
    assert str(found[0]) == ('x.md:1: ssfh_bbl_zij_instroom (niet bevestigd sinds 1 januari 2025): '
                             '"SSFH betaalt de BVP ."')


def test_the_handbook_itself_passes() -> None:
    check_claims(ROOT, REAL, TODAY)
    assert any(file.startswith("documents/") for file, _ in texts(ROOT))


def test_the_build_check_fails_naming_file_line_and_scheme(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "stappen" / "stap-6-regelzaken.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", "SSFH betaalt de BVP in het eerste studiejaar.", ""]), encoding="utf-8")
    with pytest.raises(ClaimError) as caught:
        Pipeline.for_project(project).check()
    message = str(caught.value)
    where = f"docs/stappen/stap-6-regelzaken.md:{len(lines) + 2}: ssfh_bbl_zij_instroom (niet bevestigd sinds"
    assert where in message
    assert "scheme_claim" in message
    # The same check after another generator (Zensical): python -m handbook_build.
    result = subprocess.run([sys.executable, "-m", "handbook_build", "--check"], cwd=project, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1 and where in result.stderr and "Traceback" not in result.stderr
