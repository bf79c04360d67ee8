"""Benchmark: run every check on a case of 10,000 evidence items and 100,000 links.

The synthetic case of `bench_load.py` (1,000 sources, 100 hypotheses in 10 sets), checked
without source texts (so quotes are unverified, and no text is anchored).

Run: ``python benchmarks/bench_check.py`` (``make bench``). Reports the best of N runs.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best, synthetic_case_data
from scenarios import Case, check


def main(repeat: int = 5) -> None:
    case = Case.model_validate(synthetic_case_data())
    findings = check(case)
    took = best(lambda: check(case), repeat)
    counts = Counter(f.code for f in findings)
    print(
        f"{len(case.evidence):,} evidence, {len(case.links):,} links, {len(case.sources):,} "
        f"sources, {len(case.hypotheses)} hypotheses: {len(findings):,} findings "
        f"({', '.join(f'{c} {n}' for c, n in sorted(counts.items()))})"
    )
    print(f"check (every check in the catalogue): {took * 1000:.0f} ms (best of {repeat})")


if __name__ == "__main__":
    main()
