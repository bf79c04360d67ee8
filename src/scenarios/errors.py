"""The one error tree of `scenarios`.

Every error the library raises on purpose derives from `ScenariosError`, and
each specific error also subclasses the builtin it refines, so callers can
catch either::

    ScenariosError
    ├── CaseFileError(ValueError)      a case file cannot be read: size, syntax,
    │                                  safety rules, schema or references;
    │                                  carries every problem with file:line:col
    ├── IntegrityError(ValueError)     ids used twice or references that do not
    │                                  resolve, all of them at once
    ├── UnknownIdError(LookupError)    a query for an id the case does not hold
    └── RenderError(RuntimeError)      Graphviz failed or ran out of time
        └── GraphvizNotFoundError      the Graphviz programs are not installed
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scenarios.model.integrity import IntegrityProblem

__all__ = [
    "CaseFileError",
    "FileProblem",
    "GraphvizNotFoundError",
    "IntegrityError",
    "RenderError",
    "ScenariosError",
    "UnknownIdError",
]


class ScenariosError(Exception):
    """Root of every error raised by `scenarios`."""


@dataclass(frozen=True, slots=True)
class FileProblem:
    """One problem found in a case file.

    Attributes:
        file: The file's path as given by the caller.
        line: 1-based line, or None when the place is unknown.
        column: 1-based column, or None when the place is unknown.
        path: Where in the document, e.g. ``evidence[3].credibility``; empty
            for problems with the file as a whole.
        message: What is wrong.
        hint: How to fix it, when there is something useful to say.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}:{self.column}"
        text = f"{place}: {self.path}: {self.message}" if self.path else f"{place}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class CaseFileError(ScenariosError, ValueError):
    """A case file could not be read; `problems` lists every problem found."""

    def __init__(self, problems: Sequence[FileProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in case file"
        super().__init__("\n".join([head, *map(str, self.problems)]))

    @classmethod
    def about(
        cls, file: str, message: str, hint: str | None = None, line: int | None = None
    ) -> CaseFileError:
        """One problem with a file as a whole (or with one line of it)."""
        return cls([FileProblem(file, line, None if line is None else 1, "", message, hint)])


class IntegrityError(ScenariosError, ValueError):
    """Ids used twice or references that do not resolve, all of them at once."""

    def __init__(self, problems: Sequence[IntegrityProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} integrity problem{'s' if count != 1 else ''} in case"
        lines = (f"- {p.where}: {p.message}" for p in self.problems)
        super().__init__("\n".join([head, *lines]))


class UnknownIdError(ScenariosError, LookupError):
    """A query named an id that the case does not hold."""

    def __init__(self, missing: str, kind: str, suggestion: str | None = None) -> None:
        self.missing = missing
        self.kind = kind
        self.suggestion = suggestion
        text = f"no {kind} with id {missing!r} in this case"
        if suggestion is not None:
            text += f"; did you mean {suggestion!r}?"
        super().__init__(text)


class RenderError(ScenariosError, RuntimeError):
    """Graphviz could not lay out a diagram: it failed, or ran out of time."""


class GraphvizNotFoundError(RenderError):
    """The Graphviz programs (``dot``, ``sfdp``) are not installed."""
