"""Cost versus subsidy calculator ("kosten"): inputs, model and page rendering."""

from __future__ import annotations


def cost_calculator():
    from calculators._registry import Calculator
    from calculators.cost import checks, inputs, model, view

    return Calculator(
        name="kosten",
        title="Kosten en subsidies van een BBL-zij-instromer",
        fields=inputs.fields,
        check=checks.check,
        compute=lambda bundle, values: model.compute(bundle, inputs.to_input(values)),
        render=view.render_result,
    )
