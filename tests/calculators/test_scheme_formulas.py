"""Scheme formulas: every cash scheme names a known formula, or the data does not load (file and key named)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from calculators._holidays import holiday_regions
from calculators._routes import routes
from calculators.cost.formulas import FORMULAS, scheme_problems
from handbook_build.data import DataError, load_data
from tests.calculators.conftest import REAL
from tests.conftest import ROOT


def test_every_scheme_in_data_has_a_known_formula_or_is_in_kind() -> None:
    assert scheme_problems(REAL) == []
    for scheme in REAL["schemes"].values():
        assert scheme.get("formula") in FORMULAS or scheme["benefit"] == "in_kind", scheme["file"]


def test_routes_and_regions_come_from_data_in_their_order() -> None:
    assert list(holiday_regions(REAL)) == ["noord", "midden", "zuid"]
    assert [route.key for route in routes(REAL)] == ["uwv", "ssfh", "regulier"]
    assert [route.practice_pays_salary_during_bvp for route in routes(REAL)] == [False, False, True]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def problems_after(data_dir: Path, scheme: str, old: str, new: str) -> list[str]:
    path = data_dir / "schemes" / f"{scheme}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(data_dir)
    return [str(problem) for problem in caught.value.problems]


def test_a_cash_scheme_without_a_formula_fails_the_build(data_copy: Path) -> None:
    found = problems_after(data_copy, "stagefonds_zorg", "formula: not_priced\n", "")
    assert found == [
        "data/schemes/stagefonds_zorg.yaml: formula: een regeling met geld (benefit: cash) noemt haar rekenregel; "
        f"kies uit: {', '.join(sorted(FORMULAS))}"
    ]


def test_an_unknown_formula_fails_the_build(data_copy: Path) -> None:
    found = problems_after(data_copy, "praktijkleren", "formula: praktijkleren", "formula: praktijkleren_v2")
    assert len(found) == 1 and found[0].startswith(
        "data/schemes/praktijkleren.yaml: formula: onbekende rekenregel 'praktijkleren_v2'"
    )


def test_an_unknown_route_fails_the_build(data_copy: Path) -> None:
    found = problems_after(data_copy, "uwv_no_riskpolis", "routes: [uwv]", "routes: [uwv, gemeente]")
    assert found == [
        "data/schemes/uwv_no_riskpolis.yaml: routes 2: onbekende route 'gemeente'; kies uit: uwv, ssfh, regulier"
    ]


def test_a_new_scheme_is_one_yaml_file(data_copy: Path) -> None:
    """A new cash scheme with existing arithmetic: copy a file, give it its own title and names (a name belongs to
    one scheme), name the formula, and it is counted."""
    source = (data_copy / "schemes" / "uwv_scholingsbudget_ww.yaml").read_text(encoding="utf-8")
    assert "aliases: [scholingsbudget WW, scholingsbudget]" in source
    (data_copy / "schemes" / "regio_opleidingsfonds.yaml").write_text(
        source.replace("title: Scholingsbudget WW", "title: Regionaal opleidingsfonds")
        .replace("aliases: [scholingsbudget WW, scholingsbudget]", "aliases: [opleidingsfonds]"), encoding="utf-8"
    )
    from calculators import run

    outcome = run("kosten", load_data(data_copy), {})
    assert outcome["status"] == "result"
    titles = {route.route: route.scheme_titles for route in outcome["result"].routes}
    assert titles["uwv"]["regio_opleidingsfonds"] == "Regionaal opleidingsfonds"
    uwv = next(route for route in outcome["result"].routes if route.route == "uwv")
    assert uwv.total.subsidies["regio_opleidingsfonds"] == uwv.total.subsidies["uwv_scholingsbudget_ww"]
