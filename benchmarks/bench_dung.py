"""Benchmark: the grounded extension of 1,000,000 arguments, and preferred ones of 10,000.

The grounded one has about 3 attacks per argument; the preferred ones are every
preferred extension of a random framework of 10,000 arguments.

Frameworks are random (seeded): each argument attacks 3 others chosen uniformly.

Run: ``python benchmarks/bench_dung.py`` (``make bench``). Best of N runs for grounded.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best
from scenarios.analysis import ArgumentationFramework


def random_attacks(n: int, per: int = 3, seed: int = 5) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(a, rng.randrange(n)) for a in range(n) for _ in range(per)]


def random_framework(n: int, per: int = 3, seed: int = 5) -> ArgumentationFramework:
    return ArgumentationFramework(range(n), random_attacks(n, per, seed))


def main() -> None:
    attacks = random_attacks(1_000_000)
    start = time.perf_counter()
    big = ArgumentationFramework(range(1_000_000), attacks)
    build = time.perf_counter() - start
    took = best(big.grounded_extension, 3)
    size = len(big.grounded_extension())
    print(
        f"grounded, 1,000,000 arguments, 3,000,000 attacks: {took:.2f} s (best of 3), "
        f"{size:,} accepted; building the framework from the pairs: {build:.2f} s"
    )
    for n in (1_000, 10_000):
        af = random_framework(n)
        start = time.perf_counter()
        preferred = af.preferred_extensions()
        took = time.perf_counter() - start
        print(f"preferred, {n:,} arguments: {len(preferred)} extension(s) in {took:.2f} s")


if __name__ == "__main__":
    main()
