"""The strict loader: every real data file validates; each broken fixture fails with file, key and reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook_build.data import DataError, load_data
from tests.conftest import ROOT

BAD = ROOT / "tests" / "fixtures" / "bad_data"

# fixture file -> (key path that must be named, words of the Dutch reason)
BROKEN_FIXTURES = {
    "duplicate_key.yaml": ("regel 9", "sleutel '2024-01-01' staat twee keer"),
    "unknown_key.yaml": ("parameters.hours", "onbekende sleutel: valeus"),
    "non_iso_date.yaml": ("parameters.hours.values", "'01-02-2024' is geen datum in de vorm JJJJ-MM-DD"),
    "impossible_date.yaml": ("parameters.hours.values.2024-02-30", "geen bestaande datum"),
    "unordered_dates.yaml": ("parameters.hours.values", "niet op volgorde"),
    "missing_source.yaml": ("parameters.hours.values.2024-01-01", "verplicht veld ontbreekt: source"),
    "missing_peildatum.yaml": ("parameters.hours.values.2024-01-01", "verplicht veld ontbreekt: peildatum"),
    "negative_amount.yaml": ("parameters.fee.values.2024-01-01.value", "negatief"),
    "unknown_document.yaml": ("parameters.fee.values.2024-01-01.source", "'bestaat-niet' staat niet in"),
    "overlapping_holidays.yaml": ("holidays 2.regions.noord", "overlapt met holidays 1.regions.noord"),
    "end_before_start.yaml": ("holidays 1.regions.zuid", "einddatum 2100-07-08 ligt voor begindatum 2100-08-20"),
    "bad_confidence.yaml": ("parameters.hours.values.2024-01-01.confidence", "kies uit: high, medium, low"),
}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_real_data_validates() -> None:
    bundle = load_data(ROOT / "data")
    assert bundle["parameters"]
    assert bundle["region"]["name"]
    assert bundle["supported_period"]["start"] < bundle["supported_period"]["end"]


def test_every_broken_rule_has_a_fixture() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(BROKEN_FIXTURES)


@pytest.mark.parametrize("fixture", sorted(BROKEN_FIXTURES))
def test_broken_fixture_fails_naming_file_key_and_reason(data_copy: Path, fixture: str) -> None:
    folder = "school_holidays" if "holidays" in fixture or "start" in fixture else "cao"
    shutil.copy2(BAD / fixture, data_copy / folder / fixture)
    with pytest.raises(DataError) as caught:
        load_data(data_copy)
    message = str(caught.value)
    key, reason = BROKEN_FIXTURES[fixture]
    matching = [line for line in message.splitlines() if f"data/{folder}/{fixture}" in line]
    assert matching, message
    assert any(key in line and reason in line for line in matching), message


def test_problems_in_several_files_are_all_reported(data_copy: Path) -> None:
    for fixture in ("negative_amount.yaml", "missing_source.yaml"):
        shutil.copy2(BAD / fixture, data_copy / "cao" / fixture)
    with pytest.raises(DataError) as caught:
        load_data(data_copy)
    assert len(caught.value.problems) == 2


def test_missing_region_file_is_reported(data_copy: Path) -> None:
    (data_copy / "region.yaml").unlink()
    with pytest.raises(DataError, match="data/region.yaml"):
        load_data(data_copy)


def test_every_yaml_file_points_editors_at_its_schema() -> None:
    for path in (ROOT / "data").rglob("*.yaml"):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first_line.split("=", 1)[1].strip()).resolve()
        assert schema.is_file(), f"{path}: {schema} bestaat niet"
