"""How current the data is: per value its end of validity, peildatum, confidence and who uses it."""

from handbook_build.freshness.page import render_status_page
from handbook_build.freshness.status import WARN_MONTHS, StatusRow, expiring_defaults, status_rows

__all__ = ["WARN_MONTHS", "StatusRow", "expiring_defaults", "render_status_page", "status_rows"]
