"""Morphological analysis: pruned enumeration against brute force, ranking, the 2×2 matrix."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import Case, CaseMeta, CrossConsistency, Driver, DriverState, Scenario
from scenarios.analysis._morphology import (
    alternative_futures,
    consistent_configurations,
    count_configurations,
    field_size,
    pair_scores,
    ranked_configurations,
)
from scenarios.errors import UnknownIdError
from scenarios.strategies import fields


def brute_force(case: Case, threshold: float = 0.0) -> list[dict[str, str]]:
    scores = pair_scores(case)
    found = []
    for states in itertools.product(*([s.id for s in d.states] for d in case.drivers)):
        keys = [f"{d.id}={s}" for d, s in zip(case.drivers, states, strict=True)]
        if all(scores.get(frozenset(p), 1.0) > threshold for p in itertools.combinations(keys, 2)):
            found.append({d.id: s for d, s in zip(case.drivers, states, strict=True)})
    return found


@given(fields(max_drivers=5, max_states=3), st.sampled_from((0.0, 0.3, 0.6)))
def test_pruning_finds_exactly_what_brute_force_finds(case: Case, threshold: float) -> None:
    pruned = [dict(c.states) for c in consistent_configurations(case, threshold=threshold)]
    assert pruned == brute_force(case, threshold)
    assert count_configurations(case, threshold=threshold) == len(pruned)


@given(fields(max_drivers=4, max_states=3, inconsistent=0.2), st.data())
def test_an_inconsistent_pair_never_adds_configurations(case: Case, data: st.DataObject) -> None:
    if len(case.drivers) < 2:
        return
    a, b = data.draw(st.sampled_from(list(itertools.combinations(case.drivers, 2))))
    pair = (
        f"{a.id}={data.draw(st.sampled_from([s.id for s in a.states]))}",
        f"{b.id}={data.draw(st.sampled_from([s.id for s in b.states]))}",
    )
    kept = tuple(c for c in case.consistency if frozenset(c.pair) != frozenset(pair))
    stricter = case.model_copy(
        update={"consistency": (*kept, CrossConsistency(pair=pair, value="inconsistent"))}
    )
    before = {c.label for c in consistent_configurations(case)}
    after = {c.label for c in consistent_configurations(stricter)}
    assert after <= before
    assert all(not (pair[0] in label.split() and pair[1] in label.split()) for label in after)


@given(fields(max_drivers=4, max_states=3))
def test_ranking_is_by_weakest_pair_then_mean(case: Case) -> None:
    ranked = ranked_configurations(case)
    keys = [(-c.score, -c.mean) for c in ranked]
    assert keys == sorted(keys)
    assert ranked_configurations(case, top=2) == ranked[:2]
    assert all(c.score > 0 for c in ranked)


def driver(id: str, *states: str) -> Driver:
    return Driver(id=id, name=id.title(), states=tuple(DriverState(id=s, name=s) for s in states))


FIELD = Case(
    meta=CaseMeta(title="t"),
    drivers=(
        driver("us", "stay", "leave"),
        driver("iran", "push", "calm"),
        driver("sadr", "win", "lose", "split"),
    ),
    consistency=(
        CrossConsistency(pair=("us=leave", "iran=push"), value="inconsistent"),
        CrossConsistency(pair=("iran=calm", "sadr=lose"), value=0.0),
        CrossConsistency(pair=("us=stay", "sadr=win"), value=0.4, reason="Sadr wants them out."),
    ),
    scenarios=(
        Scenario(id="standoff", name="Standoff", drivers={"us": "stay", "iran": "push"}),
        Scenario(id="exit", name="Exit", drivers={"us": "leave", "iran": "calm", "sadr": "win"}),
    ),
)


def test_the_worked_field_by_hand() -> None:
    assert field_size(FIELD) == 12
    labels = [c.label for c in ranked_configurations(FIELD)]
    assert labels == [
        "us=stay iran=push sadr=lose",
        "us=stay iran=push sadr=split",
        "us=stay iran=calm sadr=split",
        "us=leave iran=calm sadr=win",
        "us=leave iran=calm sadr=split",
        "us=stay iran=push sadr=win",
        "us=stay iran=calm sadr=win",
    ]
    weakest = ranked_configurations(FIELD)[-1]
    assert weakest.score == 0.4
    assert weakest.weakest == ("us=stay", "sadr=win")
    assert weakest.mean == pytest.approx(0.8)


def test_arc_consistency_removes_states_no_one_can_accompany() -> None:
    case = FIELD.model_copy(
        update={
            "consistency": (
                CrossConsistency(pair=("us=leave", "iran=push"), value="inconsistent"),
                CrossConsistency(pair=("us=leave", "iran=calm"), value="inconsistent"),
            )
        }
    )
    assert {c.states["us"] for c in consistent_configurations(case)} == {"stay"}
    assert count_configurations(case) == 6


def test_the_two_by_two_matrix() -> None:
    matrix = alternative_futures(FIELD, "us", "iran")
    cells = {(q.first, q.second): q for q in matrix.quadrants}
    assert list(cells) == [("stay", "push"), ("stay", "calm"), ("leave", "push"), ("leave", "calm")]
    assert cells[("leave", "push")].configurations == 0
    assert cells[("leave", "push")].pair_score == 0.0
    assert cells[("leave", "push")].best is None
    assert cells[("stay", "push")].configurations == 3
    assert cells[("stay", "push")].scenarios == ("standoff",)
    assert cells[("leave", "calm")].scenarios == ("exit",)
    assert cells[("leave", "calm")].best is not None
    assert "<caption>us (rows) against iran (columns)</caption>" in matrix._repr_html_()


def test_the_matrix_needs_two_poles_per_driver() -> None:
    with pytest.raises(ValueError, match="give two of them as its poles"):
        alternative_futures(FIELD, "us", "sadr")
    matrix = alternative_futures(FIELD, "us", "sadr", poles=(("stay", "leave"), ("win", "lose")))
    assert [q.second for q in matrix.quadrants] == ["win", "lose", "win", "lose"]
    with pytest.raises(ValueError, match="two different drivers"):
        alternative_futures(FIELD, "us", "us")
    with pytest.raises(UnknownIdError, match="did you mean 'iran'"):
        alternative_futures(FIELD, "us", "irn")


def test_threshold_and_limit_are_checked() -> None:
    assert len(list(consistent_configurations(FIELD, limit=2))) == 2
    assert count_configurations(FIELD, threshold=0.5) == 5
    for bad in (-0.1, 1.0):
        with pytest.raises(ValueError, match="threshold"):
            count_configurations(FIELD, threshold=bad)


def test_a_field_without_drivers_has_no_configurations() -> None:
    empty = Case(meta=CaseMeta(title="t"))
    assert list(consistent_configurations(empty)) == []
    assert field_size(empty) == 0


@given(fields(min_drivers=2, max_drivers=4, max_states=2))
def test_the_matrix_counts_what_the_enumeration_finds(case: Case) -> None:
    first, second = case.drivers[-1].id, case.drivers[0].id  # rows need not come first
    matrix = alternative_futures(case, first, second)
    found = list(consistent_configurations(case))
    for q in matrix.quadrants:
        inside = [c for c in found if (c.states[first], c.states[second]) == (q.first, q.second)]
        assert q.configurations == len(inside)
        if inside:
            assert q.best is not None
            assert (q.best.score, q.best.mean) == max((c.score, c.mean) for c in inside)
        else:
            assert q.best is None
