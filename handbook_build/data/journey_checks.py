"""Checks on who-does-what, contacts and monitoring that a schema cannot express: keys that refer to each other.

The three files name parties (data/roles.yaml), national organisations and moments by key; a typo in such a key
would silently drop a row from a page, so the loader reports it with file, key path and a Dutch reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from handbook_build.problems import DataProblem, key_path


def _duplicates(items: Iterable[Mapping[str, Any]], file: str, where: str) -> list[DataProblem]:
    seen: set[str] = set()
    problems = []
    for index, item in enumerate(items):
        if item["key"] in seen:
            problems.append(DataProblem(file, key_path(where, index, "key"),
                                        f"sleutel '{item['key']}' staat er twee keer in"))
        seen.add(item["key"])
    return problems


def _unknown(value: str, known: Iterable[str], file: str, where: str, what: str) -> list[DataProblem]:
    """`what` says what is unknown, in Dutch with its article form: 'onbekende partij', 'onbekend moment'."""
    known = list(known)
    if value in known:
        return []
    return [DataProblem(file, where, f"{what} '{value}'; kies uit: {', '.join(known)}")]


def _role_problems(roles: Mapping[str, Any]) -> list[DataProblem]:
    file = roles["file"]
    parties = [party["key"] for party in roles["parties"]]
    problems = _duplicates(roles["parties"], file, "parties") + _duplicates(roles["phases"], file, "phases")
    for index, phase in enumerate(roles["phases"]):
        if ("step" in phase) == ("page" in phase):
            problems.append(DataProblem(file, key_path("phases", index),
                                        "een fase hoort bij een stap (step) of bij een pagina (page), niet bij "
                                        "allebei en niet bij geen van beide"))
        for party in phase["parts"]:
            problems += _unknown(party, parties, file, key_path("phases", index, "parts", party), "onbekende partij")
    return problems


def _contact_problems(contacts: Mapping[str, Any], parties: list[str]) -> list[DataProblem]:
    file = contacts["file"]
    national = [organisation["key"] for organisation in contacts["national"]]
    problems = _duplicates(contacts["national"], file, "national")
    problems += _duplicates(contacts["regional_slots"], file, "regional_slots")
    for index, organisation in enumerate(contacts["national"]):
        problems += _unknown(organisation["party"], parties, file, key_path("national", index, "party"),
                             "onbekende partij")
    for index, slot in enumerate(contacts["regional_slots"]):
        problems += _unknown(slot["party"], parties, file, key_path("regional_slots", index, "party"),
                             "onbekende partij")
        problems += _unknown(slot["national"], national, file, key_path("regional_slots", index, "national"),
                             "onbekende landelijke organisatie")
    return problems


def _monitoring_problems(monitoring: Mapping[str, Any], parties: list[str]) -> list[DataProblem]:
    file = monitoring["file"]
    moments = [moment["key"] for moment in monitoring["moments"]]
    problems = _duplicates(monitoring["moments"], file, "moments") + _duplicates(monitoring["indicators"], file,
                                                                                 "indicators")
    for index, indicator in enumerate(monitoring["indicators"]):
        for position, moment in enumerate(indicator["moments"]):
            problems += _unknown(moment, moments, file, key_path("indicators", index, "moments", position),
                                 "onbekend moment")
    for index, party in enumerate(monitoring["report_to"]):
        problems += _unknown(party, parties, file, key_path("report_to", index), "onbekende partij")
    for index, moment in enumerate(monitoring["moments"]):
        if "months_after_diploma" in moment and not (moment.get("assumption") and moment.get("note")):
            problems.append(DataProblem(file, key_path("moments", index),
                                        "een getal zonder bron is een aanname: zet assumption: true en leg het uit "
                                        "in note"))
    return problems


def journey_problems(bundle: Mapping[str, Any]) -> list[DataProblem]:
    """Problems across data/roles.yaml, data/contacts.yaml and data/monitoring.yaml (all three are loaded)."""
    roles = bundle["roles"]
    parties = [party["key"] for party in roles["parties"]]
    return [*_role_problems(roles), *_contact_problems(bundle["contacts"], parties),
            *_monitoring_problems(bundle["monitoring"], parties)]
