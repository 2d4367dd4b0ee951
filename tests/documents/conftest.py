"""Fixtures of the document kit: the data bundle of the national build and of the example region."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from handbook_build.site import load_site_data
from tests.conftest import ROOT
from tests.regions import EXAMPLE, as_national

EXAMPLE_REGION = EXAMPLE / "data" / "region.yaml"


@pytest.fixture(scope="session")
def national_bundle() -> dict:
    """The national handbook's bundle, also in a region's fork (tests/regions.py)."""
    return as_national(load_site_data(ROOT))


@pytest.fixture
def example_bundle(national_bundle: dict) -> dict:
    """The bundle as the Voorbeeldregio's fork sees it (only the region differs)."""
    bundle = copy.deepcopy(national_bundle)
    region = yaml.safe_load(EXAMPLE_REGION.read_text(encoding="utf-8"))
    bundle["region"] = {**region, "file": "data/region.yaml"}
    return bundle


def region_file() -> Path:
    return EXAMPLE_REGION
