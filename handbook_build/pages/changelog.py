"""The "Wat is er veranderd" page from data/changelog.yaml (plain functions, no MkDocs import)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from calculators._format import long_date

KIND_LABELS = {
    "tekst": "Tekst",
    "gegevens": "Gegevens",
    "rekenhulp": "Rekenhulp",
    "tip": "Tips",
    "techniek": "Techniek",
}


def render_changelog(releases: list[Mapping[str, Any]]) -> str:
    lines = []
    for release in releases:
        day = dt.date.fromisoformat(release["date"])
        lines += [
            f"## {release['version']}: {release['title']} {{ #versie-{release['version'].replace('.', '-')} }}",
            "",
            f"Uitgegeven op {long_date(day)}.",
            "",
        ]
        for change in release["changes"]:
            extra = []
            if change.get("valid_from"):
                extra.append(f"geldig vanaf {long_date(dt.date.fromisoformat(change['valid_from']))}")
            if change.get("source"):
                extra.append(f"[bron: {urlsplit(change['source']).netloc.removeprefix('www.')}]({change['source']})")
            suffix = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"- **{KIND_LABELS[change['kind']]}**: {' '.join(change['text'].split())}{suffix}")
        lines.append("")
    return "\n".join(lines)
