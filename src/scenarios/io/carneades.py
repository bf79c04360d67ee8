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

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from scenarios.errors import CaseFileError, FileProblem
from scenarios.io._yaml import YamlProblem, parse_yaml
from scenarios.io.files import read_text
from scenarios.model.argument_graph import ArgumentGraph, CArgument, Issue

__all__ = ["UNSUPPORTED_KEYS", "parse_carneades", "read_carneades"]

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
_SCHEMES: Final = ("linked", "convergent", "cumulative", "factorized")
_STANDARDS: Final = ("PE", "CCE", "BRD")


def _mapping(value: Any, what: str, name: str) -> Mapping[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CaseFileError.about(
            name, f"{what} must be a mapping of ids", f"write {what}: {{id: ...}}"
        )
    return value


def _statements(data: Mapping[str, Any], name: str) -> tuple[dict[str, str], set[str]]:
    statements: dict[str, str] = {}
    assumed: set[str] = set()
    for sid, spec in _mapping(data.get("statements"), "statements", name).items():
        if isinstance(spec, dict):
            statements[str(sid)] = str(spec.get("text", sid))
            if spec.get("assumed") is True:
                assumed.add(str(sid))
        else:
            statements[str(sid)] = str(spec)
    assumed.update(str(s) for s in (data.get("assumptions") or []))
    return statements, assumed


def _issues(data: Mapping[str, Any], name: str) -> list[Issue]:
    issues = []
    for iid, spec in _mapping(data.get("issues"), "issues", name).items():
        standard = spec.get("standard", "PE")
        if standard not in _STANDARDS:
            raise CaseFileError.about(
                name, f"issue {iid!r}: unknown proof standard {standard!r}", "use PE, CCE or BRD"
            )
        issues.append(Issue(str(iid), tuple(str(p) for p in spec.get("positions", [])), standard))
    return issues


def _arguments(data: Mapping[str, Any], name: str) -> list[CArgument]:
    arguments = []
    for aid, spec in _mapping(data.get("arguments"), "arguments", name).items():
        if not isinstance(spec, dict) or "conclusion" not in spec:
            raise CaseFileError.about(
                name, f"argument {aid!r} has no conclusion", "give it a conclusion:"
            )
        premises = spec.get("premises") or []
        roles: tuple[tuple[str, str], ...] = ()
        if isinstance(premises, dict):
            roles = tuple((str(role), str(s)) for role, s in premises.items())
            premises = [s for _, s in roles]
        scheme = spec.get("scheme", "linked")
        if scheme not in _SCHEMES:
            raise CaseFileError.about(
                name,
                f"argument {aid!r}: unknown weighing scheme {scheme!r}",
                "use linked, convergent, cumulative or factorized",
            )
        undercutter = spec.get("undercutter")
        arguments.append(
            CArgument(
                str(aid),
                str(spec["conclusion"]),
                tuple(str(p) for p in premises),
                str(undercutter) if undercutter is not None else None,
                scheme,
                1.0,
                roles,
            )
        )
    return arguments


def parse_carneades(
    text: str, name: str = "<string>"
) -> tuple[ArgumentGraph, dict[str, list[str]]]:
    """The argument graph and the expected labels (``tests``) of a Carneades 4 YAML text.

    Raises:
        CaseFileError: Unsafe or malformed YAML, refused keys, unknown schemes or
            standards, or statements named but not declared.
    """
    try:
        data = parse_yaml(text, max_depth=32)
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
    for key in UNSUPPORTED_KEYS:
        if key in data:
            raise CaseFileError.about(
                name,
                f"{key!r}: rule-based argument generation is not supported",
                f"remove the {key!r} section and state the arguments themselves",
            )
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise CaseFileError.about(
            name,
            f"unknown sections: {', '.join(unknown)}",
            "a Carneades file has meta, statements, issues, arguments, assumptions, tests",
        )
    statements, assumed = _statements(data, name)
    issues = _issues(data, name)
    arguments = _arguments(data, name)
    tests = {
        k: [str(s) for s in (data.get("tests") or {}).get(k, [])]
        for k in ("in", "out", "undecided")
    }
    try:
        graph = ArgumentGraph(statements, arguments, issues, assumed, dict(data.get("meta") or {}))
    except ValueError as exc:
        raise CaseFileError.about(
            name, str(exc), "declare every statement under statements:"
        ) from None
    return graph, tests


def read_carneades(path: str | Path) -> tuple[ArgumentGraph, dict[str, list[str]]]:
    """`parse_carneades` of a file.

    Raises:
        CaseFileError: The file is missing or malformed.
    """
    return parse_carneades(read_text(path), str(path))
