"""The planning calculator: hand-checked plans, properties of any plan, holiday warnings and exports."""

from __future__ import annotations

import copy
import datetime as dt
from urllib.parse import unquote

import icalendar
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.planning.exports import ics, phases_csv
from calculators.planning.inputs import fields
from tests.calculators.conftest import REAL
from tests.conftest import ROOT

D = dt.date


def plan(**raw: str):
    outcome = run("planning", REAL, raw)
    assert outcome["status"] == "result", outcome.get("errors")
    return outcome["result"]


def item(result, key: str):
    return next(i for i in result.items if i.key == key)


def test_backward_from_a_september_start() -> None:
    result = plan(bvp_start="2027-09-06", region="midden")
    # Critical path with the default weeks: interest 4 + planning 1 + survey 3 + GP talks 2 + matching 2
    # + GP decision 2 + administration 4 = 18 weeks = 126 days before the BVP.
    assert result.project_start == D(2027, 9, 6) - dt.timedelta(days=126) == D(2027, 5, 3)
    assert (item(result, "bvp").start, item(result, "bvp").end) == (D(2027, 9, 6), D(2027, 10, 17))
    # interest 3-30 May, planning 31 May-6 Jun, survey 7-27 Jun: go/no-go on its last day
    assert item(result, "go_no_go").start == D(2027, 6, 27)
    # GP talks 28 Jun-11 Jul, matching 12-25 Jul, GP decision 26 Jul-8 Aug, administration 9 Aug-5 Sep
    assert item(result, "administration").start == D(2027, 8, 9)
    assert item(result, "administration").end == D(2027, 9, 5)
    milestones = {m.key: m.start for m in result.milestones}
    assert milestones["bbl_start"] == D(2027, 10, 18)  # the day after the BVP: the 'knip'
    assert milestones["probation_end"] == D(2027, 11, 17)  # one month of probation
    assert milestones["year_one_end"] == D(2028, 9, 5)
    assert milestones["diploma"] == D(2029, 9, 5)  # at the latest two years after the start
    # Herfstvakantie Midden 2027 is 16-24 October: the last days of the BVP fall in it.
    assert any("herfstvakantie van regio Midden" in w for w in result.warnings)


def test_forward_from_a_january_start() -> None:
    result = plan(mode="vooruit", project_start="2027-01-04", region="noord")
    assert item(result, "regional_interest").start == D(2027, 1, 4)
    assert item(result, "bvp").start == D(2027, 1, 4) + dt.timedelta(days=126) == D(2027, 5, 10)
    assert item(result, "bvp").end == D(2027, 6, 20)
    assert not any("voorbereiding duurt korter" in w for w in result.warnings)


def raw_summer(region: str) -> tuple[D, D] | None:
    document = yaml.safe_load((ROOT / "data/school_holidays/2027-2028.yaml").read_text(encoding="utf-8"))
    summer = next(h for h in document["holidays"] if h["name"] == "zomer")
    period = summer["regions"].get(region)
    return (D.fromisoformat(period["start"]), D.fromisoformat(period["end"])) if period else None


@pytest.mark.parametrize("region", ["noord", "midden", "zuid"])
def test_a_plan_crossing_the_summer_holiday_of_each_region(region: str) -> None:
    # BVP 21 August - 1 October 2028 crosses the end of summer 2028 in Noord (-27 Aug) and Zuid (-3 Sep).
    result = plan(bvp_start="2028-08-21", region=region)
    first, last = raw_summer(region)
    overlaps = first <= D(2028, 10, 1) and D(2028, 8, 21) <= last
    warned = any("zomervakantie" in w and "BVP" in w for w in result.warnings)
    assert warned == overlaps
    assert (region, warned) in {("noord", True), ("midden", False), ("zuid", True)}
    shown = [h for h in result.holidays if h.name == "zomer" and h.start.year == 2028]
    assert [(h.start, h.end) for h in shown] == [(first, last)]


def test_a_short_lead_time_and_a_short_admin_time_are_warned() -> None:
    result = plan(bvp_start="2027-09-06", weeks_regional_interest="1", weeks_administration="2")
    assert any("korter dan 4 maanden" in w for w in result.warnings)
    assert any("minstens 4 weken" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        ({"mode": "vooruit"}, "project_start", "Vul de startdatum van het project in"),
        ({"bvp_start": ""}, "bvp_start", "Vul de gewenste startdatum van de BVP in"),
        ({"project_start": "2027-03-01", "bvp_start": "2027-02-01"}, "bvp_start", "moet na de start van het project"),
        ({"bvp_start": "2031-01-01"}, "bvp_start", "Kies een datum tussen"),
        ({"weeks_survey": "0"}, "weeks_survey", "minimaal 1 week"),
        ({"weeks_matching": "-2"}, "weeks_matching", "minimaal 1 week"),
        ({"region": "oost"}, "region", "Kies een van de mogelijkheden"),
    ],
)
def test_bad_input_gives_a_message_at_the_field_and_no_chart(raw: dict, field: str, message: str) -> None:
    outcome = run("planning", REAL, raw)
    assert outcome["status"] == "invalid"
    assert message in outcome["errors"][field]


WEEK_FIELDS = [f.name for f in fields(REAL) if f.name.startswith("weeks_")]


@settings(max_examples=60, deadline=None)
@given(
    st.dates(D(2026, 3, 1), D(2028, 8, 31)),
    st.sampled_from(["noord", "midden", "zuid"]),
    st.lists(st.integers(1, 8), min_size=len(WEEK_FIELDS), max_size=len(WEEK_FIELDS)),
)
def test_properties_of_every_plan(bvp_start: D, region: str, weeks: list[int]) -> None:
    raw = {
        "bvp_start": bvp_start.isoformat(),
        "region": region,
        **{f: str(w) for f, w in zip(WEEK_FIELDS, weeks, strict=False)},
    }
    result = plan(**raw)
    by_key = {i.key: i for i in result.items}
    for current in result.items:  # nothing starts before what it follows has ended
        for before in current.after:
            if current.kind == "milestone":
                assert current.start >= by_key[before].end
            else:
                assert current.start > by_key[before].end
    bvp = by_key["bvp"]
    assert bvp.start == bvp_start and (bvp.end - bvp.start).days + 1 == 42  # exactly 6 weeks

    def longest(key: str) -> int:  # days from project start to the end of `key` along its longest chain
        node = by_key[key]
        length = 0 if node.kind == "milestone" else 7 * node.weeks
        return length + max((longest(a) for a in node.after), default=0)

    assert (bvp.start - result.project_start).days == longest("bvp_agreement")


def test_ics_export_parses_and_holds_every_milestone() -> None:
    result = plan(bvp_start="2027-09-06")
    calendar = icalendar.Calendar.from_ical(ics(result))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(result.milestones)
    starts = sorted(event.decoded("DTSTART") for event in events)
    assert starts == sorted(m.start for m in result.milestones)
    assert {str(event.get("SUMMARY")) for event in events} == {m.label for m in result.milestones}
    assert all(len(line.encode()) <= 75 for line in ics(result).split("\r\n"))


def test_csv_export_and_download_links() -> None:
    result = plan(bvp_start="2027-09-06")
    text = phases_csv(result)
    rows = [row.split(";") for row in text.strip().split("\r\n")]
    assert rows[0] == ["fase", "stap", "soort", "begin", "einde", "weken"]
    assert len(rows) == len(result.items) + len(result.after) + 1  # the preparation, then the two study years
    assert ["Tweede opleidingsjaar", "3", "fase", "2028-09-06", "2029-09-05", "52"] in rows
    html = run("planning", REAL, {"bvp_start": "2027-09-06"})["html"]
    assert 'download="planning-zij-instroom.ics"' in html and 'download="planning-zij-instroom.csv"' in html
    link = html.split('download="planning-zij-instroom.csv" href="')[1].split('"')[0]
    assert unquote(link.split(",", 1)[1]) == text


# --- After the start: the programme years, the school block and the yearly applications up to the diploma --------

def test_the_timeline_runs_on_to_the_diploma() -> None:
    result = plan(bvp_start="2027-09-06")
    after = {i.key: i for i in result.after}
    assert (after["programme_year_1"].start, after["programme_year_1"].end) == (D(2027, 9, 6), D(2028, 9, 5))
    assert (after["programme_year_2"].start, after["programme_year_2"].end) == (D(2028, 9, 6), D(2029, 9, 5))
    block = after["year_two_block"]  # the pilot's example: 6 weeks of school at the start of the second year
    assert (block.start, block.end) == (D(2028, 9, 6), D(2028, 10, 17))
    milestones = {m.key: m.start for m in result.milestones}
    assert milestones["start_programme_year_2"] == D(2028, 9, 6)
    assert milestones["diploma"] == after["programme_year_2"].end


def test_a_window_after_each_school_year_until_the_scheme_ends() -> None:
    # BVP May 2027: school years 2026-2027 and 2027-2028 get a praktijkleren window; 2028-2029 (the diploma falls
    # in May 2029) begins on the day the scheme's status is 'ended' (1 August 2028), which a note says.
    result = plan(bvp_start="2027-05-03")
    windows = [(i.label, i.start, i.end) for i in result.after if i.kind == "window"]
    assert windows == [
        ("Subsidieregeling praktijkleren: aanvragen over studiejaar 2026-2027", D(2027, 6, 2), D(2027, 9, 17)),
        ("Subsidieregeling praktijkleren: aanvragen over studiejaar 2027-2028", D(2028, 6, 2), D(2028, 9, 17)),
    ]
    assert len(result.after_notes) == 1
    assert result.after_notes[0].startswith(
        "Subsidieregeling praktijkleren stopt volgens de gegevens van het handboek per 1 augustus 2028. ")
    assert result.after_notes[0].endswith(
        "Over studiejaar 2028-2029 kun je dus niet aanvragen, tenzij de regeling wordt verlengd.")


def test_a_window_the_scheme_lists_is_used_as_known() -> None:
    bundle = copy.deepcopy(REAL)
    bundle["schemes"]["praktijkleren"]["application_windows"].append(
        {"label": "Aanvraag over studiejaar 2027-2028", "opens": "2028-06-05", "closes": "2028-09-15",
         "source": "https://example.org/test", "peildatum": "2026-12-07", "confidence": "high"})
    result = run("planning", bundle, {"bvp_start": "2027-09-06"})["result"]
    milestones = {m.key: m for m in result.milestones}
    assert milestones["praktijkleren_2028_opens"].start == D(2028, 6, 5)
    assert milestones["praktijkleren_2028_closes"].start == D(2028, 9, 15)
    assert milestones["praktijkleren_2028_closes"].label == (
        "Subsidieregeling praktijkleren: laatste dag voor de aanvraag over studiejaar 2027-2028")
    expected = {m.key: m for m in plan(bvp_start="2027-09-06").milestones}["praktijkleren_2028_closes"]
    assert expected.start == D(2028, 9, 17) and expected.label.endswith("(verwacht)")


def test_a_scheme_that_runs_longer_gives_a_window_every_school_year() -> None:
    bundle = copy.deepcopy(REAL)
    status = bundle["schemes"]["praktijkleren"]["status"]
    del status[max(day for day, entry in status.items() if entry["state"] == "ended")]
    result = run("planning", bundle, {"bvp_start": "2027-09-06"})["result"]
    years = [i.label.rsplit(" ", 1)[1] for i in result.after if i.kind == "window"]
    assert years == ["2027-2028", "2028-2029", "2029-2030"] and result.after_notes == ()


def test_a_school_year_without_a_confirmed_scheme_keeps_its_window_with_a_note() -> None:
    bundle = copy.deepcopy(REAL)
    status = bundle["schemes"]["praktijkleren"]["status"]
    ended = max(day for day, entry in status.items() if entry["state"] == "ended")
    status[ended] = {**status[ended], "state": "unconfirmed", "label": "Verlenging niet bevestigd."}
    result = run("planning", bundle, {"bvp_start": "2027-05-03"})["result"]
    years = [i.label.rsplit(" ", 1)[1] for i in result.after if i.kind == "window"]
    assert years == ["2026-2027", "2027-2028", "2028-2029"]
    assert result.after_notes == ("Subsidieregeling praktijkleren: voor studiejaar 2028-2029 is de regeling niet "
                                  "bevestigd (Verlenging niet bevestigd).",)


def test_the_calendar_carries_the_yearly_deadlines() -> None:
    result = plan(bvp_start="2027-05-03")
    events = icalendar.Calendar.from_ical(ics(result)).walk("VEVENT")
    deadlines = sorted((event.decoded("DTSTART"), str(event.get("SUMMARY"))) for event in events
                       if "laatste dag voor de aanvraag" in str(event.get("SUMMARY")))
    assert [day for day, _ in deadlines] == [D(2027, 9, 17), D(2028, 9, 17)]
    assert "studiejaar 2026-2027" in deadlines[0][1]
    starts = [event.decoded("DTSTART") for event in events
              if "Start tweede opleidingsjaar" in str(event.get("SUMMARY"))]
    assert starts == [D(2028, 5, 3)]


def test_the_page_shows_the_timeline_after_the_start_with_its_own_chart_and_table() -> None:
    html = run("planning", REAL, {"bvp_start": "2027-05-03"})["html"]
    assert html.count('<svg class="hb-gantt"') == 2
    assert 'aria-labelledby="hb-gantt-after-title"' in html and html.count('id="hb-gantt-title"') == 1
    after = html.split("<table data-plan-after>", 1)[1].split("</table>", 1)[0]
    assert '<tr data-item="window_praktijkleren_2028">' in after and "aanvraagperiode" in after
    assert "<strong data-cell='diploma'>2 mei 2029</strong>" in html
