"""Matching calculators for step 5: a checklist for one practice ("matching") and regional matching ("matching-regio").

The lead registers them in calculators._registry; both follow the same protocol as calculators.cost.
"""

from __future__ import annotations

from calculators._registry import Calculator


def checklist_calculator() -> Calculator:
    """One practice, candidate A and optionally candidate B: every criterion, an advice and which fits better."""
    from calculators.matching import checklist, checks, inputs, view

    return Calculator(
        name="matching",
        title="Matchingslijst: past deze kandidaat bij deze praktijk?",
        fields=inputs.fields,
        check=checks.check,
        compute=lambda bundle, values: checklist.compute(bundle, inputs.to_input(values)),
        render=view.render_checklist,
    )


def regional_calculator() -> Calculator:
    """Candidates and practices from two CSV files: up to k proposals per practice, best total fit."""
    from calculators.matching import regional, regional_inputs, view

    return Calculator(
        name="matching-regio",
        title="Regionale matching van kandidaten en praktijken",
        fields=regional_inputs.fields,
        check=regional.check,
        compute=regional.compute,
        render=view.render_regional,
    )
