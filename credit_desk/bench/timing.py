"""Timing helpers and the shape of one figure."""

from __future__ import annotations

import math
import statistics
import time


def seconds(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def best(fn, runs: int = 3) -> float:
    """The fastest of ``runs`` runs: the least disturbed by the other work on the machine."""
    return min(seconds(fn) for _ in range(runs))


def median(fn, runs: int = 5) -> float:
    return statistics.median(seconds(fn) for _ in range(runs))


def percentile(values, q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def figure(name: str, value: float, floor: float | None, *, unit: str = "ms", goal: float | None = None,
           goal_ratio: float | None = None, higher_is_better: bool = False, note: str = "", **extra) -> dict:
    """One figure: its value, the floor measured in the same run, their ratio, and whether the goals hold.

    For times (lower is better) ratio = value / floor and the goal is a maximum; for rates (higher is
    better) ratio = value / floor and the goal is a minimum.
    """
    ratio = value / floor if floor else None
    holds = []
    if goal is not None:
        holds.append(value >= goal if higher_is_better else value <= goal)
    if goal_ratio is not None and ratio is not None:
        holds.append(ratio >= goal_ratio if higher_is_better else ratio <= goal_ratio)
    out = {"name": name, "value": round(value, 3), "unit": unit, "floor": round(floor, 3) if floor else floor,
           "ratio": round(ratio, 3) if ratio is not None else None, "goal": goal, "goal_ratio": goal_ratio,
           "higher_is_better": higher_is_better, "holds": all(holds) if holds else None, "note": note}
    out.update(extra)
    return out
