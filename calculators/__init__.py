"""Calculators for the zij-instroom handbook: pure standard-library Python, run at build time and in Pyodide."""

from calculators._parameters import (
    DatedValue,
    Parameter,
    ParameterError,
    Parameters,
    load_bundle,
)
from calculators._registry import CALCULATORS, embed, run

__all__ = ["CALCULATORS", "DatedValue", "Parameter", "ParameterError", "Parameters", "embed", "load_bundle", "run"]
