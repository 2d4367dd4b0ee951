"""The scaffold command tools/new_tip.py: writes a tip that passes the checks, refuses bad input, never overwrites."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from handbook_build.pages.fragments import tip_template
from handbook_build.tip_checks import TEMPLATE_BODY
from handbook_build.tips import load_regions, load_tips, validate_tip_file
from tests.conftest import ROOT
from tests.tips.test_tips import DATA, DOCS, FIXED_HEADINGS


@pytest.fixture(scope="module")
def regions() -> list[str]:
    return load_regions(DATA)


def new_tip_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("new_tip", ROOT / "tools" / "new_tip.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scaffold_writes_a_valid_tip(tmp_path: Path, regions: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    new_tip = new_tip_module()
    docs = tmp_path / "docs"
    argv = ["--title", "Eén plek, twee praktijken: 'samen' opleiden", "--region", "Haaglanden",
            "--steps", "6", "5", "--author", "Zorggroep in de regio", "--tags", "hagro", "BBL",
            "--date", "2026-11-25", "--docs-dir", str(docs)]
    assert new_tip.main(argv) == 0
    path = docs / "tips" / "een-plek-twee-praktijken-samen-opleiden.md"
    assert capsys.readouterr().out.strip().endswith("tips/een-plek-twee-praktijken-samen-opleiden.md")
    assert validate_tip_file(path, regions) == []
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta == {"title": "Eén plek, twee praktijken: 'samen' opleiden", "region": "Haaglanden",
                    "steps": [5, 6], "date": "2026-11-25", "author": "Zorggroep in de regio", "tags": ["hagro", "BBL"]}
    assert [line for line in text.splitlines() if line.startswith("## ")] == FIXED_HEADINGS
    tip = load_tips(docs, DATA)[0]
    assert (tip.slug, tip.steps, tip.example) == ("een-plek-twee-praktijken-samen-opleiden", (5, 6), False)

    assert new_tip.main(argv) == 1  # never overwrites
    assert "bestaat al" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("change", "message"), [
    (["--region", "Atlantis"], "Onbekende regio 'Atlantis'"),
    (["--steps", "9"], "Stap 9 bestaat niet"),
    (["--author", "<b>Zorggroep</b>"], "author: mag geen HTML"),
    (["--date", "2026-02-30"], "geen bestaande datum"),
])
def test_scaffold_refuses_bad_input_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: list[str], message: str
) -> None:
    argv = ["--title", "Tip", "--region", "Landelijk", "--steps", "5", "--author", "Zorggroep",
            "--docs-dir", str(tmp_path / "docs"), *change]
    assert new_tip_module().main(argv) == 1
    assert message in capsys.readouterr().err
    assert not list((tmp_path / "docs").rglob("*.md"))


def test_scaffold_runs_as_a_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "new_tip.py"), "--title", "Via de opdrachtregel", "--region",
         "Landelijk", "--steps", "1", "--author", "Redactie", "--docs-dir", str(tmp_path / "docs")],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "tips" / "via-de-opdrachtregel.md").is_file()


def test_skeleton_in_the_guide_is_the_scaffold() -> None:
    guide = (DOCS / "bijdragen" / "tip-schrijven.md").read_text(encoding="utf-8")
    assert "{{ tip_template() }}" in guide  # the page shows the one template (handbook_build.tip_checks)
    skeleton = tip_template().split("```markdown", 1)[1].split("```", 1)[0]
    assert skeleton.endswith(TEMPLATE_BODY)
    assert [line for line in skeleton.splitlines() if line.startswith("## ")] == FIXED_HEADINGS
    assert new_tip_module().TEMPLATE_BODY is TEMPLATE_BODY
