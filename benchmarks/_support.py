"""What the benchmarks share: timing, and a synthetic case built deterministically."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any


def best(run: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def synthetic_case_data(
    *,
    sources: int = 1_000,
    evidence: int = 10_000,
    hypotheses: int = 100,
    links: int = 100_000,
    seed: int = 1,
) -> dict[str, Any]:
    """Plain data for a valid case: unique ids, resolving references, one link per pair."""
    rng = random.Random(seed)
    ratings = ["CC", "C", "N", "I", "II", "NA"]
    per_item = max(1, links // evidence)
    data: dict[str, Any] = {
        "version": 1,
        "meta": {"title": "Synthetic case", "as_of": "2021-12-31"},
        "sources": [
            {
                "id": f"s{i}",
                "title": f"Source number {i}",
                "publisher": "Example Press",
                "published": f"2021-{1 + i % 12:02d}",
                "url": f"https://example.org/articles/{i}",
                "reliability": "ABCDEF"[i % 6],
                "derived_from": [f"s{i - 1}"] if i % 50 == 49 else [],
            }
            for i in range(sources)
        ],
        "evidence": [
            {
                "id": f"e{i}",
                "claim": f"Claim {i}: an actor did something on a given day, as reported.",
                "quotes": [
                    {
                        "source": f"s{rng.randrange(sources)}",
                        "text": f"a verbatim passage of moderate length taken from the source, {i}",
                    }
                ],
                "credibility": 1 + i % 6,
                "kind": "statement",
                "occurred": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "tags": ["synthetic"],
            }
            for i in range(evidence)
        ],
        "hypotheses": [{"id": f"h{i}", "statement": f"Hypothesis {i}."} for i in range(hypotheses)],
        "hypothesis_sets": [
            {
                "id": f"set{j}",
                "question": f"Question {j}?",
                "hypotheses": [f"h{i}" for i in range(j * 10, j * 10 + 10)],
            }
            for j in range(hypotheses // 10)
        ],
        "links": [
            {
                "evidence": f"e{n // per_item}",
                "hypothesis": f"h{(n * 7 + n // per_item) % hypotheses}",
                "rating": ratings[rng.randrange(6)],
                "relevance": "high",
                "rationale": "Because the passage says so.",
            }
            for n in range(links)
        ],
    }
    return data
