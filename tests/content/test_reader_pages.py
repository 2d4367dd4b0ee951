"""Readers who do not use GitHub: no GitHub words on the pages they read, and one page that takes a tip or a
correction by e-mail or on GitHub (docs/over/tip-of-correctie.md, with overrides/assets/javascripts/tip-form.js).

GitHub words stay on the contributor pages (docs/bijdragen/), which are for people who work on the handbook.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from handbook_build.data.schema import document_validator
from handbook_build.reader_text import plain, prose_lines
from tests.conftest import ROOT
from tests.content.reader_sources import page_lines, page_paths

TIP_PAGE = "docs/over/tip-of-correctie.md"
GITHUB_WORDS = re.compile(r"pull[ -]?requests?|\bissues?\b|\brepositor(?:y|ies)\b|\bforks?\b|\bGitHub\b|\bcommit\b",
                          re.IGNORECASE)
# Pages that may name GitHub, each with its reason.
ALLOWED = {TIP_PAGE: "offers the GitHub route beside the e-mail, by name"}


def github_words(path: str) -> list[str]:
    return [f"{path}:{number}: '{hit.group(0)}'" for number, line in page_lines(path)
            for hit in GITHUB_WORDS.finditer(line)]


def test_no_github_words_on_pages_readers_read() -> None:
    found = [hit for path in page_paths() if path not in ALLOWED for hit in github_words(path)]
    assert found == []


def github_words_in(page: Path) -> list[str]:
    return [f"{page}: '{hit.group(0)}'" for _, line in prose_lines(page.read_text(encoding="utf-8"))
            for hit in GITHUB_WORDS.finditer(plain(line))]


def test_the_scan_finds_the_words_and_passes_over_link_targets(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "x.md"
    page.parent.mkdir()
    page.write_text("Deel het via een pull request of een Issue.\n[tip](https://github.com/a/b/issues/new)\n",
                    encoding="utf-8")
    found = [hit.split("'")[1] for hit in github_words_in(page)]
    assert found == ["pull request", "Issue"]


def test_reader_pages_that_ask_for_experience_link_the_tip_page() -> None:
    """Every "Aanvulling gezocht" block and every tip's contact ends in the link "een tip of correctie insturen"."""
    asking = [path for path in page_paths() if path.startswith("docs/")
              and "Aanvulling gezocht" in (ROOT / path).read_text(encoding="utf-8")]
    assert len(asking) >= 20
    missing = [path for path in asking
               if "[een tip of correctie insturen](" not in (ROOT / path).read_text(encoding="utf-8")]
    assert missing == []


def test_the_tip_page_offers_both_routes_without_javascript() -> None:
    text = (ROOT / TIP_PAGE).read_text(encoding="utf-8")
    assert "region.get('editorial_email', '')" in text and "(mailto:{{ editorial_email }})" in text
    assert "({{ repo_url }}/issues/new/choose)" in text  # a plain link, outside the form
    assert 'data-email="{{ editorial_email }}"' in text
    assert 'data-issues="{{ repo_url }}/issues/new"' in text
    assert "template: tip-form.html" in text


def test_the_region_may_name_an_editorial_address_and_nothing_else() -> None:
    validator = document_validator(ROOT / "data" / "schema", "region.schema.json")
    region = {"kind": "region", "name": "Twente", "holiday_region": "noord"}
    assert not list(validator.iter_errors({**region, "editorial_email": "redactie@zorggroep-twente.nl"}))
    assert list(validator.iter_errors({**region, "editorial_email": "redactie zorggroep"}))
    assert list(validator.iter_errors({**region, "editorial_email": "a@b@c.nl"}))


def test_the_tip_form_fields_match_the_github_tip_form() -> None:
    """The form prefills the tip form's fields by their ids; a renamed field there would be left empty."""
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "tip.yml").read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    script = (ROOT / "overrides" / "assets" / "javascripts" / "tip-form.js").read_text(encoding="utf-8")
    prefilled = set(re.findall(r'params\.set\("(\w+)"', script)) - {"template", "title", "body"}
    assert prefilled == {"situatie", "author", "toelichting"}
    assert prefilled <= ids
