"""Benchmark: build and lay out argument maps of 1,000, 2,000 and 5,000 nodes.

Each map has hypotheses in sets of five and evidence items linked to three hypotheses each.
Reports the time to build the DOT in Python and the layout time with the engine chosen by
size (dot up to 800 nodes, dot with capped effort up to 2,000, sfdp beyond).

Run: ``python benchmarks/bench_render.py`` (``make bench``). One run per size: layouts are long.
"""

from __future__ import annotations

import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best
from scenarios import Case
from scenarios.render import argument_map, choose_engine, write_diagram


def case_of(nodes: int) -> Case:
    hypotheses = max(5, nodes // 10)
    evidence = nodes - hypotheses
    return Case.model_validate(
        {
            "meta": {"title": f"{nodes} nodes"},
            "sources": [{"id": "s", "title": "Source", "reliability": "B"}],
            "hypotheses": [
                {"id": f"h{i}", "statement": f"Hypothesis number {i} is true."}
                for i in range(hypotheses)
            ],
            "hypothesis_sets": [
                {
                    "id": f"set{j}",
                    "question": f"Question {j}?",
                    "hypotheses": [f"h{i}" for i in range(j * 5, j * 5 + 5)],
                }
                for j in range(hypotheses // 5)
            ],
            "evidence": [
                {
                    "id": f"e{i}",
                    "claim": f"Claim {i}: something was said about it.",
                    "credibility": 2,
                    "quotes": [{"source": "s", "text": f"quote {i}"}],
                }
                for i in range(evidence)
            ],
            "links": [
                {
                    "evidence": f"e{i}",
                    "hypothesis": f"h{(i + k) % hypotheses}",
                    "rating": ["CC", "I", "N"][k],
                }
                for i in range(evidence)
                for k in range(3)
            ],
        }
    )


def main() -> None:
    for nodes in (1_000, 2_000, 5_000):
        case = case_of(nodes)
        build = best(partial(argument_map, case, legend=False), 3)
        graph = argument_map(case, legend=False)
        engine = choose_engine(graph)[0]
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            write_diagram(graph, Path(folder) / "map.svg", timeout=600)
            layout = time.perf_counter() - start
        print(
            f"{nodes:>5} nodes, {len(case.links):>6} edges: build {build * 1000:6.0f} ms, "
            f"layout ({engine}) {layout:6.1f} s, build/layout {build / layout:.1%}"
        )


if __name__ == "__main__":
    main()
