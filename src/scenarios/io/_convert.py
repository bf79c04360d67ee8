"""Converting between the case format and the formats of other tools, by suffix or by name.

| format | suffixes | read | write |
| --- | --- | --- | --- |
| ``case`` | ``.yaml`` ``.yml`` ``.json`` | yes | yes |
| ``aif`` | ``.aif`` ``.aif.json`` (or a ``.json`` holding ``nodes``) | yes | yes |
| ``argdown`` | ``.argdown`` ``.ad`` | yes | yes |
| ``graphml`` | ``.graphml`` | no | yes |

Reading another format gives the case and the problems met (what had no place in a
case); writing is atomic. `guess_format` also looks inside a file whose suffix is
shared: a ``.json`` holding an AIF map, a ``.yaml`` holding a Carneades graph.
`convert` does the whole conversion, refusing a lossy one when asked to be strict.

Examples:
    >>> [convert_format_of(name) for name in ("map.aif.json", "case.yaml", "map.graphml")]
    ['aif', 'case', 'graphml']
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias, get_args

import jiter

from scenarios.errors import CaseFileError, OptionError
from scenarios.io._aif import MAP_SOURCE, read_aif, to_aif
from scenarios.io._argdown import DOCUMENT_SOURCE, read_argdown, to_argdown
from scenarios.io._atomic import not_an_input, write_atomic
from scenarios.io._carneades import is_carneades
from scenarios.io._files import dump, load, read_head
from scenarios.io._graph import graph_nodes, graphml
from scenarios.io._matrix import read_matrix_csv
from scenarios.model import Assumption, Case, Hypothesis, HypothesisSet, Link, references, stance_of
from scenarios.model._integrity import COLLECTIONS

__all__ = [
    "CONVERT_FORMATS",
    "Conversion",
    "ConvertFormat",
    "FileKind",
    "Loss",
    "convert",
    "convert_format_of",
    "guess_format",
    "losses",
    "read_as",
    "write_as",
]

ConvertFormat: TypeAlias = Literal["case", "aif", "argdown", "graphml"]
"""A format `scenarios convert` knows."""

FileKind: TypeAlias = Literal["case", "aif", "argdown", "graphml", "carneades", "matrix"]
"""What a file holds, as `guess_format` tells it: a convert format, a Carneades graph, or
an ACH matrix (``.csv``, read only: `scenarios ach --format csv` writes one)."""

CONVERT_FORMATS: Final[tuple[ConvertFormat, ...]] = get_args(ConvertFormat)
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


def convert_format_of(path: str | os.PathLike[str]) -> ConvertFormat:
    """The format a file's name says (``.aif.json`` before ``.json``).

    Raises:
        OptionError: The suffix names no format.
    """
    name = Path(path).name.lower()
    for suffix, fmt in _SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    known = ", ".join(_SUFFIXES)
    raise OptionError(
        f"cannot tell the format of {Path(path).name!r}",
        hint=f"name it {known}, or give the format",
    )


def guess_format(path: str | os.PathLike[str]) -> FileKind:
    """What a file holds: told by its name, and by its first bytes where a suffix is shared.

    A ``.json`` file holding an AIF map (``nodes`` and no ``meta``) is ``aif``; a
    ``.yaml`` or ``.yml`` file holding a Carneades graph (`scenarios.io._carneades.
    is_carneades`: ``statements``, ``issues`` or ``tests`` and none of a case's
    collections) is ``carneades``. At most the first 64 KiB are read.

    Raises:
        OptionError: The name says no format.
        CaseFileError: The file is missing, a folder, or not a regular file.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "matrix"
    chosen: FileKind = convert_format_of(path)
    if chosen == "case" and suffix == ".json" and _looks_like_aif(Path(path)):
        return "aif"
    if chosen == "case" and suffix in (".yaml", ".yml") and is_carneades(Path(path)):
        return "carneades"
    return chosen


def _looks_like_aif(path: Path) -> bool:
    """A ``.json`` file that holds an AIF map (``nodes``) rather than a case (``meta``).

    Told from the top-level keys in the first `HEAD_BYTES` bytes, read through the capped
    reader and parsed leniently (the rest of the file may be cut off); anything odd is
    left for the reader to report.
    """
    head = read_head(path)
    try:
        top = jiter.from_json(head.removeprefix(b"\xef\xbb\xbf"), partial_mode="trailing-strings")
    except ValueError:
        return False  # not JSON, or nested too deep: let the case reader say what is wrong
    return isinstance(top, dict) and "nodes" in top and "meta" not in top


def read_as(
    path: str | os.PathLike[str], fmt: ConvertFormat | None = None
) -> tuple[Case, tuple[str, ...]]:
    """Read a file in `fmt` (default: from its name) as a case, with the problems met.

    Raises:
        OptionError: The format cannot be told, or cannot be read (GraphML, Carneades).
            A ``.csv`` file is read as an ACH matrix (`scenarios.io._matrix`).
        CaseFileError: The file cannot be read.
    """
    target = Path(path)
    chosen = fmt or guess_format(target)
    if chosen == "carneades":
        raise OptionError(
            f"{target.name} holds a Carneades graph, which is not converted",
            hint="evaluate it (scenarios evaluate), or give --from case to read it as a case",
        )
    if chosen == "case":
        return load(target), ()
    if chosen == "aif":
        found = read_aif(target)
        return found.case, found.problems
    if chosen == "argdown":
        done = read_argdown(target)
        return done.case, done.problems
    if chosen == "matrix":
        matrix = read_matrix_csv(target)
        return matrix.case, matrix.problems
    raise OptionError(
        f"{chosen} is written, not read", hint="convert from a case, AIF or Argdown file"
    )


_WRITERS: Final[dict[ConvertFormat, Callable[[Case], str]]] = {
    "aif": lambda case: json.dumps(to_aif(case), ensure_ascii=False, indent=2) + "\n",
    "argdown": to_argdown,
    "graphml": graphml,
}


def write_as(case: Case, path: str | os.PathLike[str], fmt: ConvertFormat | None = None) -> None:
    """Write a case to a file in `fmt` (default: from its name), atomically.

    Raises:
        OptionError: The format cannot be told from the name.
        CaseFileError: A case is to be written to a file not named .yaml, .yml or .json.
    """
    chosen = fmt or convert_format_of(path)
    if chosen == "case":
        if Path(path).suffix.lower() not in (".yaml", ".yml", ".json"):
            raise CaseFileError.about(
                str(path), "a case is written as .yaml, .yml or .json", "rename the output"
            )
        dump(case, path)
        return
    write_atomic(path, _WRITERS[chosen](case).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Conversion:
    """What `convert` read, what it left out, and whether it wrote the output.

    Attributes:
        source: The file read.
        target: The file written (or not).
        problems: What had no place in a case, met while reading `source`.
        losses: What the target format leaves out (`losses`).
        written: False when `strict` refused a lossy conversion.
    """

    source: str
    target: str
    problems: tuple[str, ...]
    losses: tuple[Loss, ...]
    written: bool


def convert(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    source_format: ConvertFormat | None = None,
    target_format: ConvertFormat | None = None,
    strict: bool = False,
) -> Conversion:
    """Convert the file `source` to `target`, each format from its name unless given.

    With `strict`, a conversion that would lose anything (or that met problems
    reading `source`) writes nothing and says so in `Conversion.written`.

    Raises:
        OptionError: A format cannot be told or read, or `target` is `source`.
        CaseFileError: `source` cannot be read, or a case cannot be written to `target`.
        OSError: `target` cannot be written.
    """
    case, problems = read_as(source, source_format)
    not_an_input(target, source)
    dropped = losses(case, target_format or convert_format_of(target))
    written = not (strict and (problems or dropped))
    if written:
        write_as(case, target, target_format)
    return Conversion(os.fspath(source), os.fspath(target), problems, dropped, written)


# -- what each target format keeps ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Loss:
    """One kind of loss in a conversion: a whole collection, or one field of its objects.

    Attributes:
        collection: ``meta``, or a collection of the case (``actors``, ``links``, ...).
        field: The field lost, or None when the whole objects are.
        count: How many objects lose it.
        message: The warning line, e.g. ``aif drops 3 actors``.
    """

    collection: str
    field: str | None
    count: int
    message: str


_ARGUMENT: Final = frozenset(
    {"id", "premises", "conclusion", "stance", "undercutter", "description"}
)
_STATEMENT: Final = frozenset({"id", "statement"})


def _fields(record: type) -> frozenset[str]:
    """Every field of a record: a format that keeps them all."""
    return frozenset(record.__pydantic_fields__)  # type: ignore[attr-defined]


_KEEPS: Final[dict[ConvertFormat, dict[str, frozenset[str]]]] = {
    # meta: AIF keeps only its own extension (the original map), Argdown the title
    "aif": {
        "meta": frozenset({"extensions"}),
        "evidence": frozenset({"id", "claim"}),
        "hypotheses": _STATEMENT,
        "assumptions": _STATEMENT,
        "arguments": _ARGUMENT,
        "links": frozenset({"evidence", "hypothesis", "rating"}),
    },
    # Argdown keeps ratings, relevance, N links, sets and grades in its data blocks
    "argdown": {
        "meta": frozenset({"title"}),
        "evidence": frozenset({"id", "claim", "credibility", "kind", "occurred"})
        | frozenset({"reported", "tags"}),
        "hypotheses": _fields(Hypothesis),
        "hypothesis_sets": _fields(HypothesisSet),
        # what an assumption supports survives only inside the map: told as lost
        "assumptions": _fields(Assumption) - {"supports"},
        "arguments": _ARGUMENT,
        "links": _fields(Link),
    },
}
_OWN_SOURCE: Final[dict[ConvertFormat, str]] = {"aif": MAP_SOURCE, "argdown": DOCUMENT_SOURCE}


def _set_fields(item: Any) -> Iterator[str]:
    """The fields of a record that are required or differ from their defaults."""
    for name, info in type(item).__pydantic_fields__.items():
        if info.is_required() or getattr(item, name) != info.get_default(call_default_factory=True):
            yield name


def _regenerated(fmt: ConvertFormat, collection: str, field: str, item: Any) -> bool:
    """What the reader of `fmt` makes itself, so that writing it back loses nothing."""
    own = _OWN_SOURCE.get(fmt)
    if collection == "sources":
        return bool(item.id == own)
    if collection == "evidence" and field == "quotes":
        return tuple((q.source, q.text, q.span) for q in item.quotes) == ((own, item.claim, None),)
    if collection == "meta" and field == "extensions":
        return set(item.extensions) <= {fmt}
    return False


def _graphml_kept(case: Case) -> dict[str, frozenset[str]]:
    """The fields GraphML holds, per collection: node attributes and reference edges."""
    kept: dict[str, set[str]] = {
        "links": {"evidence", "hypothesis", "rating", "relevance", "rationale"}
    }
    for collection, kind in COLLECTIONS.items():
        if kind is not None:
            kept[collection] = {"id"}
    by_id = dict(graph_nodes(case))
    for collection, kind in COLLECTIONS.items():
        if kind is None:
            continue
        for item in getattr(case, collection):
            kept[collection].update(k for k in by_id[item.id] if k not in ("type", "label"))
    for ref in references(case):
        if ref.owner is not None:
            kept[str(ref.path[0])].add(str(ref.path[2]))
    return {k: frozenset(v) for k, v in kept.items()}


_NOUNS: Final = {
    "evidence": ("evidence item", "evidence items"),
    "hypotheses": ("hypothesis", "hypotheses"),
    "hypothesis_sets": ("hypothesis set", "hypothesis sets"),
    "consistency": ("consistency assessment", "consistency assessments"),
}
"""What the objects of a collection are called in a message, when not its name less an s."""


def _objects(count: int, collection: str) -> str:
    """``1 actor``, ``3 evidence items``: a count of a collection's objects, in words."""
    one, many = _NOUNS.get(collection, (collection.removesuffix("s"), collection))
    return f"{count} {one if count == 1 else many}"


def losses(case: Case, fmt: ConvertFormat) -> tuple[Loss, ...]:
    r"""What writing `case` in `fmt` leaves out, one `Loss` per kind, with counts.

    A collection the format has no place for is one loss (``aif drops 3 actors``); a
    field of a kept collection is another (``aif drops the credibility of 5 evidence
    items``).
    Links rated N or NA, which no support or attack stands for, and ratings CC and II,
    which become plain support or attack, are named too. What the format's own reader
    makes itself (the source standing for an AIF map or an Argdown document, evidence
    quoting itself) is not a loss. The case format loses nothing.

    Complexity: O(size of the case).

    Examples:
        >>> from scenarios.io._files import loads
        >>> case = loads("meta: {title: T}\nactors: [{id: a, name: A}]\n", format="yaml")
        >>> [loss.message for loss in losses(case, "aif")]
        ['aif drops the title of the meta', 'aif drops 1 actor']
    """
    if fmt == "case":
        return ()
    keeps = _graphml_kept(case) if fmt == "graphml" else _KEEPS[fmt]
    found: list[Loss] = []
    tables: list[tuple[str, tuple[Any, ...]]] = [("meta", (case.meta,))]
    tables += [(c, getattr(case, c)) for c in COLLECTIONS]
    for collection, items in tables:
        if not items:
            continue
        kept = keeps.get(collection)
        if kept is None:
            count = sum(not _regenerated(fmt, collection, "", item) for item in items)
            if count:
                what = "the meta" if collection == "meta" else _objects(count, collection)
                found.append(Loss(collection, None, count, f"{fmt} drops {what}"))
            continue
        counts: Counter[str] = Counter()
        for item in items:
            counts.update(
                f
                for f in _set_fields(item)
                if f not in kept and not _regenerated(fmt, collection, f, item)
            )
        for field, count in sorted(counts.items()):
            of = "the meta" if collection == "meta" else _objects(count, collection)
            found.append(Loss(collection, field, count, f"{fmt} drops the {field} of {of}"))
    if fmt == "aif":  # Argdown keeps every link and rating in its data blocks
        found += _link_losses(case, fmt)
    return tuple(found)


def _link_losses(case: Case, fmt: ConvertFormat) -> list[Loss]:
    """Links no support or attack stands for, and ratings weakened to support or attack."""
    found = []
    neutral = sum(stance_of(link.rating) == "neutral" for link in case.links)
    if neutral:
        found.append(
            Loss("links", None, neutral, f"{fmt} drops {_objects(neutral, 'links')} rated N or NA")
        )
    strong = sum(link.rating in ("CC", "II") for link in case.links)
    if strong:
        found.append(
            Loss(
                "links",
                "rating",
                strong,
                f"{fmt} weakens the rating of {_objects(strong, 'links')} rated CC or II to "
                "support or attack",
            )
        )
    return found
