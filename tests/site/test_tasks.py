"""`./tasks` on a machine that is not Debian: serve and build use no Debian-only command (macOS has shasum, not
sha256sum, and no apt-get)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import ROOT

DEBIAN_ONLY = {"sha256sum", "apt-get", "apt", "dpkg"}


def path_without_debian_tools(folder: Path) -> str:
    """A PATH with every command of this machine except the Debian-only ones, as links in `folder`."""
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            target = folder / entry.name
            if entry.name not in DEBIAN_ONLY and not target.exists() and os.access(entry.path, os.X_OK):
                target.symlink_to(entry.path)
    return str(folder)


def test_build_runs_without_debian_only_commands(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": path_without_debian_tools(tmp_path / "bin")}
    finished = subprocess.run(["./tasks", "build", "--help"], cwd=ROOT, env=env, capture_output=True, text=True,
                              check=False, timeout=300)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert "Usage: mkdocs build" in finished.stdout
    assert "command not found" not in finished.stderr


def test_build_and_serve_take_the_generator_as_an_option() -> None:
    for command in ("build", "serve"):
        finished = subprocess.run(["./tasks", command, "--zensical", "--help"], cwd=ROOT, capture_output=True,
                                  text=True, check=False, timeout=300)
        assert finished.returncode == 0, finished.stderr[-2000:]
        assert "usage: python -m handbook_build.zensical" in finished.stdout
    assert "Usage: mkdocs serve" in subprocess.run(["./tasks", "serve", "--help"], cwd=ROOT, capture_output=True,
                                                   text=True, check=False, timeout=300).stdout
