"""Build artifacts for the in-browser calculators: self-hosted Pyodide, the calculators zip, the data bundle.

Plain functions (no MkDocs import). Names carry content hashes so browsers may cache them forever;
Pyodide files live under their version number, pinned in the site configuration (extra.pyodide_version) and
package-lock.json, and the build refuses to run when the two disagree.

With the Node step on (the default; off with HB_PYODIDE_SNAPSHOT=0 or extra.pyodide_snapshot: false) the pinned
Pyodide, run in Node, also makes the bytecode (pyodide_bytecode.mjs: a standard library whose modules the
calculators use are compiled, and the calculators as bytecode) and the memory snapshot (pyodide_snapshot.mjs),
which is taken with that standard library, so it restores with the same one. Without it the worker boots from the
npm package's standard library and the calculators' sources.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from handbook_build.problems import BuildError
from handbook_build.runtime.snapshot_size import check_snapshot_size

# Pyodide core only: the calculators are standard-library Python, so no packages are ever loaded.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
STDLIB_FILE = "python_stdlib.zip"  # not fetched by a page that has the build's compiled standard library
# The lock file lists ~350 optional packages (120 KB); we ship its `info` block with an empty package list,
# inlined in the runtime settings (lock_file) so the worker passes it as lockFileContents: one request less.
LOCK_FILE = "pyodide-lock.json"
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # deterministic archives: same sources, same hash


class RuntimeBuildError(BuildError):
    """Something the build needs for the browser runtime is missing or inconsistent."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def calculators_zip(project_dir: Path) -> bytes:
    """The calculators package as a zip (sources only), byte-for-byte reproducible."""
    buffer = io.BytesIO()
    root = project_dir / "calculators"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file() and (path.suffix == ".py" or path.name == "py.typed") and "__pycache__" not in path.parts:
                info = zipfile.ZipInfo(str(path.relative_to(project_dir)), date_time=_FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def pyodide_dir(project_dir: Path, pinned: str) -> Path:
    """node_modules/pyodide, checked against the version pinned in mkdocs.yml."""
    folder = project_dir / "node_modules" / "pyodide"
    package = folder / "package.json"
    if not package.is_file():
        raise RuntimeBuildError("node_modules/pyodide ontbreekt: draai `npm ci` (of `./tasks serve`).")
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    if version != pinned:
        raise RuntimeBuildError(f"Pyodide {version} in node_modules, maar mkdocs.yml vraagt {pinned}: draai `npm ci`.")
    missing = [name for name in (*PYODIDE_FILES, LOCK_FILE) if not (folder / name).is_file()]
    if missing:
        raise RuntimeBuildError(f"node_modules/pyodide mist {', '.join(missing)}: draai `npm ci`.")
    return folder


def trimmed_lock_file(pyodide_source: Path) -> str:
    """The npm package's lock file without its package list: nothing can (or should) be installed."""
    lock = json.loads((pyodide_source / LOCK_FILE).read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":"))


SNAPSHOT_SCRIPT = Path(__file__).resolve().parent / "pyodide_snapshot.mjs"
BYTECODE_SCRIPT = Path(__file__).resolve().parent / "pyodide_bytecode.mjs"
WARM_SCRIPT = Path(__file__).resolve().parent / "pyodide_warm.mjs"  # what both steps run: it decides what is compiled


def _run_node(script: Path, arguments: list[str], what: str) -> dict:
    node = shutil.which("node")
    if node is None:
        raise RuntimeBuildError(f"Node.js ontbreekt: nodig voor {what} (of zet HB_PYODIDE_SNAPSHOT=0).")
    finished = subprocess.run([node, str(script), *arguments], capture_output=True, text=True, timeout=300,
                              check=False)
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["(geen uitvoer)"])[-1][:300]
        raise RuntimeBuildError(f"{what[0].upper()}{what[1:]} kon niet worden gemaakt: {last}")
    return json.loads(finished.stdout)


def make_bytecode(pyodide_source: Path, calculators: bytes, data: bytes, stdlib_target: Path,
                  calculators_target: Path) -> dict:
    """Run the pinned Pyodide in Node and write the compiled standard library and the calculators' bytecode."""
    with tempfile.TemporaryDirectory() as folder:
        zip_path, data_path = Path(folder) / "calculators.zip", Path(folder) / "data.json"
        zip_path.write_bytes(calculators)
        data_path.write_bytes(data)
        for target in (stdlib_target, calculators_target):
            target.parent.mkdir(parents=True, exist_ok=True)
        return _run_node(BYTECODE_SCRIPT, [str(pyodide_source), str(zip_path), str(data_path), str(stdlib_target),
                                           str(calculators_target)], "de Pyodide-bytecode")


def make_snapshot(pyodide_source: Path, calculators: bytes, data: bytes, target: Path,
                  stdlib: Path | None = None) -> dict:
    """Run the pinned Pyodide in Node and write the gzip-compressed memory snapshot to `target`; with `stdlib`,
    Pyodide boots with that standard library (the one the snapshot is restored with)."""
    with tempfile.TemporaryDirectory() as folder:
        zip_path, data_path = Path(folder) / "calculators.zip", Path(folder) / "data.json"
        zip_path.write_bytes(calculators)
        data_path.write_bytes(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        arguments = [str(pyodide_source), str(zip_path), str(data_path), str(target)]
        arguments += [str(stdlib)] if stdlib else []
        return _run_node(SNAPSHOT_SCRIPT, arguments, "de Pyodide-snapshot")


@dataclass(frozen=True)
class Artifacts:
    """What the build ships for the browser runtime, with site-relative paths."""

    pyodide_version: str
    pyodide_source: Path
    calculators: bytes
    data: bytes
    snapshot: bool = True

    @property
    def bytecode_digest(self) -> str:
        """Named after what goes in (Pyodide version, calculators, data, the compiling step): same inputs, same name."""
        return digest(self.pyodide_version.encode() + self.calculators + self.data + BYTECODE_SCRIPT.read_bytes()
                      + WARM_SCRIPT.read_bytes())

    @property
    def snapshot_digest(self) -> str:
        """Named after what goes in (Pyodide version, calculators, data, bytecode): same inputs, same name."""
        return digest(self.pyodide_version.encode() + self.calculators + self.data + self.bytecode_digest.encode())

    @property
    def paths(self) -> dict[str, str]:
        paths = {
            "pyodide": f"assets/pyodide/{self.pyodide_version}/",
            "pyodide_files": list(PYODIDE_FILES),
            "pyodide_version": self.pyodide_version,
            "lock_file": json.loads(trimmed_lock_file(self.pyodide_source)),
            "calculators": f"assets/python/calculators.{digest(self.calculators)}.zip",
            "data": f"assets/data/handboek-data.{digest(self.data)}.json",
        }
        if self.snapshot:
            paths["pyodide_files"] = [name for name in PYODIDE_FILES if name != STDLIB_FILE]
            paths["calculators"] = f"assets/python/calculators-bytecode.{self.bytecode_digest}.zip"
            paths["stdlib"] = f"assets/python/stdlib-{self.pyodide_version}.{self.bytecode_digest}.zip"
            paths["snapshot"] = f"assets/pyodide/snapshot-{self.pyodide_version}.{self.snapshot_digest}.bin.gz"
        return paths

    def write(self, site_dir: Path) -> None:
        paths = self.paths
        target = site_dir / paths["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.data)
        target_dir = site_dir / paths["pyodide"]
        target_dir.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_FILES:  # python_stdlib.zip too: the bench's bare page and builds without bytecode
            source, target = self.pyodide_source / name, target_dir / name
            if not target.exists() or target.stat().st_size != source.stat().st_size:
                shutil.copy2(source, target)
        (target_dir / LOCK_FILE).write_text(trimmed_lock_file(self.pyodide_source), encoding="utf-8")
        calculators = site_dir / paths["calculators"]
        if not self.snapshot:
            calculators.parent.mkdir(parents=True, exist_ok=True)
            calculators.write_bytes(self.calculators)
            return
        # Same inputs, same files: `mkdocs serve` rebuilds stay fast.
        stdlib, snapshot = site_dir / paths["stdlib"], site_dir / paths["snapshot"]
        if not (stdlib.exists() and calculators.exists()):
            make_bytecode(self.pyodide_source, self.calculators, self.data, stdlib, calculators)
        if not snapshot.exists():
            make_snapshot(self.pyodide_source, calculators.read_bytes(), self.data, snapshot, stdlib)
        check_snapshot_size(snapshot)  # fails the build rather than ship a snapshot that cannot be restored


def build_artifacts(project_dir: Path, bundle_text: str, pinned_pyodide: str, snapshot: bool = True) -> Artifacts:
    return Artifacts(
        pyodide_version=pinned_pyodide,
        pyodide_source=pyodide_dir(project_dir, pinned_pyodide),
        calculators=calculators_zip(project_dir),
        data=bundle_text.encode("utf-8"),
        snapshot=snapshot,
    )
