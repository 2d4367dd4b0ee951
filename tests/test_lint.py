"""The code keeps the project's lint rules (ruff, configured in pyproject.toml): a failure names file, line and rule."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import ROOT


def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff")
    assert ruff, "ruff ontbreekt: ./tasks test installeert het met de groep dev"
    finished = subprocess.run([ruff, "check", "--output-format", "concise", "--no-cache", str(ROOT)],
                              capture_output=True, text=True, cwd=ROOT, check=False)
    assert finished.returncode == 0, finished.stdout + finished.stderr
