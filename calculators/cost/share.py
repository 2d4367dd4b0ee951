# A shared learning place: this practice's part of each whole-place amount, so two parts add up to the cent.
"""Split whole-place amounts between this practice and its partner without losing or adding a cent.

Each part is first rounded down to cents; the one cent left over (if any) goes to the part with the
larger remainder, and on equal remainders to the larger share. Only at exactly 50/50 can the two practices
not be told apart: then each practice's own calculation gives it the odd cent (so the two printouts may
together show one cent more than the whole).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from calculators._money import CENT, euros, to_cents
from calculators.cost.types import Row, cents_range

# A share given with at most this many digits after the point (a percentage with up to 10 decimals) is split in
# ints of cents; Decimal's products are exact there too, so both give the same cent. Longer ones take share_of.
_EXACT_DIGITS = 12


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


class Splitter:
    """share_of for ints of cents with one share: `numerator / 10**digits` is the share, exactly."""

    def __init__(self, share: Decimal) -> None:
        self.share = share
        sign, digits, exponent = share.as_tuple()
        exact = share.is_finite() and not sign and -_EXACT_DIGITS <= int(exponent) <= 0
        self.scale = 10 ** -int(exponent) if exact else 0
        self.numerator = int(share.scaleb(-int(exponent))) if exact else 0
        self.at_least_half = share >= Decimal("0.5")

    def __call__(self, whole: int) -> int:
        if not self.scale:
            return to_cents(share_of(euros(whole), self.share))
        mine_floor, mine_rest = divmod(whole * self.numerator, self.scale)
        partner_floor, partner_rest = divmod(whole * (self.scale - self.numerator), self.scale)
        if whole - mine_floor - partner_floor == 0:
            return mine_floor
        if mine_rest > partner_rest or (mine_rest == partner_rest and self.at_least_half):
            return mine_floor + 1
        return mine_floor


def share_row(row: Row, share: Decimal, split: Splitter | None = None) -> Row:
    """A whole-place month or year as this practice's part, line by line."""
    if share == 1:
        return row
    split = split or Splitter(share)
    costs = {kind: split(amount) for kind, amount in row.cost_cents.items()}
    subsidies = {k: cents_range(split(r.lo), split(r.hi)) for k, r in row.subsidies.items()}
    return Row(row.label, costs, subsidies)
