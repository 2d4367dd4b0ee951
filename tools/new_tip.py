"""Scaffold a new regional tip: docs/tips/<slug>.md with checked front matter and the fixed headings.

Usage (from the project root):
    uv run python tools/new_tip.py --title "Eén plek, twee praktijken" --region Haaglanden --steps 5 6 \
        --author "Zorggroep in de regio" [--tags hagro BBL] [--date 2026-11-25] [--slug eigen-naam]

Refuses to overwrite an existing file, checks the new file with the same rules as the tests (handbook_build.tip_checks)
and prints its path. Exit status 0 on success, 1 on a problem (the message says what to change), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from handbook_build.tip_checks import TEMPLATE_BODY
from handbook_build.tips import STEP_PAGES, TipError, load_regions, slugify, validate_tip_file

ROOT = Path(__file__).resolve().parent.parent



def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="new_tip.py",
        description="Maak een nieuwe tip in docs/tips/ met de juiste front matter en vaste koppen.",
    )
    parser.add_argument("--title", required=True, help="titel van de tip (één regel)")
    parser.add_argument("--region", required=True, help="regio uit data/tip_regions.yaml, of 'Landelijk'")
    parser.add_argument("--steps", required=True, nargs="+", type=int, metavar="STAP",
                        help="de stap(pen) waar de tip bij hoort, 1 tot en met 8")
    parser.add_argument("--author", required=True, help="organisatie of rol, nooit de naam van een persoon")
    parser.add_argument("--tags", nargs="*", default=[], metavar="TAG", help="korte trefwoorden (optioneel)")
    parser.add_argument("--date", default=None, help="datum JJJJ-MM-DD (standaard: vandaag)")
    parser.add_argument("--slug", default=None, help="bestandsnaam zonder .md (standaard: uit de titel)")
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def tip_text(title: str, region: str, steps: list[int], date: str, author: str, tags: list[str]) -> str:
    """The full Markdown of a new tip: YAML front matter (safely quoted) and the body skeleton."""
    meta: dict[str, object] = {"title": title, "region": region, "steps": sorted(set(steps)), "date": date,
                               "author": author}
    if tags:
        meta["tags"] = tags
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    return f"---\n{front}---\n\n{TEMPLATE_BODY}"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        regions = load_regions(args.data_dir)
    except TipError as error:
        print(error, file=sys.stderr)
        return 1
    if args.region not in regions:
        print(f"Onbekende regio '{args.region}'. Kies uit: {', '.join(regions)}.\n"
              "Staat je regio er niet bij? Voeg haar toe aan data/tip_regions.yaml. In een eigen versie voor je "
              "regio hoort de naam uit data/region.yaml er vanzelf bij.", file=sys.stderr)
        return 1
    unknown = [step for step in args.steps if step not in STEP_PAGES]
    if unknown:
        print(f"Stap {', '.join(map(str, unknown))} bestaat niet; kies uit 1 tot en met 8.", file=sys.stderr)
        return 1
    date = args.date or dt.date.today().isoformat()
    slug = args.slug or slugify(args.title)[:60].rstrip("-")
    if not slug:
        print("Kan geen bestandsnaam maken uit de titel; geef er een op met --slug.", file=sys.stderr)
        return 1
    path = args.docs_dir / "tips" / f"{slug}.md"
    if path.exists():
        print(f"{_shown(path)} bestaat al; kies een andere titel of geef een eigen naam op met --slug.",
              file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tip_text(args.title, args.region, args.steps, date, args.author, args.tags), encoding="utf-8")
    problems = validate_tip_file(path, regions, display=_shown(path))
    if problems:
        path.unlink()
        print("De tip is niet aangemaakt:", *(f"  - {p}" for p in problems), sep="\n", file=sys.stderr)
        return 1
    print(_shown(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
