"""Test-local Hypothesis strategies for valid cases (issue 4 ships public ones)."""

from __future__ import annotations

from hypothesis import strategies as st

from scenarios import (
    Case,
    CaseMeta,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Likelihood,
    LikelihoodRatio,
    Link,
    Quote,
    Source,
)
from scenarios.types import RATINGS

# Text that exercises YAML: leading/trailing spaces are excluded by `Text` only
# in tags; quotes, colons, hashes, unicode, newlines, "no", "0123" are all fair.
texts = st.one_of(
    st.sampled_from(
        ["no", "yes", "0123", "1e3", "null", "~", "- x", "a: b", "#c", "'q'", "2020-01-03"]
    ),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
        min_size=1,
        max_size=40,
    ),
).filter(lambda s: not s.isspace() and s.strip() != "")

ids = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,4})?\Z")


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A valid case: unique ids, references that resolve, one link per pair."""
    names = draw(st.lists(ids, min_size=3, max_size=14, unique=True))
    n_sources = draw(st.integers(1, max(1, len(names) // 3)))
    source_ids, rest = names[:n_sources], names[n_sources:]
    n_hyp = draw(st.integers(1, max(1, len(rest) // 2)))
    hyp_ids, evidence_ids = rest[:n_hyp], rest[n_hyp:]
    sources = [
        Source(
            id=sid,
            title=draw(texts),
            reliability=draw(st.none() | st.sampled_from("ABCDEF")),
            published=draw(st.none() | st.sampled_from(["2020", "2020-06", "2020-06-25"])),
            url=draw(st.none() | st.just(f"https://example.org/{sid}")),
            derived_from=tuple(draw(st.lists(st.sampled_from(source_ids), max_size=1))),
        )
        for sid in source_ids
    ]
    evidence = [
        Evidence(
            id=eid,
            claim=draw(texts),
            quotes=(Quote(source=draw(st.sampled_from(source_ids)), text=draw(texts)),),
            credibility=draw(st.integers(1, 6)),
            tags=tuple(draw(st.lists(st.sampled_from(["a", "b c", "jcpoa"]), max_size=2))),
        )
        for eid in evidence_ids
    ]
    hypotheses = [Hypothesis(id=hid, statement=draw(texts)) for hid in hyp_ids]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(evidence_ids), st.sampled_from(hyp_ids)),
            unique=True,
            max_size=10,
        )
        if evidence_ids
        else st.just([])
    )
    likelihoods = (
        st.none()
        | st.builds(LikelihoodRatio, value=st.floats(0.01, 100))
        | st.builds(Likelihood, if_true=st.floats(0, 1), if_false=st.none() | st.floats(0, 1))
    )
    links = [
        Link(
            evidence=e,
            hypothesis=h,
            rating=draw(st.sampled_from(RATINGS)),
            relevance=draw(st.sampled_from(["low", "medium", "high"])),
            likelihood=draw(likelihoods),
            rationale=draw(st.none() | texts),
        )
        for e, h in pairs
    ]
    sets = []
    if len(hyp_ids) >= 2 and draw(st.booleans()):
        sets.append(
            HypothesisSet(
                id="set-" + hyp_ids[0],
                question=draw(texts),
                hypotheses=tuple(hyp_ids),
                priors={h: 1 / len(hyp_ids) for h in hyp_ids},
            )
        )
    return Case(
        meta=CaseMeta(title=draw(texts), as_of=draw(st.none() | st.dates().map(lambda d: d))),
        sources=tuple(sources),
        evidence=tuple(evidence),
        hypotheses=tuple(hypotheses),
        hypothesis_sets=tuple(sets),
        links=tuple(links),
    )
