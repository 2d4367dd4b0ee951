"""Office files (Word, PowerPoint) with the same bytes for the same text: no clock time inside.

python-docx and python-pptx stamp every zip entry with the time of saving, so two builds of the same handbook
gave different files (and a new service-worker version, which hashes the precached files). The entries get the
build date at midnight instead, and the core properties (created, modified) that same moment.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any


def build_moment(day: dt.date) -> dt.datetime:
    """The moment every file of a build claims: midnight at the start of the build date."""
    return dt.datetime(day.year, day.month, day.day)


def stamp_core_properties(properties: Any, day: dt.date) -> None:
    """Created and modified at the build date, revision 1 (python-docx and python-pptx share these names)."""
    moment = build_moment(day)
    properties.created = moment
    properties.modified = moment
    properties.revision = 1
    properties.last_modified_by = properties.author


def fixed_zip(data: bytes, day: dt.date) -> bytes:
    """The same zip with every entry dated at the build date, in the same order."""
    stamp = build_moment(day).timetuple()[:6]
    target = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            archive.writestr(zipfile.ZipInfo(entry.filename, stamp), source.read(entry.filename),
                             compress_type=zipfile.ZIP_DEFLATED)
    return target.getvalue()
