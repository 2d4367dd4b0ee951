"""Who does what, contacts and monitoring: the files refer to each other by key, and the loader says when a key is
wrong; the regional contact slots match the region schema and its field reference."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from handbook_build.claims import find_claims
from handbook_build.data import DataError, load_data
from handbook_build.pages import fragments, journey
from handbook_build.tips import STEP_PAGES
from tests.conftest import ROOT, TEST_BUILD_DATE
from tests.regions import NATIONAL_REGION_TEXT, national_data

BUNDLE = national_data()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(data: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_data(data)
    return str(caught.value)


def test_every_step_has_a_phase_and_every_phase_a_lead() -> None:
    roles = BUNDLE["roles"]
    assert sorted(phase["step"] for phase in roles["phases"] if "step" in phase) == sorted(STEP_PAGES)
    for phase in roles["phases"]:
        assert [part["role"] for part in phase["parts"].values()].count("lead") == 1, phase["key"]


def test_rows_follow_the_order_of_the_parties_and_join_the_tasks() -> None:
    phase = next(phase for phase in BUNDLE["roles"]["phases"] if phase.get("step") == 6)
    rows = journey.phase_rows(BUNDLE["roles"], phase)
    order = [party["label"] for party in BUNDLE["roles"]["parties"]]
    assert [who for who, _, _ in rows] == [label for label in order if label in {who for who, _, _ in rows}]
    sbb = next(row for row in rows if row[0] == "SBB")
    assert sbb == ("SBB", "doet mee", "de praktijk beoordelen en erkennen als leerbedrijf")


@pytest.mark.parametrize(
    ("file", "old", "new", "key", "reason"),
    [
        ("roles.yaml", "      sbb:\n        role: does", "      sbbb:\n        role: does",
         "phases 6.parts.sbbb", "onbekende partij 'sbbb'"),
        ("roles.yaml", "    step: 7\n", "    step: 7\n    page: na-de-start/index.md\n",
         "phases 7", "niet bij allebei"),
        ("contacts.yaml", "    party: sbb\n    purpose:", "    party: adviseur\n    purpose:",
         "national 3.party", "onbekende partij 'adviseur'"),
        ("contacts.yaml", "    national: kiesmbo", "    national: kies_mbo",
         "regional_slots 3.national", "onbekende landelijke organisatie 'kies_mbo'"),
        ("monitoring.yaml", "moments: [diploma]", "moments: [diplomering]",
         "indicators 5.moments 1", "onbekend moment 'diplomering'"),
        ("monitoring.yaml", "    assumption: true\n", "",
         "moments 5", "assumption: true"),
    ],
)
def test_a_wrong_key_stops_the_loader_naming_file_key_and_reason(data_copy: Path, file: str, old: str, new: str,
                                                                 key: str, reason: str) -> None:
    rewrite(data_copy / file, old, new)
    lines = [line for line in problems_of(data_copy).splitlines() if f"data/{file}" in line]
    assert any(key in line and reason in line for line in lines), lines


def test_a_second_roles_file_is_refused(data_copy: Path) -> None:
    shutil.copy2(data_copy / "roles.yaml", data_copy / "training" / "roles.yaml")
    assert "er is al een bestand met kind: roles" in problems_of(data_copy)


def national_region(data: Path) -> Path:
    """data/region.yaml of the copy as the national handbook has it (a fork's own file may differ)."""
    path = data / "region.yaml"
    path.write_text(NATIONAL_REGION_TEXT, encoding="utf-8")
    return path


def test_a_regional_contact_must_be_an_organisation_without_an_address(data_copy: Path) -> None:
    rewrite(national_region(data_copy), "contacts: {}",
            "contacts:\n  lhv_regiobureau:\n    - {name: regiobureau@example.nl}")
    message = problems_of(data_copy)
    assert "data/region.yaml: contacts.lhv_regiobureau 1.name" in message
    assert "bevat een teken dat hier niet mag" in message and "@" in message


def test_a_region_cannot_invent_a_contact_slot(data_copy: Path) -> None:
    rewrite(national_region(data_copy), "contacts: {}", "contacts:\n  huisartsenpost: [{name: HAP Noord}]")
    assert "data/region.yaml: contacts.huisartsenpost: onbekende sleutel: huisartsenpost" in problems_of(data_copy)


def test_the_contact_slots_are_the_region_schema_and_the_field_reference() -> None:
    schema = json.loads((ROOT / "data" / "schema" / "region.schema.json").read_text(encoding="utf-8"))
    in_schema = {f"contacts.{name}" for name in schema["properties"]["contacts"]["properties"]}
    slots = {slot["field"] for slot in BUNDLE["contacts"]["regional_slots"]}
    assert slots == in_schema | {"schools"}
    reference = (ROOT / "docs" / "bijdragen" / "eigen-regio.md").read_text(encoding="utf-8")
    row = next(line for line in reference.splitlines() if line.startswith("| `contacts` |"))
    for name in schema["properties"]["contacts"]["properties"]:
        assert f"`{name}`" in row, name


def test_the_national_handbook_names_every_slot_with_where_to_look_meanwhile() -> None:
    text = journey.regional_contacts(BUNDLE, journey.CONTACTS_PAGE)
    assert "landelijke versie" in text and "Nog in te vullen" not in text
    national = {organisation["key"]: organisation for organisation in BUNDLE["contacts"]["national"]}
    for slot in BUNDLE["contacts"]["regional_slots"]:
        organisation = national[slot["national"]]
        assert f"| {slot['label']} | [{organisation['name']}]({organisation['url']}) |" in text


def test_a_fork_lists_exactly_its_empty_slots() -> None:
    region = {**BUNDLE["region"], "is_national_default": False, "name": "Testregio",
              "schools": [{"name": "ROC Test"}],
              "contacts": {"werkgeversservicepunt": [{"name": "WSP Test", "url": "https://wsp.example/"}],
                           "lhv_regiobureau": []}}
    bundle = {**BUNDLE, "region": region}
    text = journey.regional_contacts(bundle, journey.CONTACTS_PAGE)
    filled, missing = text.split("### Nog in te vullen door je regio", 1)
    assert "[WSP Test](https://wsp.example/)" in filled and "ROC Test" in filled
    listed = re.findall(r"^- \*\*(.+?)\*\* \(`(.+?)`\)", missing, re.MULTILINE)
    assert [field for _, field in listed] == ["contacts.lhv_regiobureau", "contacts.sbb_adviseur"]
    full = {**region, "contacts": {"werkgeversservicepunt": [{"name": "a"}], "lhv_regiobureau": [{"name": "b"}],
                                   "sbb_adviseur": [{"name": "c"}]}}
    assert "Alle regionale contacten zijn ingevuld." in journey.regional_contacts({**BUNDLE, "region": full})


def test_the_report_template_marks_the_moments_of_each_indicator() -> None:
    table = journey.report_template(BUNDLE).splitlines()
    moments = BUNDLE["monitoring"]["moments"]
    for indicator, row in zip(BUNDLE["monitoring"]["indicators"], table[2:], strict=True):
        cells = [cell.strip() for cell in row.strip("|").split("|")][1:]
        assert [moment["key"] for moment, cell in zip(moments, cells, strict=True) if cell == "…"] == \
            indicator["moments"]
    after = next(moment for moment in moments if "months_after_diploma" in moment)
    assert f"{after['months_after_diploma']} maanden later, aanname" in table[0]


def test_text_from_these_files_names_no_scheme_against_its_status() -> None:
    # The build's claim check reads docs/ and documents/; rows rendered from data/ get the same check here.
    on = dt.date.fromisoformat(TEST_BUILD_DATE)
    rendered = "\n\n".join([journey.roles_overview(BUNDLE), journey.national_contacts(BUNDLE),
                              journey.regional_contacts(BUNDLE), journey.monitoring_table(BUNDLE),
                              journey.monitoring_moments(BUNDLE)])
    assert find_claims(rendered, "data/roles.yaml", BUNDLE, on) == []


def test_example_region_fills_some_contacts_and_leaves_others_empty() -> None:
    example = yaml.safe_load((ROOT / "examples" / "voorbeeldregio" / "data" / "region.yaml").read_text("utf-8"))
    filled = {name for name, entries in example.get("contacts", {}).items() if entries}
    assert filled and filled != {"werkgeversservicepunt", "lhv_regiobureau", "sbb_adviseur"}


def test_the_macro_names_its_parts_when_asked_for_an_unknown_one() -> None:
    site = SimpleNamespace(bundle=BUNDLE)
    assert fragments.journey_part(site, "roles", 4) == journey.roles_section(BUNDLE, 4)
    with pytest.raises(KeyError, match="onbekend deel 'contact' voor de macro journey; kies uit: roles, "):
        fragments.journey_part(site, "contact")
