"""Bayesian judgements: by hand, ICD 203 words, lineage counted once, and the properties."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import (
    Case,
    CaseBuilder,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Quote,
    Source,
    UnknownIdError,
    check,
)
from scenarios.analysis._bayes import (
    OTHER,
    GradeModel,
    all_posteriors,
    confidence_level,
    icd203_words,
    posteriors,
)
from scenarios.errors import AnalysisError
from scenarios.model import Likelihood, LikelihoodRatio
from scenarios.types import RATINGS, Rating, Reliability
from tests.support import EXAMPLE


def build(
    rows: list[tuple[str, list[Rating]]],
    *,
    priors: dict[str, float] | None = None,
    copies: bool = False,
    single: bool = False,
    letter: Reliability = "B",
) -> Case:
    """Items (id, ratings against h0, h1, h2), credibility 2; with `copies`, the items
    alternate between an article and its copy, one lineage; with `single`, all quote the
    article (one source, so no item is a copy of another)."""
    b = CaseBuilder(title="t")
    b.add(
        Source(id="orig", title="Original", reliability=letter),
        Source(id="copy", title="Copy", derived_from=("orig",), reliability=letter),
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
        source = "orig" if single else ("orig", "copy")[i % 2] if copies else f"src{i}"
        if not (copies or single):
            b.add(Source(id=source, title=source, reliability=letter))
        b.add(Evidence(id=item, claim="c", quotes=(Quote(source=source, text="q"),), credibility=2))
        for j, rating in enumerate(ratings):
            b.link(item, f"h{j}", rating)
    return b.build()


def test_by_hand() -> None:
    case = build([("e1", ["CC", "C", "II"])], priors={"h0": 0.5, "h1": 0.3, "h2": 0.2})
    result = posteriors(case, "q")
    prior = [0.5, 0.3, 0.2]
    ell = [4, 2, 0.25]
    bar = sum(p * x for p, x in zip(prior, ell, strict=True))
    r, c = 0.8, 0.8  # B, 2
    odds = [
        p * (r * (c * x + (1 - c) * bar) + (1 - r) * bar) for p, x in zip(prior, ell, strict=True)
    ]
    expected = [o / sum(odds) for o in odds]
    assert [round(p.posterior, 12) for p in result.posteriors] == [round(x, 12) for x in expected]
    assert [p.prior for p in result.posteriors] == [0.5, 0.3, 0.2]


def test_one_lineage_shares_one_reliability() -> None:
    # Two items of one source: P(both | h) = r f1(h) f2(h) + (1 - r) bar1 bar2.
    case = build([("a", ["CC", "N", "N"]), ("b", ["N", "I", "N"])], copies=True)
    result = posteriors(case, "q")
    ells: list[list[float]] = [[4, 1, 1], [1, 0.5, 1]]
    bars = [sum(x) / 3 for x in ells]
    r, c = 0.8, 0.8
    odds = [
        r * math.prod(c * e[h] + (1 - c) * bar for e, bar in zip(ells, bars, strict=True))
        + (1 - r) * math.prod(bars)
        for h in range(3)
    ]
    expected = [o / sum(odds) for o in odds]
    assert [round(p.posterior, 12) for p in result.posteriors] == [round(x, 12) for x in expected]
    assert result.uncounted == ()


def test_the_grades_weigh() -> None:
    items: list[tuple[str, list[Rating]]] = [("a", ["CC", "N", "I"]), ("b", ["C", "I", "N"])]
    letters: list[Reliability] = ["A", "B", "C", "D", "E"]
    moved = [posteriors(build(items, letter=x), "q").posteriors[0].posterior for x in letters]
    assert moved == sorted(moved, reverse=True)  # the better the source, the further it moves
    assert moved[-1] > 1 / 3  # a poor source still says something, a little


PERFECT = GradeModel(
    reliability=dict.fromkeys("ABCDEF", 1.0), credibility=dict.fromkeys(range(1, 7), 1.0)
)
"""Grades taken as perfect, to see the likelihoods alone (they still weigh otherwise)."""


def likelihood_case(*links: tuple[str, Rating, Likelihood | LikelihoodRatio | None]) -> Case:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S"),
        Hypothesis(id="a", statement="A"),
        Hypothesis(id="b", statement="B"),
        Hypothesis(id="c", statement="C"),
        HypothesisSet(id="q", question="?", hypotheses=("a", "b", "c"), exhaustive=True),
        Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),)),
    )
    for h, rating, spec in links:
        b.link("e", h, rating, likelihood=spec)
    return b.build()


def test_given_likelihoods_override_the_rating() -> None:
    # A ratio, and P(E|H) with P(E|not H): both ratios against a neutral item.
    case = likelihood_case(
        ("a", "II", Likelihood(if_true=0.9, if_false=0.3)), ("b", "CC", LikelihoodRatio(value=0.5))
    )
    result = posteriors(case, "q", grades=PERFECT)
    assert [round(p.posterior, 12) for p in result.posteriors] == [
        round(x / 4.5, 12) for x in (3, 0.5, 1)
    ]


def test_probabilities_given_alone_are_read_beside_each_other() -> None:
    # P(E|H) alone on every link: 0.8 against 0.2 is four to one, whatever the scale;
    # the hypothesis the item has no link to is neutral (the prior-weighted mean, 0.5).
    case = likelihood_case(("a", "C", Likelihood(if_true=0.8)), ("b", "I", Likelihood(if_true=0.2)))
    result = posteriors(case, "q", grades=PERFECT)
    assert [round(p.posterior, 12) for p in result.posteriors] == [
        round(x / 3, 12) for x in (1.6, 0.4, 1)
    ]


def test_a_probability_given_alone_beside_a_rating_is_refused() -> None:
    case = likelihood_case(("a", "C", Likelihood(if_true=0.8)), ("b", "I", None))
    with pytest.raises(
        ValueError, match=r"evidence 'e' gives P\(E\|H\) alone \(if_true\) for a but a rating"
    ):
        posteriors(case, "q")


def test_a_copy_does_not_lend_its_grade_to_the_original() -> None:
    def with_copy(letter: Reliability | None) -> float:
        b = CaseBuilder(title="t")
        b.add(
            Source(id="blog", title="Blog", reliability="E"),
            Hypothesis(id="a", statement="A"),
            Hypothesis(id="b", statement="B"),
            HypothesisSet(id="q", question="?", hypotheses=("a", "b"), exhaustive=True),
            Evidence(id="e", claim="c", quotes=(Quote(source="blog", text="q"),), credibility=2),
        )
        if letter:
            b.add(Source(id="paper", title="Paper", reliability=letter, derived_from=("blog",)))
        b.link("e", "a", "CC")
        return posteriors(b.build(), "q").posteriors[0].posterior

    alone = with_copy(None)
    assert with_copy("A") == alone
    assert with_copy("D") == alone


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
    with pytest.raises(AnalysisError, match=r"not b \(check H003\)"):
        posteriors(case, "q")


def _one_set(**fields: object) -> Case:
    group = {"id": "q", "question": "?", "hypotheses": ["a", "b"], **fields}
    return Case.unchecked(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": "a", "statement": "A"}, {"id": "b", "statement": "B"}],
            "hypothesis_sets": [group],
        }
    )


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        # Before: 0/0 read as uniform priors, "roughly even chance".
        ({"priors": {"a": 0.0, "b": 0.0}}, "add up to 0, not 1"),
        ({"priors": {"a": 0.0, "b": 0.0}, "exhaustive": False}, "a prior of 0"),
        # Before: one hypothesis was "almost certain" whatever the evidence.
        ({"hypotheses": ["a"]}, "has one hypothesis.*check H004"),
        # Before: silently renormalised to add up to 1.
        ({"priors": {"a": 0.3, "b": 0.3}}, "add up to 0.6, not 1.*check H003"),
        ({"priors": {"a": 0.7, "b": 0.6}, "exhaustive": False}, "more than 1"),
    ],
)
def test_posteriors_refuse_what_the_checks_call_errors(
    fields: dict[str, object], said: str
) -> None:
    case = _one_set(**{"exhaustive": True, **fields})
    with pytest.raises(AnalysisError, match=said) as caught:
        posteriors(case, "q")
    assert caught.value.hint
    assert all_posteriors(case) == {}
    # The check says the same, as an error.
    assert {f.code for f in check(case)} & {"H003", "H004"}


def test_a_dangling_link_of_an_unchecked_case_is_an_unknown_id() -> None:
    # Before: KeyError: 'ghost'.
    case = Case.unchecked(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": "a", "statement": "A"}, {"id": "b", "statement": "B"}],
            "hypothesis_sets": [{"id": "q", "question": "?", "hypotheses": ["a", "b"]}],
            "links": [{"evidence": "ghost", "hypothesis": "a", "rating": "C"}],
        }
    )
    with pytest.raises(UnknownIdError, match="no evidence with id 'ghost'"):
        posteriors(case, "q")


def test_a_hypothesis_named_as_the_set_says_so() -> None:
    case = _one_set()
    with pytest.raises(UnknownIdError, match="'a' is a hypothesis, in set 'q'"):
        posteriors(case, "a")


rows = st.lists(st.lists(st.sampled_from(RATINGS), min_size=3, max_size=3), min_size=0, max_size=6)
distinct_rows = st.lists(  # no two rated alike (NA weighs as N)
    st.lists(st.sampled_from(RATINGS), min_size=3, max_size=3),
    min_size=1,
    max_size=6,
    unique_by=lambda r: tuple("N" if x == "NA" else x for x in r),
)


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


@given(distinct_rows, st.data())
def test_a_retelling_by_a_copy_does_not_move_the_posterior(
    ratings: list[list[Rating]], data: st.DataObject
) -> None:
    items = [(f"e{i}", r) for i, r in enumerate(ratings)]
    case = build(items, copies=True)
    before = posteriors(case, "q")
    original = data.draw(st.sampled_from(items[::2]))  # an item of the original article
    retold = Evidence(
        id="again", claim="c", quotes=(Quote(source="copy", text="q"),), credibility=2
    )
    links = tuple(
        dataclasses.replace(link, evidence="again")
        for link in case.links
        if link.evidence == original[0]
    )
    update = {"evidence": (*case.evidence, retold), "links": (*case.links, *links)}
    after = posteriors(case.model_copy(update=update), "q")
    assert [round(p.posterior, 12) for p in before.posteriors] == [
        round(p.posterior, 12) for p in after.posteriors
    ]


@given(rows.filter(bool))
def test_one_source_moves_no_further_than_its_reliability_allows(
    ratings: list[list[Rating]],
) -> None:
    # One lineage: the posterior lies between the prior and where a perfect source would
    # put it, further along the better the grade.
    items = [(f"e{i}", r) for i, r in enumerate(ratings)]
    letters: list[Reliability] = ["A", "B", "C", "D", "E"]
    distances = [
        math.fsum(
            abs(p.posterior - p.prior)
            for p in posteriors(build(items, copies=True, letter=x), "q").posteriors
        )
        for x in letters
    ]
    assert all(a >= b - 1e-12 for a, b in itertools.pairwise(distances))


def test_a_retold_item_is_listed_as_uncounted() -> None:
    items: list[tuple[str, list[Rating]]] = [("a", ["CC", "N", "N"]), ("b", ["CC", "N", "N"])]
    result = posteriors(build(items, copies=True), "q")
    assert result.uncounted == ("b",)
    counted = {(c.evidence, c.hypothesis): c.counted for c in result.contributions}
    assert counted[("a", "h0")]
    assert not counted[("b", "h0")]


def test_an_open_set_keeps_an_other() -> None:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S", reliability="A"),
        Hypothesis(id="a", statement="A"),
        Hypothesis(id="b", statement="B"),
        HypothesisSet(id="q", question="?", hypotheses=("a", "b"), priors={"a": 0.6, "b": 0.4}),
        Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),), credibility=1),
    )
    b.link("e", "a", "CC")
    b.link("e", "b", "CC")
    result = posteriors(b.build(), "q")
    other = result.of(OTHER)
    assert math.isclose(other.prior, 1 / 3)
    assert math.isclose(result.of("a").prior, 0.4)  # the named share the rest, 60:40
    assert math.isclose(sum(p.posterior for p in result.posteriors), 1.0)
    # Evidence that fits every named hypothesis alike leaves the unnamed share alone:
    assert math.isclose(other.posterior, other.prior)
    assert not result.assessable
    assert {p.words for p in result.posteriors} == {"cannot assess"}


def test_an_exhaustive_set_has_no_other() -> None:
    result = posteriors(build([("e", ["CC", "N", "N"])]), "q")
    assert OTHER not in {p.hypothesis for p in result.posteriors}


@pytest.mark.parametrize(
    ("lineages", "good", "low", "high", "level"),
    [
        (3, 2, 0.82, 0.9, "high"),
        (3, 2, 0.75, 0.9, "moderate"),  # crosses into "likely"
        (2, 1, 0.82, 0.9, "moderate"),
        (2, 0, 0.82, 0.9, "low"),  # no well-graded lineage
        (1, 1, 0.82, 0.9, "low"),  # one lineage
        (4, 4, 0.3, 0.9, "low"),  # fragile: spans three bands
        (0, 0, 0.5, 0.5, "low"),
    ],
)
def test_confidence_rules(lineages: int, good: int, low: float, high: float, level: str) -> None:
    assert confidence_level(lineages, good, low, high)[0] == level


def test_the_range_names_both_bands_and_the_confidence() -> None:
    result = posteriors(build([("a", ["CC", "N", "II"]), ("b", ["C", "N", "I"])]), "q")
    first = result.posteriors[0]
    c = first.confidence
    assert (c.lineages, c.best_grade) == (2, "B2")
    assert c.low <= first.posterior <= c.high
    assert first.judgement.split(", ")[-1].startswith(c.level)
    assert c.fragile is not None
    assert "→" in c.fragile


def test_contributions_explain_the_shift() -> None:
    result = posteriors(build([("a", ["CC", "I", "N"]), ("b", ["N", "N", "N"])]), "q")
    top = result.contributions[0]
    assert top.evidence == "a"
    assert math.isclose(
        top.without + top.shift,
        next(p.posterior for p in result.posteriors if p.hypothesis == top.hypothesis),
    )
    assert all(c.shift == 0 for c in result.contributions if c.evidence == "b")


def test_the_example_case(example_case: Case) -> None:
    case = example_case
    result = posteriors(case, "who-controls-escalation")
    assert math.isclose(sum(p.posterior for p in result.posteriors), 1.0)
    by = {p.hypothesis: p for p in result.posteriors}
    # Deeds on both sides (AAH's firing, Qaani's visit) leave "Tehran sets the limits" ahead of
    # both pure answers; an open set keeps a share for what nobody named.
    assert max(by, key=lambda h: by[h].posterior) == "tehran-sets-limits"
    assert by["tehran-directs"].posterior < by["tehran-sets-limits"].posterior / 2
    assert by["militias-decide"].posterior < by["tehran-sets-limits"].posterior / 2
    assert by["(other)"].posterior > 0.1
    leverage = posteriors(case, "jcpoa-leverage")
    assert "escalation-for-leverage" not in leverage.uncounted  # its one lineage counts once


def test_an_article_is_heard_for_and_against() -> None:
    # Two items of one lineage bearing on different hypotheses: both count.
    items: list[tuple[str, list[Rating]]] = [
        ("for", ["CC", "N", "N"]),
        ("against", ["N", "II", "N"]),
    ]
    result = posteriors(build(items, copies=True), "q")
    assert result.uncounted == ()
    moved = {(c.evidence, c.hypothesis): c.shift for c in result.contributions}
    assert moved[("for", "h0")] > 0
    assert moved[("against", "h1")] < 0


def test_bayes_command() -> None:
    import io
    import json

    from scenarios.cli import main

    out = io.StringIO()
    assert main(["bayes", str(EXAMPLE), "--set", "sadr-and-militias"], out=out) == 0
    # One article, D-graded: it barely moves the estimate, with low confidence, and says why.
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "sadr-and-militias: How will the Iran-backed militias deal with al-Sadr after the "
        "October 2021 election?"
    )
    assert "low confidence (one lineage); prior 25%; 1 lineage (independent origins" in lines[1]
    assert ", best D2 (the best grade" in lines[1]
    assert any(re.search(r" by [+-]\d+ points \(\d+% → \d+%", line) for line in lines)
    out = io.StringIO()
    assert main(["bayes", str(EXAMPLE), "--format", "json"], out=out) == 0
    data = json.loads(out.getvalue())
    assert all(math.isclose(sum(p["posterior"] for p in d["posteriors"]), 1) for d in data)


@given(rows.filter(bool), st.randoms(use_true_random=False))
def test_the_order_of_items_does_not_matter(ratings: list[list[Rating]], rng: object) -> None:
    items = [(f"e{i}", r) for i, r in enumerate(ratings)]
    for copies in (True, False):
        case = build(items, copies=copies)
        shuffled = {name: list(getattr(case, name)) for name in ("evidence", "links")}
        for values in shuffled.values():
            rng.shuffle(values)  # type: ignore[attr-defined]
        before = posteriors(case, "q").posteriors
        after = posteriors(
            case.model_copy(update={k: tuple(v) for k, v in shuffled.items()}), "q"
        ).posteriors
        assert [round(p.posterior, 9) for p in before] == [round(p.posterior, 9) for p in after]


@given(
    st.lists(st.lists(st.sampled_from(RATINGS), min_size=3, max_size=3), min_size=1, max_size=5),
    st.booleans(),
    st.sampled_from(["A", "C", "E", "F"]),
)
def test_the_range_matches_re_rating_each_link_by_hand(
    ratings: list[list[Rating]], single: bool, letter: Reliability
) -> None:
    # The fast one-step ranges equal rebuilding the case once per re-rating (one source
    # for all items, or one each: so that no re-rating turns an item into a copy).
    case = build([(f"e{i}", r) for i, r in enumerate(ratings)], single=single, letter=letter)
    result = posteriors(case, "q")
    scale: list[Rating] = ["II", "I", "N", "C", "CC"]
    lows = {p.hypothesis: p.posterior for p in result.posteriors}
    highs = dict(lows)
    for n, link in enumerate(case.links):
        if link.rating not in scale:
            continue
        for step in (-1, 1):
            k = scale.index(link.rating) + step
            if not 0 <= k < len(scale):
                continue
            changed = dataclasses.replace(link, rating=scale[k])
            links = (*case.links[:n], changed, *case.links[n + 1 :])
            for p in posteriors(case.model_copy(update={"links": links}), "q").posteriors:
                lows[p.hypothesis] = min(lows[p.hypothesis], p.posterior)
                highs[p.hypothesis] = max(highs[p.hypothesis], p.posterior)
    for p in result.posteriors:
        assert math.isclose(p.confidence.low, lows[p.hypothesis], abs_tol=1e-9)
        assert math.isclose(p.confidence.high, highs[p.hypothesis], abs_tol=1e-9)
