"""Benchmark: how fast the strategies draw cases, and how soon a failing property reports.

Generation speed is cases drawn per second (Hypothesis' generate phase only, no test
work), for the default `cases()` and for cases of 30 to 60 evidence items. Time to report
is the wall time from the start of a test to its failure report, shrinking included, for
four simple failing properties over `st.from_type(Case)`, over five seeds each (the
median is printed; ``python benchmarks/bench_strategies.py 3`` for three).

Run: ``python benchmarks/bench_strategies.py`` (``make bench``).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from scenarios import Case
from scenarios.strategies import cases

QUIET: Any = {"database": None, "deadline": None, "suppress_health_check": list(HealthCheck)}


def speed(strategy: st.SearchStrategy[Any], n: int) -> float:
    """Cases drawn per second."""
    count = 0

    @settings(max_examples=n, phases=[Phase.generate], **QUIET)
    @given(strategy)
    def run(case: Any) -> None:
        nonlocal count
        count += 1

    start = time.perf_counter()
    run()
    return count / (time.perf_counter() - start)


def time_to_report(strategy: st.SearchStrategy[Any], prop: Callable[[Any], bool], k: int) -> float:
    """Seconds from the start of a test of `prop` to its failure report."""

    @seed(k)
    @settings(**QUIET)
    @given(strategy)
    def run(case: Any) -> None:
        assert prop(case)

    start = time.perf_counter()
    try:
        run()
    except AssertionError:
        return time.perf_counter() - start
    return float("nan")  # the property held


PROPERTIES: dict[str, Callable[[Case], bool]] = {
    "fewer than 3 links": lambda c: len(c.links) < 3,
    "no link rated II": lambda c: all(link.rating != "II" for link in c.links),
    "no link rated I": lambda c: all(link.rating != "I" for link in c.links),
    "fewer than 4 evidence items": lambda c: len(c.evidence) < 4,
}


def main(seeds: int = 5) -> None:
    strategy = st.from_type(Case)
    print(f"st.from_type(Case): {speed(strategy, 300):.0f} cases/s")
    large = cases(min_evidence=30, max_evidence=60, max_links=60, min_hypotheses=3)
    print(f"30-60 evidence items: {speed(large, 60):.1f} cases/s")
    for name, prop in PROPERTIES.items():
        times = [time_to_report(strategy, prop, k) for k in range(seeds)]
        print(
            f"time to report '{name}': median {statistics.median(times):.1f} s "
            f"(max {max(times):.1f} s, {seeds} seeds)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
