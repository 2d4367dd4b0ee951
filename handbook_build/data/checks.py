"""Checks a JSON Schema cannot express: real calendar dates, order, overlapping periods, periods inside a year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from handbook_build.problems import DataProblem, key_path


def _parse_date(text: str, display: str, key: str, problems: list[DataProblem]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        problems.append(DataProblem(display, key, f"'{text}' is geen bestaande datum (JJJJ-MM-DD)"))
        return None


def _check_dates_in(node: Any, display: str, path: str, problems: list[DataProblem]) -> None:
    """Every ISO-looking date anywhere in the document must be a real calendar date."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and len(key) == 10 and key[4:5] == "-" and key[:4].isdigit():
                _parse_date(key, display, child, problems)
            _check_dates_in(value, display, child, problems)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _check_dates_in(value, display, key_path(path, index), problems)
    elif isinstance(node, str) and len(node) == 10 and node[4:5] == "-" and node[:4].isdigit() and node[7:8] == "-":
        _parse_date(node, display, path, problems)


def date_problems(document: Any, display: str) -> list[DataProblem]:
    """Every ISO-looking date in `document` that is not a real calendar date (also used for tips)."""
    problems: list[DataProblem] = []
    _check_dates_in(document, display, "", problems)
    return problems


def _check_parameter(param: dict, display: str, path: str, problems: list[DataProblem]) -> None:
    dates = list(param["values"])
    if dates != sorted(dates):
        problems.append(DataProblem(display, f"{path}.values", "ingangsdata staan niet op volgorde (oud naar nieuw)"))
    covered_until = param.get("covered_until")
    if covered_until and dates and covered_until < dates[-1]:
        problems.append(DataProblem(display, f"{path}.covered_until", "ligt voor de laatste ingangsdatum"))


def _check_status(status: dict, display: str, path: str, problems: list[DataProblem]) -> None:
    dates = list(status)
    if dates != sorted(dates):
        problems.append(DataProblem(display, path, "statusdata staan niet op volgorde (oud naar nieuw)"))


def check_periods(periods: list[tuple[str, str, str]], display: str, problems: list[DataProblem]) -> None:
    """(key, start, end) periods: end not before start, and no overlap between consecutive periods."""
    for key, start, end in periods:
        if end < start:
            problems.append(DataProblem(display, key, f"einddatum {end} ligt voor begindatum {start}"))
    ordered = sorted(periods, key=lambda period: period[1])
    for (key_a, _, end_a), (key_b, start_b, _) in zip(ordered, ordered[1:], strict=False):
        if start_b <= end_a:
            problems.append(DataProblem(display, key_b, f"periode overlapt met {key_a}"))


def semantic_problems(document: dict, display: str) -> list[DataProblem]:
    problems: list[DataProblem] = []
    _check_dates_in(document, display, "", problems)
    if problems:
        return problems
    kind = document["kind"]
    if kind == "parameters":
        for name, param in document["parameters"].items():
            _check_parameter(param, display, f"parameters.{name}", problems)
    elif kind == "routes":
        for number, route in enumerate(document["routes"]):
            for index, item in enumerate(route.get("funding_check", [])):
                if item.get("status"):
                    _check_status(item["status"], display,
                                  f"{key_path('routes', number, 'funding_check', index)}.status", problems)
    elif kind == "scheme":
        _check_status(document["status"], display, "status", problems)
        for name, param in document.get("amounts", {}).items():
            _check_parameter(param, display, f"amounts.{name}", problems)
        windows = [
            (key_path("application_windows", i), w["opens"], w["closes"])
            for i, w in enumerate(document.get("application_windows", []))
        ]
        check_periods(windows, display, problems)
    elif kind == "changelog":
        releases = document["releases"]
        dates = [release["date"] for release in releases]
        if dates != sorted(dates, reverse=True):
            problems.append(DataProblem(display, "releases", "uitgaven staan niet op volgorde (nieuwste eerst)"))
        versions = [release["version"] for release in releases]
        for index, version in enumerate(versions):
            if version in versions[:index]:
                problems.append(
                    DataProblem(display, key_path("releases", index, "version"),
                                f"versie {version} staat er twee keer in")
                )
    elif kind == "school_holidays":
        first, last = document["first_day"], document["last_day"]
        check_periods([("last_day", first, last)], display, problems)
        for region in sorted({key for holiday in document["holidays"] for key in holiday["regions"]}):
            periods = []
            for index, holiday in enumerate(document["holidays"]):
                if region in holiday["regions"]:
                    period = holiday["regions"][region]
                    key = key_path("holidays", index, "regions", region)
                    periods.append((key, period["start"], period["end"]))
                    if not (first <= period["start"] and period["end"] <= last):
                        problems.append(DataProblem(display, key, f"valt buiten {first} t/m {last}"))
            check_periods(periods, display, problems)
    return problems
