"""The build ships only a Pyodide snapshot that Pyodide can restore (Pyodide issue #6254: a 30 MiB heap)."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import pytest

from handbook_build.runtime.snapshot_size import (
    RESTORABLE_HEAP_BYTES,
    SNAPSHOT_MAGIC,
    SnapshotTooLarge,
    check_snapshot_size,
)

HEADER = 160  # what Pyodide 314's snapshots carry before the heap (magic, offset, JSON length, build id, JSON)


def fake_snapshot(folder: Path, heap: int) -> Path:
    header = struct.pack("<III", SNAPSHOT_MAGIC, HEADER, 20).ljust(HEADER, b"\0")
    path = folder / "snapshot-test.bin.gz"
    path.write_bytes(gzip.compress(header + bytes(heap), compresslevel=1))
    return path


def test_the_built_snapshot_fits_in_the_heap_pyodide_restores(built_site: Path) -> None:
    (snapshot,) = (built_site / "assets" / "pyodide").glob("snapshot-*.bin.gz")
    heap = check_snapshot_size(snapshot)
    assert 20 * 1024 * 1024 < heap <= RESTORABLE_HEAP_BYTES == 31_457_280


def test_a_snapshot_at_the_limit_passes(tmp_path: Path) -> None:
    assert check_snapshot_size(fake_snapshot(tmp_path, RESTORABLE_HEAP_BYTES)) == RESTORABLE_HEAP_BYTES


def test_a_snapshot_one_byte_over_fails_with_a_dutch_reason_and_is_removed(tmp_path: Path) -> None:
    path = fake_snapshot(tmp_path, RESTORABLE_HEAP_BYTES + 1)
    with pytest.raises(SnapshotTooLarge, match=r"31,457,281 bytes.*hoogstens 31,457,280.*Pyodide issue #6254"):
        check_snapshot_size(path)
    assert not path.exists()


def test_a_file_without_a_snapshot_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "snapshot-x.bin.gz"
    path.write_bytes(gzip.compress(b"geen snapshot" * 10))
    with pytest.raises(SnapshotTooLarge, match="geen geldige kop"):
        check_snapshot_size(path)
