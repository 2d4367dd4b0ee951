"""The static registry: every calculator module meets the protocol; fields are built once per bundle."""

from __future__ import annotations

import copy

from calculators import _registry
from calculators._registry import CALCULATORS, fields_of
from tests.calculators.conftest import REAL


def test_every_entry_provides_the_protocol() -> None:
    assert list(CALCULATORS) == ["kosten", "planning", "matching", "matching-regio"]
    for name, module in CALCULATORS.items():
        assert name == module.NAME and module.TITLE
        assert all(callable(getattr(module, part)) for part in ("fields", "check", "compute", "render"))


def test_fields_are_built_once_per_bundle(monkeypatch) -> None:
    calls = []
    module = CALCULATORS["planning"]
    original = module.fields
    monkeypatch.setattr(module, "fields", lambda bundle: calls.append(1) or original(bundle))
    monkeypatch.setattr(_registry, "_FIELDS", {})
    other = copy.deepcopy(REAL)
    first = fields_of(module, REAL)
    assert fields_of(module, REAL) is first
    _registry.run("planning", REAL, {"region": "zuid"})
    assert len(calls) == 1
    fields_of(module, other)
    assert len(calls) == 2, "another bundle gets its own fields"
