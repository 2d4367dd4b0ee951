"""The two kinds of project the tests run in: the national handbook and a region's fork of it.

The suite must pass in both (a fork publishes only when its tests pass). National assertions (golden figures, the
national title, the placeholders of the national letters) run against a national copy: in the national project
that is the project itself, in a fork a copy without the region's own files. Regional behaviour runs against the
region at hand: in a fork its own region, in the national project the example region applied to a copy, exactly
as docs/bijdragen/eigen-regio.md tells a region to do.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from handbook_build.data.loader import REGIONAL_FOLDER
from handbook_build.pages.region import REGION_FOLDER
from handbook_build.tip_checks import load_tip_regions, validate_tip_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "voorbeeldregio"  # a fork's own files, in the project's own folders

# data/region.yaml of the national handbook (test_regions checks the national project holds exactly this).
NATIONAL_REGION: dict[str, Any] = {
    "kind": "region",
    "name": "Nederland",
    "is_national_default": True,
    "holiday_region": "midden",
    "organisations": [],
    "schools": [],
    "contacts": {},
    "cost_defaults": {},
}
NATIONAL_REGION_TEXT = (
    "# yaml-language-server: $schema=schema/region.schema.json\n"
    "# The one data file a regional fork edits (docs/bijdragen/eigen-regio.md explains the whole fork workflow).\n"
    "# These are the neutral national defaults: no regional content is shown while is_national_default is true.\n"
    + yaml.safe_dump(NATIONAL_REGION, allow_unicode=True, sort_keys=False, default_flow_style=None)
)


def region_of(project: Path) -> dict[str, Any]:
    """The project's data/region.yaml as written."""
    return yaml.safe_load((project / "data" / "region.yaml").read_text(encoding="utf-8"))


def is_fork(project: Path = ROOT) -> bool:
    """True when the project is a region's own version (its region file is not the national default)."""
    return not region_of(project).get("is_national_default", False)


def apply_example(project: Path) -> None:
    """Make `project` the example region's fork: copy the example's folders over it, as the docs say (over a
    national copy, so a fork's own tips and pages do not meet the example's region)."""
    make_national(project)
    shutil.copytree(EXAMPLE, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))


def make_national(project: Path) -> None:
    """Turn a fork's copy into the national handbook: the national region file, without the region's own pages,
    data and tips (a tip whose region the national list does not know is the region's own)."""
    (project / "data" / "region.yaml").write_text(NATIONAL_REGION_TEXT, encoding="utf-8")
    for folder in (project / "docs" / REGION_FOLDER, project / "data" / REGIONAL_FOLDER):
        shutil.rmtree(folder, ignore_errors=True)
    regions = load_tip_regions(project / "data")
    for tip in sorted((project / "docs" / "tips").glob("*.md")):
        if tip.name != "index.md" and any(p.key == "region" for p in validate_tip_file(tip, regions)):
            tip.unlink()


def as_national(bundle: dict[str, Any]) -> dict[str, Any]:
    """A copy of a data bundle as the national handbook has it: the national region, no regional schemes."""
    national = copy.deepcopy(bundle)
    national["region"] = {**NATIONAL_REGION, "file": "data/region.yaml"}
    regional = {key for key, scheme in national["schemes"].items() if scheme.get("regional")}
    national["schemes"] = {key: scheme for key, scheme in national["schemes"].items() if key not in regional}
    national["parameters"] = {key: param for key, param in national["parameters"].items()
                              if not any(key.startswith(f"schemes.{scheme}.") for scheme in regional)}
    return national


def national_data(root: Path = ROOT) -> dict[str, Any]:
    """The loader's bundle of `root` as the national handbook has it (as_national), e.g. for the golden cases."""
    from handbook_build.data import load_data

    return as_national(load_data(root / "data"))
