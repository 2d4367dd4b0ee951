"""The workflows that hold a region's Pages site: a static audit (zizmor, offline) finds nothing, every action is
pinned by commit, and write access belongs to the one job that deploys."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"


def test_the_workflow_audit_finds_nothing() -> None:
    finished = subprocess.run([str(ZIZMOR), "--offline", "--format", "json", str(WORKFLOWS)], cwd=ROOT,
                              capture_output=True, text=True, check=False, timeout=120)
    findings = json.loads(finished.stdout or "[]")
    assert findings == [], "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)
    assert finished.returncode == 0, finished.stderr


def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        uses = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert uses, path
        for line in uses:
            assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), (path.name, line)


def test_only_the_deploy_job_may_write() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            writes = {scope for scope, level in job["permissions"].items() if level == "write"}
            assert writes == ({"contents"} if name == "deploy" else set()), (path.name, name)
