"""Abstract argumentation (Dung 1995): extensions and acceptance.

An `ArgumentationFramework` is a set of arguments and an attack relation. A set S
of arguments is *conflict-free* if no member attacks another; S *defends* a if
every attacker of a is attacked by S; S is *admissible* if conflict-free and it
defends all its members; *complete* if admissible and it contains every argument
it defends. The *grounded* extension is the least complete extension, the
*preferred* extensions are the maximal admissible (equally, maximal complete) sets,
and the *stable* extensions are conflict-free sets that attack every argument
outside them.

The grounded extension is computed by one linear propagation (unattacked
arguments are in; what they attack is out; an argument whose attackers are all
out is in). Complete, preferred and stable extensions are found by the answer-set
solver clingo with the ASPARTIX encodings; preferred ones by enumerating the
subset-maximal complete extensions under clingo's domain heuristics.

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental role
    in nonmonotonic reasoning, logic programming and n-person games. *Artificial
    Intelligence* 77(2), 321-357.
    Egly, U., Gaggl, S. A., & Woltran, S. (2010). Answer-set programming encodings
    for argumentation frameworks. *Argument & Computation* 1(2), 147-177.

Examples:
    >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(af.grounded_extension())
    ['a', 'c']
    >>> af2 = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in af2.preferred_extensions())
    [['a'], ['b']]
    >>> af2.credulously_accepted("a", "PR"), af2.sceptically_accepted("a", "PR")
    (True, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from functools import cached_property
from typing import Any, Final, Literal, NamedTuple, TypeAlias

from scenarios.errors import AnalysisError, OptionError
from scenarios.io import PROBLEMS, Answer, Problem

__all__ = ["SEMANTICS", "TASKS", "ArgumentationFramework", "Semantics", "Task", "solve"]

Semantics: TypeAlias = Literal["CO", "GR", "PR", "ST"]
"""Complete, grounded, preferred, stable (the ICCMA abbreviations)."""

SEMANTICS: Final[tuple[Semantics, ...]] = ("CO", "GR", "PR", "ST")
"""The semantics: complete, grounded, preferred and stable."""

_BASE: Final = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
undefended(X) :- att(Y, X), not defeated(Y).
"""
_ENCODINGS: Final[dict[str, str]] = {
    "CO": _BASE + ":- in(X), undefended(X).\n:- out(X), not undefended(X).\n",
    "ST": _BASE + ":- out(X), not defeated(X).\n",
    "PR": _BASE + ":- in(X), undefended(X).\n:- out(X), not undefended(X).\n"
    "#heuristic in(X) : arg(X). [1, true]\n",
}


class ArgumentationFramework:
    """Arguments and the attacks between them.

    Args:
        arguments: The arguments (any hashable names; order is kept).
        attacks: Pairs ``(attacker, attacked)``.

    Raises:
        AnalysisError: An attack names an argument that is not declared.
    """

    def __init__(
        self, arguments: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]
    ) -> None:
        self.arguments: tuple[Hashable, ...] = tuple(dict.fromkeys(arguments))
        self.attacks: tuple[tuple[Hashable, Hashable], ...] = tuple(attacks)
        n = len(self.arguments)
        # One pass builds the graph on positions (and finds undeclared arguments).
        self._targets_at: list[list[int]] = [[] for _ in range(n)]
        self._indegree: list[int] = [0] * n
        if self.arguments == tuple(range(n)):  # already positions: skip the lookups
            self._fill(self.attacks)
        else:
            index = {a: i for i, a in enumerate(self.arguments)}
            try:
                self._fill([(index[a], index[b]) for a, b in self.attacks])
            except KeyError:
                unknown = {x for pair in self.attacks for x in pair} - index.keys()
                shown = ", ".join(sorted(map(repr, unknown))[:10])
                raise AnalysisError(
                    f"attacks name {len(unknown)} undeclared argument(s): {shown}"
                ) from None

    def _fill(self, pairs: Iterable[tuple[Any, Any]]) -> None:
        targets, indegree = self._targets_at, self._indegree
        try:
            for a, b in pairs:
                targets[a].append(b)
                indegree[b] += 1
        except (IndexError, TypeError):
            bad = sorted(
                {
                    repr(x)
                    for pair in self.attacks
                    for x in pair
                    if not isinstance(x, int) or not 0 <= x < len(targets)
                }
            )
            raise AnalysisError(
                f"attacks name {len(bad)} undeclared argument(s): {', '.join(bad[:10])}"
            ) from None

    def __repr__(self) -> str:
        return (
            f"ArgumentationFramework({len(self.arguments)} arguments, {len(self.attacks)} attacks)"
        )

    @cached_property
    def _targets(self) -> dict[Hashable, list[Hashable]]:
        names = self.arguments
        return {names[i]: [names[j] for j in ts] for i, ts in enumerate(self._targets_at) if ts}

    @cached_property
    def _attackers(self) -> dict[Hashable, list[Hashable]]:
        attackers: defaultdict[Hashable, list[Hashable]] = defaultdict(list)
        for attacker, attacked in self.attacks:
            attackers[attacked].append(attacker)
        return attackers

    # -- the definitions, for checking ---------------------------------------------------

    def is_conflict_free(self, arguments: Iterable[Hashable]) -> bool:
        """No member attacks another (nor itself)."""
        members = set(arguments)
        return not any(t in members for a in members for t in self._targets.get(a, ()))

    def defends(self, arguments: Iterable[Hashable], argument: Hashable) -> bool:
        """Every attacker of `argument` is attacked by a member of `arguments`."""
        members = set(arguments)
        return all(
            any(d in members for d in self._attackers.get(attacker, ()))
            for attacker in self._attackers.get(argument, ())
        )

    def is_admissible(self, arguments: Iterable[Hashable]) -> bool:
        """Conflict-free, and defends each of its members."""
        members = set(arguments)
        return self.is_conflict_free(members) and all(self.defends(members, a) for a in members)

    def is_complete(self, arguments: Iterable[Hashable]) -> bool:
        """Admissible, and holds every argument it defends."""
        members = set(arguments)
        return self.is_admissible(members) and all(
            a in members for a in self.arguments if self.defends(members, a)
        )

    def is_stable(self, arguments: Iterable[Hashable]) -> bool:
        """Conflict-free, and attacks every argument outside it."""
        members = set(arguments)
        hit = {t for a in members for t in self._targets.get(a, ())}
        return self.is_conflict_free(members) and all(
            a in members or a in hit for a in self.arguments
        )

    # -- extensions -------------------------------------------------------------------------

    def grounded_extension(self) -> frozenset[Hashable]:
        """The least complete extension, by one propagation.

        Unattacked arguments are in; what they attack is out; an argument all of whose
        attackers are out is in. Complexity: O(arguments + attacks), on the graph of
        positions built with the framework.
        """
        targets = self._targets_at
        live = self._indegree.copy()  # attackers not yet out
        state = bytearray(len(live))  # 0 undecided, 1 in, 2 out
        queue = [i for i, count in enumerate(live) if not count]
        for i in queue:
            state[i] = 1
        while queue:
            for beaten in targets[queue.pop()]:
                if state[beaten] == 2:
                    continue
                state[beaten] = 2
                for next_one in targets[beaten]:
                    live[next_one] -= 1
                    if not live[next_one] and not state[next_one]:
                        state[next_one] = 1
                        queue.append(next_one)
        names = self.arguments
        return frozenset(names[i] for i in range(len(state)) if state[i] == 1)

    def _solve(
        self,
        semantics: str,
        *,
        assume_in: Hashable | None = None,
        assume_out: Hashable | None = None,
        limit: int = 0,
    ) -> Iterator[frozenset[Hashable]]:
        import clingo  # noqa: PLC0415 - loaded when a solver is needed

        index = {a: i for i, a in enumerate(self.arguments)}
        options = ["--heuristic=Domain", "--enum-mode=domRec"] if semantics == "PR" else []
        control = clingo.Control([*options, str(limit)], logger=lambda code, message: None)
        facts = [f"arg({i})." for i in range(len(self.arguments))]
        facts += [f"att({index[a]},{index[b]})." for a, b in self.attacks]
        control.add("base", [], "\n".join(facts) + _ENCODINGS[semantics])
        control.ground([("base", [])])
        assumptions = []
        if assume_in is not None:
            assumptions.append((clingo.Function("in", [clingo.Number(index[assume_in])]), True))
        if assume_out is not None:
            assumptions.append((clingo.Function("in", [clingo.Number(index[assume_out])]), False))
        with control.solve(yield_=True, assumptions=assumptions) as handle:
            for model in handle:
                yield frozenset(
                    self.arguments[symbol.arguments[0].number]
                    for symbol in model.symbols(shown=True)
                    if symbol.name == "in"
                )

    def complete_extensions(self) -> list[frozenset[Hashable]]:
        """Every complete extension (there may be exponentially many)."""
        return list(self._solve("CO"))

    def preferred_extensions(self) -> list[frozenset[Hashable]]:
        """Every preferred extension (the subset-maximal complete extensions)."""
        return list(self._solve("PR"))

    def stable_extensions(self) -> list[frozenset[Hashable]]:
        """Every stable extension (there may be none)."""
        return list(self._solve("ST"))

    def extensions(self, semantics: Semantics) -> list[frozenset[Hashable]]:
        """Every extension under `semantics` (GR: the one grounded extension)."""
        if semantics == "GR":
            return [self.grounded_extension()]
        return list(self._solve(_check(semantics)))

    def some_extension(self, semantics: Semantics) -> frozenset[Hashable] | None:
        """One extension under `semantics`, or None when there is none (stable only)."""
        if semantics == "GR":
            return self.grounded_extension()
        return next(self._solve(_check(semantics), limit=1), None)

    def credulously_accepted(self, argument: Hashable, semantics: Semantics) -> bool:
        """Whether some extension under `semantics` holds `argument`."""
        return self.credulous_witness(argument, semantics) is not None

    def credulous_witness(
        self, argument: Hashable, semantics: Semantics
    ) -> frozenset[Hashable] | None:
        """An extension holding `argument`, or None.

        For PR the witness is a complete extension, which some preferred one contains.
        """
        self._known(argument)
        if semantics == "GR":
            grounded = self.grounded_extension()
            return grounded if argument in grounded else None
        solver = "CO" if semantics == "PR" else _check(semantics)
        return next(self._solve(solver, assume_in=argument, limit=1), None)

    def sceptically_accepted(self, argument: Hashable, semantics: Semantics) -> bool:
        """Whether every extension under `semantics` holds `argument`."""
        return self.sceptical_counterexample(argument, semantics) is None

    def sceptical_counterexample(
        self, argument: Hashable, semantics: Semantics
    ) -> frozenset[Hashable] | None:
        """An extension without `argument`, or None when every extension holds it.

        With no stable extension at all, every argument is sceptically accepted under ST.
        """
        self._known(argument)
        if semantics in ("GR", "CO"):  # the grounded extension is in every complete one
            grounded = self.grounded_extension()
            return None if argument in grounded else grounded
        if semantics == "ST":
            return next(self._solve("ST", assume_out=argument, limit=1), None)
        return next((e for e in self._solve(_check(semantics)) if argument not in e), None)

    def _known(self, argument: Hashable) -> None:
        if argument not in set(self.arguments):
            raise OptionError(
                f"no argument {argument!r} in this framework",
                hint="name an argument of the framework",
            )


def _check(semantics: str) -> str:
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}: choose from {', '.join(SEMANTICS)}")
    return semantics


TASKS: Final[tuple[str, ...]] = tuple(f"{p}-{s}" for p in PROBLEMS for s in SEMANTICS)
"""Every ICCMA task solved, e.g. ``DC-PR`` (a problem, then a semantics)."""


class Task(NamedTuple):
    """An ICCMA task: a problem under a semantics."""

    problem: Problem
    semantics: Semantics

    @classmethod
    def parse(cls, text: str) -> Task:
        """The task named by `text`, e.g. ``DC-PR``.

        Raises:
            OptionError: `text` names no task of `TASKS`.

        Examples:
            >>> Task.parse("EE-ST")
            Task(problem='EE', semantics='ST')
        """
        if text not in TASKS:
            raise OptionError(f"unknown task {text!r}", hint="scenarios af --problems lists them")
        problem, _, semantics = text.partition("-")
        return cls(problem, semantics)  # type: ignore[arg-type]  # one of TASKS


def solve(af: ArgumentationFramework, task: Task | str, argument: str | None = None) -> Answer:
    """Solve an ICCMA task on `af`; print the answer with `Answer.text`.

    Args:
        af: The framework.
        task: The task, or its name (``DC-PR``).
        argument: For DC and DS, the argument, named as text (``3`` names the
            argument 3 of a framework read from an i23 file).

    Raises:
        OptionError: The task is unknown, or DC and DS have no argument or one the
            framework does not hold.

    Examples:
        >>> af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
        >>> solve(af, "DS-PR", "a").accepted, solve(af, "CE-ST").count
        (False, 2)
    """
    problem, semantics = task if isinstance(task, Task) else Task.parse(task)
    if problem in ("DC", "DS"):
        if argument is None:
            raise OptionError(f"{problem} needs an argument: -a NAME", hint="scenarios af --help")
        named: Hashable = next((a for a in af.arguments if str(a) == argument), argument)
        if problem == "DC":
            found = af.credulous_witness(named, semantics)
            return Answer(problem, accepted=found is not None, extension=found)
        found = af.sceptical_counterexample(named, semantics)
        return Answer(problem, accepted=found is None, extension=found)
    if problem == "SE":
        return Answer(problem, extension=af.some_extension(semantics))
    every = af.extensions(semantics)
    if problem == "EE":
        return Answer(problem, extensions=tuple(every))
    return Answer(problem, count=len(every))
