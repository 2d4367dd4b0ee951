"""When each page's Markdown file last changed, from git: the "Laatst bijgewerkt" line of every page.

One `git log` over docs/ gives every file's newest commit, as mkdocs-git-revision-date-localized took it: the author
date, on the calendar of Europe/Amsterdam; a commit that renames a file does not count, and the file's history
continues under its old name (git's --follow). A file git does not know (outside a checkout, a tarball, a copy,
or not committed yet) gets the build date instead.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Amsterdam")


def last_changes(docs_dir: Path) -> dict[str, dt.date]:
    """Docs-relative path -> the day of its newest commit, for every file under `docs_dir` that git knows."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=docs_dir, capture_output=True,
                             text=True, check=False, timeout=30)
        if top.returncode != 0:
            return {}
        log = subprocess.run(
            ["git", "-c", "core.quotePath=false", "log", "--format=%x00%at", "--name-status", "-M",
             "--no-show-signature", "--relative", "--", "."],
            cwd=docs_dir, capture_output=True, text=True, check=False, timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if log.returncode != 0:
        return {}
    days: dict[str, dt.date] = {}
    later_name: dict[str, str] = {}  # a file's earlier name -> its name today
    for commit in log.stdout.split("\x00")[1:]:  # newest first: the first commit seen is a file's last change
        stamp, *changes = commit.strip().splitlines()
        day = dt.datetime.fromtimestamp(int(stamp), TIMEZONE).date()
        for change in changes:
            status, *paths = change.split("\t")
            if not paths:
                continue
            if status.startswith("R"):  # renamed: not a change of its own, and older commits count for the new name
                later_name[paths[0]] = later_name.get(paths[1], paths[1])
                continue
            name = paths[-1]
            days.setdefault(later_name.get(name, name), day)
    return days
