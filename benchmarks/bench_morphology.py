"""Benchmark: enumerate the consistent configurations of 10 drivers x 5 states (9.8 million).

Each pair of states of two drivers is assessed inconsistent with probability `share`
(seeded), the rest left consistent. Ritchey reports that cross-consistency assessment
typically rules out 90-99 % of a field or more; the shares below bracket that and go
well beyond, down to fields where hundreds of thousands of configurations survive.
Brute force would score all 9,765,625 configurations' 45 pairs each.

Run: ``python benchmarks/bench_morphology.py`` (``make bench``). Best of N runs.
"""

from __future__ import annotations

import itertools
import random
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best
from scenarios import Case, CaseMeta, CrossConsistency, Driver, DriverState
from scenarios.analysis._morphology import count_configurations, field_size, ranked_configurations


def field(share: float, *, drivers: int = 10, states: int = 5, seed: int = 1) -> Case:
    rng = random.Random(seed)
    pairs = [
        CrossConsistency(pair=(f"d{a}=s{i}", f"d{b}=s{j}"), value="inconsistent")
        for a, b in itertools.combinations(range(drivers), 2)
        for i in range(states)
        for j in range(states)
        if rng.random() < share
    ]
    return Case(
        meta=CaseMeta(title="bench"),
        drivers=tuple(
            Driver(
                id=f"d{d}",
                name=f"Driver {d}",
                states=tuple(DriverState(id=f"s{k}", name=f"State {k}") for k in range(states)),
            )
            for d in range(drivers)
        ),
        consistency=tuple(pairs),
    )


def main(repeat: int = 3) -> None:
    for share in (0.30, 0.20, 0.10, 0.05):
        case = field(share)
        found = count_configurations(case)
        counted = best(partial(count_configurations, case), repeat)
        ranked = best(partial(ranked_configurations, case, top=10), repeat)
        print(
            f"{share:.0%} of pairs inconsistent ({len(case.consistency):,} of 1,125): "
            f"{found:,} of {field_size(case):,} consistent ({found / field_size(case):.3%}); "
            f"count {counted * 1000:,.0f} ms, rank top 10 {ranked * 1000:,.0f} ms "
            f"(best of {repeat})"
        )


if __name__ == "__main__":
    main()
