"""Findings: what a check reports, and the catalogue entry each one comes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from scenarios.checks._defects import Defect
from scenarios.model._paths import Path, format_path

__all__ = ["SEVERITY_ORDER", "CheckInfo", "Finding", "Severity"]

Severity: TypeAlias = Literal["error", "warning", "info"]
"""How serious a finding is; only errors make `scenarios check` fail."""

SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """One entry of the check catalogue.

    Attributes:
        code: Stable code, e.g. ``R002``; the letter names the family.
        name: Stable kebab-case name, e.g. ``unresolved-reference``.
        severity: Severity of its findings.
        summary: What it finds, in one line.
        fix: How to fix what it finds.
        example: A minimal case (YAML) that it flags; the docs show it and a test runs it.
        example_texts: Source texts the example needs, by source id.
        defect: How to cause a finding of this check in a valid case, for
            `scenarios.strategies.defective_cases`: called with the case as JSON-like
            data (every collection present, as a list) and its source texts by id, it
            adds the defect in place, with ids starting ``x-``, and says what it added.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    fix: str
    example: str = ""
    example_texts: tuple[tuple[str, str], ...] = ()
    defect: Defect | None = field(default=None, compare=False, repr=False)

    def finding(
        self, message: str, objects: tuple[str, ...], path: Path, hint: str | None = None
    ) -> Finding:
        """A finding of this check; the hint defaults to the check's fix."""
        return Finding(self.code, self.severity, message, objects, path, hint or self.fix)


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding about a case.

    Attributes:
        code: The check's code.
        severity: ``error``, ``warning`` or ``info``.
        message: One line naming the objects involved.
        objects: Ids of the objects involved.
        path: Where in the document, e.g. ``("links", 3, "hypothesis")``.
        hint: How to fix it.
    """

    code: str
    severity: Severity
    message: str
    objects: tuple[str, ...] = ()
    path: Path = ()
    hint: str | None = None

    @property
    def where(self) -> str:
        """The path as messages show it."""
        return format_path(self.path)

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON data, as ``scenarios check --format json`` writes it.

        There each finding has a ``location`` too: its file, line and column, and this
        ``path``.

        Examples:
            >>> Finding("R001", "error", "no such id", ("ghost",), ("links", 0)).to_json()
            {'code': 'R001', 'severity': 'error', 'message': 'no such id', 'objects': ['ghost'],
             'path': 'links[0]', 'hint': None}
        """
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "objects": list(self.objects),
            "path": self.where,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[int, str, str, str]:
        """Errors first, then by code, place and message (stable, order-independent)."""
        return (SEVERITY_ORDER[self.severity], self.code, self.where, self.message)
