"""The findings about one case file, each located at file:line:col, as text or JSON."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final

from scenarios._escape import html_table
from scenarios.checks._findings import Finding, Severity
from scenarios.errors import AnalysisError, FileProblem
from scenarios.io import DEFAULT_LIMITS, Limits, SourceMap, SourceTexts
from scenarios.model import Case, integrity_problems

__all__ = ["UNREADABLE", "CheckReport", "Findings", "Location", "unreadable_json"]

_COLUMNS: Final = ("code", "severity", "where", "finding", "hint")
"""The columns of a table of findings in a notebook."""


def _counted(count: int) -> str:
    return f"{count} finding{'s' if count != 1 else ''}"


class Findings(tuple[Finding, ...]):
    """Findings as `scenarios.checks.check` returns them: a tuple, shown as a table in Jupyter.

    Args:
        findings: The findings, in order.
        select: Keep only those whose code starts with one of these prefixes (all when
            empty); matched without regard to case.
        ignore: Then drop those whose code starts with one of these.
    """

    __slots__ = ()

    def __new__(
        cls, findings: Iterable[Finding], select: Sequence[str] = (), ignore: Sequence[str] = ()
    ) -> Findings:
        def matches(code: str, prefixes: Sequence[str]) -> bool:
            return any(code.startswith(prefix.upper()) for prefix in prefixes)

        return super().__new__(
            cls,
            (
                f
                for f in findings
                if (not select or matches(f.code, select)) and not matches(f.code, ignore)
            ),
        )

    def to_json(self) -> list[dict[str, Any]]:
        """The findings as JSON data, one object each (`Finding.to_json`), in order."""
        return [finding.to_json() for finding in self]

    def _repr_html_(self) -> str:
        """The findings as a table (code, severity, document path, message, hint)."""
        return html_table(
            _counted(len(self)),
            _COLUMNS,
            ((f.code, f.severity, f.where, f.message, f.hint or "") for f in self),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding stands in its file.

    Attributes:
        file: The file, as given.
        line: 1-based line, or None when the place is unknown.
        column: 1-based column, or None when the place is unknown.
        path: Where in the document, e.g. ``links[3].hypothesis``.
    """

    file: str
    line: int | None
    column: int | None
    path: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


@dataclass(frozen=True)
class CheckReport:
    """The findings about one case file (`scenarios.checks.check_file`), each located.

    Attributes:
        file: The case file, as given.
        case: The case as read: without the integrity check, which the R checks report
            (`sound_case` gives it for analysis).
        texts: The source texts found.
        findings: Sorted, errors first (`scenarios.checks.check`), after `select` and
            `ignore`.
        limits: The caps the file was read with.
    """

    file: str
    case: Case
    texts: SourceTexts
    findings: tuple[Finding, ...]
    limits: Limits = DEFAULT_LIMITS

    @cached_property
    def locations(self) -> tuple[Location, ...]:
        """Where each finding stands, one per finding, found when first asked for.

        Complexity: one pass over the file, recording only the places of the findings.
        """
        if not self.findings:
            return ()
        wanted = [f.path for f in self.findings]
        where = SourceMap.of_file(self.file, self.limits, wanted=wanted)
        return tuple(Location(self.file, *where.find(f.path)[:2], f.where) for f in self.findings)

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(f.severity == severity for f in self.findings)

    @property
    def failed(self) -> bool:
        """Whether a finding is an error (``scenarios check`` then exits 1)."""
        return any(f.severity == "error" for f in self.findings)

    def sound_case(self) -> Case:
        """The case, for analysis, when it holds together: ids unique, references resolved.

        This is judged from the case itself, whatever `select` and `ignore` kept.

        Raises:
            AnalysisError: The case has integrity errors (the R checks), so no analysis
                of it can be trusted.
        """
        if integrity_problems(self.case):
            raise AnalysisError(
                "the case has integrity errors, so it cannot be analysed",
                hint=f"scenarios check {self.file}",
            )
        return self.case

    def _repr_html_(self) -> str:
        """The findings as a table (code, severity, place, message, hint), for Jupyter."""
        return html_table(
            f"{self.file}: {_counted(len(self.findings))}",
            _COLUMNS,
            (
                (f.code, f.severity, f"{w.line}:{w.column} {w.path}", f.message, f.hint or "")
                for f, w in zip(self.findings, self.locations, strict=True)
            ),
        )

    def to_json(self) -> list[dict[str, Any]]:
        """One object per finding: code, severity, message, objects, location and hint."""
        return [
            _finding_json(finding, where)
            for finding, where in zip(self.findings, self.locations, strict=True)
        ]

    def to_text(self) -> str:
        """A line per finding, its hint below it, then the counts.

        A finding's line is ``file:line:col: CODE [severity] message``; the counts'
        ``case.yaml: 2 errors, 1 warning`` (or ``no findings``).
        """
        lines = []
        for finding, where in zip(self.findings, self.locations, strict=True):
            lines.append(f"{where}: {finding.code} [{finding.severity}] {finding.message}")
            if finding.hint:
                lines.append(f"  hint: {finding.hint}")
        counts = ", ".join(
            f"{n} {severity}{'s' if n != 1 else ''}"
            for severity in ("error", "warning", "info")
            if (n := self.count(severity))
        )
        lines.append(f"{self.file}: {counts or 'no findings'}")
        return "\n".join(lines) + "\n"


def _finding_json(finding: Finding, where: Location) -> dict[str, Any]:
    """One finding as ``scenarios check --format json`` writes it."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "objects": list(finding.objects),
        "location": {
            "file": where.file,
            "line": where.line,
            "column": where.column,
            "path": where.path,
        },
        "hint": finding.hint,
    }


UNREADABLE: Final = "E000"
"""The code a problem that stops a case file being read has in JSON output."""


def unreadable_json(problems: Sequence[FileProblem]) -> list[dict[str, Any]]:
    """The problems that stop a case file being read (a `CaseFileError`), as findings.

    In the shape of `CheckReport.to_json`, each an error with code `UNREADABLE`.
    """
    return [
        _finding_json(
            Finding(UNREADABLE, "error", p.message, hint=p.hint),
            Location(p.file, p.line, p.column, p.path),
        )
        for p in problems
    ]
