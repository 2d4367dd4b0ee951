"""The personal documents' filler (calculators/_docx.py) in the real Pyodide runtime under Node: the same
outcome and the same document text as in CPython, standard library only."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from calculators import _browser
from calculators._docx import DOCUMENT_XML, template_path
from handbook_build.data import bundle_json
from handbook_build.documents import write_personal_templates
from handbook_build.runtime import calculators_zip
from tests.cases.golden import bundle_as_of
from tests.conftest import ROOT
from tests.regions import national_data

BUNDLE = bundle_json(bundle_as_of(national_data(), "2026-12-01"))
REQUESTS = [
    {"calculator": "planning", "document": "8a-balkenplanning", "template": "8a-balkenplanning",
     "input": {"mode": "achteruit", "bvp_start": "2027-09-06"}},
    {"calculator": "planning", "document": "2f-herinnering-kandidaten", "template": "2f-herinnering-kandidaten",
     "input": {}},
    {"calculator": "matching", "document": "5b-a", "template": "5b-brieven-ssfh",
     "input": {"a_route": "ssfh", "letter_candidate_a": "Zoë Çelik & <co>", "letter_bvp_start": "1-2-2027"}},
    {"calculator": "matching", "document": "5b-a", "template": "5b-brieven-uwv",
     "input": {"a_route": "uwv", "letter_candidate_a": "Zoë\u0007"}},
]


@pytest.fixture(scope="module")
def in_pyodide(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    node = shutil.which("node")
    assert node, "node is required (./tasks test runs on a machine with Node.js 20+)"
    folder = tmp_path_factory.mktemp("pyodide-documents")
    bundle = json.loads(BUNDLE)
    write_personal_templates(folder, bundle, "2026.1", dt.date(2026, 12, 1))
    requests = [{**r, "template": str(folder / template_path(r["template"]))} for r in REQUESTS]
    (folder / "calculators.zip").write_bytes(calculators_zip(ROOT))
    (folder / "data.json").write_text(BUNDLE, encoding="utf-8")
    (folder / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    finished = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide" / "run_documents.mjs"),
         *(str(folder / name) for name in ("calculators.zip", "data.json", "requests.json"))],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return requests, json.loads(finished.stdout)


def document_xml(content: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(content)).read(DOCUMENT_XML).decode("utf-8")


@pytest.mark.parametrize("index", range(len(REQUESTS)), ids=[f"{r['calculator']}-{r['document']}" for r in REQUESTS])
def test_pyodide_fills_like_cpython(in_pyodide: tuple[list[dict], list[dict]], index: int) -> None:
    requests, answers = in_pyodide
    request, answer = requests[index], answers[index]
    _browser.load(BUNDLE)
    outcome = _browser.make_document(request["calculator"], _browser._bundle, request["input"], request["document"],
                                     Path(request["template"]).read_bytes())
    content = outcome.pop("content", None)
    outcome.pop("result", None)
    assert answer["outcome"] == outcome
    if content is None:
        assert answer["base64"] is None and "stuurtekens" in outcome["errors"]["letter_candidate_a"]
        return
    from_pyodide = base64.b64decode(answer["base64"])
    assert document_xml(from_pyodide) == document_xml(content)
    assert "{{hb:" not in document_xml(from_pyodide)
    assert zipfile.ZipFile(io.BytesIO(from_pyodide)).namelist() == zipfile.ZipFile(io.BytesIO(content)).namelist()
