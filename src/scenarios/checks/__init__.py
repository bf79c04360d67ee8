"""The check catalogue: consistency checks that report findings about a case."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from scenarios.checks import (  # noqa: F401 - importing a family registers its checks
    integrity,
    provenance,
    reasoning,
    review,
    timeline,
)
from scenarios.checks._findings import CheckInfo, Finding, Severity
from scenarios.checks._options import CheckOptions
from scenarios.checks._registry import REGISTRY, CheckContext
from scenarios.io.texts import SourceTexts
from scenarios.model.case import Case

__all__ = [
    "CATALOGUE",
    "CheckContext",
    "CheckInfo",
    "CheckOptions",
    "Finding",
    "Severity",
    "check",
    "filter_findings",
]

CATALOGUE: Final[tuple[CheckInfo, ...]] = tuple(
    sorted({info for info, _ in REGISTRY}, key=lambda c: c.code)
)
"""Every check, by code."""


def check(
    case: Case, *, texts: SourceTexts | None = None, options: CheckOptions | None = None
) -> tuple[Finding, ...]:
    """Run every check on `case`; findings sorted (errors first) and without repeats.

    Complexity: near-linear in the number of objects, references and text length.

    Args:
        case: The case.
        texts: Its source texts (`scenarios.io.texts.read_source_texts`); without
            them, quotes are reported as unverified.
        options: Thresholds of the checks that take them (default: `CheckOptions()`).

    Examples:
        >>> broken = Case.unchecked({"meta": {"title": "x"},
        ...     "links": [{"evidence": "e1", "hypothesis": "h1", "rating": "C"}]})
        >>> [f.code for f in check(broken)]
        ['R002', 'R002']
    """
    context = CheckContext(case, texts or SourceTexts(), options or CheckOptions())
    seen: set[int] = set()
    findings: set[Finding] = set()
    for _, function in REGISTRY:
        if id(function) not in seen:  # a function may serve several entries
            seen.add(id(function))
            findings.update(function(context))
    return tuple(sorted(findings, key=Finding.sort_key))


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


def catalogue_markdown() -> str:
    """The catalogue as the Markdown table of the docs' checks page (which a test compares).

    Examples:
        >>> catalogue_markdown().splitlines()[0]
        '| code | name | severity | finds | fix |'
    """
    rows = ["| code | name | severity | finds | fix |", "| --- | --- | --- | --- | --- |"]
    rows += [f"| {c.code} | {c.name} | {c.severity} | {c.summary} | {c.fix} |" for c in CATALOGUE]
    return "\n".join(rows) + "\n"
