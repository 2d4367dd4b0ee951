"""Planning calculator ("planning"): the project timeline from the playbook, with school holidays."""

from __future__ import annotations


def planning_calculator():
    from calculators._registry import Calculator
    from calculators.planning import checks, inputs, model, view

    return Calculator(
        name="planning",
        title="Planning van het project",
        fields=inputs.fields,
        check=checks.check,
        compute=model.plan,
        render=view.render,
    )
