"""Benchmark: load and dump a large case as JSON and as YAML, against the parse floor.

The case has 10,000 evidence items, 100 hypotheses, 100,000 links and 1,000
sources; the floor is `orjson.loads` of the same bytes. YAML is compared with JSON:
the goal is within 8 times, both ways.

Run: ``python benchmarks/bench_load.py`` (``make bench``). Reports the best of N runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from tempfile import TemporaryDirectory

import orjson

sys.path.insert(0, str(Path(__file__).parent))

from _support import best, synthetic_case_data
from scenarios import Case, dump, load


def main(repeat: int = 7) -> None:
    data = synthetic_case_data()
    with TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_bytes(orjson.dumps(data))
        raw = path.read_bytes()
        case = load(path)
        floor = best(lambda: orjson.loads(path.read_bytes()), repeat)
        loading = best(lambda: load(path), repeat)
        no_integrity = best(lambda: load(path, integrity=False), repeat)
        plain_model = best(lambda: Case.model_validate_json(raw), repeat)
        dumping = best(lambda: dump(case, Path(folder) / "out.json"), repeat)
        yaml_path = Path(folder) / "case.yaml"
        dump(case, yaml_path)
        yaml_loading = best(lambda: load(yaml_path), max(1, repeat // 3))
        yaml_dumping = best(lambda: dump(case, yaml_path), max(1, repeat // 3))
    print(
        f"file: {len(raw) / 1e6:.1f} MB, {len(case.evidence):,} evidence, "
        f"{len(case.links):,} links, {len(case.sources):,} sources, best of {repeat}"
    )
    print(f"orjson.loads (floor)              {floor * 1000:7.1f} ms   1.00x")
    print(f"scenarios.load                    {loading * 1000:7.1f} ms   {loading / floor:.2f}x")
    print(
        f"  of which without integrity      {no_integrity * 1000:7.1f} ms   "
        f"{no_integrity / floor:.2f}x"
    )
    print(
        f"Case.model_validate_json (no dup-key check, no integrity) "
        f"{plain_model * 1000:.1f} ms {plain_model / floor:.2f}x"
    )
    print(f"scenarios.dump                    {dumping * 1000:7.1f} ms   {dumping / floor:.2f}x")
    print(
        f"YAML: load {yaml_loading * 1000:.0f} ms ({yaml_loading / loading:.1f}x JSON), "
        f"dump {yaml_dumping * 1000:.0f} ms ({yaml_dumping / dumping:.1f}x JSON)"
    )


if __name__ == "__main__":
    main()
