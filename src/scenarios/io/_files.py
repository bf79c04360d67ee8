"""Reading and writing case files (YAML and JSON), safely and losslessly.

Reading checks, in order: the size cap (before reading), UTF-8, the syntax and
safety rules of the format (YAML: no tags, anchors, aliases or duplicate keys,
nesting capped while parsing, YAML 1.2 scalars; JSON: no duplicate keys, no
NaN or Infinity, the parser's own nesting limit), then the schema with strict
scalars, then referential integrity. Every problem names the file, line,
column and field path, with a hint where one helps.

Examples:
    >>> case = loads('''
    ... meta: {title: Demo}
    ... hypotheses: [{id: h1, statement: It rains.}]
    ... ''', format="yaml")
    >>> print(dumps(case, format="json"))
    {
      "version": 1,
      "meta": {
        "title": "Demo"
      },
      "hypotheses": [
        {
          "id": "h1",
          "statement": "It rains."
        }
      ]
    }
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

import jiter
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from scenarios.errors import CaseFileError, FileProblem, IntegrityError, OptionError
from scenarios.io._atomic import write_atomic
from scenarios.io._plain import MAX_DEPTH, offence
from scenarios.io._yaml import YamlProblem, dump_yaml, parse_yaml
from scenarios.model._case import Case, validate_case
from scenarios.model._integrity import IntegrityProblem
from scenarios.model._messages import explain, meaningful
from scenarios.model._paths import Path as DocPath
from scenarios.model._paths import format_path

__all__ = [
    "CASE_SUFFIXES",
    "DEFAULT_LIMITS",
    "CaseFormat",
    "Limits",
    "SourceMap",
    "case_format_of",
    "dump",
    "dumps",
    "load",
    "loads",
    "read_head",
    "read_json",
    "read_text",
]

CaseFormat: TypeAlias = Literal["yaml", "json"]
"""A case file format."""

CASE_SUFFIXES: Final[Mapping[str, CaseFormat]] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""File suffixes and the format each means."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied while reading, so a hostile file cannot exhaust the machine.

    Attributes:
        max_bytes: Largest file accepted, checked before reading (default 64 MiB).
        max_depth: Deepest nesting of mappings and lists (default 32; a case
            needs fewer than 10).
    """

    max_bytes: int = 64 * 2**20
    max_depth: int = MAX_DEPTH


DEFAULT_LIMITS: Final = Limits()
"""The limits every reader applies unless given others (docs/security.md)."""

HEAD_BYTES: Final = 64 * 2**10
"""How much of a file `read_head` reads to tell what kind of file it is."""


def case_format_of(path: str | os.PathLike[str]) -> CaseFormat:
    """The format a file's suffix names.

    Raises:
        CaseFileError: The suffix is not .yaml, .yml or .json.

    Examples:
        >>> case_format_of("case.yml")
        'yaml'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in CASE_SUFFIXES:
        raise CaseFileError.about(
            str(path),
            f"unknown case file type {suffix or '(none)'!r}",
            "name the file .yaml, .yml or .json",
        )
    return CASE_SUFFIXES[suffix]


def load(
    path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS, integrity: bool = True
) -> Case:
    """Read a case from a YAML or JSON file (the suffix says which).

    Args:
        path: The file.
        limits: Size and nesting caps.
        integrity: Check unique ids and references (turn off to lint a broken case).

    Returns:
        The validated case.

    Raises:
        CaseFileError: The file is missing, too large, malformed, unsafe or
            invalid; `problems` lists everything found, with positions.
    """
    name = str(path)
    fmt = case_format_of(path)
    content = _read_bytes(
        path,
        limits.max_bytes,
        what="case file",
        expected="the .yaml or .json file",
        too_large="split the case, or raise Limits.max_bytes if the file is trusted",
    )
    return _parse(content, fmt, name, limits, integrity)


def loads(
    content: str | bytes,
    *,
    format: CaseFormat,
    name: str = "<string>",
    limits: Limits = DEFAULT_LIMITS,
    integrity: bool = True,
) -> Case:
    """Read a case from a string or bytes; `name` stands for the file in messages.

    Raises:
        CaseFileError: As for `load`.
        OptionError: `format` is not ``yaml`` or ``json``.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    return _parse(data, _format(format), name, limits, integrity)


def _format(format: object) -> CaseFormat:
    """`format` if it is one of the case formats (exactly: ``yaml`` or ``json``)."""
    if format not in ("yaml", "json"):
        raise OptionError(
            f"unknown case format {format!r}", hint="give format='yaml' or format='json'"
        )
    return format


def dumps(case: Case, *, format: CaseFormat = "yaml", schema: str | None = None) -> str:
    """Write a case as text: fields in model order, defaults left out, unicode as is.

    Args:
        case: The case.
        format: ``yaml`` or ``json``.
        schema: For YAML, a JSON Schema path or URL for the
            ``yaml-language-server`` modeline on the first line.

    Raises:
        CaseFileError: ``meta.extensions`` holds what no reader accepts back: nesting
            deeper than the limit, NaN or infinity, an integer too long.
        OptionError: `format` is not ``yaml`` or ``json``.
    """
    return _dumps(case, _format(format), schema, "<string>")


def _dumps(case: Case, format: CaseFormat, schema: str | None, name: str) -> str:
    _check_writable(case, name)
    if format == "json":
        # pydantic's own writer: the same text as json.dumps(indent=2), 7x faster; `version`
        # is a default, so it is put first by hand ("meta" is required: the body is not empty)
        body = case.model_dump_json(exclude_defaults=True, indent=2)
        return f'{{\n  "version": {case.version},{body[1:]}\n'
    data = {"version": case.version, **case.model_dump(mode="json", exclude_defaults=True)}
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return head + dump_yaml(data)


def _check_writable(case: Case, name: str) -> None:
    """Refuse to write what the readers would refuse: the free extensions are checked."""
    wrong = offence(dict(case.meta.extensions), depth=2)  # the top level, then meta
    if wrong is not None:
        where, message, hint = wrong
        raise CaseFileError.about(
            name,
            f"meta.extensions{'.' + format_path(where) if where else ''}: {message}; "
            f"a case file could not be read back ({hint})",
            "fix the case before writing it",
        )


def dump(case: Case, path: str | os.PathLike[str], *, schema: str | None = None) -> None:
    """Write a case to a file atomically, in the format its suffix names.

    A failed write leaves any earlier file intact. Reading the file back gives
    an equal case.

    Raises:
        CaseFileError: The suffix is not .yaml, .yml or .json, or the case holds what
            no reader accepts back (see `dumps`).
        OSError: The file cannot be written (see `scenarios.io.write_atomic`).
    """
    text = _dumps(case, case_format_of(path), schema, str(path))
    write_atomic(path, text.encode("utf-8"))


# -- reading ------------------------------------------------------------------------------

_JITER_POSITION: Final = re.compile(r"^(?P<msg>.*) at line (?P<line>\d+) column (?P<col>\d+)$")


def _read_bytes(
    path: str | os.PathLike[str],
    max_bytes: int | None,
    *,
    what: str = "file",
    expected: str = "the file itself",
    too_large: str = "split it, or allow more (max_bytes) if the file is trusted",
    head: bool = False,
) -> bytes:
    """A file's bytes, its size checked before reading; one `CaseFileError` on failure.

    Only regular files are read: a FIFO, socket or device (``/dev/zero``) is refused
    before a byte is read, so it can neither block nor stream forever. With `head`, the
    first `max_bytes` bytes are returned whatever the size.
    """
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise CaseFileError.about(name, "file not found", "check the path") from None
    except IsADirectoryError:
        raise CaseFileError.about(name, f"is a folder, not a {what}", f"name {expected}") from None
    except PermissionError:
        raise CaseFileError.about(
            name, "permission denied", "check the file's permissions"
        ) from None
    except OSError as exc:
        raise CaseFileError.about(
            name, f"cannot be opened: {exc.strerror}", "check the path"
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CaseFileError.about(name, f"is a folder, not a {what}", f"name {expected}")
        raise CaseFileError.about(
            name,
            "is not a regular file (a pipe, socket or device), so it is not read",
            "save the input to a regular file and name that",
        )
    with os.fdopen(fd, "rb") as handle:
        if max_bytes is not None and info.st_size > max_bytes and not head:
            raise CaseFileError.about(
                name,
                f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,} bytes",
                too_large,
            )
        data = handle.read() if max_bytes is None else handle.read(max_bytes + (not head))
    if max_bytes is not None and len(data) > max_bytes and not head:  # it grew meanwhile
        raise CaseFileError.about(name, f"file is over the limit of {max_bytes:,} bytes", too_large)
    return data


def read_head(path: str | os.PathLike[str], size: int = HEAD_BYTES) -> bytes:
    """At most the first `size` bytes of a regular file, to tell its kind by content.

    Raises:
        CaseFileError: As for `read_text`: missing, a folder, not a regular file.

    Examples:
        >>> read_head(__file__, 3)
        b'\"\"\"'
    """
    return _read_bytes(path, size, head=True)


def read_text(
    path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_LIMITS.max_bytes
) -> str:
    """The text of a file in UTF-8 (a byte-order mark dropped), for the other readers.

    Missing files, folders, unreadable files, files over `max_bytes` (None: no cap) and
    bytes that are not UTF-8 each raise one `CaseFileError` naming the file, the place
    and the fix.
    """
    return _decode(_read_bytes(path, max_bytes), str(path))


def read_json(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = DEFAULT_LIMITS.max_bytes,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """A JSON file's data under the rules of case files, for the other JSON readers.

    The size cap is checked before reading; then UTF-8 (a byte-order mark dropped), no
    duplicate keys, no NaN or infinity, integers of at most 4,300 digits, nesting at most
    `max_depth` deep. Each problem raises one `CaseFileError` with the place and the fix.
    """
    content = _read_bytes(path, max_bytes)
    name = str(path)
    _decode(content, name)
    return _read_json(content, name, max_depth)


def _decode(content: bytes, name: str) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content.count(b"\n", 0, exc.start) + 1
        column = exc.start - (content.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CaseFileError(
            [FileProblem(name, line, column, "", "the file is not valid UTF-8", "save it as UTF-8")]
        ) from None


def _read_json(content: bytes, name: str, max_depth: int = MAX_DEPTH) -> Any:
    """JSON under the rules of case files: no duplicate keys, the depth and number policy.

    A byte-order mark is dropped, as for YAML. A value against the depth or number
    policy is named by its document path.
    """
    try:
        data = jiter.from_json(
            content.removeprefix(b"\xef\xbb\xbf"), allow_inf_nan=False, catch_duplicate_keys=True
        )
    except ValueError as exc:
        text = str(exc)
        found = _JITER_POSITION.match(text)
        line = int(found["line"]) if found else None
        column = int(found["col"]) if found else None
        message = found["msg"] if found else text
        hint = None
        if message.startswith("Detected duplicate key"):
            hint = "keep one of the two entries"
            message = message.replace("Detected duplicate key", "duplicate key")
        elif "recursion limit" in message:
            message = f"nesting deeper than {max_depth} levels"
            hint = "files are shallow; check the brackets"
        elif message == "number out of range":
            hint = "integers have at most 4,300 digits; quote it if it is text"
        else:
            message = f"JSON syntax error: {message}"
        raise CaseFileError([FileProblem(name, line, column, "", message, hint)]) from None
    wrong = offence(data, max_depth=max_depth)
    if wrong is not None:
        where, message, hint = wrong
        raise CaseFileError([FileProblem(name, None, None, format_path(where), message, hint)])
    return data


def _parse(content: bytes, fmt: CaseFormat, name: str, limits: Limits, integrity: bool) -> Case:
    if len(content) > limits.max_bytes:
        raise CaseFileError.about(name, f"input is over the limit of {limits.max_bytes:,} bytes")
    text = _decode(content, name)
    if fmt == "json":
        data = _read_json(content, name, limits.max_depth)
    else:
        try:
            data = parse_yaml(text, max_depth=limits.max_depth)
        except YamlProblem as exc:
            raise CaseFileError(
                [
                    FileProblem(
                        name,
                        None if exc.line is None else exc.line + 1,
                        None if exc.column is None else exc.column + 1,
                        exc.path,
                        exc.message,
                        exc.hint,
                    )
                ]
            ) from None
    if not isinstance(data, dict):
        raise CaseFileError.about(
            name,
            "the top level must be a mapping with 'meta' and the collections",
            "start the file with 'meta:'",
        )
    version = data.get("version", 1)
    if type(version) is not int:  # strict scalars: not true, not 1.0
        line, column, _ = SourceMap(text, limits, wanted=[("version",)]).find(("version",))
        raise CaseFileError(
            [
                FileProblem(
                    name,
                    line,
                    column,
                    "version",
                    f"expected the whole number 1, got {type(version).__name__} {version!r}",
                    "write version: 1",
                )
            ]
        )
    try:  # pydantic's own error, to locate each problem (not the located RecordError)
        return validate_case(data, integrity=integrity)
    except ValidationError as exc:
        raise CaseFileError(_problems(exc, text, name, limits)) from None


class SourceMap:
    r"""Positions of values in a case file by document path, found only when asked for.

    Given the paths it will be asked about (`wanted`), it records only those and their
    parents: locating a few problems in a large file then costs one pass and little
    memory. JSON is located by skipping, at C speed, every value off those paths.

    Examples:
        >>> where = SourceMap("meta:\n  title: Demo\n")
        >>> where.find(("meta", "title"))[:2]
        (2, 10)
        >>> where = SourceMap('{"meta": {"title": "Demo"}}', wanted=[("meta", "title")])
        >>> where.find(("meta", "title"))[:2]
        (1, 20)
    """

    def __init__(
        self,
        text: str,
        limits: Limits = DEFAULT_LIMITS,
        *,
        wanted: Iterable[DocPath] | None = None,
    ) -> None:
        self._text = text
        self._limits = limits
        self._marks: dict[DocPath, tuple[int, int, str | None]] | None = None
        self._wanted: set[DocPath] | None = None
        if wanted is not None:
            self._wanted = {path[:end] for path in wanted for end in range(len(path) + 1)}

    @classmethod
    def of_file(
        cls,
        path: str | os.PathLike[str],
        limits: Limits = DEFAULT_LIMITS,
        *,
        wanted: Iterable[DocPath] | None = None,
    ) -> SourceMap:
        """The map of a file already known to be readable."""
        return cls(read_text(path, max_bytes=limits.max_bytes), limits, wanted=wanted)

    def find(self, path: DocPath) -> tuple[int | None, int | None, str | None]:
        """1-based line and column of the deepest known part of `path`, and its plain text."""
        if self._marks is None:
            self._marks = {}
            located = False
            if self._wanted is not None and self._text.lstrip()[:1] == "{":
                located = _json_marks(self._text, self._wanted, self._marks)
            if not located:  # JSON is (almost always) YAML too, so one parser serves both
                self._marks.clear()
                with contextlib.suppress(YamlProblem):
                    parse_yaml(
                        self._text,
                        max_depth=self._limits.max_depth,
                        marks=self._marks,
                        wanted=self._wanted,
                    )
        for end in range(len(path), -1, -1):
            mark = self._marks.get(path[:end])
            if mark is not None:
                return mark[0] + 1, mark[1] + 1, mark[2] if end == len(path) else None
        return None, None, None


_SPACE: Final = re.compile(r"[ \t\n\r]*")


def _json_marks(
    text: str, wanted: set[DocPath], marks: dict[DocPath, tuple[int, int, str | None]]
) -> bool:
    """Record the 0-based line and column of the `wanted` paths of a JSON text.

    Values off those paths are skipped with the standard library's C scanner, so one
    pass locates every wanted path. Returns False if the text is not JSON after all.
    """
    decoder = json.JSONDecoder()
    found: dict[DocPath, int] = {}

    def skip(at: int) -> int:
        space = _SPACE.match(text, at)
        return space.end() if space else at

    def walk(at: int, path: DocPath) -> int:
        found[path] = at
        opening = text[at]
        if opening not in "{[" or path not in children:
            return int(decoder.raw_decode(text, at)[1])
        closing = "}" if opening == "{" else "]"
        at = skip(at + 1)
        index = 0
        while text[at] != closing:
            if opening == "{":
                key, at = decoder.raw_decode(text, at)
                if not isinstance(key, str):
                    raise ValueError("expected a key")
                at = skip(at)
                if text[at] != ":":
                    raise ValueError("expected ':'")
                at = skip(at + 1)
                step: str | int = key
            else:
                step = index
                index += 1
            inner = (*path, step)
            at = walk(at, inner) if inner in wanted else int(decoder.raw_decode(text, at)[1])
            at = skip(at)
            if text[at] == ",":
                at = skip(at + 1)
            elif text[at] != closing:
                raise ValueError("expected ',' or a closing bracket")
        return at + 1

    children = {w[:-1] for w in wanted if w}
    try:
        walk(skip(0), ())
    except (ValueError, IndexError, RecursionError):
        return False
    line, start, done = 0, 0, 0  # newlines counted once, in order of position
    for at, path in sorted((at, path) for path, at in found.items()):
        newlines = text.count("\n", done, at)
        if newlines:
            line += newlines
            start = text.rfind("\n", done, at) + 1
        done = at
        marks[path] = (line, at - start, None)
    return True


MAX_PROBLEMS: Final = 100
"""Most problems reported for one file; the rest are counted (fix these first)."""


def _problems(exc: ValidationError, text: str, name: str, limits: Limits) -> list[FileProblem]:
    """The first `MAX_PROBLEMS` problems, located in one pass over the text."""
    # (path, the error) for a validation error, (path, the problem) for an integrity one
    found: list[tuple[DocPath, ErrorDetails | IntegrityProblem]] = []
    for error in meaningful(exc.errors(include_url=False)):
        inner = error.get("ctx", {}).get("error")
        if isinstance(inner, IntegrityError):
            found += [(problem.path, problem) for problem in inner.problems]
        else:
            found.append((tuple(error["loc"]), error))
    more = len(found) - MAX_PROBLEMS
    found = found[:MAX_PROBLEMS]
    locator = SourceMap(text, limits, wanted=[path for path, _ in found])
    problems: list[FileProblem] = []
    for path, what in found:
        line, column, raw = locator.find(path)
        if isinstance(what, IntegrityProblem):
            problems.append(FileProblem(name, line, column, what.where, what.message, what.hint))
        else:
            message, hint = explain(what, raw)
            problems.append(FileProblem(name, line, column, format_path(path), message, hint))
    if more > 0:
        problems.append(
            FileProblem(name, None, None, "", f"and {more:,} more problems", "fix these first")
        )
    return problems
