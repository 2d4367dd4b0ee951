"""Maintainer command: which values in data/ expire soon, are weak, or were last checked long ago.

Usage (from the project root):
    uv run python tools/data_status.py            # every current value, with its flags
    uv run python tools/data_status.py --short    # only what needs attention (what CI prints)
    uv run python tools/data_status.py --today 2027-03-01

Exit status 0 (the report informs, it does not fail a build); 1 when data/ itself does not load.
The logic lives in handbook_build/freshness/; this file only reads the data and prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python tools/data_status.py` puts tools/ first on the path, not the project root
    sys.path.insert(0, str(ROOT))

from handbook_build.data import DataError, load_data  # noqa: E402
from handbook_build.freshness import WARN_MONTHS, StatusRow, status_rows  # noqa: E402
from handbook_build.freshness.status import add_months, unplanned_default_ends  # noqa: E402


def _until(row: StatusRow) -> str:
    if row.valid_until is None:
        return "geen einddatum"
    return f"t/m {row.valid_until.isoformat()} ({row.valid_until_basis})"


def format_row(row: StatusRow) -> str:
    used = "; ".join(filter(None, [
        f"rekenhulpen: {', '.join(row.calculators)}" if row.calculators else "",
        f"pagina's: {', '.join(row.pages)}" if row.pages else "",
    ])) or "niet gebruikt"
    start = f"vanaf {row.start.isoformat()}, " if row.start else ""
    flags = f"  <-- {'; '.join(row.flags)}" if row.flags else ""
    carried = f"\n    daarna doorgetrokken: {row.carried_forward}" if row.carried_forward else ""
    return (f"{row.file}: {row.key} ({row.label})\n    {start}{_until(row)}, peildatum {row.peildatum.isoformat()}, "
            f"betrouwbaarheid {row.confidence}; {used}{flags}{carried}")


def format_short(row: StatusRow) -> str:
    return f"- {row.file}: {row.key}: {'; '.join(row.flags)} ({_until(row)}, peildatum {row.peildatum.isoformat()})"


def defaults_summary(rows: list[StatusRow], until: dt.date) -> list[str]:
    """What ends behind the calculators' default inputs up to `until`: carried forward on purpose, or not yet."""
    ending = [row for row in rows if row.defaults and row.valid_until is not None and row.valid_until <= until
              and not row.has_next]
    open_ = unplanned_default_ends(rows, until)
    lines = [f"Achter de standaardinvoer van een rekenhulp eindigen t/m {until.isoformat()} {len(ending)} waarden "
             f"zonder volgende waarde: {len(ending) - len(open_)} bewust doorgetrokken (notitie carried_forward), "
             f"{len(open_)} zonder afspraak."]
    lines += [f"- ZONDER AFSPRAAK {row.file}: {row.key} ({_until(row)}): voeg een waarde toe of een notitie "
              "carried_forward" for row in open_]
    return lines


def report(rows: list[StatusRow], today: dt.date, short: bool) -> str:
    flagged = [row for row in rows if row.flags]
    head = (f"Actualiteit van de gegevens op {today.isoformat()}: {len(rows)} waarden, {len(flagged)} vragen aandacht "
            f"(verloopt binnen {WARN_MONTHS} maanden, lage betrouwbaarheid of peildatum ouder dan een jaar).")
    summary = defaults_summary(rows, add_months(today, WARN_MONTHS))
    if short:
        return "\n".join([head, *summary, *(format_short(row) for row in flagged)])
    return "\n".join([head, *summary, "", *(format_row(row) for row in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Actualiteit van de gegevens in data/")
    parser.add_argument("--short", action="store_true", help="alleen wat aandacht vraagt")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="JJJJ-MM-DD")
    args = parser.parse_args(argv)
    try:
        bundle = load_data(ROOT / "data")
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(report(status_rows(bundle, args.today, ROOT), args.today, args.short))
    return 0


if __name__ == "__main__":
    sys.exit(main())
