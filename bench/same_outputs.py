"""Record everything the cost calculator outputs for seeded random inputs, to prove a rewrite changes no byte.

    uv run python bench/same_outputs.py record OUT.json [--inputs 400] [--project DIR]
    uv run python bench/same_outputs.py compare A.json B.json

`record` runs the calculators of `--project` (default: this checkout; point it at another revision's, e.g.
unpacked with `git archive REV calculators | tar -x -C /tmp/base`) on this checkout's data bundle and writes, per
input: the full render (as the build makes it, with every part and download inline), the live render with no block
open (a keystroke), the live render with every collapsed block open, and every part the live render leaves out
(blocks and downloads), each as the exact JSON text `calculators._browser` returns. Inputs: the defaults, the route
questions in every combination, and random values of every field (dates over the whole accepted range, odd shares,
salaries with cents, ages under 21, every target group). `compare` prints the first difference and the number of
equal outputs; exit 1 on any difference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"

_RECORD = r"""
import json, re, sys
from calculators import _browser
from calculators._registry import run
from calculators._parameters import load_bundle

bundle_text, inputs = sys.stdin.read().split("\n", 1)
bundle_text = json.loads(bundle_text)
_browser.load(bundle_text)
full_bundle = load_bundle(bundle_text)
out = []
for raw in json.loads(inputs):
    text = json.dumps(raw)
    record = {"input": raw}
    outcome = run("kosten", full_bundle, raw)
    outcome.pop("result", None)
    record["full"] = json.dumps(outcome, ensure_ascii=False, sort_keys=True)
    record["live"] = _browser.run_json("kosten", text, "[]")
    live = json.loads(record["live"])
    if live["status"] == "result":
        keys = sorted(set(re.findall(r'data-part(?:-file)?="([^"]+)"', live["html"])))
        record["open"] = _browser.run_json("kosten", text, json.dumps(keys))
        record["parts"] = {key: _browser.part_json("kosten", text, key) for key in keys}
        opened = json.loads(record["open"])["html"]
        more = sorted(set(re.findall(r'data-part(?:-file)?="([^"]+)"', opened)) - set(keys))
        record["parts"].update({key: _browser.part_json("kosten", text, key) for key in more})
    out.append(record)
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"""


def _bundle_text() -> str:
    sys.path.insert(0, str(ROOT))
    from handbook_build.data import bundle_json
    from tests.cases.golden import bundle_as_of
    from tests.regions import national_data

    return bundle_json(bundle_as_of(national_data(), AS_OF))


def inputs(count: int, bundle: str, seed: int = 7) -> list[dict[str, str]]:
    data = json.loads(bundle)
    period = data["supported_period"]
    first = dt.date.fromisoformat(period["start"])
    last = dt.date.fromisoformat(period.get("latest_start", period["end"]))
    pick = random.Random(seed)
    answers = ["onbekend", "ja", "nee"]
    found: list[dict[str, str]] = [{}]
    found += [{"uwv_benefit": a, "from_other_job": b} for a in answers for b in answers]

    def money(low: int, high: int) -> str:
        whole = pick.randrange(low, high)
        return str(whole) if pick.random() < 0.4 else f"{whole},{pick.randrange(100):02d}"

    fields = {
        "start_date": lambda: (first + dt.timedelta(days=pick.randrange((last - first).days + 1))).isoformat(),
        "months": lambda: str(pick.choice([1, 2, 6, 11, 12, 13, 18, 23, 24])),
        "hours_per_week": lambda: pick.choice([str(pick.randrange(16, 37)), f"{pick.randrange(16, 36)},5",
                                               f"{pick.randrange(16, 36)},33"]),
        "monthly_salary": lambda: money(2700, 5000),
        "supervisor_monthly_salary": lambda: money(2700, 6000),
        "course_fee_paid_by_practice": lambda: pick.choice(["ja", "nee"]),
        "books_per_year": lambda: money(0, 900),
        "supervision_hours_per_week": lambda: pick.choice(["0", "1", "2,5", "4", "7,75", "12"]),
        "share_percent": lambda: pick.choice(["100", "50", "33,33", "66,67", "25", "1", "99,99", "12,5",
                                              str(pick.randrange(1, 101))]),
        "lkv_target_group": lambda: pick.choice(["geen", "arbeidsgehandicapt", "herplaatst", "banenafspraak"]),
        "freelance_hourly_rate": lambda: pick.choice(["0", "45", "37,50", money(20, 120)]),
        "commute_km": lambda: pick.choice(["0", "3", "12,5", "35", "120"]),
        "deprived_area": lambda: pick.choice(["ja", "nee"]),
        "small_employer": lambda: pick.choice(["ja", "nee"]),
        "age": lambda: pick.choice(["", "", "18", "19", "20", "21"]),
        "uwv_benefit": lambda: pick.choice(answers),
        "from_other_job": lambda: pick.choice(answers),
    }
    while len(found) < count:
        names = pick.sample(sorted(fields), pick.randrange(1, len(fields) + 1))
        found.append({name: fields[name]() for name in names})
    return found


def record(out: Path, count: int, project: Path) -> None:
    bundle = _bundle_text()
    payload = json.dumps(bundle) + "\n" + json.dumps(inputs(count, bundle))
    finished = subprocess.run([sys.executable, "-c", _RECORD], cwd=project, input=payload, capture_output=True,
                              text=True, check=False)
    if finished.returncode != 0:
        raise SystemExit(finished.stderr)
    out.write_text(finished.stdout, encoding="utf-8")
    records = json.loads(finished.stdout)
    results = sum(1 for r in records if json.loads(r["live"])["status"] == "result")
    parts = sum(len(r.get("parts", {})) for r in records)
    print(f"{len(records)} inputs ({results} with a result), {parts} parts -> {out}")


def compare(a: Path, b: Path) -> int:
    left, right = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
    if len(left) != len(right):
        print(f"different numbers of inputs: {len(left)} / {len(right)}")
        return 1
    equal = 0
    for index, (x, y) in enumerate(zip(left, right, strict=True)):
        for key in ("input", "full", "live", "open", "parts"):
            if x.get(key) != y.get(key):
                one, two = json.dumps(x.get(key), ensure_ascii=False), json.dumps(y.get(key), ensure_ascii=False)
                pairs = enumerate(zip(one, two, strict=False))
                at = next((i for i, (c, d) in pairs if c != d), min(len(one), len(two)))
                print(f"input {index} ({x['input']}), {key} differs at {at}:\n  {one[max(0, at - 200):at + 200]}\n"
                      f"  {two[max(0, at - 200):at + 200]}")
                return 1
            equal += 1 if key != "parts" else len(x.get("parts", {}))
    print(f"identical: {len(left)} inputs, {equal} outputs")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("--inputs", type=int, default=400)
    rec.add_argument("--project", type=Path, default=ROOT)
    cmp = sub.add_parser("compare")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.inputs, args.project.resolve())
    else:
        raise SystemExit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
