"""Every built page is valid HTML: html-validate (npm, package-lock.json) with its "standard" preset, the
rules of the HTML standard only (no style opinions), over every page, the print page and 404 included.
Material's and the plugins' own slips are fixed by handbook_build/html_fixes.py, not excluded here."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHECKER = ROOT / "node_modules" / ".bin" / "html-validate"
CONFIG = Path(__file__).with_name("htmlvalidate.json")


def built_html(site: Path) -> list[Path]:
    """Every HTML file of the site except the assets (Pyodide's and Material's own files)."""
    return sorted(path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "assets")


def test_every_built_page_is_valid_html(built_site: Path) -> None:
    assert CHECKER.exists(), f"{CHECKER} missing: run ./tasks test (npm ci installs html-validate)"
    pages = built_html(built_site)
    names = {path.relative_to(built_site).as_posix() for path in pages}
    assert {"index.html", "404.html", "print_page/index.html", "rekenhulpen/kosten/index.html"} <= names
    result = subprocess.run(
        [str(CHECKER), "--config", str(CONFIG), "--formatter", "json", *map(str, pages)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert result.stdout.strip() or result.returncode == 0, result.stderr
    reports = json.loads(result.stdout) if result.stdout.strip() else []
    problems = [
        f"{Path(report['filePath']).relative_to(built_site)}:{message['line']}:{message['column']} "
        f"[{message['ruleId']}] {message['message']}"
        for report in reports for message in report["messages"]
    ]
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(problems[:40])
    assert result.returncode == 0, result.stderr


def test_checker_reports_what_material_and_print_site_emit(tmp_path: Path) -> None:
    """The check can fail: the markup handbook_build/html_fixes.py repairs is an error to the checker as emitted."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<input type="checkbox" id="t" autocomplete="off"><label for="t" tabindex="">x</label>'
        '<a href="e" rel="edit">bewerk</a><h2 id="d">k</h2><section id="d"></section></body></html>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(CHECKER), "--config", str(CONFIG), "--formatter", "json", str(page)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    rules = {message["ruleId"] for report in json.loads(result.stdout) for message in report["messages"]}
    assert {"valid-autocomplete", "attribute-allowed-values", "attribute-misuse", "no-dup-id"} <= rules
    assert result.returncode != 0


# --- The HTML standard's own checker ---------------------------------------------------------------------------
# The Nu Html Checker (vnu, from the npm package vnu-jar; it runs on Java) is the W3C's conformance checker. It
# knows rules html-validate does not (attributes plugins invent, a label pointing at a control that is not there,
# skipped heading levels). Its CSP warnings come from reading files from disk, not from a server: errors only.
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(pages: list[Path]) -> list[dict]:
    assert VNU.exists(), f"{VNU} missing: run ./tasks test (npm ci installs vnu-jar)"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, check=False, cwd=ROOT, timeout=600)
    return [message for message in json.loads(result.stderr)["messages"] if message["type"] == "error"]


def test_every_built_page_passes_the_html_standards_own_checker(built_site: Path) -> None:
    errors = vnu_errors(built_html(built_site))
    problems = [f"{message['url'].split(built_site.name, 1)[-1]}:{message.get('lastLine')}: {message['message']}"
                for message in errors]
    assert not problems, f"{len(problems)} errors:\n" + "\n".join(problems[:40])


def test_the_standards_checker_reports_what_plugins_emit(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body><h1>t</h1>'
        '<section heading-number="1"><h3>k</h3></section><label for="__toc">Inhoud</label></body></html>',
        encoding="utf-8",
    )
    messages = " ".join(message["message"] for message in vnu_errors([page]))
    assert "heading-number" in messages and "“for” attribute" in messages and "skipping" in messages
