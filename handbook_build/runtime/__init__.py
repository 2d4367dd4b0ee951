"""The browser runtime's files: self-hosted Pyodide, the calculators zip, the data bundle and the memory snapshot."""

from handbook_build.runtime.artifacts import (
    Artifacts,
    RuntimeBuildError,
    build_artifacts,
    calculators_zip,
)

__all__ = ["Artifacts", "RuntimeBuildError", "build_artifacts", "calculators_zip"]
