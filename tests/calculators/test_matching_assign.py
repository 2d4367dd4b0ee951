"""The assignment is optimal (equal to brute force), respects capacities and never proposes a forbidden pair."""

from __future__ import annotations

import itertools
import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.matching.assign import assign, hungarian, total

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def instances(draw):
    practices = draw(st.integers(0, 3))
    candidates = draw(st.integers(0, 5))
    capacity = draw(st.integers(0, 3))
    cell = st.one_of(st.none(), st.integers(0, 9))
    weights = [[draw(cell) for _ in range(candidates)] for _ in range(practices)]
    return weights, capacity


def brute_force(weights: list[list[int | None]], capacity: int) -> tuple[int, int]:
    """Best (total fit, number of proposals) over every way to give each candidate a practice or none."""
    practices = len(weights)
    candidates = len(weights[0]) if practices else 0
    best = (0, 0)
    for choice in itertools.product(range(-1, practices), repeat=candidates):
        if any(choice.count(p) > capacity for p in range(practices)):
            continue
        if any(p >= 0 and weights[p][c] is None for c, p in enumerate(choice)):
            continue
        fit = sum(weights[p][c] for c, p in enumerate(choice) if p >= 0)
        best = max(best, (fit, sum(p >= 0 for p in choice)))
    return best


@SETTINGS
@given(instances())
def test_assignment_equals_brute_force(instance) -> None:
    weights, capacity = instance
    chosen = assign(weights, capacity)
    assert (total(weights, chosen), sum(map(len, chosen))) == brute_force(weights, capacity)


@SETTINGS
@given(instances())
def test_each_candidate_once_at_most_k_per_practice_and_hard_criteria_respected(instance) -> None:
    weights, capacity = instance
    chosen = assign(weights, capacity)
    assert len(chosen) == len(weights)
    flat = [c for members in chosen for c in members]
    assert len(flat) == len(set(flat)), "a candidate was proposed twice"
    assert all(len(members) <= capacity for members in chosen)
    assert all(weights[p][c] is not None for p, members in enumerate(chosen) for c in members)
    for p, members in enumerate(chosen):  # best fit first within a practice
        assert [weights[p][c] for c in members] == sorted((weights[p][c] for c in members), reverse=True)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.tuples(st.just(n), st.integers(n, 6))).flatmap(
    lambda size: st.lists(st.lists(st.integers(-20, 20), min_size=size[1], max_size=size[1]),
                          min_size=size[0], max_size=size[0])))
def test_hungarian_gives_the_minimum_cost(cost: list[list[int]]) -> None:
    columns = hungarian(cost)
    assert len(set(columns)) == len(cost)
    best = min(sum(row[j] for row, j in zip(cost, perm, strict=False))
               for perm in itertools.permutations(range(len(cost[0])), len(cost)))
    assert sum(row[j] for row, j in zip(cost, columns, strict=True)) == best


def test_hand_example_gives_the_scarce_candidate_to_the_practice_that_needs_her() -> None:
    # Candidate 0 fits both practices equally; candidate 1 fits only practice 0. One place each.
    weights = [[5, 4], [5, None]]
    assert assign(weights, 1) == [[1], [0]]
    # With room for two at practice 0 the best total is still 9: both there, or one at each practice.
    assert total(weights, assign(weights, 2)) == 9


def test_a_practice_may_stay_short_and_forbidden_pairs_stay_out() -> None:
    assert assign([[None, None], [3, None]], 2) == [[], [0]]
    assert assign([], 2) == []
    assert assign([[1, 2]], 0) == [[]]


def test_a_feasible_fit_of_zero_is_still_proposed() -> None:
    assert assign([[0]], 1) == [[0]]


def test_a_few_hundred_rows_are_fast() -> None:
    rng = random.Random(7)
    quality = [rng.randint(0, 22) for _ in range(300)]
    weights = [[None if rng.random() < 0.2 else quality[c] * 1000 + rng.randint(0, 120) for c in range(300)]
               for _ in range(150)]
    start = time.perf_counter()
    chosen = assign(weights, 2)
    assert time.perf_counter() - start < 10
    assert sum(map(len, chosen)) == 300
