"""Argument graphs in the Carneades model: statements, arguments, issues, assumptions.

The data; evaluation is in `scenarios.analysis._carneades`, reading Carneades 4 YAML
in `scenarios.io._carneades`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from scenarios.errors import AnalysisError
from scenarios.types import EMPTY, TupleOf, freeze_mappings

__all__ = ["ArgumentGraph", "CArgument", "Issue", "Scheme", "Standard"]

Scheme: TypeAlias = Literal["linked", "convergent", "cumulative", "factorized"]
"""How an argument's premises combine: all needed (linked), each alone, summed, or multiplied."""
Standard: TypeAlias = Literal["PE", "CCE", "BRD"]
"""Preponderance of the evidence, clear and convincing evidence, beyond reasonable doubt."""


@dataclass(frozen=True, slots=True)
class CArgument:
    """An argument: premises to a conclusion, with an optional undercutter.

    Attributes:
        id: Its id.
        conclusion: The statement it argues for.
        premises: Its premises (statement ids).
        undercutter: A statement that, when in, makes the argument weigh nothing.
        scheme: How the premises combine.
        strength: Scales the scheme's weight (1 for imported files).
        roles: Premise roles, when the file named them (kept, not used).
    """

    id: str
    conclusion: str
    premises: TupleOf[str] = EMPTY
    undercutter: str | None = None
    scheme: Scheme = "linked"
    strength: float = 1.0
    roles: TupleOf[tuple[str, str]] = EMPTY

    def __post_init__(self) -> None:
        object.__setattr__(self, "premises", tuple(self.premises))
        object.__setattr__(self, "roles", tuple(self.roles))


@dataclass(frozen=True, slots=True, init=False)
class Issue:
    """Positions decided together, at most one of them in.

    Attributes:
        id: Its id.
        positions: Statement ids (any sequence of them is kept as a tuple).
        standard: The proof standard the winner must meet.

    Examples:
        >>> Issue("rain?", ["rain", "dry"]).positions
        ('rain', 'dry')
    """

    id: str
    positions: tuple[str, ...]
    standard: Standard

    # Written out (not generated) so that type checkers accept any sequence of positions.
    def __init__(self, id: str, positions: Sequence[str], standard: Standard = "PE") -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "positions", tuple(positions))
        object.__setattr__(self, "standard", standard)


@dataclass(frozen=True)
class ArgumentGraph:
    """Statements, arguments, issues and assumptions.

    Attributes:
        statements: Text by statement id (ids are kept verbatim: ``¬jog``, ``bird(tweety)``).
        arguments: The arguments.
        issues: The issues.
        assumptions: Statements assumed in.
        meta: Whatever the source file said about itself.

    Raises:
        AnalysisError: An argument, issue or assumption names a statement not declared.
    """

    statements: Mapping[str, str]
    arguments: Iterable[CArgument] = ()
    issues: Iterable[Issue] = ()
    assumptions: Iterable[str] = ()
    meta: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "arguments", tuple(self.arguments))
        object.__setattr__(self, "issues", tuple(self.issues))
        object.__setattr__(self, "assumptions", frozenset(self.assumptions))
        freeze_mappings(self)
        named = [
            (f"argument {a.id!r}", s)
            for a in self.arguments
            for s in (a.conclusion, *a.premises, *([a.undercutter] if a.undercutter else []))
        ]
        named += [(f"issue {i.id!r}", s) for i in self.issues for s in i.positions]
        named += [("assumptions", s) for s in self.assumptions]
        missing = sorted({f"{who} names {s!r}" for who, s in named if s not in self.statements})
        if missing:
            raise AnalysisError(
                "undeclared statements: " + "; ".join(missing),
                hint="declare every statement that arguments, issues and assumptions name",
            )
