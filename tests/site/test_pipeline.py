"""The build pipeline runs without MkDocs; the MkDocs layer over it stays thin and cheap for Zensical."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import handbook_build.pipeline
import handbook_build.site
import macros
from handbook_build import BuildOptions, Pipeline
from handbook_build.pipeline import NATIONAL_UPDATE
from handbook_build.site import site_content
from tests.conftest import ROOT
from tests.regions import is_fork


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_pipeline_package_never_imports_mkdocs() -> None:
    files = sorted((ROOT / "handbook_build").rglob("*.py"))
    assert len(files) >= 15
    offenders = [f"{p.relative_to(ROOT)}: {m}" for p in files for m in imported_modules(p)
                 if m.split(".")[0] == "mkdocs"]
    assert offenders == []


def test_the_mkdocs_layer_is_thin() -> None:
    layer = [*sorted((ROOT / "hooks").glob("*.py")), ROOT / "macros" / "__init__.py"]
    assert sorted(p.name for p in (ROOT / "macros").iterdir() if p.suffix == ".py") == ["__init__.py"]
    assert sum(len(p.read_text(encoding="utf-8").splitlines()) for p in layer) < 300
    tree = ast.parse((ROOT / "macros" / "__init__.py").read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "page"]
    assert "mkdocs" not in {m.split(".")[0] for m in imported_modules(ROOT / "macros" / "__init__.py")}


def fake_env() -> SimpleNamespace:
    """What Zensical gives define_env: the configuration, variables, macros and filters, no page."""
    env = SimpleNamespace(conf={"root_dir": str(ROOT), "docs_dir": "docs"}, variables={}, macros={}, filters={})
    env.macro = lambda function: env.macros.setdefault(function.__name__, function)
    return env


def test_define_env_registers_module_level_macros_and_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loads = []
    real = handbook_build.site.load_site_content
    monkeypatch.setattr(handbook_build.site, "_cache", {})
    monkeypatch.setattr(handbook_build.site, "load_site_content", lambda *a: loads.append(a) or real(*a))
    for _ in range(25):  # Zensical calls define_env once per page
        env = fake_env()
        macros.define_env(env)
    assert loads == [(ROOT.resolve(), (ROOT / "docs").resolve())]
    assert set(env.macros) == {m.__name__ for m in macros.MACROS} and len(env.macros) == len(macros.MACROS)
    assert all(env.macros[name] is getattr(macros, name) for name in env.macros)
    assert env.variables["region"]["name"]
    assert "Tips uit de regio" in env.macros["step_tips"](5)
    assert env.macros["source_url"]("2022-1a-presentatie").startswith("https://")


def test_content_is_reloaded_when_a_data_file_changes(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs" / "tips", project / "docs" / "tips")
    first = site_content(project)
    assert site_content(project) is first
    changelog = project / "data" / "changelog.yaml"
    changelog.write_text(changelog.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(changelog, ns=(changelog.stat().st_atime_ns, changelog.stat().st_mtime_ns + 10**9))
    assert site_content(project) is not first


def run_pipeline(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbook_build", *args], cwd=project, capture_output=True,
                          text=True, check=False, env={**os.environ, "HB_PYODIDE_SNAPSHOT": "0"})


def test_the_command_checks_the_data_and_names_the_problem(tmp_path: Path) -> None:
    assert run_pipeline(ROOT, "--check").returncode == 0
    project = tmp_path / "project"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy2(ROOT / "tests" / "fixtures" / "bad_data" / "negative_amount.yaml", project / "data" / "cao")
    result = run_pipeline(project, "--check")
    assert result.returncode == 1
    assert "data/cao/negative_amount.yaml: parameters.fee.values.2024-01-01.value" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_writes_the_runtime_and_the_service_worker(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "stappen").mkdir(parents=True)
    (site / "stappen" / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Stappen</title></head>'
        "<body><h1>Stappen</h1></body></html>", encoding="utf-8")
    result = run_pipeline(ROOT, "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("runtime, generated, offline, startpakket")
    assert (site / "documenten" / "startpakket.zip").is_file()
    assert '"documenten/5b-brieven-na-de-match.docx"' in (site / "sw.js").read_text(encoding="utf-8")
    bundle = next((site / "assets" / "data").glob("handboek-data.*.json"))
    assert bundle.read_text(encoding="utf-8") == site_content(ROOT).bundle_text
    assert '"stappen/"' in (site / "sw.js").read_text(encoding="utf-8")


def test_a_fork_is_told_that_national_values_are_updated_nationally(regional_project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    messages = ["data/employer_costs/pension_pfzw.yaml: franchise geldt tot en met 2027-01-31",
                "data/regio/opleidingsfonds.yaml: bijdrage geldt tot en met 2027-01-31"]
    monkeypatch.setattr(handbook_build.pipeline, "expiring_defaults", lambda bundle, today: messages)
    fork = Pipeline(regional_project, BuildOptions("0")).warnings()
    assert fork == [f"Gegevens verlopen binnenkort: {messages[0]}{NATIONAL_UPDATE}",
                    f"Gegevens verlopen binnenkort: {messages[1]}"]
    national = Pipeline(ROOT, BuildOptions("0")).warnings() if not is_fork(ROOT) else None
    assert national is None or national == [f"Gegevens verlopen binnenkort: {m}" for m in messages]
