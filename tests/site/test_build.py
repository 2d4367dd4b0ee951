"""The strict build: passes, leaves no template syntax behind, dates every page."""

from __future__ import annotations

from pathlib import Path

import pytest


def html_pages(site: Path) -> list[Path]:
    """Every page built from one Markdown file (not 404, not the print page that combines them all)."""
    return [p for p in site.rglob("*.html") if p.name != "404.html" and p.parent.name != "print_page"]


def test_strict_build_produces_start_page(built_site: Path) -> None:
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in index
    assert "Handboek zij-instroom doktersassistent" in index


def test_no_unrendered_template_syntax(built_site: Path) -> None:
    leftovers = [
        str(p.relative_to(built_site))
        for p in html_pages(built_site)
        if "{{" in p.read_text(encoding="utf-8") or "{%" in p.read_text(encoding="utf-8")
    ]
    assert leftovers == []


def test_every_page_shows_last_updated_date(built_site: Path) -> None:
    missing = [
        str(p.relative_to(built_site))
        for p in html_pages(built_site)
        if "Laatst bijgewerkt" not in p.read_text(encoding="utf-8")
    ]
    assert missing == []


@pytest.mark.parametrize("page", ["index.html", "stappen/stap-5-matching/index.html"])
def test_pages_have_an_edit_link(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert "/edit/main/docs/" in html


def test_every_front_matter_is_valid_yaml() -> None:
    """MkDocs silently drops front matter it cannot parse (and with it `template:` and `description:`)."""
    import yaml

    from tests.conftest import ROOT

    broken = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            try:
                meta = yaml.safe_load(text[4:].split("\n---\n", 1)[0])
            except yaml.YAMLError as error:
                broken.append(f"{page.relative_to(ROOT)}: {str(error).splitlines()[0]}")
                continue
            if not isinstance(meta, dict):
                broken.append(f"{page.relative_to(ROOT)}: geen blok met sleutels")
    assert broken == []


def test_calculator_pages_use_the_calculator_template(built_site: Path) -> None:
    for page in (built_site / "rekenhulpen").iterdir():
        html = (page / "index.html").read_text(encoding="utf-8")
        assert 'id="hb-runtime"' in html, page.name
