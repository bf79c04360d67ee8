"""Benchmark: the calibration of the posteriors on simulated worlds whose truth is known.

Each world (``tests/analysis/simulated_world.py``) has one true hypothesis of three, sources graded
A-F at random that report truthfully with the chance their grade gives, items graded 1-6,
and copies that retell their original. Prints, for the documented grade model and for a
model that takes every source and item as true (the library before the grades weighed),
the forecasts binned by probability, how often each bin came true, the expected
calibration error (ECE) and how often a forecast of 95 % or more was wrong.

Run: ``python benchmarks/bench_calibration.py`` (``make bench``).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.analysis.simulated_world import calibration, forecasts

from scenarios.analysis import DEFAULT_GRADES, GradeModel

WORLDS = 2_000
NAIVE = GradeModel(
    reliability=dict.fromkeys("ABCDEF", 1.0), credibility=dict.fromkeys(range(1, 7), 1.0)
)


WORLD_KINDS = {
    "mixed grades A-F, 2-7 sources of 1-5 items, 30 % copies": {
        "sources": (2, 7),
        "facts": (1, 5),
        "copy_rate": 0.3,
        "letters": "ABCDEF",
    },
    "well sourced, A-C, 4-8 sources of 2-6 items, 30 % copies": {
        "sources": (4, 8),
        "facts": (2, 6),
        "copy_rate": 0.3,
        "letters": "ABC",
    },
}


def main() -> None:
    for kind, options in WORLD_KINDS.items():
        for name, model in (("documented grade model", DEFAULT_GRADES), ("grades ignored", NAIVE)):
            start = time.perf_counter()
            found = forecasts(random.Random(2026), WORLDS, model=model, **options)
            table = calibration(found)
            took = time.perf_counter() - start
            print(f"{kind}; {name}: {WORLDS:,} worlds, {len(found):,} forecasts ({took:.1f} s)")
            if model is DEFAULT_GRADES:
                print("| forecast | count | mean forecast | came true |")
                print("| --- | --- | --- | --- |")
                for low, high, count, mean, freq in table.bins:
                    print(f"| {low:.0%}-{high:.0%} | {count:,} | {mean:.3f} | {freq:.3f} |")
            print(
                f"ECE {table.ece:.3f}; forecasts >= 95 %: {table.top_count:,}, "
                f"of which false {table.top_false:.1%}\n"
            )


if __name__ == "__main__":
    main()
