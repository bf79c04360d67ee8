"""Benchmark: posteriors with their confidence for 1,000 sets of 5 hypotheses, 10,000 items.

Every item is linked to the 5 hypotheses of one set (50,000 links); 1,000 sources graded
A-F, some of them copies. `all_posteriors` builds the lineage once and computes, for every
set, the posteriors, each item's leave-one-out contribution and every one-step re-rating.

Run: ``python benchmarks/bench_bayes.py`` (``make bench``). Reports the best of N runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best, synthetic_case_data
from scenarios import Case
from scenarios.analysis import all_posteriors


def main(repeat: int = 3) -> None:
    data = synthetic_case_data(hypotheses=5_000, links=50_000)
    data["hypothesis_sets"] = [
        {
            "id": f"set{j}",
            "question": f"Question {j}?",
            "hypotheses": [f"h{j * 5 + k}" for k in range(5)],
        }
        for j in range(1_000)
    ]
    for n, link in enumerate(data["links"]):
        item = n // 5
        link["evidence"] = f"e{item}"
        link["hypothesis"] = f"h{(item % 1_000) * 5 + n % 5}"
    case = Case.model_validate(data)
    took = best(lambda: all_posteriors(case), repeat)
    print(
        f"{len(case.evidence):,} evidence, {len(case.links):,} links, "
        f"{len(case.hypothesis_sets):,} sets of 5 hypotheses"
    )
    print(f"all_posteriors, with confidence ranges: {took * 1000:.0f} ms (best of {repeat})")


if __name__ == "__main__":
    main()
