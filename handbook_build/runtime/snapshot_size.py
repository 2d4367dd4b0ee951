"""Refuse a Pyodide memory snapshot that Pyodide cannot restore, instead of shipping one that falls back every visit.

A snapshot is a small header (magic number, heap offset, JSON length, build id, JSON) followed by the whole
WebAssembly heap at the moment it was taken. Restoring copies that heap into the heap of a freshly created
module, which keeps its compiled-in size whatever `INITIAL_MEMORY` says: a larger heap throws
"offset is out of bounds" and the browser falls back to the plain boot (Pyodide issue #6254,
https://github.com/pyodide/pyodide/issues/6254, measured there and here on 314.0.x: 31,457,280 bytes).
The heap grows when the calculators import or allocate more before the snapshot is taken.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

from handbook_build.problems import BuildError

# Pyodide 314's heap at module creation (Pyodide issue #6254): 30 MiB. Check again when Pyodide is upgraded.
RESTORABLE_HEAP_BYTES = 30 * 1024 * 1024
SNAPSHOT_MAGIC = 0x706E7300  # b"\0snp" read as a little-endian word: how every Pyodide memory snapshot starts


class SnapshotTooLarge(BuildError):
    """The snapshot's heap is larger than Pyodide can restore."""


def snapshot_heap_bytes(raw: bytes) -> int:
    """The size of the heap in an uncompressed snapshot: everything after the header's offset."""
    if len(raw) < 12:
        raise SnapshotTooLarge("De Pyodide-snapshot is te kort om een kop te hebben.")
    magic, heap_offset, _json_length = struct.unpack_from("<III", raw, 0)
    if magic != SNAPSHOT_MAGIC or heap_offset > len(raw):
        raise SnapshotTooLarge("De Pyodide-snapshot heeft geen geldige kop (magic number of offset klopt niet).")
    return len(raw) - heap_offset


def check_snapshot_size(path: Path, limit: int = RESTORABLE_HEAP_BYTES) -> int:
    """Return the heap size of the gzip snapshot at `path`; raise SnapshotTooLarge when Pyodide cannot restore it."""
    heap = snapshot_heap_bytes(gzip.decompress(path.read_bytes()))
    if heap > limit:
        path.unlink(missing_ok=True)  # never leave an unusable snapshot in the site
        raise SnapshotTooLarge(
            f"De Pyodide-snapshot {path.name} heeft een geheugen van {heap:,} bytes; Pyodide kan er hoogstens "
            f"{limit:,} herstellen (Pyodide issue #6254), dus elke bezoeker zou terugvallen op de gewone start. "
            "Importeer minder voordat de snapshot wordt gemaakt (handbook_build/runtime/pyodide_snapshot.mjs) "
            "of bouw zonder snapshot: HB_PYODIDE_SNAPSHOT=0 of extra.pyodide_snapshot: false."
        )
    return heap
