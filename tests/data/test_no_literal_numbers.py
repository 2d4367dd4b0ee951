"""Numbers that belong to data/ never appear literally in docs/ or in calculator code."""

from __future__ import annotations

import ast
import re
from decimal import Decimal, InvalidOperation

from tests.conftest import ROOT
from tests.data.test_data_pages import PARAMS

# A euro amount or a percentage typed into a page: "€ 2.700", "2.700 euro", "25,9 %", "8 procent".
MONEY_OR_PERCENT = re.compile(r"€\s*\d|\d\s*(?:%|euro\b|procent\b)", re.IGNORECASE)
# Literals any code may use without them being data: 0, 1, 100 (percent), 12 (months), 52 (weeks a year).
NEUTRAL = {Decimal(n) for n in ("0", "1", "100", "12", "52")}


def test_no_money_or_percentages_typed_into_pages() -> None:
    offenders = []
    for page in (ROOT / "docs").rglob("*.md"):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if MONEY_OR_PERCENT.search(line):
                offenders.append(f"{page.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


PRESENTATION_MODULES = {"view.py", "chart.py", "plan_view.py", "exports.py", "_docx.py", "_form.py", "_format.py"}


def money_and_percent_values() -> set[Decimal]:
    values = set()
    for param in PARAMS.values():
        if param["unit"].startswith("euro") or param["unit"] == "percent":
            for entry in param["values"].values():
                try:
                    values.add(Decimal(entry["value"]))
                except (InvalidOperation, TypeError):
                    continue  # structured values are covered by their own numbers below
    return values - NEUTRAL


def numeric_literals(source: str) -> list[tuple[int, Decimal]]:
    """Numeric constants in code, except calendar parts inside date(...) calls (1 August is not data) and
    the plausibility bounds of a form field (minimum=/maximum=), which limit typing errors, not amounts."""
    tree = ast.parse(source)
    exempt = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] == "date"
        for arg in node.args
    }
    exempt |= {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword) and node.arg in {"minimum", "maximum"}
        for inner in ast.walk(node.value)
    }
    return sorted(
        (node.lineno, Decimal(str(node.value)))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool)
        and id(node) not in exempt
    )


def test_no_data_value_in_calculator_code() -> None:
    data_values = money_and_percent_values()
    assert data_values, "no money or percent values found in data/"
    offenders = [
        f"{module.relative_to(ROOT)}:{line}: {value}"
        for module in (ROOT / "calculators").rglob("*.py")
        # Rendering modules hold layout sizes (pixels, hash lengths), not rules; rules live in the models.
        if module.name not in PRESENTATION_MODULES
        for line, value in numeric_literals(module.read_text(encoding="utf-8"))
        if value in data_values
    ]
    assert offenders == []


def test_literal_scan_sees_through_code() -> None:
    found = numeric_literals(
        "x = salary * 8.33\nday = dt.date(2026, 8, 1)\nfee = 715\nf = Field(maximum=Decimal(10000), default=250)"
    )
    assert found == [(1, Decimal("8.33")), (3, Decimal("715")), (4, Decimal("250"))]


def test_scheme_texts_refer_to_amounts_instead_of_repeating_them() -> None:
    """A summary that repeats an amount goes stale when the dated value changes."""
    import yaml

    offenders = []
    for path in (ROOT / "data" / "schemes").glob("*.yaml"):
        scheme = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [scheme.get(field, "") for field in ("summary", "covers", "scaling", "application")]
        texts += [condition["label"] for condition in scheme.get("conditions", [])]
        offenders += [f"{path.name}: {text[:60]}" for text in texts if re.search(r"€\s*\d", text)]
    assert offenders == []
