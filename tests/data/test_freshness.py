"""The freshness report: valid-until, flags, usage and the build's warning about default values."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from handbook_build.data import load_data
from handbook_build.freshness.page import render_status_page
from handbook_build.freshness.status import (
    FLAG_CARRIED,
    FLAG_EXPIRED,
    FLAG_LOW,
    FLAG_STALE,
    add_months,
    entry_end,
    expiring_defaults,
    flags_for,
    status_rows,
    unplanned_default_ends,
)
from handbook_build.freshness.usage import calculators_using_defaults, find_usage
from tests.conftest import ROOT
from tools import data_status

BUNDLE = load_data(ROOT / "data")
TODAY = dt.date(2026, 12, 1)
PFZW_RATE = "employer_costs.pension_pfzw.premium_rate"


@pytest.fixture(scope="module")
def rows() -> dict[str, list]:
    found: dict[str, list] = {}
    for row in status_rows(BUNDLE, TODAY, ROOT):
        found.setdefault(row.key, []).append(row)
    return found


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 12, 1), 6) == dt.date(2027, 6, 1)


def test_end_of_a_value_comes_from_valid_until_then_the_next_value_then_covered_until() -> None:
    param = {"values": [{"from": "2025-01-01"}, {"from": "2026-01-01", "valid_until": "2026-12-31"}]}
    assert entry_end(param, 0) == (dt.date(2025, 12, 31), "volgende waarde")
    assert entry_end(param, 1) == (dt.date(2026, 12, 31), "vastgesteld")
    assert entry_end({"values": [{"from": "2020-01-01"}], "covered_until": "2024-12-31"}, 0) == (
        dt.date(2024, 12, 31), "gegevens t/m")
    assert entry_end({"values": [{"from": "2020-01-01"}]}, 0) == (None, "geen einddatum bekend")


def test_flags_for_expiry_confidence_and_age() -> None:
    assert flags_for(dt.date(2027, 5, 31), TODAY, "high", TODAY) == ("verloopt binnen 6 maanden",)
    assert flags_for(dt.date(2027, 6, 2), TODAY, "high", TODAY) == ()
    assert flags_for(dt.date(2026, 11, 30), TODAY, "high", TODAY) == (FLAG_EXPIRED,)
    assert flags_for(None, dt.date(2025, 11, 30), "low", TODAY) == (FLAG_LOW, FLAG_STALE)
    assert flags_for(None, dt.date(2025, 12, 1), "medium", TODAY) == ()


def test_the_2026_pension_premium_is_listed_with_its_end_source_date_and_users(rows: dict) -> None:
    [row] = rows[PFZW_RATE]
    assert row.valid_until == dt.date(2026, 12, 31)
    assert row.peildatum == dt.date(2026, 12, 1)
    assert row.confidence == "high"
    assert row.calculators == ("kosten",) and row.defaults == ("kosten",)
    assert "gegevens/salaris-en-cao.md" in row.pages and "rekenhulpen/kosten.md" in row.pages
    # The 2027 premium was not found: the value is carried forward on purpose, and the report says so.
    assert row.flags == ("verloopt binnen 6 maanden", FLAG_CARRIED)
    assert row.carried_forward.startswith("De premie voor 2027 is niet gevonden.")


def test_a_premium_year_with_a_next_year_is_not_flagged(rows: dict) -> None:
    """A value with its own end (a premium year) that a later value follows hands over, it does not run out."""
    current, following = rows["employer_costs.insurance_premiums.aof_low"]
    assert current.valid_until == dt.date(2026, 12, 31) and current.has_next
    assert current.flags == () and following.start == dt.date(2027, 1, 1)


def test_no_value_behind_a_default_ends_before_april_2027_without_a_successor_or_a_carried_forward_note() -> None:
    today = dt.date(2026, 12, 7)
    rows = status_rows(BUNDLE, today, ROOT)
    assert unplanned_default_ends(rows, dt.date(2027, 3, 31)) == []
    carried = {row.key for row in rows if row.defaults and row.carried_forward}
    assert {"employer_costs.insurance_premiums.zvw_employer_levy", "employer_costs.insurance_premiums.max_premium_wage",
            "training.bbl.course_fee_level_3_4"} <= carried


def test_a_value_without_a_successor_or_a_note_is_reported() -> None:
    bundle = copy.deepcopy(BUNDLE)
    del bundle["parameters"]["employer_costs.insurance_premiums.zvw_employer_levy"]["values"][-1]["carried_forward"]
    rows = status_rows(bundle, dt.date(2026, 12, 7), ROOT)
    assert [row.key for row in unplanned_default_ends(rows, dt.date(2027, 3, 31))] == [
        "employer_costs.insurance_premiums.zvw_employer_levy"]
    summary = data_status.defaults_summary(rows, dt.date(2027, 3, 31))
    assert "1 zonder afspraak" in summary[0] and "zvw_employer_levy" in summary[1]


def test_a_value_with_a_known_successor_is_not_flagged_as_expiring(rows: dict) -> None:
    current = [r for r in rows["cao.wage_increases.structural_increase"] if r.start <= TODAY][0]
    assert current.valid_until_basis == "volgende waarde"
    assert "verloopt binnen 6 maanden" not in current.flags


def test_superseded_values_are_left_out_and_facts_and_holidays_are_in(rows: dict) -> None:
    assert [r.start for r in rows[PFZW_RATE]] == [dt.date(2026, 1, 1)]
    assert FLAG_LOW in rows["facts.labour_market.vacancy_rate_assistant_percent"][0].flags
    assert rows["facts.shortage_figures.azw_people_in_gp_care"][0].pages == ("bijlagen/stap-1/e-tekortcijfers.md",
                                                                            "over/context.md")
    holidays = rows["school_holidays.2028-2029"][0]
    assert holidays.valid_until == dt.date(2029, 9, 6) and holidays.confidence == "high"
    assert "planning" in holidays.calculators
    assert "school_holidays.2024-2025" not in rows


def test_usage_is_found_in_calculator_code_and_page_macros() -> None:
    usage = find_usage(BUNDLE, ROOT)
    assert "kosten" in usage.calculators["schemes.uwv_loonkostenvoordeel.banenafspraak_per_hour"]
    assert "gegevens/subsidiewijzer.md" in usage.pages["schemes.praktijkleren.max_per_place"]
    assert "planning" in usage.calculators["training.bbl.bvp_weeks"]


def test_defaults_trace_records_what_each_calculator_reads() -> None:
    used = calculators_using_defaults(BUNDLE)
    assert "kosten" in used[PFZW_RATE]
    assert "planning" not in used[PFZW_RATE]
    assert "planning" in used["planning.phases"]


def test_expiring_defaults_names_value_file_and_calculator() -> None:
    messages = expiring_defaults(BUNDLE, TODAY)
    rate = [m for m in messages if PFZW_RATE in m]
    assert rate == [
        "data/employer_costs/pension_pfzw.yaml: employer_costs.pension_pfzw.premium_rate ('Pensioenpremie PFZW "
        "(totaal)') geldt tot en met 2026-12-31 en wordt daarna doorgetrokken (carried_forward); de rekenhulp kosten "
        "gebruikt deze waarde bij de standaardinvoer. Voeg een nieuwe waarde toe zodra die bekend is."
    ]
    assert expiring_defaults(BUNDLE, dt.date(2026, 8, 1)) == []  # more than three months before the end


def test_expiring_defaults_is_quiet_once_a_new_value_is_added() -> None:
    bundle = copy.deepcopy(BUNDLE)
    values = bundle["parameters"][PFZW_RATE]["values"]
    values.append({**values[-1], "from": "2027-01-01", "valid_until": "2027-12-31"})
    assert not any(PFZW_RATE in m for m in expiring_defaults(bundle, TODAY))


def test_command_short_form_lists_only_flagged_values(capsys: pytest.CaptureFixture[str]) -> None:
    assert data_status.main(["--short", "--today", "2026-12-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Actualiteit van de gegevens op 2026-12-01:")
    assert any(PFZW_RATE in line and "verloopt binnen 6 maanden" in line for line in lines[1:])
    assert not any("cao.function_scales.doktersassistent_a" in line for line in lines)


def test_maintainer_page_marks_flagged_values() -> None:
    html = render_status_page(BUNDLE, TODAY, ROOT)
    assert f'data-status-key="{PFZW_RATE}" data-flagged="true"' in html
    assert 'data-status-key="cao.function_scales.doktersassistent_a" data-flagged="false"' in html
    assert "Stand op 1 december 2026" in html


def test_expiring_defaults_reads_the_calculators_bundle_too() -> None:
    """The build holds the JSON bundle with Decimals; the warning must not depend on which form it gets."""
    from calculators import load_bundle
    from handbook_build.data import bundle_json

    assert expiring_defaults(load_bundle(bundle_json(BUNDLE)), TODAY) == expiring_defaults(BUNDLE, TODAY)
