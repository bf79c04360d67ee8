"""`CaseMachine`: a case edited step by step, for stateful tests of code that reads cases."""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from scenarios.checks import check
from scenarios.io import CaseFormat, SourceTexts, dumps, loads
from scenarios.model import (
    Case,
    CaseMeta,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Link,
    Quote,
    Scenario,
    Source,
)
from scenarios.strategies._parts import RATINGS_C_FIRST
from scenarios.strategies._texts import PLAIN, WORDS, word_lists
from scenarios.types import Rating, Relevance

__all__ = ["CaseMachine"]

_PICK: Final = st.integers(0, 99)
_RATING: Final = st.sampled_from(RATINGS_C_FIRST)
_RELEVANCE: Final = st.sampled_from(("medium", "low", "high"))
_WORDS: Final = word_lists(WORDS, 6, 30)


def _pick(ids: Collection[str], which: int) -> str:
    ordered = sorted(ids)
    return ordered[which % len(ordered)]


class CaseMachine(RuleBasedStateMachine):
    """A case edited step by step: a Hypothesis state machine to subclass.

    Rules add sources (with their texts), evidence quoting them, hypotheses, sets of
    hypotheses, links and scenarios; re-rate and re-weigh links; and remove any of
    them. Removing an object removes what refers to it (its links, a quote's item, a
    set's member, a scenario's assumption), so the case is valid after every step: it
    is built with the integrity check each time. After every step the invariants hold:

    - the checks never crash, and find no R (integrity) problem;
    - ``loads(dumps(case)) == case``, in YAML and in JSON, and writing is byte-stable.

    Subclass it to test your own code against every state the edits reach: add
    ``@invariant()`` methods that read `case` and `texts`, or ``@rule()`` methods of your
    own (call `rebuild` after changing the plain state). Then collect its ``TestCase``::

        class ExporterMachine(CaseMachine):
            @invariant()
            def exporter_round_trips(self) -> None:
                assert from_csv(to_csv(self.case)) == self.case

        TestExporter = ExporterMachine.TestCase

    Attributes:
        case: The case as it stands.
        texts: Its source texts.
        sources: Title and text by source id (the plain state the case is built from,
            as are the following).
        evidence: Source and quote by evidence id.
        hypotheses: Statement by hypothesis id.
        sets: Members by set id.
        links: Rating and relevance by (evidence id, hypothesis id).
        scenarios: The hypotheses each scenario takes as true, by scenario id.
    """

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, tuple[str, str]] = {}
        self.evidence: dict[str, tuple[str, str]] = {}
        self.hypotheses: dict[str, str] = {}
        self.sets: dict[str, tuple[str, ...]] = {}
        self.links: dict[tuple[str, str], tuple[Rating, Relevance]] = {}
        self.scenarios: dict[str, tuple[str, ...]] = {}
        self.counter = 0
        self.case = Case(meta=CaseMeta(title="Edited"))
        self.texts = SourceTexts()

    def fresh(self, prefix: str) -> str:
        """A new id: `prefix` and a number."""
        self.counter += 1
        return f"{prefix}{self.counter}"

    def rebuild(self) -> None:
        """Build `case` and `texts` from the plain state (checking integrity)."""
        self.case = Case(
            meta=CaseMeta(title="Edited"),
            sources=tuple(Source(id=s, title=t) for s, (t, _) in self.sources.items()),
            evidence=tuple(
                Evidence(id=e, claim=f"What {s} says.", quotes=(Quote(source=s, text=q),))
                for e, (s, q) in self.evidence.items()
            ),
            hypotheses=tuple(Hypothesis(id=h, statement=s) for h, s in self.hypotheses.items()),
            hypothesis_sets=tuple(
                HypothesisSet(id=q, question="Which of them?", hypotheses=members)
                for q, members in self.sets.items()
            ),
            links=tuple(
                Link(evidence=e, hypothesis=h, rating=rating, relevance=relevance)
                for (e, h), (rating, relevance) in self.links.items()
            ),
            scenarios=tuple(
                Scenario(id=s, name=f"Scenario {s}", assumes=dict.fromkeys(hs, True))
                for s, hs in self.scenarios.items()
            ),
        )
        self.texts = SourceTexts(texts={s: text for s, (_, text) in self.sources.items()})

    # -- adding -------------------------------------------------------------------------

    @initialize(words=_WORDS)
    def start_with_a_source(self, words: list[str]) -> None:
        """Every case starts with one source."""
        self.add_source(words)

    @rule(words=_WORDS)
    def add_source(self, words: list[str]) -> None:
        """A source and its text."""
        self.sources[self.fresh("s")] = (" ".join(words[:3]).capitalize(), " ".join(words))
        self.rebuild()

    @precondition(lambda self: self.sources)
    @rule(source=_PICK, start=_PICK, length=st.integers(1, 6))
    def add_evidence(self, source: int, start: int, length: int) -> None:
        """An item quoting a run of words of a source's text."""
        sid = _pick(self.sources, source)
        words = self.sources[sid][1].split()
        length = min(length, len(words))
        start %= len(words) - length + 1
        self.evidence[self.fresh("e")] = (sid, " ".join(words[start : start + length]))
        self.rebuild()

    @rule(statement=PLAIN.statement)
    def add_hypothesis(self, statement: str) -> None:
        """A hypothesis."""
        self.hypotheses[self.fresh("h")] = statement
        self.rebuild()

    @precondition(lambda self: len(self.hypotheses) >= 2)
    @rule(first=_PICK, size=st.integers(2, 4))
    def add_set(self, first: int, size: int) -> None:
        """A set of two or more hypotheses, in id order from one of them."""
        ordered = sorted(self.hypotheses)
        at = first % len(ordered)
        members = (ordered + ordered)[at : at + min(size, len(ordered))]
        self.sets[self.fresh("q")] = tuple(members)
        self.rebuild()

    @precondition(lambda self: self.evidence and self.hypotheses)
    @rule(item=_PICK, hypothesis=_PICK, rating=_RATING, relevance=_RELEVANCE)
    def link(self, item: int, hypothesis: int, rating: Rating, relevance: Relevance) -> None:
        """Link an item to a hypothesis (or re-link it)."""
        pair = (_pick(self.evidence, item), _pick(self.hypotheses, hypothesis))
        self.links[pair] = (rating, relevance)
        self.rebuild()

    @precondition(lambda self: self.hypotheses)
    @rule(hypothesis=_PICK)
    def add_scenario(self, hypothesis: int) -> None:
        """A scenario that takes one hypothesis as true."""
        self.scenarios[self.fresh("sc")] = (_pick(self.hypotheses, hypothesis),)
        self.rebuild()

    # -- changing -----------------------------------------------------------------------

    @precondition(lambda self: self.links)
    @rule(which=_PICK, rating=_RATING)
    def rerate(self, which: int, rating: Rating) -> None:
        """Give a link another rating."""
        pair = sorted(self.links)[which % len(self.links)]
        self.links[pair] = (rating, self.links[pair][1])
        self.rebuild()

    @precondition(lambda self: self.links)
    @rule(which=_PICK, relevance=_RELEVANCE)
    def reweigh(self, which: int, relevance: Relevance) -> None:
        """Give a link another relevance."""
        pair = sorted(self.links)[which % len(self.links)]
        self.links[pair] = (self.links[pair][0], relevance)
        self.rebuild()

    # -- removing (with what refers to it) ----------------------------------------------

    @precondition(lambda self: self.links)
    @rule(which=_PICK)
    def unlink(self, which: int) -> None:
        """Remove a link."""
        del self.links[sorted(self.links)[which % len(self.links)]]
        self.rebuild()

    @precondition(lambda self: self.evidence)
    @rule(which=_PICK)
    def remove_evidence(self, which: int) -> None:
        """Remove an item and its links."""
        self._drop_evidence({_pick(self.evidence, which)})
        self.rebuild()

    @precondition(lambda self: self.sources)
    @rule(which=_PICK)
    def remove_source(self, which: int) -> None:
        """Remove a source, the items that quote it, and their links."""
        gone = _pick(self.sources, which)
        del self.sources[gone]
        self._drop_evidence({e for e, (s, _) in self.evidence.items() if s == gone})
        self.rebuild()

    @precondition(lambda self: self.hypotheses)
    @rule(which=_PICK)
    def remove_hypothesis(self, which: int) -> None:
        """Remove a hypothesis and its links, from sets and scenarios.

        A set left with fewer than two hypotheses goes, as does a scenario left with none.
        """
        gone = _pick(self.hypotheses, which)
        del self.hypotheses[gone]
        self.links = {k: v for k, v in self.links.items() if k[1] != gone}
        sets = {q: tuple(h for h in hs if h != gone) for q, hs in self.sets.items()}
        self.sets = {q: hs for q, hs in sets.items() if len(hs) >= 2}
        rests = {s: tuple(h for h in hs if h != gone) for s, hs in self.scenarios.items()}
        self.scenarios = {s: hs for s, hs in rests.items() if hs}
        self.rebuild()

    @precondition(lambda self: self.sets)
    @rule(which=_PICK)
    def remove_set(self, which: int) -> None:
        """Remove a set (its hypotheses stay)."""
        del self.sets[_pick(self.sets, which)]
        self.rebuild()

    @precondition(lambda self: self.scenarios)
    @rule(which=_PICK)
    def remove_scenario(self, which: int) -> None:
        """Remove a scenario."""
        del self.scenarios[_pick(self.scenarios, which)]
        self.rebuild()

    def _drop_evidence(self, gone: set[str]) -> None:
        for e in gone:
            del self.evidence[e]
        self.links = {k: v for k, v in self.links.items() if k[0] not in gone}

    # -- invariants ---------------------------------------------------------------------

    @invariant()
    def checks_never_crash(self) -> None:
        """The checks run on every state, and find every reference sound."""
        findings = check(self.case, texts=self.texts)
        assert not [f for f in findings if f.code.startswith("R")], findings

    @invariant()
    def round_trips(self) -> None:
        """``loads(dumps(case)) == case`` in YAML and JSON, byte-stable."""
        formats: tuple[CaseFormat, ...] = ("yaml", "json")
        for fmt in formats:
            text = dumps(self.case, format=fmt)
            again = loads(text, format=fmt)
            assert again == self.case, fmt
            assert dumps(again, format=fmt) == text, fmt
