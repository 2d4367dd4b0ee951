"""Lazy parts of the cost answer (calculators/_parts.py): a live render leaves collapsed blocks and downloads out,
and each part asked for later is exactly what the full render (build time, print, no JavaScript) shows."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from calculators import _browser
from calculators._parts import TextFile
from calculators._registry import evaluate, get
from calculators.cost.view import render_part
from handbook_build.data import load_data
from handbook_build.data.loader import bundle_json
from tests.calculators.conftest import REAL
from tests.cases.key_figures import key_figures
from tests.conftest import ROOT

OPEN = {}  # the route questions unanswered: three routes side by side
CHOSEN = {"uwv_benefit": "nee", "from_other_job": "ja"}  # route SSFH


def rendered(raw: dict, expanded: frozenset[str] | None) -> tuple[str, object]:
    outcome = evaluate(get("kosten"), REAL, raw, expanded)
    assert outcome["status"] == "result", outcome.get("errors")
    return outcome["html"], outcome["result"]


def part_keys(html: str) -> list[str]:
    return re.findall(r'data-part="([^"]+)"', html)


@pytest.mark.parametrize(("raw", "keys"), [
    (OPEN, ["months:uwv", "months:ssfh", "months:regulier"]),
    (CHOSEN, ["cash-table", "compare"]),
])
def test_a_live_render_leaves_every_collapsed_part_empty_and_makes_no_files(raw: dict, keys: list[str]) -> None:
    live, _ = rendered(raw, frozenset())
    full, _ = rendered(raw, None)
    assert part_keys(live) == part_keys(full) == keys
    for key in keys:
        assert re.search(rf'<details[^>]* data-part="{key}" data-part-empty><summary>[^<]*</summary></details>', live)
    assert "data:text" not in live and "data:text/calendar" in full
    files = re.findall(r'data-part-file="([^"]+)"', live)
    assert files and all(re.fullmatch(r"(ics|csv):(uwv|ssfh|regulier)", key) for key in files)
    assert len(live) < len(full) / 2


@pytest.mark.parametrize("raw", [OPEN, CHOSEN])
def test_each_part_is_what_the_full_render_shows_in_its_place(raw: dict) -> None:
    full, result = rendered(raw, None)
    for key in part_keys(full):
        body = re.search(rf'data-part="{key}"><summary>[^<]*</summary>(.*?)</details>(?=<section|<details|</section>|'
                         r"<div class=.hb-calc|<details class=.hb-calc__assumptions)", full, re.S)
        assert body, key
        part = render_part(result, key)
        assert isinstance(part, str) and len(part) > 1000
        if key == "compare":  # the other routes' downloads are buttons once the block is asked for live
            assert part.startswith('<div class="hb-table"') and "data-part-file" in part
        else:
            assert part == body.group(1)


def test_an_open_part_stays_open_and_in_full_in_the_next_live_render() -> None:
    live, result = rendered(CHOSEN, frozenset({"cash-table"}))
    block = re.search(
        r'<details class="hb-cost__months" data-part="cash-table" open><summary>[^<]*</summary>(.*?)</details>',
        live,
        re.S,
    )
    assert block and block.group(1) == render_part(result, "cash-table")
    assert re.search(r'data-part="compare" data-part-empty>', live)


def test_a_download_part_is_the_file_the_full_render_links_to() -> None:
    full, result = rendered(CHOSEN, None)
    for kind, media_type in (("ics", "text/calendar"), ("csv", "text/csv")):
        file = render_part(result, f"{kind}:regulier")
        assert isinstance(file, TextFile)
        assert file.name == f"aanvraagplan-regulier.{kind}" and file.media_type == media_type
        link = rf'download="aanvraagplan-regulier\.{kind}" href="data:{media_type};charset=utf-8,([^"]+)"'
        href = re.search(link, full)
        assert unquote(href.group(1)) == file.text


def test_the_worker_entry_answers_parts_and_refuses_an_unknown_key() -> None:
    _browser.load(bundle_json(load_data(ROOT / "data")))
    defaults = {f["name"]: f["default"] for f in json.loads(_browser.fields_json("kosten"))}
    raw = json.dumps({**defaults, **CHOSEN})
    live = json.loads(_browser.run_json("kosten", raw, "[]"))
    assert live["status"] == "result" and 'data-part="compare" data-part-empty' in live["html"]
    full = json.loads(_browser.run_json("kosten", raw))
    assert 'data-part="compare"><summary>' in full["html"]
    compare = json.loads(_browser.part_json("kosten", raw, "compare"))
    assert compare["status"] == "result" and "Vergelijking van de routes over 24 maanden" in compare["html"]
    ics = json.loads(_browser.part_json("kosten", raw, "ics:uwv"))
    assert ics["status"] == "text" and ics["name"] == "aanvraagplan-uwv.ics"
    assert ics["text"].startswith("BEGIN:VCALENDAR")
    # Another input than the last run is computed afresh, with the same Dutch messages as a run.
    bad_input = json.dumps({**defaults, "hours_per_week": "x"})
    bad = json.loads(_browser.part_json("kosten", bad_input, "compare"))
    assert bad["status"] == "invalid" and "hours_per_week" in bad["errors"]
    with pytest.raises(KeyError):
        _browser.part_json("kosten", raw, "months:nergens")


@pytest.mark.parametrize("extra", [CHOSEN, {"uwv_benefit": "ja"}, {**CHOSEN, "freelance_hourly_rate": "40"}])
def test_a_chosen_route_computes_alone_and_shows_the_figures_of_the_full_answer(extra: dict) -> None:
    live_html, live = rendered(extra, frozenset())
    full_html, full = rendered(extra, None)
    chosen = full.chosen_route
    regular = full.routes[-1].route
    wanted = {chosen} | ({regular} if "freelance_hourly_rate" in extra else set())
    assert {route.route for route in live.routes} == wanted
    assert next(r for r in live.routes if r.route == chosen) == next(r for r in full.routes if r.route == chosen)
    shown = key_figures({"status": "result", "html": live_html})["figures"]
    everything = key_figures({"status": "result", "html": full_html})["figures"]
    assert shown and all(everything[key] == value for key, value in shown.items())
    # Asking for the comparison computes every route again.
    _, compared = rendered(extra, frozenset({"compare"}))
    assert [route.route for route in compared.routes] == [route.route for route in full.routes]
