"""The one error tree of `scenarios`.

Every error the library raises on purpose derives from `ScenariosError`, and
each specific error also subclasses the builtin it refines, so callers can
catch either. An error the caller caused (a file, a case, an option, a record
built in Python) is always a `ScenariosError`; anything else escaping the library
is a bug. Pydantic's `ValidationError` does not escape: building a record with a
wrong field (``Evidence(..., credibility=9)``, ``Case.model_validate({"meta": 3})``)
raises a `RecordError` that names each field and says how to fix it, as a case file
would::

    ScenariosError                     root; `hint` says how to fix it, when known
    ├── CaseFileError(ValueError)      a case file cannot be read (or written): size,
    │                                  syntax, safety rules, schema or references;
    │                                  carries every problem with file:line:col
    ├── IntegrityError(ValueError)     ids used twice or references that do not
    │                                  resolve, all of them at once (raised as is by
    │                                  `Case(...)`, `Case.model_validate`, `build()`)
    ├── UnknownIdError(LookupError)    a query for an id the case does not hold
    ├── AnalysisError(ValueError)      the case cannot be analysed as asked: priors
    │                                  that do not add up, a one-hypothesis set,
    │                                  rival hypotheses in one scenario
    ├── OptionError(ValueError)        an option the caller gave is not one the
    │   │                              function takes: a format, a threshold, a code
    │   └── RecordError                a record built in Python (`Link(...)`,
    │                                  `Case.model_validate`, `CaseBuilder`) has a
    │                                  field of the wrong type or value; one line per
    │                                  problem with its field path, pydantic's details
    │                                  in `errors()`
    ├── PathNotFoundError(FileNotFoundError)
    │                                  a file or folder the caller named is missing
    └── RenderError(RuntimeError)      Graphviz failed or ran out of time
        └── GraphvizNotFoundError      the Graphviz programs are not installed

Examples:
    >>> error = OptionError("unknown format 'toml'", hint="use yaml or json")
    >>> print(error)
    unknown format 'toml'
      hint: use yaml or json
    >>> isinstance(error, ValueError), error.hint
    (True, 'use yaml or json')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from scenarios.model import IntegrityProblem

__all__ = [
    "AnalysisError",
    "CaseFileError",
    "FileProblem",
    "GraphvizNotFoundError",
    "IntegrityError",
    "OptionError",
    "PathNotFoundError",
    "RecordError",
    "RenderError",
    "ScenariosError",
    "UnknownIdError",
]


class ScenariosError(Exception):
    """Root of every error raised by `scenarios`.

    Args:
        message: What is wrong (kept in `message`).
        hint: How to fix it, when there is something useful to say; shown on a
            second line of the message and kept in `hint`.
    """

    hint: str | None = None

    def __init__(self, message: str = "", *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}\n  hint: {hint}" if hint else message)


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
            place += f":{self.line}" if self.column is None else f":{self.line}:{self.column}"
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
        lines = (
            f"- {p.where}: {p.message}" + (f"\n  hint: {p.hint}" if p.hint else "")
            for p in self.problems
        )
        super().__init__("\n".join([head, *lines]))


class UnknownIdError(ScenariosError, LookupError):
    """A query named an id that the case does not hold (or not as that kind of object).

    Args:
        missing: The id asked for.
        kind: What was asked for (``hypothesis set``).
        suggestion: The closest id of that kind, for "did you mean".
        note: What the id is instead, e.g. ``'a' is a hypothesis, in set 'q'``.
    """

    def __init__(
        self, missing: str, kind: str, suggestion: str | None = None, *, note: str | None = None
    ) -> None:
        self.missing = missing
        self.kind = kind
        self.suggestion = suggestion
        self.note = note
        text = f"no {kind} with id {missing!r} in this case"
        if note is not None:
            text += f": {note}"
        if suggestion is not None:
            text += f"; did you mean {suggestion!r}?"
        super().__init__(text)


class AnalysisError(ScenariosError, ValueError):
    """The case cannot be analysed as asked; the message names the object and the fix.

    Raised instead of inventing an answer: priors that do not add up or are all zero,
    a set of one hypothesis, a scenario resting on rival hypotheses.
    """


class OptionError(ScenariosError, ValueError):
    """An option given to a function (or on the command line) is not one it takes."""


class RecordError(OptionError):
    """A record built in Python has fields of the wrong type or value, every one located.

    Raised by constructing any record of `scenarios.model` (``Link(...)``), by `Case(...)`,
    `Case.model_validate` and `model_validate_json`, and by `CaseBuilder`, in place of
    pydantic's `ValidationError`: one line per problem, led by its field path
    (``credibility``, ``evidence[3].quotes``), with a hint below it when one helps; no
    input dumps, no links. It is an `OptionError`: a field is an option given to a record.
    Only the outermost call converts: validation inside pydantic (a record nested in a
    case, a `TypeAdapter`) still sees pydantic's own errors.

    Args:
        message: Every problem, one per line (kept in `message`).
        errors: Pydantic's error details, returned by `errors()`.

    Examples:
        >>> from scenarios import Link
        >>> try:
        ...     Link(evidence="e", hypothesis="h", rating="c")
        ... except RecordError as error:
        ...     print(error)
        ...     print(error.errors()[0]["loc"])
        1 problem in Link
        rating: 'c' is not a rating; did you mean 'C'?
          hint: write one of 'CC', 'C', 'N', 'I', 'II', 'NA'
        ('rating',)
    """

    def __init__(self, message: str, errors: Sequence[ErrorDetails] = ()) -> None:
        self._errors = tuple(errors)
        super().__init__(message)

    def errors(self) -> list[ErrorDetails]:
        """Pydantic's details of each problem (``loc``, ``type``, ``msg``, ``input``, ``ctx``).

        The same list as `pydantic.ValidationError.errors(include_url=False)`, for tools
        that read problems one by one; ``loc`` is relative to the object that was built.
        """
        return list(self._errors)


class PathNotFoundError(ScenariosError, FileNotFoundError):
    """A file or folder the caller named does not exist."""


class RenderError(ScenariosError, RuntimeError):
    """Graphviz could not lay out a diagram: it failed, or ran out of time."""


class GraphvizNotFoundError(RenderError):
    """The Graphviz programs (``dot``, ``sfdp``) are not installed."""
