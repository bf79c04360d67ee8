"""The check catalogue: consistency checks that report findings about a case."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from scenarios.checks import integrity
from scenarios.checks._findings import CheckInfo, Finding, Severity
from scenarios.model.case import Case

__all__ = ["CATALOGUE", "CheckInfo", "Finding", "Severity", "check", "filter_findings"]

CATALOGUE: Final[tuple[CheckInfo, ...]] = tuple(sorted(integrity.CHECKS, key=lambda c: c.code))
"""Every check, by code."""


def check(case: Case) -> tuple[Finding, ...]:
    """Run every check on `case`; findings sorted (errors first) and without repeats.

    Complexity: O(n) in the number of objects and references.

    Examples:
        >>> from scenarios import Case, CaseMeta, Link
        >>> broken = Case.unchecked({"meta": {"title": "x"},
        ...     "links": [{"evidence": "e1", "hypothesis": "h1", "rating": "C"}]})
        >>> [f.code for f in check(broken)]
        ['R002', 'R002']
    """
    findings = integrity.integrity_findings(case)
    return tuple(sorted(set(findings), key=Finding.sort_key))


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix.upper()) for prefix in prefixes)


def filter_findings(
    findings: Iterable[Finding],
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[Finding, ...]:
    """Keep findings whose code starts with a `select` prefix (all when empty), minus `ignore`.

    Examples:
        >>> fs = [Finding("R001", "error", "a"), Finding("R002", "error", "b")]
        >>> [f.code for f in filter_findings(fs, ignore=["R001"])]
        ['R002']
    """
    chosen, dropped = tuple(select), tuple(ignore)
    return tuple(
        f
        for f in findings
        if (not chosen or _matches(f.code, chosen)) and not _matches(f.code, dropped)
    )
