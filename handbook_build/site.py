"""Everything the pages need from data/ and docs/tips/, loaded and validated once per change.

Zensical calls the macros module's `define_env` for every page, and `mkdocs serve` rebuilds on every save, so the
content is cached per project folder and keyed on a fingerprint of the files it comes from (names, sizes and
modification times: a stat walk of a few hundred files, not a parse). A change in data/ or a tip reloads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calculators import Parameters, load_bundle
from handbook_build.data import bundle_json, load_data
from handbook_build.pages import region as regional
from handbook_build.tips import Tip, load_tips

# Folders whose files the content is made from (relative to the project folder; docs/ parts to docs_dir).
DATA_FOLDER = "data"


@dataclass(frozen=True)
class SiteContent:
    """The validated data bundle, the tips and the regional pages of one project, as the pages use them."""

    project_dir: Path
    docs_dir: Path
    bundle_text: str  # the JSON bundle shipped to the browser (handboek-data.<hash>.json)
    bundle: dict[str, Any]  # the same bundle as the calculators read it (Decimal numbers)
    tips: tuple[Tip, ...]
    region_pages: tuple[tuple[str, str], ...]  # (docs-relative path, title) of docs/regio/*.md
    parameters: Parameters = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parameters", Parameters(self.bundle))

    @property
    def region(self) -> Mapping[str, Any]:
        return self.bundle["region"]

    def tip_at(self, page: str) -> Tip | None:
        """The tip whose source is `page` (docs-relative, e.g. 'tips/x.md'), if any."""
        return next((tip for tip in self.tips if tip.url == page), None)


def _files(folder: Path) -> Iterator[Path]:
    return (path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else iter(())


def fingerprint(project_dir: Path, docs_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of every file the content is made from."""
    folders = (project_dir / DATA_FOLDER, docs_dir / "tips", docs_dir / regional.REGION_FOLDER)
    return tuple(sorted((str(path), (stat := path.stat()).st_size, stat.st_mtime_ns)
                        for folder in folders for path in _files(folder)))


def load_site_content(project_dir: Path, docs_dir: Path | None = None) -> SiteContent:
    """Load and validate without a cache (raises DataError, or TipError for the tips)."""
    docs_dir = docs_dir or project_dir / "docs"
    text = bundle_json(load_data(project_dir / DATA_FOLDER))
    return SiteContent(
        project_dir=project_dir,
        docs_dir=docs_dir,
        bundle_text=text,
        bundle=load_bundle(text),
        tips=tuple(load_tips(docs_dir, project_dir / DATA_FOLDER)),
        region_pages=tuple(regional.regional_pages(docs_dir)),
    )


_cache: dict[tuple[Path, Path], tuple[tuple, SiteContent]] = {}


def site_content(project_dir: Path, docs_dir: Path | None = None) -> SiteContent:
    """The project's content, loaded again only when one of its files changed."""
    project_dir = project_dir.resolve()
    docs_dir = (docs_dir or project_dir / "docs").resolve()
    key, stamp = (project_dir, docs_dir), fingerprint(project_dir, docs_dir)
    cached = _cache.get(key)
    if cached is None or cached[0] != stamp:
        _cache[key] = (stamp, load_site_content(project_dir, docs_dir))
    return _cache[key][1]


def load_site_data(project_dir: Path) -> dict[str, Any]:
    """The validated data bundle as the calculators read it (Decimal numbers), e.g. for tests and benchmarks."""
    return site_content(project_dir).bundle
