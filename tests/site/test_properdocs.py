"""The near-term fallback: ProperDocs, the maintained continuation of mkdocs 1.x, builds the same site strictly.

ProperDocs is added for this one run (`uv run --with`), not installed in the project's environment: where it is
installed, mike builds every published version with it instead of MkDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook_build.site import site_content
from tests.conftest import ROOT

PROPERDOCS = "properdocs==1.6.7"


def uv() -> list[str]:
    """uv as `./tasks` runs it: `uv run` names itself in $UV; else the uv on PATH or the base Python's `-m uv`."""
    if os.environ.get("UV"):
        return [os.environ["UV"]]
    found = shutil.which("uv")
    return [found] if found else [str(Path(sys.base_prefix) / "bin" / "python3"), "-m", "uv"]


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("properdocs")
    env = {**{k: v for k, v in os.environ.items() if k not in {"HB_PDF", "VIRTUAL_ENV"}}, "HB_PYODIDE_SNAPSHOT": "0"}
    built = subprocess.run(
        [*uv(), "run", "--frozen", "--with", PROPERDOCS, "properdocs", "build", "--strict", "-f", "mkdocs.yml",
         "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, check=False, env=env, timeout=900,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    assert "ProperDocs 1.6.7" in (site / "index.html").read_text(encoding="utf-8")  # the generator meta tag
    return site


def built_page(site: Path, source: str) -> Path:
    target = source.removesuffix(".md")
    return site / (target.removesuffix("index") if target.endswith("index") else target + "/") / "index.html"


def test_properdocs_builds_every_page_with_the_pipeline_outputs(properdocs_site: Path) -> None:
    sources = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    pages = [p for p in sources if not p.startswith("regio/")]
    assert len(pages) >= 60
    missing = [page for page in pages if not built_page(properdocs_site, page).is_file()]
    assert missing == []
    bundle = next((properdocs_site / "assets" / "data").glob("handboek-data.*.json"))
    assert bundle.read_text(encoding="utf-8") == site_content(ROOT).bundle_text
    assert (properdocs_site / "sw.js").is_file()


def test_properdocs_pages_match_the_mkdocs_build(properdocs_site: Path, built_site: Path) -> None:
    cells = re.compile(r'<td data-param="[^"]+" data-from="[^"]+">.*?</td>', re.S)
    for page in ("gegevens/salaris-en-cao", "stappen/stap-5-matching", "rekenhulpen/kosten", "tips"):
        ours = (properdocs_site / page / "index.html").read_text(encoding="utf-8")
        theirs = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert cells.findall(ours) == cells.findall(theirs), page
        assert re.findall(r"<h[12][^>]*>.*?</h[12]>", ours) == re.findall(r"<h[12][^>]*>.*?</h[12]>", theirs), page
        assert ("Laatst bijgewerkt" in ours) and ('id="hb-runtime"' in ours) == ('id="hb-runtime"' in theirs)
