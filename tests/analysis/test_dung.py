"""Dung frameworks: every semantics against brute force on small frameworks, and the laws."""

from __future__ import annotations

from itertools import chain, combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.analysis import SEMANTICS, ArgumentationFramework


@st.composite
def frameworks(draw: st.DrawFn, *, max_arguments: int = 6) -> ArgumentationFramework:
    n = draw(st.integers(1, max_arguments))
    names = [f"a{i}" for i in range(n)]
    attacks = draw(
        st.lists(
            st.tuples(st.sampled_from(names), st.sampled_from(names)), unique=True, max_size=n * 2
        )
    )
    return ArgumentationFramework(names, attacks)


def subsets(items: tuple[object, ...]) -> list[frozenset[object]]:
    return [
        frozenset(c)
        for c in chain.from_iterable(combinations(items, r) for r in range(len(items) + 1))
    ]


def brute(af: ArgumentationFramework) -> dict[str, set[frozenset[object]]]:
    every = subsets(af.arguments)
    complete = {s for s in every if af.is_complete(s)}
    admissible = [s for s in every if af.is_admissible(s)]
    preferred = {s for s in admissible if not any(s < t for t in admissible)}
    stable = {s for s in every if af.is_stable(s)}
    grounded = min(complete, key=len)
    return {"CO": complete, "PR": preferred, "ST": stable, "GR": {grounded}}


@given(frameworks())
def test_every_semantics_matches_brute_force(af: ArgumentationFramework) -> None:
    expected = brute(af)
    assert {af.grounded_extension()} == expected["GR"]
    assert set(af.complete_extensions()) == expected["CO"]
    assert set(af.preferred_extensions()) == expected["PR"]
    assert set(af.stable_extensions()) == expected["ST"]


@given(frameworks(max_arguments=8))
def test_the_laws_of_the_semantics(af: ArgumentationFramework) -> None:
    grounded = af.grounded_extension()
    complete = af.complete_extensions()
    preferred = af.preferred_extensions()
    assert af.is_conflict_free(grounded)
    assert af.is_admissible(grounded)
    assert all(grounded <= c for c in complete)  # in every complete extension
    assert min(complete, key=len) == grounded  # and the least of them
    assert all(s in preferred for s in af.stable_extensions())  # stable are preferred
    for p in preferred:
        assert p in complete
        assert not any(p < c for c in complete)  # maximal


@given(frameworks(), st.data())
def test_acceptance_agrees_with_the_extensions(
    af: ArgumentationFramework, data: st.DataObject
) -> None:
    argument = data.draw(st.sampled_from(af.arguments))
    for semantics in SEMANTICS:
        extensions = af.extensions(semantics)
        accepted = [argument in e for e in extensions]
        assert af.credulously_accepted(argument, semantics) == any(accepted)
        assert af.sceptically_accepted(argument, semantics) == all(accepted)


def test_odd_cycles_have_no_stable_extension() -> None:
    af = ArgumentationFramework("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert af.stable_extensions() == []
    assert af.some_extension("ST") is None
    assert af.preferred_extensions() == [frozenset()]
    assert af.sceptically_accepted("a", "ST")  # vacuously: there is no stable extension


def test_integer_arguments_and_long_chains() -> None:
    n = 200_000  # a chain: 0 -> 1 -> 2 ...; no recursion limit in the way
    af = ArgumentationFramework(range(n), [(i, i + 1) for i in range(n - 1)])
    assert af.grounded_extension() == frozenset(range(0, n, 2))


def test_errors_are_clear() -> None:
    with pytest.raises(ValueError, match=r"undeclared argument\(s\): 'z'"):
        ArgumentationFramework(["a"], [("a", "z")])
    with pytest.raises(ValueError, match=r"undeclared argument\(s\): 7"):
        ArgumentationFramework(range(3), [(0, 7)])
    af = ArgumentationFramework(["a"], [])
    with pytest.raises(ValueError, match="no argument 'b'"):
        af.credulously_accepted("b", "PR")
    with pytest.raises(ValueError, match="unknown semantics 'XX'"):
        af.extensions("XX")  # type: ignore[arg-type]
