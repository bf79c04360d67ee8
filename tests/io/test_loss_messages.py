"""What a conversion loses is said in plain words, singular for one (issue 16)."""

from __future__ import annotations

from scenarios.io import loads, losses

CASE = """\
meta: {title: T}
sources: [{id: s, title: S}]
evidence: [{id: e, claim: C., credibility: 2, quotes: [{source: s, text: q}]}]
hypotheses: [{id: h, statement: H.}, {id: g, statement: G.}]
hypothesis_sets: [{id: q, question: Q?, hypotheses: [h, g]}]
links: [{evidence: e, hypothesis: h, rating: N}, {evidence: e, hypothesis: g, rating: CC}]
"""


def test_one_of_each_is_singular() -> None:
    said = [loss.message for loss in losses(loads(CASE, format="yaml"), "aif")]
    # Before: "aif drops 1 hypothesis_sets", "drops credibility of 1 evidence",
    # "1 links rated N or NA".
    assert said == [
        "aif drops the title of the meta",
        "aif drops 1 source",
        "aif drops the credibility of 1 evidence item",
        "aif drops the quotes of 1 evidence item",
        "aif drops 1 hypothesis set",
        "aif drops 1 link rated N or NA",
        "aif weakens the rating of 1 link rated CC or II to support or attack",
    ]
