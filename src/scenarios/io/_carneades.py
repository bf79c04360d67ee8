"""Reading Carneades 4 argument graphs (YAML), with the same safe YAML reader as case files.

Kept: ``meta``, ``statements`` (text, or a mapping with ``text``, ``assumed``, ``meta``),
``issues`` (``positions``, ``standard``: PE by default), ``arguments`` (``conclusion``,
``premises`` as a list or as a mapping of roles, ``undercutter``, ``scheme``, ``weight``
and ``parameters`` as metadata), ``assumptions`` and ``tests``. Rule-based argument
generation (``language``, ``argument_schemes``, ``issue_schemes``) is out of scope and
refused by name.

Examples:
    >>> graph, tests = parse_carneades('''
    ... statements: {e1: E1, e2: E2, h: H, not_h: Not H}
    ... assumptions: [e1, e2]
    ... issues: {i: {positions: [h, not_h], standard: PE}}
    ... arguments:
    ...   a1: {conclusion: h, premises: [e1]}
    ...   a2: {conclusion: not_h, premises: [e2]}
    ... tests: {in: [e1, e2], out: [h, not_h]}
    ... ''')
    >>> sorted(graph.assumptions), tests["out"]
    (['e1', 'e2'], ['h', 'not_h'])
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from scenarios.errors import AnalysisError, CaseFileError, FileProblem
from scenarios.io._files import HEAD_BYTES, read_head, read_text
from scenarios.io._plain import MAX_DEPTH
from scenarios.io._yaml import YamlProblem, parse_yaml
from scenarios.model import ArgumentGraph, CArgument, Issue
from scenarios.model._integrity import COLLECTIONS
from scenarios.model._paths import format_path

__all__ = ["UNSUPPORTED_KEYS", "is_carneades", "parse_carneades", "read_carneades"]

UNSUPPORTED_KEYS: Final = ("language", "argument_schemes", "issue_schemes")
"""Keys of rule-based argument generation, which are refused."""

_KNOWN: Final = {
    "meta",
    "statements",
    "issues",
    "arguments",
    "assumptions",
    "tests",
    *UNSUPPORTED_KEYS,
}
_ARGUMENT_KEYS: Final = (
    "conclusion",
    "premises",
    "undercutter",
    "scheme",
    "weight",
    "parameters",
    "meta",
)
"""The keys an argument may have; another (a misspelt ``wieght``) is an error."""
_SCHEMES: Final = ("linked", "convergent", "cumulative", "factorized")
_STANDARDS: Final = ("PE", "CCE", "BRD")


_Marks = dict[tuple[str | int, ...], tuple[int, int, str | None]]
_Path = tuple[str | int, ...]
_SCALAR: Final = (str, int, float, bool)


class _Reader:
    """Checks the structure section by section, each problem located as in case files."""

    def __init__(self, name: str, marks: _Marks) -> None:
        self.name = name
        self.marks = marks

    def fail(self, path: _Path, message: str, hint: str | None = None) -> CaseFileError:
        line: int | None = None
        column: int | None = None
        for end in range(len(path), -1, -1):
            mark = self.marks.get(path[:end])
            if mark is not None:
                line, column = mark[0] + 1, mark[1] + 1
                break
        return CaseFileError(
            [FileProblem(self.name, line, column, format_path(path), message, hint)]
        )

    def mapping(self, value: Any, path: _Path, hint: str) -> Mapping[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping, got {_kind(value)}", hint)
        return value

    def ids(self, value: Any, path: _Path, hint: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list of statement ids, got {_kind(value)}", hint)
        for k, item in enumerate(value):
            self.scalar(item, (*path, k), "a statement id")
        return [str(item) for item in value]

    def scalar(self, value: Any, path: _Path, what: str) -> str:
        if not isinstance(value, _SCALAR):
            raise self.fail(path, f"expected {what}, got {_kind(value)}", f"write {what} as text")
        return str(value)

    def statements(self, data: Mapping[str, Any]) -> tuple[dict[str, str], set[str]]:
        statements: dict[str, str] = {}
        assumed: set[str] = set()
        hint = "write statements: {id: text} or {id: {text: ..., assumed: true}}"
        for sid, spec in self.mapping(data.get("statements"), ("statements",), hint).items():
            path: _Path = ("statements", sid)
            if isinstance(spec, dict):
                statements[sid] = self.scalar(spec.get("text", sid), (*path, "text"), "a text")
                if spec.get("assumed", False) not in (True, False):
                    raise self.fail((*path, "assumed"), "expected true or false", "write true")
                if spec.get("assumed") is True:
                    assumed.add(sid)
                self.mapping(spec.get("meta"), (*path, "meta"), "write meta: {key: value}")
            else:
                statements[sid] = self.scalar(spec, path, "a text")
        hint = "write assumptions: [id, ...]"
        assumed.update(self.ids(data.get("assumptions"), ("assumptions",), hint))
        return statements, assumed

    def issues(self, data: Mapping[str, Any]) -> list[Issue]:
        issues = []
        hint = "write issues: {id: {positions: [a, b], standard: PE}}"
        for iid, spec in self.mapping(data.get("issues"), ("issues",), hint).items():
            path: _Path = ("issues", iid)
            body = self.mapping(spec, path, hint)
            standard = body.get("standard", "PE")
            if standard not in _STANDARDS:
                raise self.fail(
                    (*path, "standard"),
                    f"unknown proof standard {standard!r}",
                    "use PE, CCE or BRD",
                )
            if body.get("positions") is None:
                raise self.fail((*path, "positions"), f"issue {iid!r} has no positions", hint)
            positions = self.ids(body["positions"], (*path, "positions"), hint)
            issues.append(Issue(iid, tuple(positions), standard))
        return issues

    def arguments(self, data: Mapping[str, Any]) -> list[CArgument]:
        arguments = []
        hint = "write arguments: {id: {conclusion: c, premises: [p, ...]}}"
        for aid, spec in self.mapping(data.get("arguments"), ("arguments",), hint).items():
            path: _Path = ("arguments", aid)
            if not isinstance(spec, dict) or "conclusion" not in spec:
                raise self.fail(path, f"argument {aid!r} has no conclusion", "give it conclusion:")
            for key in spec:
                if key not in _ARGUMENT_KEYS:
                    close = difflib.get_close_matches(str(key), _ARGUMENT_KEYS, n=1)
                    raise self.fail(
                        (*path, key),
                        f"unknown field {key!r} of argument {aid!r}",
                        f"did you mean {close[0]!r}?"
                        if close
                        else f"an argument has {', '.join(_ARGUMENT_KEYS)}",
                    )
            conclusion = self.scalar(spec["conclusion"], (*path, "conclusion"), "a statement id")
            premises = spec.get("premises")
            roles: tuple[tuple[str, str], ...] = ()
            if isinstance(premises, dict):
                roles = tuple(
                    (role, self.scalar(s, (*path, "premises", role), "a statement id"))
                    for role, s in premises.items()
                )
                names = [s for _, s in roles]
            else:
                names = self.ids(premises, (*path, "premises"), "write premises: [p, ...]")
            scheme = spec.get("scheme", "linked")
            if scheme not in _SCHEMES:
                raise self.fail(
                    (*path, "scheme"),
                    f"unknown weighing scheme {scheme!r}",
                    "use linked, convergent, cumulative or factorized",
                )
            undercutter = spec.get("undercutter")
            if undercutter is not None:
                undercutter = self.scalar(undercutter, (*path, "undercutter"), "a statement id")
            arguments.append(
                CArgument(aid, conclusion, tuple(names), undercutter, scheme, 1.0, roles)
            )
        return arguments

    def tests(self, data: Mapping[str, Any]) -> dict[str, list[str]]:
        hint = "write tests: {in: [id, ...], out: [...], undecided: [...]}"
        body = self.mapping(data.get("tests"), ("tests",), hint)
        for key in body:
            if key not in ("in", "out", "undecided"):
                raise self.fail(("tests", key), f"unknown label {key!r}", hint)
        return {k: self.ids(body.get(k), ("tests", k), hint) for k in ("in", "out", "undecided")}


def _kind(value: Any) -> str:
    """How a value is described in messages."""
    if value is None:
        return "nothing"
    kinds = {dict: "a mapping", list: "a list", bool: "true or false", str: "text"}
    return kinds.get(type(value), f"the number {value!r}")


def parse_carneades(
    text: str, name: str = "<string>"
) -> tuple[ArgumentGraph, dict[str, list[str]]]:
    """The argument graph and the expected labels (``tests``) of a Carneades 4 YAML text.

    Every section is checked for its shape (mappings of ids, lists of statement ids,
    texts), each problem named with its line, column and path as in case files.

    Raises:
        CaseFileError: Unsafe or malformed YAML, a section of the wrong shape, refused
            keys, unknown schemes or standards, or statements named but not declared.
    """
    marks: _Marks = {}
    try:
        data = parse_yaml(text, max_depth=MAX_DEPTH, marks=marks)
    except YamlProblem as exc:
        line = None if exc.line is None else exc.line + 1
        column = None if exc.column is None else exc.column + 1
        raise CaseFileError(
            [FileProblem(name, line, column, exc.path, exc.message, exc.hint)]
        ) from None
    if not isinstance(data, dict):
        raise CaseFileError.about(
            name, "a Carneades file is a mapping of sections", "start with statements:"
        )
    reader = _Reader(name, marks)
    for key in UNSUPPORTED_KEYS:
        if key in data:
            raise reader.fail(
                (key,),
                f"{key!r}: rule-based argument generation is not supported",
                f"remove the {key!r} section and state the arguments themselves",
            )
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise reader.fail(
            (unknown[0],),
            f"unknown sections: {', '.join(unknown)}",
            "a Carneades file has meta, statements, issues, arguments, assumptions, tests",
        )
    meta = reader.mapping(data.get("meta"), ("meta",), "write meta: {key: value}")
    statements, assumed = reader.statements(data)
    issues = reader.issues(data)
    arguments = reader.arguments(data)
    tests = reader.tests(data)
    for label, named in tests.items():
        for k, statement in enumerate(named):
            if statement not in statements:
                raise reader.fail(
                    ("tests", label, k),
                    f"tests name {statement!r}, which is not a statement",
                    "name statements declared under statements:",
                )
    try:
        graph = ArgumentGraph(statements, arguments, issues, assumed, dict(meta))
    except AnalysisError as exc:
        raise CaseFileError.about(
            name, exc.message, "declare every statement under statements:"
        ) from None
    return graph, tests


def read_carneades(path: str | Path) -> tuple[ArgumentGraph, dict[str, list[str]]]:
    """`parse_carneades` of a file.

    Raises:
        CaseFileError: The file is missing or malformed.
    """
    return parse_carneades(read_text(path), str(path))


_ONLY_CARNEADES: Final = {"statements", "issues", "tests", *UNSUPPORTED_KEYS}
_ONLY_CASE: Final = {"version", *COLLECTIONS} - {"arguments", "assumptions"}
_TOP_KEY: Final = re.compile(r"^[\"']?([A-Za-z_]+)[\"']?[ \t]*:", re.MULTILINE)


def is_carneades(path: str | Path) -> bool:
    """Whether a YAML file is a Carneades graph rather than a case, told by its content.

    A Carneades file has ``statements``, ``issues`` or ``tests`` at the top level and
    none of a case's collections (both may have ``meta``, ``arguments`` and
    ``assumptions``). Only the first `HEAD_BYTES` bytes are read, through the capped
    reader: a device or FIFO is refused, bytes that are not UTF-8 are left for the
    reader to report.

    Raises:
        CaseFileError: The file is missing, a folder, or not a regular file.
    """
    head = read_head(path)
    text = head.decode("utf-8-sig", errors="replace")
    keys = set(_TOP_KEY.findall(text))
    if len(head) < HEAD_BYTES and not keys & (_ONLY_CARNEADES | _ONLY_CASE):
        try:  # the whole file is at hand: flow style too, {statements: ...}
            data = parse_yaml(text, max_depth=MAX_DEPTH)
        except YamlProblem:
            data = None
        keys = {str(k) for k in data} if isinstance(data, dict) else set()
    return bool(keys & _ONLY_CARNEADES) and not keys & _ONLY_CASE
