"""Benchmark: the large synthetic case to and from AIF, Argdown and GraphML.

The case of `bench_load.py` (10,000 evidence items, 100,000 links, 1,000 sources,
100 hypotheses in 10 sets). Links rated N have no place in AIF, so fewer relations come
back from it than there are links; Argdown keeps them (and every rating and relevance) in
its data blocks, which makes its document several times larger.

Run: ``python benchmarks/bench_interop.py`` (``make bench``). Best of N runs.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best, synthetic_case_data
from scenarios import Case
from scenarios.io import argdown_to_case, graphml, parse_aif, parse_argdown, to_aif, to_argdown


def main(repeat: int = 3) -> None:
    case = Case.model_validate(synthetic_case_data())
    aif = to_aif(case)
    document = to_argdown(case)
    parsed = parse_argdown(document)
    print(
        f"{len(case.evidence):,} evidence, {len(case.links):,} links; AIF: {len(aif['nodes']):,} "
        f"nodes, {len(aif['edges']):,} edges; Argdown: {len(parsed.statements):,} statements, "
        f"{len(parsed.relations):,} relations, {len(document) / 1e6:.1f} MB"
    )
    for name, run in (
        ("to_aif", partial(to_aif, case)),
        ("parse_aif (to a validated case)", partial(parse_aif, aif)),
        ("to_argdown", partial(to_argdown, case)),
        ("parse_argdown", partial(parse_argdown, document)),
        ("argdown_to_case (validated)", partial(argdown_to_case, parsed)),
        ("graphml", partial(graphml, case)),
    ):
        print(f"{name}: {best(run, repeat) * 1000:,.0f} ms (best of {repeat})")


if __name__ == "__main__":
    main()
