"""Properties of the checks, over the public strategies: no false positives, every defect
found, deterministic, order-independent; and a stateful edit-and-check machine."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from scenarios import (
    Case,
    CaseMeta,
    Evidence,
    Hypothesis,
    Link,
    Quote,
    Source,
    check,
    dumps,
    loads,
)
from scenarios.checks import CATALOGUE, Finding
from scenarios.io import CaseFormat, SourceTexts
from scenarios.model._integrity import COLLECTIONS
from scenarios.strategies import (
    DEFECTS,
    DefectiveCase,
    SourcedCase,
    defective_cases,
    links,
    quotes,
    sourced_cases,
    sources,
)


def summary(findings: tuple[Finding, ...]) -> Counter[tuple[str, str, tuple[str, ...]]]:
    """What a finding says regardless of where items stand in the file."""
    return Counter((f.code, f.severity, f.objects) for f in findings)


def test_every_check_with_an_example_has_a_defect() -> None:
    assert set(DEFECTS) == {info.code for info in CATALOGUE} - {"Q005", "Q006"}


@given(sourced_cases())
def test_valid_cases_have_no_errors(drawn: SourcedCase) -> None:
    errors = [f for f in check(drawn.case, texts=drawn.texts) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("code", sorted(DEFECTS))
@settings(max_examples=15)
@given(data=st.data())
def test_each_injected_defect_is_found(code: str, data: st.DataObject) -> None:
    drawn: DefectiveCase = data.draw(defective_cases(codes=[code], max_evidence=4))
    codes = {f.code for f in check(drawn.case, texts=drawn.texts)}
    assert code in codes, f"{drawn.defect} was not flagged as {code}"


@given(defective_cases(), st.randoms(use_true_random=False))
def test_check_is_deterministic_and_order_independent(
    drawn: DefectiveCase, rng: random.Random
) -> None:
    first = check(drawn.case, texts=drawn.texts)
    assert check(drawn.case, texts=drawn.texts) == first
    shuffled = {}
    for name in COLLECTIONS:
        items = list(getattr(drawn.case, name))
        rng.shuffle(items)
        shuffled[name] = tuple(items)
    reordered = drawn.case.model_copy(update=shuffled)
    assert summary(check(reordered, texts=drawn.texts)) == summary(first)


def test_strategies_check_their_arguments() -> None:
    with pytest.raises(InvalidArgument, match="max_evidence=1 must be"):
        sourced_cases(min_evidence=2, max_evidence=1).example()
    with pytest.raises(InvalidArgument, match="min_sources must be at least 1"):
        sourced_cases(min_sources=0).example()
    with pytest.raises(InvalidArgument, match="no defect is known for"):
        defective_cases(codes=["Z999"]).example()
    with pytest.raises(InvalidArgument, match="fewer than min_words"):
        quotes(source="s", text="one", min_words=2).example()
    with pytest.raises(InvalidArgument, match="at least one evidence id"):
        links(evidence=[], hypotheses=["h"]).example()
    with pytest.raises(InvalidArgument, match="must be a whole number"):
        sources(min_words=-1).example()


@given(st.data())
def test_quotes_are_verbatim_cuts(data: st.DataObject) -> None:
    source, text = data.draw(sources())
    quote = data.draw(quotes(source=source.id, text=text))
    assert quote.text in text


class EditedCase(RuleBasedStateMachine):
    """Add and remove sources, evidence, hypotheses and links; after every step the case
    validates and the checks agree with a reference computed from scratch."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}  # id -> text
        self.evidence: dict[str, str] = {}  # id -> source id
        self.hypotheses: list[str] = []
        self.links: dict[tuple[str, str], str] = {}  # (evidence, hypothesis) -> rating
        self.counter = 0

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}"

    @rule(
        words=st.lists(
            st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=3, max_size=12
        )
    )
    def add_source(self, words: list[str]) -> None:
        self.sources[self.fresh("s")] = " ".join(words)

    @precondition(lambda self: self.sources)
    @rule(data=st.data())
    def add_evidence(self, data: st.DataObject) -> None:
        source = data.draw(st.sampled_from(sorted(self.sources)))
        self.evidence[self.fresh("e")] = source

    @precondition(lambda self: self.evidence)
    @rule(data=st.data())
    def remove_evidence(self, data: st.DataObject) -> None:
        gone = data.draw(st.sampled_from(sorted(self.evidence)))
        del self.evidence[gone]
        self.links = {k: v for k, v in self.links.items() if k[0] != gone}

    @precondition(lambda self: self.sources)
    @rule(data=st.data())
    def remove_source(self, data: st.DataObject) -> None:
        gone = data.draw(st.sampled_from(sorted(self.sources)))
        del self.sources[gone]
        for item in [e for e, s in self.evidence.items() if s == gone]:
            del self.evidence[item]
        self.links = {k: v for k, v in self.links.items() if k[0] in self.evidence}

    @rule()
    def add_hypothesis(self) -> None:
        self.hypotheses.append(self.fresh("h"))

    @precondition(lambda self: self.evidence and self.hypotheses)
    @rule(data=st.data(), rating=st.sampled_from(["CC", "C", "N", "I", "II"]))
    def link(self, data: st.DataObject, rating: str) -> None:
        pair = (
            data.draw(st.sampled_from(sorted(self.evidence))),
            data.draw(st.sampled_from(self.hypotheses)),
        )
        self.links[pair] = rating

    @precondition(lambda self: self.links)
    @rule(data=st.data())
    def unlink(self, data: st.DataObject) -> None:
        del self.links[data.draw(st.sampled_from(sorted(self.links)))]

    def build(self) -> Case:
        return Case(
            meta=CaseMeta(title="Edited"),
            sources=tuple(Source(id=s, title=s) for s in self.sources),
            evidence=tuple(
                Evidence(
                    id=e, claim="c", quotes=(Quote(source=s, text=self.sources[s].split()[0]),)
                )
                for e, s in self.evidence.items()
            ),
            hypotheses=tuple(Hypothesis(id=h, statement=h) for h in self.hypotheses),
            links=tuple(
                Link(evidence=e, hypothesis=h, rating=r)  # type: ignore[arg-type]
                for (e, h), r in self.links.items()
            ),
        )

    @invariant()
    def checks_agree_with_a_reference(self) -> None:
        case = self.build()  # validates: every reference resolves
        findings = check(case, texts=SourceTexts(texts=dict(self.sources)))
        linked = {h for _, h in self.links}
        expected_unreferenced = {h for h in self.hypotheses if h not in linked}
        assert {f.objects[0] for f in findings if f.code == "H005"} == expected_unreferenced
        assert not [f for f in findings if f.code.startswith(("R", "Q001", "Q003", "T", "L"))]
        quoted_twice = {
            e
            for e, s in self.evidence.items()
            if self.sources[s].split().count(self.sources[s].split()[0]) > 1
        }
        assert {f.objects[0] for f in findings if f.code == "Q002"} <= quoted_twice


TestEditedCase = EditedCase.TestCase
TestEditedCase.settings = settings(max_examples=40, stateful_step_count=20, deadline=None)


@given(defective_cases())
def test_drawn_cases_round_trip_even_when_broken(drawn: DefectiveCase) -> None:
    formats: tuple[CaseFormat, ...] = ("yaml", "json")
    for fmt in formats:
        text = dumps(drawn.case, format=fmt)
        again = loads(text, format=fmt, integrity=False)
        assert again == drawn.case
        assert dumps(again, format=fmt) == text
