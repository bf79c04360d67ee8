"""The architecture: lower layers never import higher ones (model < io, provenance <
checks, analysis < render, strategies < cli)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "scenarios"

LAYER = {
    "_version": 0,
    "_optional": 0,
    "_escape": 0,
    "errors": 0,
    "types": 0,
    "model": 0,
    "io": 1,
    "provenance": 1,
    "checks": 2,
    "analysis": 2,
    "render": 3,
    "strategies": 3,
    "_hypothesis_hook": 3,
    "cli": 4,
    "__main__": 4,
    "__init__": 4,
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
