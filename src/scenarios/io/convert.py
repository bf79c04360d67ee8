"""Converting between the case format and the formats of other tools, by suffix or by name.

| format | suffixes | read | write |
| --- | --- | --- | --- |
| ``case`` | ``.yaml`` ``.yml`` ``.json`` | yes | yes |
| ``aif`` | ``.aif`` ``.aif.json`` (or a ``.json`` holding ``nodes``) | yes | yes |
| ``argdown`` | ``.argdown`` ``.ad`` | yes | yes |
| ``graphml`` | ``.graphml`` | no | yes |

Reading another format gives the case and the problems met (what had no place in a
case); writing is atomic.

Examples:
    >>> format_for("map.aif.json"), format_for("case.yaml"), format_for("map.graphml")
    ('aif', 'case', 'graphml')
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal, TypeAlias, get_args

from scenarios.errors import CaseFileError
from scenarios.io._atomic import write_atomic
from scenarios.io.aif import read_aif, to_aif
from scenarios.io.argdown import read_argdown, to_argdown
from scenarios.io.files import dump, load
from scenarios.io.graph import graphml
from scenarios.model.case import Case

__all__ = ["FORMATS", "ConvertFormat", "format_for", "read_as", "write_as"]

ConvertFormat: TypeAlias = Literal["case", "aif", "argdown", "graphml"]
"""A format `scenarios convert` knows."""

FORMATS: Final[tuple[ConvertFormat, ...]] = get_args(ConvertFormat)
"""Every format, in the order `--help` lists them."""

_SUFFIXES: Final[dict[str, ConvertFormat]] = {
    ".aif.json": "aif",
    ".aif": "aif",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".graphml": "graphml",
    ".yaml": "case",
    ".yml": "case",
    ".json": "case",
}


def format_for(path: str | os.PathLike[str]) -> ConvertFormat:
    """The format a file's name says (``.aif.json`` before ``.json``).

    Raises:
        ValueError: The suffix names no format.
    """
    name = Path(path).name.lower()
    for suffix, fmt in _SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    known = ", ".join(_SUFFIXES)
    raise ValueError(f"cannot tell the format of {Path(path).name!r}: name it {known}")


def _looks_like_aif(path: Path) -> bool:
    """A ``.json`` file that holds an AIF map (``nodes``) rather than a case (``meta``)."""
    try:
        head = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False  # let the case reader say what is wrong
    return isinstance(head, dict) and "nodes" in head and "meta" not in head


def read_as(
    path: str | os.PathLike[str], fmt: ConvertFormat | None = None
) -> tuple[Case, tuple[str, ...]]:
    """Read a file in `fmt` (default: from its name) as a case, with the problems met.

    Raises:
        ValueError: The format cannot be told, or cannot be read (GraphML).
        CaseFileError: The file cannot be read.
    """
    target = Path(path)
    chosen = fmt or format_for(target)
    if chosen == "case" and fmt is None and target.suffix.lower() == ".json":
        chosen = "aif" if _looks_like_aif(target) else "case"
    if chosen == "case":
        return load(target), ()
    if chosen == "aif":
        found = read_aif(target)
        return found.case, found.problems
    if chosen == "argdown":
        done = read_argdown(target)
        return done.case, done.problems
    raise ValueError(f"{chosen} is written, not read: convert from case, aif or argdown")


_WRITERS: Final[dict[ConvertFormat, Callable[[Case], str]]] = {
    "aif": lambda case: json.dumps(to_aif(case), ensure_ascii=False, indent=2) + "\n",
    "argdown": to_argdown,
    "graphml": graphml,
}


def write_as(case: Case, path: str | os.PathLike[str], fmt: ConvertFormat | None = None) -> None:
    """Write a case to a file in `fmt` (default: from its name), atomically.

    Raises:
        ValueError: The format cannot be told from the name.
    """
    chosen = fmt or format_for(path)
    if chosen == "case":
        if Path(path).suffix.lower() not in (".yaml", ".yml", ".json"):
            raise CaseFileError.about(
                str(path), "a case is written as .yaml, .yml or .json", "rename the output"
            )
        dump(case, path)
        return
    write_atomic(path, _WRITERS[chosen](case).encode("utf-8"))
