"""The strict loader for data/: YAML without surprises, JSON Schema, semantic checks, one bundle."""

from handbook_build.data.loader import BUNDLE_FORMAT, build_date, bundle_json, load_data
from handbook_build.data.schema import document_validator, schema_problems, validation_problems
from handbook_build.data.yaml_reading import StrictLoader, read_yaml
from handbook_build.problems import DataError, DataProblem

__all__ = [
    "BUNDLE_FORMAT", "DataError", "DataProblem", "StrictLoader", "build_date", "bundle_json", "document_validator",
    "load_data", "read_yaml", "schema_problems", "validation_problems",
]
