"""The data pages show exactly what the YAML says (read from the built HTML), with sources and marks."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DUTCH_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?")


def dutch_numbers(text: str) -> list[Decimal]:
    return [Decimal(n.replace(".", "").replace(",", ".")) for n in DUTCH_NUMBER.findall(text)]


class CellCollector(HTMLParser):
    """Text of every element that carries a data-* attribute we render, keyed by its attributes."""

    def __init__(self, attribute: str) -> None:
        super().__init__()
        self.attribute = attribute
        self.cells: list[tuple[dict[str, str], str]] = []
        self._stack: list[tuple[dict[str, str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "td" and self.attribute in values:
            self._stack.append((values, []))

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1][1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._stack:
            values, parts = self._stack.pop()
            self.cells.append((values, "".join(parts)))


def cells(site: Path, page: str, attribute: str) -> list[tuple[dict[str, str], str]]:
    collector = CellCollector(attribute)
    collector.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return collector.cells


def raw_yaml(relative: str) -> dict:
    return yaml.load((ROOT / relative).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def yaml_parameters() -> dict[str, dict]:
    """key -> parameter, read straight from the YAML files (not through the loader)."""
    found = {}
    for path in (ROOT / "data").rglob("*.yaml"):
        if "schema" in path.parts:
            continue
        document = raw_yaml(str(path.relative_to(ROOT)))
        stem = ".".join(path.relative_to(ROOT / "data").with_suffix("").parts)
        if document.get("kind") == "parameters":
            for name, param in document["parameters"].items():
                found[f"{stem}.{name}"] = param
        elif document.get("kind") == "scheme":
            for name, param in document.get("amounts", {}).items():
                found[f"schemes.{path.stem}.{name}"] = param
    return found


PARAMS = yaml_parameters()


def expected_numbers(value: object) -> list[Decimal]:
    if isinstance(value, dict) and "percent_by_scale" in value:
        numbers = [Decimal(band["percent"]) for band in value["percent_by_scale"]]
        if "minimum_monthly_amount" in value:
            numbers.append(Decimal(value["minimum_monthly_amount"]))
        return numbers
    if isinstance(value, dict) and "percent_by_age" in value:
        return [Decimal(share) for share in value["percent_by_age"].values()]
    if isinstance(value, str) and value not in {"null", "~", ""}:
        return [Decimal(value)]
    return []


@pytest.mark.parametrize("page", ["gegevens/salaris-en-cao/", "gegevens/subsidiewijzer/"])
def test_every_shown_value_equals_the_yaml(built_site: Path, page: str) -> None:
    shown = cells(built_site, page, "data-param")
    assert shown, "no data cells on the page"
    for attributes, text in shown:
        key, start = attributes["data-param"], attributes["data-from"]
        value = PARAMS[key]["values"][start]["value"]
        if "data-scale" in attributes:
            value = str(value["scales"][attributes["data-scale"]][attributes["data-step"]])
        for number in expected_numbers(value):
            assert number in dutch_numbers(text), f"{key}@{start}: {number} not in {text!r}"
        if isinstance(value, str) and value in {"null", "~"}:
            assert "vervallen" in text


def test_salary_page_shows_every_dated_value_of_its_files(built_site: Path) -> None:
    shown = {(a["data-param"], a["data-from"]) for a, _ in cells(built_site, "gegevens/salaris-en-cao/", "data-param")}
    for key, param in PARAMS.items():
        if key.startswith(("cao.", "employer_costs.", "statutory.")) and not key.endswith("official_table_link"):
            for start in param["values"]:
                assert (key, start) in shown, f"{key}@{start} missing from the page"


def test_values_that_are_not_high_confidence_are_marked_indicative(built_site: Path) -> None:
    for attributes, text in cells(built_site, "gegevens/salaris-en-cao/", "data-param"):
        key, start = attributes["data-param"], attributes["data-from"]
        confidence = PARAMS[key]["values"][start]["confidence"]
        assert ("indicatief" in text) == (confidence != "high"), f"{key}@{start}"


def test_salary_page_says_the_official_tables_are_missing(built_site: Path) -> None:
    html = (built_site / "gegevens/salaris-en-cao/index.html").read_text(encoding="utf-8")
    assert "Volledige salaristabel ontbreekt" in html
    link = raw_yaml("data/cao/salary_tables.yaml")["parameters"]["official_table_link"]["values"]
    url = next(iter(link.values()))["value"]["url"]
    if url.startswith("doc:"):
        url = json.loads((ROOT / "data/source_documents.json").read_text(encoding="utf-8"))["documents"][url[4:]]["url"]
    assert url in html


def test_holiday_page_matches_the_yaml(built_site: Path) -> None:
    shown = cells(built_site, "gegevens/schoolvakanties/", "data-holiday")
    assert shown
    expected = {}
    for path in (ROOT / "data" / "school_holidays").glob("*-*.yaml"):
        for holiday in raw_yaml(str(path.relative_to(ROOT)))["holidays"]:
            for region, period in holiday["regions"].items():
                expected[(holiday["name"], region, period["start"])] = period["end"]
    on_page = {(a["data-holiday"], a["data-region"], a["data-start"]): a["data-end"]
               for a, _ in shown if "data-start" in a}
    assert on_page == expected


def test_scheme_route_overview_matches_the_yaml(built_site: Path) -> None:
    for attributes, text in cells(built_site, "gegevens/subsidiewijzer/", "data-route"):
        scheme = attributes["data-scheme"]  # national schemes in data/schemes/, a region's own in data/regio/
        file = next(f"data/{folder}/{scheme}.yaml" for folder in ("schemes", "regio")
                    if (ROOT / "data" / folder / f"{scheme}.yaml").is_file())
        routes = raw_yaml(file)["routes"]
        assert (text.strip() == "ja") == (attributes["data-route"] in routes)


def test_build_ships_the_validated_bundle_with_a_content_hash(built_site: Path) -> None:
    import hashlib

    from handbook_build.data import bundle_json, load_data

    shipped = list((built_site / "assets" / "data").glob("handboek-data.*.json"))
    assert len(shipped) == 1
    text = shipped[0].read_text(encoding="utf-8")
    assert text == bundle_json(load_data(ROOT / "data"))
    assert shipped[0].name == f"handboek-data.{hashlib.sha256(text.encode()).hexdigest()[:12]}.json"
