"""Scenario probabilities, indicator updates and the watch list: by hand and as properties."""

from __future__ import annotations

import itertools
import math
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import (
    Case,
    CaseBuilder,
    CaseMeta,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Indicator,
    Observation,
    Quote,
    Scenario,
    Source,
)
from scenarios.analysis import posteriors
from scenarios.analysis._futures import expectation_probability, futures, scenarios_exclude
from scenarios.strategies import PARTS, cases
from scenarios.types import Expectation

expectations: st.SearchStrategy[Expectation | float] = st.one_of(
    st.sampled_from(get_args(Expectation)), st.floats(0.01, 0.99)
)


def two_sets(*, independent: bool = True) -> CaseBuilder:
    """Two exhaustive sets, one with priors, and evidence on both."""
    b = CaseBuilder(title="t", independent_sets=independent)
    b.add(
        Source(id="s", title="S"),
        *(Hypothesis(id=h, statement=f"{h}.") for h in ("a1", "a2", "a3", "b1", "b2")),
        HypothesisSet(id="a", question="A?", hypotheses=("a1", "a2", "a3"), exhaustive=True),
        HypothesisSet(
            id="b",
            question="B?",
            hypotheses=("b1", "b2"),
            exhaustive=True,
            priors={"b1": 0.3, "b2": 0.7},
        ),
        Evidence(id="e1", claim="c", quotes=(Quote(source="s", text="q"),)),
        Evidence(id="e2", claim="c", quotes=(Quote(source="s", text="r"),)),
    )
    b.link("e1", "a1", "CC")
    b.link("e1", "a3", "I")
    b.link("e2", "b2", "C")
    return b


def test_derived_probabilities_multiply_across_sets() -> None:
    b = two_sets()
    b.add(
        Scenario(id="x", name="X", assumes={"a1": True, "b2": True}),
        Scenario(id="y", name="Y", assumes={"a1": False, "a2": False}),
        Scenario(id="z", name="Z", assumes={"a3": True}, probability=0.05),
    )
    case = b.build()
    pa = {p.hypothesis: p.posterior for p in posteriors(case, "a").posteriors}
    pb = {p.hypothesis: p.posterior for p in posteriors(case, "b").posteriors}
    result = futures(case)
    x, y, z = result.scenarios
    assert x.prior == pytest.approx(pa["a1"] * pb["b2"])
    assert x.reason == "P(a1) × P(b2)"
    assert y.prior == pytest.approx(pa["a3"])  # neither a1 nor a2: a3, the set is exhaustive
    assert (z.basis, z.prior) == ("given", 0.05)
    assert not result.exclusive  # y and z both hold when a3 does
    assert result.remainder is None


def test_across_sets_the_product_needs_a_stated_independence() -> None:
    b = two_sets(independent=False)
    b.add(
        Scenario(id="x", name="X", assumes={"a1": True, "b2": True}),
        Scenario(id="y", name="Y", assumes={"a1": False, "a2": False}),
    )
    x, y = futures(b.build()).scenarios
    assert (x.basis, x.prior) == ("unknown", None)
    assert "does not state that they are independent" in x.reason
    assert "if they were: P(a1) × P(b2) = " in x.reason
    assert y.basis == "hypotheses"  # one set: no judgement needed


def test_a_negation_says_which_rivals_it_holds() -> None:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S", reliability="A"),
        *(Hypothesis(id=h, statement=f"{h}.") for h in ("lev", "own", "bluff")),
        HypothesisSet(id="why", question="Why?", hypotheses=("lev", "own", "bluff")),
        Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),), credibility=1),
        Scenario(id="quiet", name="Quiet", assumes={"lev": False}),
    )
    b.link("e", "own", "CC")
    (quiet,) = futures(b.build()).scenarios
    assert quiet.reason.startswith("(1 - P(lev)) (not lev: ")
    assert ", of which own " in quiet.reason
    assert "(other) " in quiet.reason


@given(st.data())
def test_exclusive_exhaustive_scenarios_sum_to_one(data: st.DataObject) -> None:
    b = two_sets()
    combos = list(itertools.product(("a1", "a2", "a3"), ("b1", "b2")))
    b.add(
        *(
            Scenario(id=f"{a}-{c}", name=f"{a} and {c}", assumes={a: True, c: True})
            for a, c in combos
        )
    )
    ids = [f"{a}-{c}" for a, c in combos]
    b.add(
        *(
            Indicator(
                id=f"i{k}",
                name=f"Indicator {k}",
                expectations={s: data.draw(expectations) for s in ids},
                observations=(Observation(date="2021-01", observed=data.draw(st.booleans())),),
            )
            for k in range(data.draw(st.integers(0, 3)))
        )
    )
    result = futures(b.build())
    assert result.exclusive
    assert math.fsum(s.prior or 0 for s in result.scenarios) == pytest.approx(1.0)
    assert math.fsum(s.probability or 0 for s in result.scenarios) == pytest.approx(1.0)
    assert result.remainder == pytest.approx(0.0, abs=1e-9)


# The case's own scenarios and indicators are left out: the test brings its own.
WITHOUT_FUTURES = [part for part in PARTS if part not in ("scenarios", "indicators")]


@given(cases(max_hypotheses=4, include=WITHOUT_FUTURES), st.data())
def test_an_indicator_every_scenario_expects_alike_changes_nothing(
    case: Case, data: st.DataObject
) -> None:
    n = data.draw(st.integers(1, 4))
    given_probabilities = data.draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n))
    scenarios = tuple(
        Scenario(id=f"sc{k}", name=f"S{k}", probability=p)
        for k, p in enumerate(given_probabilities)
    )
    value = data.draw(expectations)
    indicator = Indicator(
        id="flat",
        name="Flat",
        expectations={s.id: value for s in scenarios},
        observations=tuple(
            Observation(date=f"202{k}", observed=data.draw(st.booleans()))
            for k in range(data.draw(st.integers(1, 3)))
        ),
    )
    before = futures(case.model_copy(update={"scenarios": scenarios}))
    after = futures(case.model_copy(update={"scenarios": scenarios, "indicators": (indicator,)}))
    for old, new in zip(before.scenarios, after.scenarios, strict=True):
        assert new.probability == pytest.approx(old.probability)
    (flat,) = after.watch_list + after.fired
    assert flat.diagnosticity == pytest.approx(0.0, abs=1e-12)
    assert (flat.if_seen, flat.if_absent) == (None, None)


def partition(*probabilities: float, indicators: tuple[Indicator, ...] = ()) -> Case:
    """Exclusive scenarios on one hypothesis set with given probabilities."""
    hs = [f"h{k}" for k in range(len(probabilities))]
    return Case(
        meta=CaseMeta(title="t"),
        hypotheses=tuple(Hypothesis(id=h, statement=f"{h}.") for h in hs),
        hypothesis_sets=(HypothesisSet(id="q", question="Q?", hypotheses=tuple(hs)),),
        scenarios=tuple(
            Scenario(id=f"s{k}", name=f"S{k}", assumes={h: True}, probability=p)
            for k, (h, p) in enumerate(zip(hs, probabilities, strict=True))
        ),
        indicators=indicators,
    )


def test_exclusive_update_by_hand_with_a_remainder() -> None:
    rockets = Indicator(
        id="rockets",
        name="Rockets",
        expectations={"s0": "likely", "s1": 0.1},
        observations=(
            Observation(date="2021-05", observed=True, evidence=()),
            Observation(date="2021-02", observed=False),
        ),
    )
    result = futures(partition(0.4, 0.4, indicators=(rockets,)))
    assert result.exclusive
    # February, absent: s0 0.4*0.2, s1 0.4*0.9, remainder 0.2 * the mean 0.55.
    feb = {"s0": 0.08, "s1": 0.36, "rest": 0.2 * 0.55}
    total = sum(feb.values())
    first = result.steps[0]
    assert (first.date, first.observed) == ("2021-02", False)
    assert first.probabilities["s0"] == pytest.approx(0.08 / total)
    assert first.probabilities["s1"] == pytest.approx(0.36 / total)
    s0, s1 = result.scenarios
    assert s0.probability is not None
    assert s1.probability is not None
    assert s0.prior is not None
    assert s0.probability + s1.probability + (result.remainder or 0) == pytest.approx(1.0)
    assert s0.probability > s0.prior * 0.9  # it rose back after the May sighting
    assert [w.indicator for w in result.fired] == ["rockets"]
    assert result.fired[0].last_seen == "2021-05"
    assert (result.fired[0].if_seen, result.fired[0].if_absent) == ("s0", "s1")


def test_the_watch_list_ranks_by_diagnosticity() -> None:
    indicators = (
        Indicator(id="weak", name="Weak", expectations={"s0": 0.6, "s1": 0.4}),
        Indicator(id="strong", name="Strong", expectations={"s0": "likely", "s1": "unlikely"}),
        Indicator(id="silent", name="Silent"),
    )
    result = futures(partition(0.5, 0.5, indicators=indicators))
    assert [w.indicator for w in result.watch_list] == ["strong", "weak", "silent"]
    strong = result.watch_list[0]
    # I(S;O) = H(0.5) - H(0.8) for two equally likely scenarios.
    h = -(0.8 * math.log2(0.8) + 0.2 * math.log2(0.2))
    assert strong.diagnosticity == pytest.approx(1 - h)
    assert result.watch_list[-1].diagnosticity == 0.0
    assert result.fired == ()


def test_exclusivity() -> None:
    case = partition(0.3, 0.3)
    a, b = case.scenarios
    assert scenarios_exclude(case, a, b)
    loose = Case(
        meta=CaseMeta(title="t"),
        scenarios=(
            Scenario(id="a", name="A", drivers={"us": "stay"}),
            Scenario(id="b", name="B", drivers={"us": "leave"}),
            Scenario(id="c", name="C"),
        ),
    )
    x, y, z = loose.scenarios
    assert scenarios_exclude(loose, x, y)
    assert not scenarios_exclude(loose, x, z)


def test_unknown_probabilities_say_why() -> None:
    case = Case(
        meta=CaseMeta(title="t"),
        hypotheses=(Hypothesis(id="h", statement="H."),),
        scenarios=(
            Scenario(id="a", name="A", assumes={"h": True}),
            Scenario(id="b", name="B"),
        ),
    )
    a, b = futures(case).scenarios
    assert (a.basis, a.probability, a.words) == ("unknown", None, None)
    assert a.reason == "h is in no hypothesis set, so it has no posterior"
    assert b.reason == "it assumes no hypothesis and gives no probability"


def test_rival_hypotheses_in_one_scenario_are_an_error() -> None:
    case = Case.unchecked(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": "a", "statement": "A."}, {"id": "b", "statement": "B."}],
            "hypothesis_sets": [{"id": "q", "question": "Q?", "hypotheses": ["a", "b"]}],
            "scenarios": [{"id": "s", "name": "S", "assumes": {"a": True, "b": True}}],
        }
    )
    with pytest.raises(ValueError, match=r"takes a and b as true.*\(check C001\)"):
        futures(case)


def test_expectation_words() -> None:
    assert [expectation_probability(w) for w in ("likely", "neutral", "unlikely")] == [
        0.8,
        0.5,
        0.2,
    ]


def test_a_subnormal_probability_does_not_distort_the_others() -> None:
    # Found by Hypothesis: 0.8 * 5e-324 / 5e-324 is 1.0 in floating point, not 0.8.
    scenarios = (
        Scenario(id="a", name="A", probability=0.5),
        Scenario(id="b", name="B", probability=5e-324),
    )
    flat = Indicator(
        id="i",
        name="I",
        expectations={"a": "likely", "b": "likely"},
        observations=(Observation(date="2020", observed=False),),
    )
    case = Case(meta=CaseMeta(title="t"), scenarios=scenarios, indicators=(flat,))
    assert futures(case).scenarios[0].probability == 0.5
