"""The one problem type of the build: a file, a key (or line) in it, and a Dutch reason.

Data files, tips and the build steps all report through it, so every failure reads the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators._problems import key_path

__all__ = ["BuildError", "DataError", "DataProblem", "key_path"]


class BuildError(Exception):
    """The build cannot go on; the message says why, in Dutch."""


@dataclass(frozen=True)
class DataProblem:
    """One thing wrong in one file (a data file in data/ or a tip in docs/tips/)."""

    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key or '(bestand)'}: {self.reason}"


class DataError(BuildError):
    """Files in data/ or docs/tips/ are not valid; the message lists every problem found."""

    def __init__(self, problems: list[DataProblem], what: str = "de gegevens", help_page: str = "") -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        where_to_look = f"\nWat je bij elke melding doet, staat in {help_page}." if help_page else ""
        super().__init__(f"Fout in {what} ({len(problems)}):\n{lines}{where_to_look}")
