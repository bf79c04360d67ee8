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
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

import jiter
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from scenarios.errors import CaseFileError, FileProblem, IntegrityError
from scenarios.io._atomic import write_atomic
from scenarios.io._yaml import YamlProblem, dump_yaml, parse_yaml
from scenarios.model.case import SKIP_INTEGRITY, Case
from scenarios.model.integrity import Path as DocPath
from scenarios.model.integrity import format_path
from scenarios.types import ID_PATTERN, PARTIAL_DATE_PATTERN

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "Format",
    "Limits",
    "SourceMap",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "read_text",
]

Format: TypeAlias = Literal["yaml", "json"]
"""A case file format."""

FORMATS: Final[Mapping[str, Format]] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
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
    max_depth: int = 32


DEFAULT_LIMITS: Final = Limits()


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file's suffix names.

    Raises:
        CaseFileError: The suffix is not .yaml, .yml or .json.

    Examples:
        >>> format_of("case.yml")
        'yaml'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise CaseFileError.about(
            str(path),
            f"unknown case file type {suffix or '(none)'!r}",
            "name the file .yaml, .yml or .json",
        )
    return FORMATS[suffix]


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
    fmt = format_of(path)
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
    format: Format,
    name: str = "<string>",
    limits: Limits = DEFAULT_LIMITS,
    integrity: bool = True,
) -> Case:
    """Read a case from a string or bytes; `name` stands for the file in messages.

    Raises:
        CaseFileError: As for `load`.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    return _parse(data, format, name, limits, integrity)


def dumps(case: Case, *, format: Format = "yaml", schema: str | None = None) -> str:
    """Write a case as text: fields in model order, defaults left out, unicode as is.

    Args:
        case: The case.
        format: ``yaml`` or ``json``.
        schema: For YAML, a JSON Schema path or URL for the
            ``yaml-language-server`` modeline on the first line.
    """
    if format == "json":
        # pydantic's own writer: the same text as json.dumps(indent=2), 7x faster; `version`
        # is a default, so it is put first by hand ("meta" is required: the body is not empty)
        body = case.model_dump_json(exclude_defaults=True, indent=2)
        return f'{{\n  "version": {case.version},{body[1:]}\n'
    data = {"version": case.version, **case.model_dump(mode="json", exclude_defaults=True)}
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return head + dump_yaml(data)


def dump(case: Case, path: str | os.PathLike[str], *, schema: str | None = None) -> None:
    """Write a case to a file atomically, in the format its suffix names.

    A failed write leaves any earlier file intact. Reading the file back gives
    an equal case.
    """
    write_atomic(path, dumps(case, format=format_of(path), schema=schema).encode("utf-8"))


# -- reading ------------------------------------------------------------------------------

_JITER_POSITION: Final = re.compile(r"^(?P<msg>.*) at line (?P<line>\d+) column (?P<col>\d+)$")


def _read_bytes(
    path: str | os.PathLike[str],
    max_bytes: int | None,
    *,
    what: str = "file",
    expected: str = "the file itself",
    too_large: str = "split it, or allow more (max_bytes) if the file is trusted",
) -> bytes:
    """A file's bytes, its size checked before reading; one `CaseFileError` on failure."""
    name = str(path)
    try:
        size = os.stat(path).st_size
        if max_bytes is not None and size > max_bytes:
            raise CaseFileError.about(
                name,
                f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes",
                too_large,
            )
        with open(path, "rb") as handle:
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise CaseFileError.about(name, "file not found", "check the path") from None
    except IsADirectoryError:
        raise CaseFileError.about(name, f"is a folder, not a {what}", f"name {expected}") from None
    except PermissionError:
        raise CaseFileError.about(
            name, "permission denied", "check the file's permissions"
        ) from None


def read_text(
    path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_LIMITS.max_bytes
) -> str:
    """The text of a file in UTF-8 (a byte-order mark dropped), for the other readers.

    Missing files, folders, unreadable files, files over `max_bytes` (None: no cap) and
    bytes that are not UTF-8 each raise one `CaseFileError` naming the file, the place
    and the fix.
    """
    return _decode(_read_bytes(path, max_bytes), str(path))


def _decode(content: bytes, name: str) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content.count(b"\n", 0, exc.start) + 1
        column = exc.start - (content.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CaseFileError(
            [FileProblem(name, line, column, "", "the file is not valid UTF-8", "save it as UTF-8")]
        ) from None


def _read_json(content: bytes, name: str) -> Any:
    try:
        return jiter.from_json(content, allow_inf_nan=False, catch_duplicate_keys=True)
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
            message, hint = "nesting too deep", "case files are shallow; check the brackets"
        else:
            message = f"JSON syntax error: {message}"
        raise CaseFileError([FileProblem(name, line, column, "", message, hint)]) from None


def _parse(content: bytes, fmt: Format, name: str, limits: Limits, integrity: bool) -> Case:
    if len(content) > limits.max_bytes:
        raise CaseFileError.about(name, f"input is over the limit of {limits.max_bytes:,} bytes")
    text = _decode(content, name)
    if fmt == "json":
        data = _read_json(content, name)
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
    try:
        return Case.model_validate(data, context={SKIP_INTEGRITY: not integrity})
    except ValidationError as exc:
        raise CaseFileError(_problems(exc, text, name, limits)) from None


class SourceMap:
    r"""Positions of values in a case file by document path, found only when asked for.

    Examples:
        >>> where = SourceMap("meta:\n  title: Demo\n")
        >>> where.find(("meta", "title"))[:2]
        (2, 10)
    """

    def __init__(self, text: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self._text = text
        self._limits = limits
        self._marks: dict[DocPath, tuple[int, int, str | None]] | None = None

    @classmethod
    def of_file(cls, path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> SourceMap:
        """The map of a file already known to be readable."""
        return cls(Path(path).read_text(encoding="utf-8-sig"), limits)

    def find(self, path: DocPath) -> tuple[int | None, int | None, str | None]:
        """1-based line and column of the deepest known part of `path`, and its plain text."""
        if self._marks is None:
            self._marks = {}
            # JSON is (almost always) YAML too, so one parser serves both.
            with contextlib.suppress(YamlProblem):
                parse_yaml(self._text, max_depth=self._limits.max_depth, marks=self._marks)
        for end in range(len(path), -1, -1):
            mark = self._marks.get(path[:end])
            if mark is not None:
                return mark[0] + 1, mark[1] + 1, mark[2] if end == len(path) else None
        return None, None, None


_UNKNOWN_FIELD_HINT: Final = "check its spelling; `scenarios schema` lists every field"
_ID_HINT: Final = "ids are lowercase letters and digits joined by '-', '_' or '.', e.g. {!r}"
_DATE_HINT: Final = "write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END of those"


def _explain(error: ErrorDetails, raw: str | None) -> tuple[str, str | None]:  # noqa: PLR0911 - a branch per error type
    """A message and a hint for one validation error."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    field = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"missing required field {field!r}", None
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return (
            f"unknown field {field!r}",
            "check its spelling; `scenarios schema` lists every field",
        )
    if kind == "string_type":
        hint = f'quote it: "{raw}"' if raw is not None else "write it as text"
        return f"expected text, got {type(value).__name__} {value!r}", hint
    if kind == "bool_type":
        return (
            f"expected true or false, got {value!r}",
            "write true or false (YAML 1.2 reads yes, no, on and off as text)",
        )
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return f"expected a number, got the text {value!r}", "write the number without quotes"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "item-1"
        return (
            f"{value!r} is not a valid id",
            f"ids are lowercase letters and digits joined by '-', '_' or '.', e.g. {slug!r}",
        )
    if (
        kind == "string_pattern_mismatch"
        and error.get("ctx", {}).get("pattern") == PARTIAL_DATE_PATTERN
    ):
        return (
            f"{value!r} is not a calendar date",
            "write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END of those",
        )
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"expected a day, got {value!r}", "write the day as YYYY-MM-DD"
    return error["msg"].removeprefix("Value error, "), None


def _problems(exc: ValidationError, text: str, name: str, limits: Limits) -> list[FileProblem]:
    locator = SourceMap(text, limits)
    problems: list[FileProblem] = []
    for error in exc.errors(include_url=False):
        inner = error.get("ctx", {}).get("error")
        if isinstance(inner, IntegrityError):
            for problem in inner.problems:
                line, column, _ = locator.find(problem.path)
                problems.append(
                    FileProblem(name, line, column, problem.where, problem.message, problem.hint)
                )
            continue
        path = tuple(error["loc"])
        line, column, raw = locator.find(path)
        message, hint = _explain(error, raw)
        problems.append(FileProblem(name, line, column, format_path(path), message, hint))
    return problems
