"""Bayesian judgements: by hand, ICD 203 words, lineage counted once, and the properties."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import Case, CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source, load
from scenarios.analysis.bayes import icd203_words, posteriors
from scenarios.model.links import Likelihood, LikelihoodRatio
from scenarios.types import RATINGS, Rating

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "iran_militias" / "case.yaml"


def build(
    rows: list[tuple[str, list[Rating]]],
    *,
    priors: dict[str, float] | None = None,
    copies: bool = False,
) -> Case:
    """Items (id, ratings against h0, h1, h2); with `copies`, every item quotes a copy of one article."""
    b = CaseBuilder(title="t")
    b.add(
        Source(id="orig", title="Original"),
        Source(id="copy", title="Copy", derived_from=("orig",)),
        *(Hypothesis(id=f"h{j}", statement=f"H{j}") for j in range(3)),
        HypothesisSet(
            id="q",
            question="Which?",
            hypotheses=("h0", "h1", "h2"),
            exhaustive=True,
            priors=priors or {},
        ),
    )
    for i, (item, ratings) in enumerate(rows):
        source = ("orig", "copy")[i % 2] if copies else f"src{i}"
        if not copies:
            b.add(Source(id=source, title=source))
        b.add(Evidence(id=item, claim="c", quotes=(Quote(source=source, text="q"),)))
        for j, rating in enumerate(ratings):
            b.link(item, f"h{j}", rating)
    return b.build()


def test_by_hand() -> None:
    case = build([("e1", ["CC", "C", "II"])], priors={"h0": 0.5, "h1": 0.3, "h2": 0.2})
    result = posteriors(case, "q")
    odds = [0.5 * 4, 0.3 * 2, 0.2 * 0.25]
    expected = [o / sum(odds) for o in odds]
    assert [round(p.posterior, 12) for p in result.posteriors] == [round(x, 12) for x in expected]
    assert [p.prior for p in result.posteriors] == [0.5, 0.3, 0.2]


def test_given_likelihoods_override_the_rating() -> None:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S"),
        Hypothesis(id="a", statement="A"),
        Hypothesis(id="b", statement="B"),
        HypothesisSet(id="q", question="?", hypotheses=("a", "b"), exhaustive=True),
        Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),)),
    )
    b.link("e", "a", "II", likelihood=Likelihood(if_true=0.9))
    b.link("e", "b", "CC", likelihood=LikelihoodRatio(value=0.3))
    result = posteriors(b.build(), "q")
    assert math.isclose(result.posteriors[0].posterior, 0.9 / (0.9 + 0.3))


@pytest.mark.parametrize(
    ("p", "words"),
    [
        (0.0, "almost no chance"),
        (0.049, "almost no chance"),
        (0.05, "very unlikely"),
        (0.2, "unlikely"),
        (0.45, "roughly even chance"),
        (0.55, "roughly even chance"),
        (0.56, "likely"),
        (0.8, "very likely"),
        (0.95, "almost certain"),
        (1.0, "almost certain"),
    ],
)
def test_icd203_words(p: float, words: str) -> None:
    assert icd203_words(p) == words


def test_icd203_words_refuse_non_probabilities() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        icd203_words(1.5)


def test_partial_priors_are_a_clear_error() -> None:
    case = Case.unchecked(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": "a", "statement": "A"}, {"id": "b", "statement": "B"}],
            "hypothesis_sets": [
                {"id": "q", "question": "?", "hypotheses": ["a", "b"], "priors": {"a": 1.0}}
            ],
        }
    )
    with pytest.raises(ValueError, match=r"not b \(check H003\)"):
        posteriors(case, "q")


rows = st.lists(st.lists(st.sampled_from(RATINGS), min_size=3, max_size=3), min_size=0, max_size=6)


@given(rows)
def test_posteriors_sum_to_one(ratings: list[list[Rating]]) -> None:
    result = posteriors(build([(f"e{i}", r) for i, r in enumerate(ratings)]), "q")
    assert math.isclose(sum(p.posterior for p in result.posteriors), 1.0)


@given(rows)
def test_a_likelihood_ratio_of_one_changes_nothing(ratings: list[list[Rating]]) -> None:
    items = [(f"e{i}", r) for i, r in enumerate(ratings)]
    before = posteriors(build(items), "q").posteriors
    after = posteriors(build([*items, ("neutral", ["N", "N", "N"])]), "q").posteriors
    assert [round(p.posterior, 12) for p in before] == [round(p.posterior, 12) for p in after]


@given(rows.filter(bool), st.data())
def test_a_copy_from_the_same_lineage_does_not_move_the_posterior(
    ratings: list[list[Rating]], data: st.DataObject
) -> None:
    items = [(f"e{i}", r) for i, r in enumerate(ratings)]
    before = posteriors(build(items, copies=True), "q")
    again = data.draw(st.sampled_from(items))
    after = posteriors(build([*items, ("again", again[1])], copies=True), "q")
    assert [round(p.posterior, 12) for p in before.posteriors] == [
        round(p.posterior, 12) for p in after.posteriors
    ]


def test_items_of_one_lineage_count_once_and_say_so() -> None:
    result = posteriors(build([("a", ["CC", "N", "N"]), ("b", ["C", "N", "N"])], copies=True), "q")
    assert result.uncounted == ("b",)
    counted = {(c.evidence, c.hypothesis): c.counted for c in result.contributions}
    assert counted[("a", "h0")]
    assert not counted[("b", "h0")]
    independent = posteriors(build([("a", ["CC", "N", "N"]), ("b", ["C", "N", "N"])]), "q")
    assert independent.posteriors[0].posterior > result.posteriors[0].posterior


def test_contributions_explain_the_shift() -> None:
    result = posteriors(build([("a", ["CC", "I", "N"]), ("b", ["N", "N", "N"])]), "q")
    top = result.contributions[0]
    assert top.evidence == "a"
    assert math.isclose(
        top.without + top.shift,
        next(p.posterior for p in result.posteriors if p.hypothesis == top.hypothesis),
    )
    assert all(c.shift == 0 for c in result.contributions if c.evidence == "b")


def test_the_example_case() -> None:
    case = load(EXAMPLE)
    result = posteriors(case, "who-controls-escalation")
    assert math.isclose(sum(p.posterior for p in result.posteriors), 1.0)
    by = {p.hypothesis: p for p in result.posteriors}
    assert by["quds-force-retains-control"].posterior < by["militias-defy-qaani"].posterior
    leverage = posteriors(case, "why-escalate")
    assert "escalation-for-leverage" not in leverage.uncounted  # its one lineage counts once


def test_an_article_is_heard_for_and_against() -> None:
    # Two items of one lineage bearing on different hypotheses: each counts where it is
    # the strongest, so neither is lost.
    items = [("for", ["CC", "N", "N"]), ("against", ["N", "II", "N"])]
    result = posteriors(build(items, copies=True), "q")  # type: ignore[arg-type]
    assert result.uncounted == ()
    chosen = {c.hypothesis: c.evidence for c in result.contributions if c.counted}
    assert (chosen["h0"], chosen["h1"]) == ("for", "against")


def test_bayes_command() -> None:
    import io
    import json

    from scenarios.cli import main

    out = io.StringIO()
    assert main(["bayes", str(EXAMPLE), "--set", "sadr-and-militias"], out=out) == 0
    # One article, arguing both ways with equal strength: counted once, it cancels out, and
    # no single item moves it (each has an equally strong twin in that article).
    assert out.getvalue().splitlines() == [
        "sadr-and-militias: How will the Iran-backed militias deal with al-Sadr after the "
        "October 2021 election?",
        "  sadr-militia-confrontation: 50% (roughly even chance), prior 50%",
        "  militias-accommodate-sadr: 50% (roughly even chance), prior 50%",
    ]
    out = io.StringIO()
    assert main(["bayes", str(EXAMPLE), "--format", "json"], out=out) == 0
    data = json.loads(out.getvalue())
    assert all(math.isclose(sum(p["posterior"] for p in d["posteriors"]), 1) for d in data)


@given(rows.filter(bool), st.randoms(use_true_random=False))
def test_the_order_of_items_does_not_matter(ratings: list[list[Rating]], rng: object) -> None:
    items = [(f"e{i}", r) for i, r in enumerate(ratings)]
    shuffled = list(items)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    for copies in (True, False):
        before = posteriors(build(items, copies=copies), "q").posteriors
        after = posteriors(build(shuffled, copies=copies), "q").posteriors
        assert [round(p.posterior, 9) for p in before] == [round(p.posterior, 9) for p in after]
