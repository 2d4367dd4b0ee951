"""A region's own data: its region file and its schemes, checked as strictly as the national data, with
messages a coordinator can act on (Dutch advice for YAML slips, list positions counted from 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from calculators.cost.inputs import fields
from handbook_build.data import DataError, load_data
from tests.conftest import ROOT
from tests.regions import EXAMPLE, NATIONAL_REGION, NATIONAL_REGION_TEXT, as_national, is_fork

EXAMPLE_DATA = EXAMPLE / "data"


@pytest.fixture
def fork_data(tmp_path: Path) -> Path:
    """data/ of a fork made from the example: the national data with the example's region file and scheme."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    shutil.rmtree(target / "regio", ignore_errors=True)
    shutil.copytree(EXAMPLE_DATA, target, dirs_exist_ok=True)
    return target


def problems_with(data: Path, old: str, new: str, file: str = "region.yaml") -> list[str]:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(data)
    return [str(problem) for problem in caught.value.problems]


# --- The region's defaults for the cost calculator ------------------------------------------------------------


def test_the_examples_defaults_are_accepted(fork_data: Path) -> None:
    bundle = load_data(fork_data)
    assert bundle["region"]["cost_defaults"] == {"hours_per_week": 32, "supervision_hours_per_week": 3}


def test_an_unknown_cost_default_names_file_key_and_the_allowed_keys(fork_data: Path) -> None:
    found = problems_with(fork_data, "  hours_per_week: 32", "  hours_per_wek: 32")
    assert len(found) == 1
    assert found[0].startswith("data/region.yaml: cost_defaults.hours_per_wek: onbekende sleutel: hours_per_wek; "
                               "de kostenrekenhulp kent: ")
    allowed = found[0].split("de kostenrekenhulp kent: ", 1)[1].split(", ")
    assert allowed == [spec.name for spec in fields(as_national(load_data(ROOT / "data")))]
    assert "hours_per_week" in allowed and "monthly_salary" in allowed


@pytest.mark.parametrize(("value", "message"), [
    ("achtentwintig", "'achtentwintig' kan niet: Vul een getal in, bijvoorbeeld 24 of 2.500,50."),
    ("80", "80 kan niet: Vul hoogstens 38 uur in."),
    ("8", "8 kan niet: Een BBL-traject vraagt minimaal 16 uur per week (advies: 24)."),
])
def test_a_cost_default_the_form_refuses_fails_with_the_fields_own_message(fork_data: Path, value: str,
                                                                            message: str) -> None:
    found = problems_with(fork_data, "  hours_per_week: 32", f"  hours_per_week: {value}")
    assert found == [f"data/region.yaml: cost_defaults.hours_per_week: {message}"]


def test_a_choice_default_lists_what_may_be_chosen(fork_data: Path) -> None:
    found = problems_with(fork_data, "  hours_per_week: 32", "  deprived_area: misschien")
    assert found == ["data/region.yaml: cost_defaults.deprived_area: 'misschien' kan niet: Kies een van de "
                     "mogelijkheden bij praktijk in een achterstandswijk. (mogelijk: ja, nee)"]


def test_a_start_date_outside_the_data_fails_with_the_calculators_rule(fork_data: Path) -> None:
    found = problems_with(fork_data, "  hours_per_week: 32", '  start_date: "2031-01-05"')
    assert len(found) == 1
    assert found[0].startswith("data/region.yaml: cost_defaults.start_date: '2031-01-05' kan niet: Kies een "
                               "startdatum tussen ")


# --- Messages a coordinator can act on ------------------------------------------------------------------------


def test_a_yaml_slip_says_in_dutch_what_to_do_with_its_line(fork_data: Path) -> None:
    found = problems_with(fork_data, "name: Voorbeeldregio", "name: Regio: Voorbeeld")
    assert len(found) == 1 and found[0].startswith("data/region.yaml: regel ")
    assert "geen geldige YAML: er staat een dubbele punt (:) in een waarde" in found[0]
    assert 'tussen aanhalingstekens, bijvoorbeeld name: "Regio: Twente"' in found[0]
    line = int(found[0].split("regel ", 1)[1].split(":", 1)[0])
    assert "Regio: Voorbeeld" in (fork_data / "region.yaml").read_text(encoding="utf-8").splitlines()[line - 1]


def test_a_tab_gets_its_own_advice(fork_data: Path) -> None:
    found = problems_with(fork_data, "  hours_per_week: 32", "\thours_per_week: 32")
    assert "er staat een tab; gebruik spaties om in te springen" in found[0]


def test_positions_in_a_list_count_from_one(fork_data: Path) -> None:
    found = problems_with(fork_data, "- {name: Werkgeversservicepunt Voorbeeldregio,",
                          "- {naam: Werkgeversservicepunt Voorbeeldregio,")
    assert ("data/region.yaml: organisations 3.naam: onbekende sleutel: naam (typfout? zie de tabel met velden in "
            "docs/bijdragen/eigen-regio.md)") in found
    guide = (ROOT / "docs" / "bijdragen" / "eigen-regio.md").read_text(encoding="utf-8")
    assert f"  - {found[0]}" in guide  # the page shows a real message
    assert "data/region.yaml: organisations 3.name: verplicht veld ontbreekt: name" in found


# --- Regional schemes ---------------------------------------------------------------------------------------


def test_a_regional_scheme_is_marked_and_a_national_copy_leaves_it_out(fork_data: Path) -> None:
    bundle = load_data(fork_data)
    scheme = bundle["schemes"]["opleidingsfonds_voorbeeldregio"]
    assert scheme["regional"] and scheme["file"] == "data/regio/opleidingsfonds_voorbeeldregio.yaml"
    assert not any(s["regional"] for key, s in bundle["schemes"].items() if key != "opleidingsfonds_voorbeeldregio")
    national = as_national(bundle)
    assert "opleidingsfonds_voorbeeldregio" not in national["schemes"]
    assert national["region"]["name"] == "Nederland" and set(national["schemes"]) < set(bundle["schemes"])


def test_a_regional_scheme_may_not_take_a_national_schemes_name(fork_data: Path) -> None:
    shutil.copy2(fork_data / "schemes" / "praktijkleren.yaml", fork_data / "regio" / "praktijkleren.yaml")
    with pytest.raises(DataError) as caught:
        load_data(fork_data)
    assert any("er is al een regeling met de naam 'praktijkleren'" in str(p) for p in caught.value.problems)


def test_only_schemes_belong_in_the_regional_folder(fork_data: Path) -> None:
    shutil.copy2(fork_data / "cao" / "periods.yaml", fork_data / "regio" / "periods.yaml")
    with pytest.raises(DataError) as caught:
        load_data(fork_data)
    assert [str(p) for p in caught.value.problems] == [
        "data/regio/periods.yaml: kind: in data/regio/ horen alleen regionale regelingen (kind: scheme), direct "
        "in die map"]


# --- The example, as a region copies it ---------------------------------------------------------------------


def test_the_examples_schema_lines_work_where_the_files_are_copied_to() -> None:
    for path in EXAMPLE_DATA.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        relative = first.split("$schema=", 1)[1]
        destination = ROOT / "data" / path.relative_to(EXAMPLE_DATA)
        assert (destination.parent / relative).resolve().is_file(), (path, relative)


def test_the_national_region_is_the_one_the_tests_compare_with() -> None:
    assert yaml.safe_load(NATIONAL_REGION_TEXT) == NATIONAL_REGION
    if not is_fork(ROOT):
        assert (ROOT / "data" / "region.yaml").read_text(encoding="utf-8") == NATIONAL_REGION_TEXT
