# A shared learning place: this practice's part of each whole-place amount, so two parts add up to the cent.
"""Split whole-place amounts between this practice and its partner without losing or adding a cent.

Each part is first rounded down to cents; the one cent left over (if any) goes to the part with the
larger remainder, and on equal remainders to the larger share. Only at exactly 50/50 can the two practices
not be told apart: then each practice's own calculation gives it the odd cent (so the two printouts may
together show one cent more than the whole).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from calculators._money import CENT
from calculators.cost.types import Range, Row


def share_of(whole: Decimal, share: Decimal) -> Decimal:
    """This practice's part (share between 0 and 1) of `whole` in cents; the partner's part is whole minus it."""
    if share == 1:
        return whole
    mine, partner = whole * share, whole * (1 - share)
    mine_floor = mine.quantize(CENT, rounding=ROUND_FLOOR)
    partner_floor = partner.quantize(CENT, rounding=ROUND_FLOOR)
    if whole - mine_floor - partner_floor == 0:
        return mine_floor
    mine_rest, partner_rest = mine - mine_floor, partner - partner_floor
    if mine_rest > partner_rest or (mine_rest == partner_rest and share >= Decimal("0.5")):
        return mine_floor + CENT
    return mine_floor


def share_row(row: Row, share: Decimal) -> Row:
    """A whole-place month or year as this practice's part, line by line."""
    if share == 1:
        return row
    costs = {kind: share_of(amount, share) for kind, amount in row.costs.items()}
    subsidies = {k: Range(share_of(r.low, share), share_of(r.high, share)) for k, r in row.subsidies.items()}
    return Row(row.label, costs, subsidies)
