"""Calculators for the zij-instroom handbook: pure standard-library Python, run at build time and in Pyodide."""

from calculators._parameters import (
    DatedValue,
    Parameter,
    ParameterError,
    Parameters,
    load_bundle,
)

__all__ = ["DatedValue", "Parameter", "ParameterError", "Parameters", "load_bundle"]
