# Optimal proposals: at most k candidates per practice, each candidate once, maximum total fit.
"""Capacitated assignment with the Hungarian algorithm (standard library only).

The problem
    Practices p and candidates c have a fit ``weights[p][c]``: a non-negative integer, or ``None``
    when a hard criterion fails (the pair may never be proposed). Each practice takes at most
    ``capacity`` candidates and each candidate goes to at most one practice. Find the proposals with
    the largest total fit. A practice may stay short and a candidate may stay unproposed.

The reduction
    1. Slots: practice p is repeated ``capacity`` times, so "at most k per practice" becomes "at most
       one candidate per slot": a plain bipartite assignment between slots and candidates.
    2. Staying short: an infeasible pair gets gain 0 and a feasible pair gain ``fit * (N + 1) + 1``,
       where N is the largest possible number of proposals. With non-negative gains, a maximum-gain
       *complete* assignment of the smaller side, minus its zero-gain pairs, is a maximum-gain
       matching of the original problem: any matching can be completed with zero-gain pairs without
       changing its gain, and dropping zero-gain pairs never lowers it. The total gain is
       ``(N + 1) * total fit + number of proposals`` and the number of proposals is at most N, so
       the optimum has the largest total fit and, among those, the most proposals (a feasible
       candidate with fit 0 is still proposed when a slot is free).
    3. Hungarian algorithm (Kuhn-Munkres with potentials, the O(n^2 m) shortest augmenting path
       form): rows are the smaller side (n), columns the larger (m); costs are negated weights.
       Integer arithmetic only, so the result is exact and identical in CPython and Pyodide.

For a few hundred candidates and practices this takes well under a second in CPython.
"""

from __future__ import annotations

from collections.abc import Sequence


def hungarian(cost: Sequence[Sequence[int]]) -> list[int]:
    """Minimum-cost assignment for an n x m integer matrix with n <= m; returns the column of each row.

    Row potentials u and column potentials v keep every reduced cost ``cost - u - v`` non-negative
    and every matched pair at zero. Rows whose cheapest column is still free are matched at once;
    every other row is added by a Dijkstra-like search for the shortest augmenting path in reduced
    costs, after which the potentials are shifted. The shifts are applied lazily (one pass over the
    free columns per step instead of two), which halves the running time in pure Python.
    """
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n > m:
        raise ValueError("hungarian() needs at most as many rows as columns")
    u = [0] * (n + 1)
    v = [0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row matched to column j (both 1-based), 0 = free
    way = [0] * (m + 1)  # way[j]: previous column on the shortest path to column j
    pending = []
    for i in range(1, n + 1):
        row = cost[i - 1]
        u[i] = low = min(row)
        for j in range(1, m + 1):
            if row[j - 1] == low and not p[j]:
                p[j] = i
                break
        else:
            pending.append(i)
    for i in pending:
        _augment(cost, i, u, v, p, way)
    result = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def _augment(cost: Sequence[Sequence[int]], i: int, u: list[int], v: list[int], p: list[int], way: list[int]) -> None:
    """Add row i (1-based) along the shortest augmenting path in reduced costs; shift the potentials."""
    m = len(p) - 1
    inf = float("inf")
    p[0] = i
    j0 = 0
    minv: list[float] = [inf] * (m + 1)  # stored as reduced distance + shift at the time of storing
    free = list(range(1, m + 1))
    marked = [0]
    marked_at = [0]
    shift = 0
    while True:
        i0 = p[j0]
        row = cost[i0 - 1]
        base = u[i0] - marked_at[-1]
        best = inf
        k1 = -1
        for k, j in enumerate(free):
            stored = row[j - 1] - v[j] - base
            current = minv[j]
            if stored < current:
                minv[j] = current = stored
                way[j] = j0
            if current < best:
                best = current
                k1 = k
        shift = best
        j0 = free[k1]
        free[k1] = free[-1]
        free.pop()
        marked.append(j0)
        marked_at.append(shift)
        if p[j0] == 0:
            break
    for j, at in zip(marked, marked_at, strict=True):
        u[p[j]] += shift - at
        v[j] -= shift - at
    while j0:
        j1 = way[j0]
        p[j0] = p[j1]
        j0 = j1


def assign(weights: Sequence[Sequence[int | None]], capacity: int) -> list[list[int]]:
    """The candidates (column indices) proposed to each practice (row), best total fit first.

    ``weights[p][c]`` is the fit of candidate c at practice p (``None``: not allowed). Returns one
    list per practice, at most ``capacity`` long, sorted by fit (highest first, then index).
    """
    practices = len(weights)
    candidates = len(weights[0]) if practices else 0
    chosen: list[list[int]] = [[] for _ in range(practices)]
    if capacity <= 0 or not candidates:
        return chosen
    slots = [p for p in range(practices) for _ in range(capacity)]
    scale = min(len(slots), candidates) + 1
    gain = [[0 if weights[p][c] is None else weights[p][c] * scale + 1 for c in range(candidates)] for p in slots]
    if len(slots) <= candidates:
        columns = hungarian([[-g for g in row] for row in gain])
        pairs = [(slots[s], c) for s, c in enumerate(columns)]
    else:
        rows = hungarian([[-gain[s][c] for s in range(len(slots))] for c in range(candidates)])
        pairs = [(slots[s], c) for c, s in enumerate(rows)]
    for practice, candidate in pairs:
        if candidate >= 0 and weights[practice][candidate] is not None:
            chosen[practice].append(candidate)
    for practice, members in enumerate(chosen):
        members.sort(key=lambda c, p=practice: (-weights[p][c], c))
    return chosen


def total(weights: Sequence[Sequence[int | None]], chosen: Sequence[Sequence[int]]) -> int:
    """The total fit of a set of proposals."""
    return sum(weights[p][c] or 0 for p, members in enumerate(chosen) for c in members)
