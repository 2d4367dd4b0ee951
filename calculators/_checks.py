# Checks across data files that only the calculators can make: every cash scheme has a known formula,
# every route a scheme names exists, a region's defaults are values the form accepts, the schemes and routes
# that data/routes.yaml's funding checks name exist and no two schemes share a name. The build-time loader
# calls bundle_problems() and reports each one.
"""Calculator-side checks of a data bundle, as (file, key, Dutch reason) tuples."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators._routes import route_problems
from calculators._status import status_problems
from calculators.cost.formulas import scheme_problems
from calculators.cost.plan import plan_problems
from calculators.cost.region_defaults import region_default_problems


def bundle_problems(bundle: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Every problem found; empty when the calculators can run on this bundle."""
    return [*route_problems(bundle), *scheme_problems(bundle), *plan_problems(bundle),
            *region_default_problems(bundle), *status_problems(bundle)]
