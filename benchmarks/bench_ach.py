"""Benchmark: ACH on the large synthetic case (10,000 evidence items, 100,000 links).

The case of `bench_load.py` has 10 sets of 10 hypotheses; `ach` runs on each, with the
matrix, scores, diagnosticity and both linchpin tests for every item.

Run: ``python benchmarks/bench_ach.py`` (``make bench``). Reports the best of N runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best, synthetic_case_data
from scenarios import Case
from scenarios.analysis import ach


def main(repeat: int = 3) -> None:
    case = Case.model_validate(synthetic_case_data())
    sets = [group.id for group in case.hypothesis_sets]
    took = best(lambda: [ach(case, s) for s in sets], repeat)
    pins = sum(len(ach(case, s).linchpins) for s in sets)
    print(
        f"{len(case.evidence):,} evidence, {len(case.links):,} links, {len(sets)} sets of "
        f"10 hypotheses: {pins:,} linchpins found"
    )
    print(f"ach, every set: {took * 1000:.0f} ms (best of {repeat})")


if __name__ == "__main__":
    main()
