"""The architecture: lower layers never import higher ones (model < io, provenance <
analysis < checks < render, strategies < cli). Checks sit above analysis: a review check
may run an analysis (V008 computes posteriors), never the other way round."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "scenarios"

LAYER = {
    "_version": 0,
    "_optional": 0,
    "_escape": 0,
    "_words": 0,
    "errors": 0,
    "types": 0,
    "model": 0,
    "io": 1,
    "provenance": 1,
    "analysis": 2,
    "checks": 3,
    "render": 4,
    "strategies": 4,
    "_hypothesis_hook": 4,
    "cli": 5,
    "__main__": 5,
    "__init__": 5,
}


def layer_of(module: str) -> int:
    return LAYER[module.split(".", maxsplit=1)[0]]


def test_no_module_imports_a_higher_layer() -> None:
    wrong = []
    for path in SRC.rglob("*.py"):
        own = path.relative_to(SRC).with_suffix("").as_posix().replace("/", ".")
        mine = layer_of(own)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("scenarios.")
            ):
                names = [node.module.removeprefix("scenarios.")]
            elif isinstance(node, ast.Import):
                names = [
                    a.name.removeprefix("scenarios.")
                    for a in node.names
                    if a.name.startswith("scenarios.")
                ]
            wrong += [f"{own} imports {name}" for name in names if layer_of(name) > mine]
    assert wrong == []
