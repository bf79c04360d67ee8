"""Whole cases: `sourced_cases`, `cases` and `fields`.

How generation stays fast and shrinks well:

- Every strategy is built once, when `sourced_cases` is called, never inside a draw.
- Each object is one drawn value of twelve bytes: eight hold its small choices, each
  in bits of its own (`_Digits`), and four choose its texts (`plain_texts`). A case is
  a few dozen choices, not hundreds, so it is quick to draw and each shrink attempt
  replays little. Lists of objects are drawn in one record (`_CaseRaw`), which a
  deterministic function (`_Build`) turns into a case.
- References are drawn as numbers and resolved modulo the objects that exist, and ids
  are numbered by position (``e1``, ``h2``): Hypothesis may delete any object, or
  clear any bits, and the case stays valid: nothing is filtered out.
- Draws go through `combine`, not `st.builds`, so Hypothesis' explain phase sees one
  argument (the case), not hundreds it would each try a hundred times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple, TypeAlias, TypeVar, get_args

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from scenarios.io import SourceTexts
from scenarios.model import (
    Actor,
    Argument,
    Assumption,
    Case,
    CaseMeta,
    CrossConsistency,
    Driver,
    DriverState,
    Event,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Indicator,
    Likelihood,
    LikelihoodRatio,
    Link,
    Observation,
    Quote,
    Scenario,
    ScenarioExpectation,
    Source,
    stance_of,
)
from scenarios.model._base import PRETTY_REPR
from scenarios.provenance import anchor_quote, near_duplicates
from scenarios.strategies._parts import (
    RATINGS_C_FIRST,
    any_likelihoods,
    check_count,
    check_sizes,
)
from scenarios.strategies._texts import (
    HOSTILE,
    LOOKALIKE_IDS,
    NAMES,
    PLAIN,
    TAGS,
    WORDS,
    DateRaw,
    TextKind,
    TextMode,
    combine,
    date_text,
    later,
    plain_texts,
    words_of,
)
from scenarios.types import ConsistencyWord, date_bounds

__all__ = [
    "PARTS",
    "Part",
    "SourcedCase",
    "cases",
    "fields",
    "sourced_cases",
]

Part: TypeAlias = Literal[
    "actors",
    "hypothesis_sets",
    "links",
    "arguments",
    "assumptions",
    "indicators",
    "scenarios",
    "events",
    "drivers",
]
"""A collection a drawn case may hold besides its sources, evidence and hypotheses
(``drivers`` brings their cross-consistency assessments)."""

PARTS: Final[tuple[Part, ...]] = get_args(Part)
"""Every optional collection: what `cases` includes unless told otherwise."""

T = TypeVar("T")

_MAX_EACH: Final = 3  # objects of each optional collection besides sets and links


@dataclass(frozen=True, slots=True)
class SourcedCase:
    """A case and the texts of its sources.

    Attributes:
        case: The case.
        texts: Text by source id, as `scenarios.check` takes them.
    """

    case: Case
    texts: SourceTexts

    def __repr__(self) -> str:
        return f"SourcedCase({self.case!r}, texts of {', '.join(self.texts.texts) or 'none'})"

    _repr_pretty_ = PRETTY_REPR  # what Hypothesis prints of a failing example


# -- what is drawn: plain values, one record per object ----------------------------------


class _SourceRaw(NamedTuple):
    name: int
    title: str
    reliability: str | None
    tokens: list[str]
    derived: int | None  # offset back to the source this one derives from
    copy: bool  # the text is the original's, republished
    published: DateRaw | None
    url: bool
    publisher: str | None
    authors: list[int]
    language: str | None
    digest: bool
    notes: str | None


class _QuoteRaw(NamedTuple):
    source: int
    length: int
    start: int
    elide: bool


class _ActorRaw(NamedTuple):
    name: int
    who: int
    aliases: list[int]
    affiliation: int | None
    description: str | None


class _EvidenceRaw(NamedTuple):
    name: int
    claim: str
    quotes: list[_QuoteRaw]
    credibility: int
    kind: str
    occurred: DateRaw | None
    reported: tuple[int, int] | None  # days after it happened, precision
    actors: list[int]
    tags: list[int]


class _HypothesisRaw(NamedTuple):
    name: int
    statement: str
    description: str | None
    parent: int | None
    period: DateRaw | None
    prior: float | None


class _SetRaw(NamedTuple):
    name: int
    question: str
    size: int
    exhaustive: bool
    exclusive: bool
    priors: str
    weights: list[int]
    other: float | None


class _LinkRaw(NamedTuple):
    evidence: int
    hypothesis: int
    rating: str
    relevance: str
    stated: bool
    likelihood: Likelihood | LikelihoodRatio | None
    rationale: str | None


class _ArgumentRaw(NamedTuple):
    name: int
    premises: list[int]
    conclusion: int
    stance: str
    undercutter: int | None
    weight: float | None
    scheme: str
    description: str | None


class _AssumptionRaw(NamedTuple):
    name: int
    statement: str
    status: str
    rationale: str | None
    supports: list[int]


class _DriverRaw(NamedTuple):
    name: int
    title: str
    states: list[str]
    description: str | None


class _PairRaw(NamedTuple):
    a: int
    b: int
    state_a: int
    state_b: int
    value: ConsistencyWord | float
    reason: str | None


class _ScenarioRaw(NamedTuple):
    name: int
    title: str
    narrative: str | None
    horizon: DateRaw | None
    assumes: list[tuple[int, bool]]
    drivers: list[tuple[int, int]]
    probability: float | None


class _ObservationRaw(NamedTuple):
    date: DateRaw
    observed: bool
    evidence: list[int]
    note: str | None


class _IndicatorRaw(NamedTuple):
    name: int
    title: str
    description: str | None
    expectations: list[tuple[int, ScenarioExpectation]]
    observations: list[_ObservationRaw]


class _EventRaw(NamedTuple):
    name: int
    title: str
    date: DateRaw
    description: str | None
    evidence: list[int]
    actors: list[int]


class _MetaRaw(NamedTuple):
    title: str
    question: str | None
    as_of: int | None  # days after the last evidence date
    authors: list[int]
    description: str | None
    notes: str | None
    independent_sets: bool


class _CaseRaw(NamedTuple):
    meta: _MetaRaw
    sources: list[_SourceRaw]
    actors: list[_ActorRaw]
    evidence: list[_EvidenceRaw]
    hypotheses: list[_HypothesisRaw]
    sets: list[_SetRaw]
    links: list[_LinkRaw]
    arguments: list[_ArgumentRaw]
    assumptions: list[_AssumptionRaw]
    drivers: list[_DriverRaw]
    pairs: list[_PairRaw]
    scenarios: list[_ScenarioRaw]
    indicators: list[_IndicatorRaw]
    events: list[_EventRaw]


@dataclass(frozen=True, slots=True)
class _Options:
    sources: tuple[int, int]
    evidence: tuple[int, int]
    hypotheses: tuple[int, int]
    sets: tuple[int, int]
    max_links: int
    include: frozenset[str]
    warning_free: bool
    texts: TextMode


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


class _Digits:
    """Small choices packed in one drawn number, each in bits of its own (lowest first).

    One number per object, rather than one draw per field, keeps a case to a few
    dozen choices: generation is fast, and each shrink attempt replays few of them.
    Each choice has its own bits, so the shrinker can clear one field's bits without
    changing another's, and at 0 every field takes its simplest value.
    """

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def take(self, n: int) -> int:
        """A number below `n`, from the next ``ceil(log2(n))`` bits."""
        bits = (n - 1).bit_length()
        drawn = self.value & ((1 << bits) - 1)
        self.value >>= bits
        return drawn % n

    def flag(self) -> bool:
        return bool(self.take(2))

    def maybe(self, n: int) -> int | None:
        """None (half the time), or a number below `n`."""
        return self.take(n) if self.flag() else None

    def pick(self, options: Sequence[T]) -> T:
        return options[self.take(len(options))]

    def maybe_pick(self, options: Sequence[T]) -> T | None:
        """None (half the time), or one of `options`."""
        return self.pick(options) if self.flag() else None

    def some(self, most: int, n: int) -> list[int]:
        """Up to `most` numbers below `n`."""
        return [self.take(n) for _ in range(self.take(most + 1))]

    def date(self) -> DateRaw:
        precision = self.take(3)
        span = self.take(4) if self.take(4) == 1 else None  # a range, one time in four
        return (self.take(3), 1 + self.take(12), 1 + self.take(28), precision, span)

    def maybe_date(self) -> DateRaw | None:
        return self.date() if self.flag() else None


_LOOK: Final = st.binary(min_size=12, max_size=12)
"""One object's drawn choices: eight bytes of digits, four that choose its texts."""
_RATIOS: Final = (2.0, 0.5, 3.0, 0.25, 10.0, 0.1)
_IF_TRUE: Final = (0.8, 0.2, 0.5, 0.9, 0.1, 0.6)
_IF_FALSE: Final = (0.3, 0.7, 0.5, 0.1, 0.9)
_PAIR_VALUES: Final[tuple[ConsistencyWord | float, ...]] = (
    "inconsistent",
    "consistent",
    0.5,
    0.0,
    0.25,
    0.75,
)
_EXPECTATIONS: Final[tuple[ScenarioExpectation, ...]] = (
    "likely",
    "unlikely",
    "neutral",
    0.1,
    0.5,
    0.9,
)


def _likelihood(d: _Digits) -> Likelihood | LikelihoodRatio | None:
    kind = d.take(3)
    if kind == 1:
        return LikelihoodRatio(value=d.pick(_RATIOS))
    if kind == 2:
        return Likelihood(if_true=d.pick(_IF_TRUE), if_false=d.maybe_pick(_IF_FALSE))
    return None


class _Decode:
    """Each object's drawn numbers and texts, decoded into its plain values."""

    def __init__(self, names: int, plain: bool) -> None:
        self.names, self.plain = names, plain

    def open(self, look: bytes, texts: tuple[str, ...]) -> tuple[_Digits, tuple[str, ...]]:
        """The digits of `look`, and the texts.

        With plain texts, `texts` names their kinds, and the last bytes of `look` choose them.
        """
        if self.plain:
            texts = plain_texts(texts, int.from_bytes(look[8:], "big"))  # type: ignore[arg-type]
        return _Digits(int.from_bytes(look[:8], "little")), texts

    def meta(self, look: bytes, texts: tuple[str, ...]) -> _MetaRaw:
        d, texts = self.open(look, texts)
        title, question, description, notes = texts
        return _MetaRaw(
            title,
            question if d.flag() else None,
            d.maybe(401 if self.plain else 2_900_000),
            d.some(2, 8),
            description if d.flag() else None,
            notes if d.flag() else None,
            d.flag(),
        )

    def source(self, look: bytes, texts: tuple[str, ...], words: list[str] | None) -> _SourceRaw:
        d, texts = self.open(look, texts)
        if words is None:
            words = _tokens(int.from_bytes(look[8:], "big"))
        title, publisher, notes = texts
        return _SourceRaw(
            d.take(self.names),
            title,
            d.maybe_pick("ABCDEF"),
            words,
            d.maybe(4),
            d.flag(),
            d.maybe_date(),
            d.flag(),
            publisher if d.flag() else None,
            d.some(2, 8),
            d.maybe_pick(("en", "ar", "fa", "ar-IQ")),
            d.flag(),
            notes if d.flag() else None,
        )

    def quote(self, look: bytes) -> _QuoteRaw:
        d = _Digits(int.from_bytes(look[:8], "little"))
        return _QuoteRaw(d.take(64), 1 + d.take(12), d.take(1000), d.flag())

    def actor(self, look: bytes, texts: tuple[str, ...]) -> _ActorRaw:
        d, texts = self.open(look, texts)
        aliases = list(dict.fromkeys(d.some(2, 3)))
        return _ActorRaw(
            d.take(self.names),
            d.take(len(NAMES)),
            aliases,
            d.maybe(64),
            texts[0] if d.flag() else None,
        )

    def evidence(
        self, look: bytes, texts: tuple[str, ...], quotes: list[_QuoteRaw]
    ) -> _EvidenceRaw:
        d, texts = self.open(look, texts)
        return _EvidenceRaw(
            d.take(self.names),
            texts[0],
            quotes,
            1 + d.take(6),
            d.pick(("statement", "event", "report", "assessment", "data")),
            d.maybe_date(),
            (d.take(201), d.take(3)) if d.flag() else None,
            d.some(2, 16),
            list(dict.fromkeys(d.some(2, len(TAGS)))),
        )

    def hypothesis(self, look: bytes, texts: tuple[str, ...]) -> _HypothesisRaw:
        d, texts = self.open(look, texts)
        statement, description = texts
        return _HypothesisRaw(
            d.take(self.names),
            statement,
            description if d.flag() else None,
            d.maybe(64),
            d.maybe_date(),
            d.maybe_pick((0.5, 0.3, 0.7, 0.1, 0.9)),
        )

    def hypothesis_set(self, look: bytes, texts: tuple[str, ...]) -> _SetRaw:
        d, texts = self.open(look, texts)
        return _SetRaw(
            d.take(self.names),
            texts[0],
            2 + d.take(3),
            d.flag(),
            d.pick((True, True, True, False)),
            d.pick(("none", "uniform", "weights")),
            [1 + d.take(9) for _ in range(4)],
            d.maybe_pick((0.1, 0.2, 0.05)),
        )

    def link(self, look: bytes, texts: tuple[str, ...], drawn: Any) -> _LinkRaw:
        d, texts = self.open(look, texts)
        spec = _likelihood(d) if self.plain else drawn
        return _LinkRaw(
            d.take(64),
            d.take(64),
            d.pick(RATINGS_C_FIRST),
            d.pick(("medium", "low", "high")),
            d.flag(),
            spec,
            texts[0] if d.flag() else None,
        )

    def argument(self, look: bytes, texts: tuple[str, ...]) -> _ArgumentRaw:
        d, texts = self.open(look, texts)
        return _ArgumentRaw(
            d.take(self.names),
            [d.take(64) for _ in range(1 + d.take(3))],
            d.take(64),
            d.pick(("pro", "con")),
            d.maybe(64),
            d.maybe_pick((0.8, 0.5, 1.0, 0.3)),
            d.pick(("linked", "convergent", "cumulative", "factorized")),
            texts[0] if d.flag() else None,
        )

    def assumption(self, look: bytes, texts: tuple[str, ...]) -> _AssumptionRaw:
        d, texts = self.open(look, texts)
        statement, rationale = texts
        return _AssumptionRaw(
            d.take(self.names),
            statement,
            d.pick(("unchecked", "solid", "caveated", "unsupported")),
            rationale if d.flag() else None,
            d.some(2, 64),
        )

    def driver(self, look: bytes, texts: tuple[str, ...]) -> _DriverRaw:
        d, texts = self.open(look, texts)
        title, description, *states = texts
        return _DriverRaw(
            d.take(self.names),
            title,
            states[: 2 + d.take(2)],
            description if d.flag() else None,
        )

    def pair(self, look: bytes, texts: tuple[str, ...]) -> _PairRaw:
        d, texts = self.open(look, texts)
        return _PairRaw(
            d.take(16),
            d.take(16),
            d.take(4),
            d.take(4),
            d.pick(_PAIR_VALUES),
            texts[0] if d.flag() else None,
        )

    def scenario(self, look: bytes, texts: tuple[str, ...]) -> _ScenarioRaw:
        d, texts = self.open(look, texts)
        title, narrative = texts
        return _ScenarioRaw(
            d.take(self.names),
            title,
            narrative if d.flag() else None,
            d.maybe_date(),
            [(d.take(64), d.flag()) for _ in range(d.take(3))],
            [(d.take(16), d.take(4)) for _ in range(d.take(4))],
            d.maybe_pick((0.2, 0.5, 0.1, 0.3, 0.6)),
        )

    def observation(self, look: bytes, texts: tuple[str, ...]) -> _ObservationRaw:
        d, texts = self.open(look, texts)
        return _ObservationRaw(
            d.date(), not d.flag(), d.some(2, 64), texts[0] if d.flag() else None
        )

    def indicator(
        self, look: bytes, texts: tuple[str, ...], seen: list[_ObservationRaw]
    ) -> _IndicatorRaw:
        d, texts = self.open(look, texts)
        title, description = texts
        return _IndicatorRaw(
            d.take(self.names),
            title,
            description if d.flag() else None,
            [(d.take(16), d.pick(_EXPECTATIONS)) for _ in range(d.take(4))],
            seen,
        )

    def event(self, look: bytes, texts: tuple[str, ...]) -> _EventRaw:
        d, texts = self.open(look, texts)
        title, description = texts
        return _EventRaw(
            d.take(self.names),
            title,
            d.date(),
            description if d.flag() else None,
            d.some(3, 64),
            d.some(2, 16),
        )


def _raw_strategy(o: _Options) -> st.SearchStrategy[_CaseRaw]:
    """The plain values of one case, every strategy built once."""
    plain = o.texts == "plain"
    t = PLAIN if plain else HOSTILE
    names = len(WORDS) + 1 + (0 if plain else len(LOOKALIKE_IDS))
    tokens = st.none() if plain else st.lists(t.claim, min_size=2, max_size=8)
    likelihood = st.just(None) if plain else _optional(any_likelihoods)

    dec = _Decode(names, plain)

    def collection(part: Part, raw: st.SearchStrategy[Any], high: int = _MAX_EACH) -> Any:
        return st.lists(raw, max_size=high) if part in o.include else st.just([])

    short: TextKind = "short"
    claim: TextKind = "claim"
    statement: TextKind = "statement"
    prose: TextKind = "prose"
    question: TextKind = "question"
    fixed = {
        "meta": combine(dec.meta, _LOOK, t.block(short, question, prose, prose)),
        "sources": st.lists(
            combine(dec.source, _LOOK, t.block(short, short, prose), tokens),
            min_size=o.sources[0],
            max_size=o.sources[1],
        ),
        "actors": collection("actors", combine(dec.actor, _LOOK, t.block(prose))),
    }
    one_item = combine(
        dec.evidence,
        _LOOK,
        t.block(claim),
        st.lists(combine(dec.quote, _LOOK), min_size=1, max_size=2),
    )
    one_hypothesis = combine(dec.hypothesis, _LOOK, t.block(statement, prose))
    least, most = o.evidence
    items = [st.lists(one_item, min_size=max(k, least), max_size=most) for k in (0, min(1, most))]
    least, most = o.hypotheses
    hypotheses = [
        st.lists(one_hypothesis, min_size=max(k, least), max_size=most) for k in range(most + 1)
    ]
    one_set = combine(dec.hypothesis_set, _LOOK, t.block(question))
    sets = [
        st.lists(one_set, min_size=max(k, o.sets[0]), max_size=high)
        if "hypothesis_sets" in o.include and high >= max(k, o.sets[0])
        else st.just([])
        for k, high in ((0, o.sets[0]), (1, min(o.sets[1], most // 2)))
    ]
    one_link = combine(dec.link, _LOOK, t.block(prose), likelihood)
    links = [
        st.lists(one_link, min_size=low, max_size=o.max_links)
        if "links" in o.include and o.max_links >= low
        else st.just([])
        for low in (0, 1)
    ]
    rest = {
        "arguments": collection("arguments", combine(dec.argument, _LOOK, t.block(prose))),
        "assumptions": collection(
            "assumptions", combine(dec.assumption, _LOOK, t.block(claim, prose))
        ),
        "drivers": collection(
            "drivers", combine(dec.driver, _LOOK, t.block(short, prose, short, short, short))
        ),
        "pairs": collection("drivers", combine(dec.pair, _LOOK, t.block(prose)), 4),
        "scenarios": collection("scenarios", combine(dec.scenario, _LOOK, t.block(short, prose))),
        "indicators": collection(
            "indicators",
            combine(
                dec.indicator,
                _LOOK,
                t.block(short, prose),
                st.lists(combine(dec.observation, _LOOK, t.block(prose)), max_size=2),
            ),
            2,
        ),
        "events": collection("events", combine(dec.event, _LOOK, t.block(short, prose)), 2),
    }
    usually = st.integers(0, 5)  # 5: leave out what the case could have (1 in 6)

    @st.composite
    def case(draw: st.DrawFn) -> _CaseRaw:
        """A case that usually has what an analysis has.

        Evidence is usually there (five times in six, so that empty cases stay in
        the mix), and so are hypothesis sets, with as many hypotheses as they need at
        least; then links, if there are items and hypotheses to join.
        """
        got = {name: draw(strategy) for name, strategy in fixed.items()}
        got["evidence"] = draw(items[draw(usually) < 5])
        usual = draw(usually) < 5
        got["sets"] = draw(sets[usual])
        got["hypotheses"] = draw(hypotheses[min(most, max(int(usual), 2 * len(got["sets"])))])
        joined = bool(got["evidence"]) and bool(got["hypotheses"]) and draw(usually) < 5
        got["links"] = draw(links[joined])
        got.update({name: draw(strategy) for name, strategy in rest.items()})
        return _CaseRaw(**got)

    return case()


def _tokens(seed: int) -> list[str]:
    """The words of a source text (8 to 40), chosen by `seed`."""
    return words_of(WORDS, seed >> 6, 8 + seed % 33)


# -- from drawn values to a case ---------------------------------------------------------


class _Ids:
    """Ids by position (``e1``, ``h2-rocket``), unique across the case by their prefix.

    With hostile texts, some look like other YAML values (``no``, ``1e3``).
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, prefix: str, position: int, name: int) -> str:
        plain = f"{prefix}{position + 1}"
        if name == 0:
            made = plain
        elif name <= len(WORDS):
            made = f"{plain}-{WORDS[name - 1]}"
        else:
            lookalike = LOOKALIKE_IDS[name - len(WORDS) - 1]
            made = lookalike if lookalike not in self.used else plain
        self.used.add(made)
        return made


def _pick(items: Sequence[Any], raw: int) -> Any:
    return items[raw % len(items)]


class _Groups:
    """Union-find of source lineages."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _sentences(tokens: list[str]) -> list[str]:
    return [
        word + ("." if i % 9 == 8 or i == len(tokens) - 1 else "") for i, word in enumerate(tokens)
    ]


_NEUTRAL: Final = frozenset(("N", "NA"))


class _Build:
    """Turns drawn values into a valid case (one the checks do not warn about, if asked)."""

    def __init__(self, raw: _CaseRaw, o: _Options) -> None:
        self.raw, self.o, self.ids = raw, o, _Ids()
        self.wf = o.warning_free

    def run(self) -> SourcedCase:
        self.sources()
        self.actors()
        self.evidence()
        self.hypotheses()
        self.sets()
        self.finish_hypotheses()
        self.links()
        self.assumptions()
        self.arguments()
        self.finish_assumptions()
        self.drivers()
        self.scenarios()
        self.indicators()
        self.events()
        self.supports()
        case = Case(
            meta=self.meta(),
            sources=tuple(self.source_list),
            actors=tuple(self.actor_list),
            evidence=tuple(self.evidence_list),
            hypotheses=tuple(self.hypothesis_list),
            hypothesis_sets=tuple(self.set_list),
            links=tuple(self.link_list),
            arguments=tuple(self.argument_list),
            assumptions=tuple(self.assumption_list),
            indicators=tuple(self.indicator_list),
            scenarios=tuple(self.scenario_list),
            events=tuple(self.event_list),
            drivers=tuple(self.driver_list),
            consistency=tuple(self.pair_list),
        )
        return SourcedCase(case, SourceTexts(texts=self.texts))

    # sources and their texts ----------------------------------------------------------

    def sources(self) -> None:
        self.source_list: list[Source] = []
        self.texts: dict[str, str] = {}
        self.tokens: dict[str, list[str]] = {}
        self.groups = _Groups()
        self.published: dict[str, dt.date] = {}
        for i, r in enumerate(self.raw.sources):
            sid = self.ids.make("s", i, r.name)
            parent = (
                self.source_list[i - 1 - r.derived % i].id if r.derived is not None and i else None
            )
            if parent is not None and r.copy:
                tokens = ["Republished:", *self.tokens[parent]]
            else:
                tokens = _sentences(r.tokens) if self.o.texts == "plain" else r.tokens
            text = " ".join(tokens)
            self.tokens[sid], self.texts[sid] = tokens, text
            self.groups.find(sid)
            if parent is not None:
                self.groups.join(sid, parent)
            published = date_text(r.published) if r.published else None
            if published:
                self.published[sid] = date_bounds(published)[1]
            self.source_list.append(
                Source(
                    id=sid,
                    title=r.title,
                    authors=tuple(dict.fromkeys(NAMES[a] for a in r.authors)),
                    publisher=r.publisher,
                    published=published,
                    url=f"https://example.org/{sid}" if r.url else None,
                    language=r.language,
                    reliability=r.reliability,  # type: ignore[arg-type]
                    reliability_note=r.notes if r.reliability else None,
                    derived_from=(parent,) if parent else (),
                    text_path=f"texts/{sid}.txt" if r.url else None,
                    sha256=hashlib.sha256(text.encode()).hexdigest() if r.digest else None,
                    notes=None if r.reliability else r.notes,
                )
            )
        if self.wf:
            self.declare_copies()

    def declare_copies(self) -> None:
        """S001: texts drawn alike are declared derived from the earlier one."""
        position = {s.id: i for i, s in enumerate(self.source_list)}
        for pair in near_duplicates(self.texts):
            if self.groups.find(pair.a) == self.groups.find(pair.b):
                continue
            early, late = sorted((pair.a, pair.b), key=position.__getitem__)
            source = self.source_list[position[late]]
            self.source_list[position[late]] = dataclasses.replace(
                source, derived_from=(*source.derived_from, early)
            )
            self.groups.join(late, early)

    def actors(self) -> None:
        self.actor_list: list[Actor] = []
        for i, r in enumerate(self.raw.actors):
            full = NAMES[r.who]
            family = full.split()[-1]
            variants = (family, f"{full[0]}. {family}", f"Abu {family}")
            kind = "person" if r.who < 8 else "state" if r.who == len(NAMES) - 1 else "organisation"
            self.actor_list.append(
                Actor(
                    id=self.ids.make("a", i, r.name),
                    name=full,
                    kind=kind,  # type: ignore[arg-type]
                    aliases=tuple(dict.fromkeys(variants[k] for k in r.aliases)),
                    affiliations=(self.actor_list[r.affiliation % i].id,)
                    if r.affiliation is not None and i
                    else (),
                    description=r.description,
                )
            )

    # evidence ---------------------------------------------------------------------------

    def quote(self, r: _QuoteRaw, source: str) -> Quote:
        """A cut of whole words from the source's text (the ends of an elided one).

        When the checks must not warn, it is made longer until it points at one place (Q002).
        """
        words = self.tokens[source]
        length = min(r.length, len(words))
        start = r.start % (len(words) - length + 1)
        while True:
            cut = words[start : start + length]
            if r.elide and 5 <= length < len(words):  # the whole text is never elided
                text = f"{' '.join(cut[:2])} [...] {' '.join(cut[-2:])}"
            else:
                text = " ".join(cut)
            if self.o.texts == "plain":
                text = text.rstrip(".")
            if not self.wf or length == len(words):
                break
            found = anchor_quote(text, self.texts[source])
            if found is not None and found.matches == 1:
                break
            length += 1
            start = min(start, len(words) - length)
        return Quote(source=source, text=text)

    def evidence(self) -> None:
        self.evidence_list: list[Evidence] = []
        self.item_groups: dict[str, frozenset[str]] = {}
        self.last_day: dt.date | None = None
        ids = [s.id for s in self.source_list]
        for i, r in enumerate(self.raw.evidence):
            eid = self.ids.make("e", i, r.name)
            cited = dict.fromkeys(_pick(ids, q.source) for q in r.quotes)
            quotes = tuple(self.quote(q, s) for q, s in zip(r.quotes, cited, strict=False))
            occurred = date_text(r.occurred) if r.occurred else None
            reported = None
            if r.reported is not None:
                days, precision = r.reported
                start = date_bounds(occurred)[0] if occurred else dt.date(2019, 1, 1)
                reported = later(start, days, precision)
            for when in (occurred, reported):
                if when:
                    first = date_bounds(when)[0]
                    self.last_day = max(self.last_day or first, first)
            actors = [a.id for a in self.actor_list]
            # V005: an item of kind event that shares an actor with another counts twice
            named = () if not actors or (self.wf and r.kind == "event") else r.actors
            item = Evidence(
                id=eid,
                claim=r.claim,
                quotes=quotes,
                credibility=r.credibility,
                kind=r.kind,  # type: ignore[arg-type]
                occurred=occurred,
                reported=reported,
                actors=tuple(dict.fromkeys(_pick(actors, a) for a in named)),
                tags=tuple(TAGS[k] for k in r.tags),
            )
            self.evidence_list.append(item)
            self.item_groups[eid] = frozenset(self.groups.find(s) for s in item.sources)

    # hypotheses and sets ----------------------------------------------------------------

    def hypotheses(self) -> None:
        self.hypothesis_raw: list[tuple[str, _HypothesisRaw]] = []
        for i, r in enumerate(self.raw.hypotheses):
            self.hypothesis_raw.append((self.ids.make("h", i, r.name), r))
        self.periods = {
            h: date_bounds(date_text(r.period)) for h, r in self.hypothesis_raw if r.period
        }

    def sets(self) -> None:
        """Disjoint sets of two or more, in the order the hypotheses come."""
        self.set_list: list[HypothesisSet] = []
        self.home: dict[str, HypothesisSet] = {}
        pool = [h for h, _ in self.hypothesis_raw]
        wanted = len(self.raw.sets)
        at = 0
        for k, r in enumerate(self.raw.sets):
            still = max(0, wanted - k - 1)  # sets the minimum still needs after this one
            size = min(r.size, len(pool) - at - 2 * still)
            if size < 2:
                break
            members = pool[at : at + size]
            at += size
            priors: dict[str, float] = {}
            if r.priors == "uniform":
                priors = dict.fromkeys(members, round(1 / size, 4)) if r.exhaustive else {}
            elif r.priors == "weights":
                priors = self.priors(members, r)
            group = HypothesisSet(
                id=self.ids.make("q", k, r.name),
                question=r.question,
                hypotheses=tuple(members),
                exclusive=r.exclusive,
                exhaustive=r.exhaustive,
                priors=priors,
                other_prior=None if r.exhaustive else r.other,
            )
            if r.priors == "uniform" and r.exhaustive:  # exactly 1 in sum
                group = self.exact(group)
            self.set_list.append(group)
            for h in members:
                self.home[h] = group

    @staticmethod
    def priors(members: list[str], r: _SetRaw) -> dict[str, float]:
        """Non-uniform priors in twentieths: adding up to 1 when exhaustive, less when not."""
        weights = [r.weights[k % len(r.weights)] for k in range(len(members))]
        total = 20 if r.exhaustive or not r.exclusive else 20 - 1 - weights[0] % 3
        shares = [max(1, total * w // sum(weights)) for w in weights]
        shares[shares.index(max(shares))] += total - sum(shares)
        return {h: round(s / 20, 2) for h, s in zip(members, shares, strict=True)}

    @staticmethod
    def exact(group: HypothesisSet) -> HypothesisSet:
        members = list(group.priors)
        priors = dict(group.priors)
        priors[members[-1]] = round(1 - sum(priors[h] for h in members[:-1]), 4)
        return HypothesisSet(
            id=group.id,
            question=group.question,
            hypotheses=group.hypotheses,
            exclusive=group.exclusive,
            exhaustive=group.exhaustive,
            priors=priors,
        )

    def finish_hypotheses(self) -> None:
        self.hypothesis_list: list[Hypothesis] = []
        for i, (hid, r) in enumerate(self.hypothesis_raw):
            parent = (
                self.hypothesis_raw[i - 1 - r.parent % i][0] if r.parent is not None and i else None
            )
            self.hypothesis_list.append(
                Hypothesis(
                    id=hid,
                    statement=r.statement,
                    description=r.description,
                    parent=parent,
                    prior=r.prior if hid not in self.home else None,  # R006
                    period=date_text(r.period) if r.period else None,
                )
            )

    # links ------------------------------------------------------------------------------

    def outside(self, item: Evidence, hypothesis: str) -> bool:
        """Whether the item is from outside the hypothesis's period, as V002 reads it."""
        period = self.periods.get(hypothesis)
        if period is None:
            return False
        first, last = period
        if item.occurred:
            start, end = date_bounds(item.occurred)
            return end < first or start > last
        bounds = [date_bounds(item.reported)[1]] if item.reported else []
        bounds += [self.published[s] for s in item.sources if s in self.published]
        return bool(bounds) and min(bounds) < first

    def links(self) -> None:
        items = self.evidence_list
        hyps = [h.id for h in self.hypothesis_list]
        found: dict[tuple[str, str], dict[str, Any]] = {}
        if items and hyps:
            for r in self.raw.links:
                item, h = _pick(items, r.evidence), _pick(hyps, r.hypothesis)
                if (item.id, h) in found:
                    continue  # one link per pair (R004)
                spec = r.likelihood
                if isinstance(spec, Likelihood) and spec.if_false is None and h in self.home:
                    # P(E|H) alone must be given for every link of the item into a set
                    spec = Likelihood(
                        if_true=spec.if_true, if_false=max(0.05, round(1 - spec.if_true, 2))
                    )
                found[(item.id, h)] = {
                    "item": item,
                    "rating": r.rating,
                    "relevance": r.relevance,
                    "stated": r.stated,
                    "likelihood": spec,
                    "rationale": r.rationale,
                }
        if self.wf:
            self.quiet(found, items, hyps)
        self.against_all(found)
        self.link_list = [
            Link(
                evidence=e,
                hypothesis=h,
                rating=f["rating"],
                stance=stance_of(f["rating"]) if f["stated"] else None,
                relevance=f["relevance"],
                likelihood=f["likelihood"],
                rationale=f["rationale"],
            )
            for (e, h), f in found.items()
        ]
        self.directions: dict[tuple[str, str], str] = {
            (link.evidence, link.hypothesis): link.direction
            for link in self.link_list
            if link.direction != "neutral"
        }
        self.linked: defaultdict[str, set[str]] = defaultdict(set)
        for link in self.link_list:
            self.linked[link.evidence].add(link.hypothesis)

    def against_all(self, found: dict[tuple[str, str], dict[str, Any]]) -> None:
        """No item inconsistent with every hypothesis of an exhaustive set (V004's error)."""
        for group in self.set_list:
            if not group.exhaustive:
                continue
            for item in {e for e, h in found if h in group.hypotheses}:
                rated = [found.get((item, h)) for h in group.hypotheses]
                if all(f is not None and f["rating"] in ("I", "II") for f in rated):
                    last = rated[-1]
                    assert last is not None
                    last.update(rating="N", likelihood=None)

    def quiet(
        self, found: dict[tuple[str, str], dict[str, Any]], items: list[Evidence], hyps: list[str]
    ) -> None:
        """Ratings the checks find nothing to say about (`warning_free`)."""
        for (_, h), f in found.items():
            item = f["item"]
            if self.outside(item, h):  # V002: not applicable outside its period
                f.update(rating="NA", likelihood=None)
            if item.kind == "assessment" and f["rating"] in ("CC", "II"):
                f["relevance"] = "medium" if f["relevance"] == "high" else f["relevance"]  # V003
        for group in self.set_list:
            self.sound_set(group, found)
        for f in found.values():  # L004: a likelihood that points the rating's way
            f["likelihood"] = _agreeing(f["likelihood"], stance_of(f["rating"]))
        # H001: every hypothesis has a link (N, or NA outside its period), so none is idle
        linked = {h for _, h in found}
        for k, h in enumerate(hyps):
            if h not in linked:
                item = items[k % len(items)]
                found[(item.id, h)] = {
                    "item": item,
                    "rating": "NA" if self.outside(item, h) else "N",
                    "relevance": "medium",
                    "stated": False,
                    "likelihood": None,
                    "rationale": None,
                }
        self.one_lineage_once(found)

    def sound_set(self, group: HypothesisSet, found: dict[tuple[str, str], dict[str, Any]]) -> None:
        """A set's ratings, sound by the review checks.

        Each item is rated C (or CC) against one member and N against the others, and only
        when items from two or more lineages bear on the set: no two members alike, no item
        against all, no untested leader, no extreme posterior on one lineage.
        """
        favourite: dict[str, str] = {}
        for (e, h), f in found.items():
            if h in group.hypotheses and f["rating"] != "NA":
                favourite.setdefault(e, h)
        lineages = set().union(*(self.item_groups[e] for e in favourite))
        for (e, h), f in found.items():
            if h not in group.hypotheses:
                continue
            if f["rating"] == "NA":
                f["likelihood"] = None  # NA with a likelihood would move the set
            elif len(lineages) >= 2 and favourite.get(e) == h:
                f["rating"] = f["rating"] if f["rating"] in ("CC", "C") else "C"
            else:
                f.update(rating="N", likelihood=None)

    def one_lineage_once(self, found: dict[tuple[str, str], dict[str, Any]]) -> None:
        """H002: support from one lineage only counts once (the rest is rated N)."""
        supporting: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
        for (e, h), f in found.items():
            if stance_of(f["rating"]) == "supports":
                supporting[h].append((e, h))
        for pairs in supporting.values():
            groups = set().union(*(self.item_groups[e] for e, _ in pairs))
            if len(pairs) >= 2 and len(groups) == 1:
                for pair in pairs[1:]:
                    found[pair].update(rating="N", likelihood=None)

    # arguments and assumptions ---------------------------------------------------------

    def assumptions(self) -> None:
        self.assumption_ids = [
            self.ids.make("as", i, r.name) for i, r in enumerate(self.raw.assumptions)
        ]

    def arguments(self) -> None:
        """Arguments that never circle, assume their conclusion, or contradict a link.

        Premises come before the conclusion in one order (evidence, assumptions,
        hypotheses), so pro arguments never circle (A001) nor assume their conclusion
        (A002); a stance never disagrees with a link or an earlier argument (L001).
        """
        order = (
            [e.id for e in self.evidence_list]
            + self.assumption_ids
            + [h.id for h in self.hypothesis_list]
        )
        hypotheses = {h.id for h in self.hypothesis_list}
        evidence = {e.id for e in self.evidence_list}
        self.argument_list: list[Argument] = []
        if len(order) < 2:
            return
        for i, r in enumerate(self.raw.arguments):
            at = 1 + r.conclusion % (len(order) - 1)
            conclusion = order[at]
            premises = list(dict.fromkeys(order[p % at] for p in r.premises))
            way = "supports" if r.stance == "pro" else "contradicts"
            if conclusion in hypotheses:
                bound = [self.directions.get((p, conclusion)) for p in premises if p in evidence]
                committed = [d for d in bound if d is not None]
                if committed:
                    way = committed[0]
                premises = [
                    p
                    for p in premises
                    if p not in evidence or self.directions.get((p, conclusion), way) == way
                ]
                for p in premises:
                    if p in evidence:
                        self.directions[(p, conclusion)] = way
            others = [p for p in order if p != conclusion and p not in premises]
            self.argument_list.append(
                Argument(
                    id=self.ids.make("arg", i, r.name),
                    premises=tuple(premises),
                    conclusion=conclusion,
                    stance="pro" if way == "supports" else "con",
                    undercutter=_pick(others, r.undercutter)
                    if r.undercutter is not None and others
                    else None,
                    weight=r.weight,
                    scheme=r.scheme,  # type: ignore[arg-type]
                    description=r.description,
                )
            )

    def finish_assumptions(self) -> None:
        """Statuses (V009 when the checks must not warn); what each supports comes last."""
        backed = {a.conclusion for a in self.argument_list if a.stance == "pro"}
        evidence = {e.id for e in self.evidence_list}
        tested = {
            a.conclusion for a in self.argument_list if any(p in evidence for p in a.premises)
        }
        self.assumption_status: dict[str, str] = {}
        for aid, r in zip(self.assumption_ids, self.raw.assumptions, strict=True):
            status = r.status
            if self.wf and (
                (status == "solid" and aid not in backed)
                or (status == "unchecked" and aid in tested)
            ):
                status = "caveated"
            self.assumption_status[aid] = status

    # the morphological field and scenarios ---------------------------------------------

    def drivers(self) -> None:
        self.driver_list: list[Driver] = []
        for i, r in enumerate(self.raw.drivers):
            self.driver_list.append(
                Driver(
                    id=self.ids.make("d", i, r.name),
                    name=r.title,
                    states=tuple(
                        DriverState(id=f"{k + 1}-{WORDS[k]}", name=n)
                        for k, n in enumerate(r.states)
                    ),
                    description=r.description,
                )
            )
        self.pair_list: list[CrossConsistency] = []
        self.ruled_out: set[frozenset[str]] = set()
        if len(self.driver_list) < 2:
            return
        seen: set[frozenset[str]] = set()
        for drawn in self.raw.pairs:
            a = _pick(self.driver_list, drawn.a)
            b = _pick([d for d in self.driver_list if d is not a], drawn.b)
            pair = (
                f"{a.id}={_pick(a.states, drawn.state_a).id}",
                f"{b.id}={_pick(b.states, drawn.state_b).id}",
            )
            if frozenset(pair) in seen:
                continue  # R010
            seen.add(frozenset(pair))
            self.pair_list.append(
                CrossConsistency(pair=pair, value=drawn.value, reason=drawn.reason)
            )
            if drawn.value in ("inconsistent", 0.0):
                self.ruled_out.add(frozenset(pair))

    def scenarios(self) -> None:
        self.scenario_list: list[Scenario] = []
        hyps = [h.id for h in self.hypothesis_list]
        given = [r.probability for r in self.raw.scenarios if r.probability is not None]
        scale = max(1.0, sum(given))  # C005: given probabilities add up to at most 1
        for i, r in enumerate(self.raw.scenarios):
            assumes: dict[str, bool] = {}
            for raw, true in sorted(r.assumes, key=lambda pair: not pair[1]):  # true first
                if not hyps:
                    break
                h = _pick(hyps, raw)
                group = self.home.get(h)
                if true:
                    rivals = [g for g in assumes if assumes[g] and self.home.get(g) is group]
                    if group is not None and group.exclusive and rivals:
                        continue  # C001
                elif (
                    self.wf
                    and group is not None
                    and not any(assumes.get(m) for m in group.hypotheses)
                ):
                    continue  # V007: false only beside the rival taken as true
                assumes.setdefault(h, true)
            drivers: dict[str, str] = {}
            if self.driver_list:
                for d_raw, s_raw in r.drivers:
                    driver = _pick(self.driver_list, d_raw)
                    key = f"{driver.id}={_pick(driver.states, s_raw).id}"
                    clash = any(
                        frozenset((key, f"{d}={s}")) in self.ruled_out for d, s in drivers.items()
                    )
                    if driver.id in drivers or (self.wf and clash):
                        continue  # C003
                    drivers[driver.id] = key.split("=", 1)[1]
            else:
                for d_raw, s_raw in r.drivers:
                    drivers.setdefault(
                        _pick(("economy", "security", "us posture"), d_raw),
                        _pick(("slow growth", "calm", "withdrawal", "stalemate"), s_raw),
                    )
            probability = None
            if r.probability is not None:
                probability = int(r.probability / scale * 100) / 100
            self.scenario_list.append(
                Scenario(
                    id=self.ids.make("sc", i, r.name),
                    name=r.title,
                    narrative=r.narrative,
                    horizon=date_text(r.horizon) if r.horizon else None,
                    drivers=drivers,
                    assumes=assumes,
                    probability=probability,
                )
            )

    def indicators(self) -> None:
        self.indicator_list: list[Indicator] = []
        scenarios = self.scenario_list
        items = [e.id for e in self.evidence_list]
        for i, r in enumerate(self.raw.indicators):
            expectations = (
                {_pick(scenarios, s).id: v for s, v in r.expectations} if scenarios else {}
            )
            rests_on = {h for s in scenarios if s.id in expectations for h in s.assumes}  # C006
            observations = []
            for o in r.observations:
                cited = [_pick(items, e) for e in o.evidence] if items else []
                if self.wf:
                    cited = [e for e in cited if not self.linked[e] & rests_on]
                observations.append(
                    Observation(
                        date=date_text(o.date),
                        observed=o.observed,
                        evidence=tuple(dict.fromkeys(cited)),
                        note=o.note,
                    )
                )
            self.indicator_list.append(
                Indicator(
                    id=self.ids.make("i", i, r.name),
                    name=r.title,
                    description=r.description,
                    expectations=expectations,
                    observations=tuple(observations),
                )
            )

    def events(self) -> None:
        """Events: when the checks must not warn, dated by their first item (T003).

        They then cite at most one item a set counts (V005).
        """
        self.event_list: list[Event] = []
        items = self.evidence_list
        counted = {
            link.evidence
            for link in self.link_list
            if link.hypothesis in self.home and link.rating not in _NEUTRAL
        }
        for i, r in enumerate(self.raw.events):
            cited = list(dict.fromkeys(_pick(items, e) for e in r.evidence)) if items else []
            date = date_text(r.date)
            if self.wf:
                dated = next((e for e in cited if e.occurred), None)
                date = dated.occurred if dated and dated.occurred else date
                first, last = date_bounds(date)
                cited = [
                    e
                    for e in cited
                    if (not e.occurred or not _apart(date_bounds(e.occurred), (first, last)))
                    and (not e.reported or date_bounds(e.reported)[1] >= first)
                ]
                kept, seen_counted = [], False
                for e in cited:
                    if e.id in counted:
                        if seen_counted:
                            continue
                        seen_counted = True
                    kept.append(e)
                cited = kept
            actors = [a.id for a in self.actor_list]
            self.event_list.append(
                Event(
                    id=self.ids.make("ev", i, r.name),
                    title=r.title,
                    date=date,
                    description=r.description,
                    evidence=tuple(e.id for e in cited),
                    actors=tuple(dict.fromkeys(_pick(actors, a) for a in r.actors))
                    if actors
                    else (),
                )
            )

    def supports(self) -> None:
        """What each assumption supports: anything else in the case."""
        records: list[Sequence[Any]] = [
            self.source_list,
            self.actor_list,
            self.evidence_list,
            self.hypothesis_list,
            self.set_list,
            self.argument_list,
            self.indicator_list,
            self.scenario_list,
            self.event_list,
            self.driver_list,
        ]
        everything = [x.id for kind in records for x in kind] + self.assumption_ids
        self.assumption_list = [
            Assumption(
                id=aid,
                statement=a.statement,
                status=self.assumption_status[aid],  # type: ignore[arg-type]
                rationale=a.rationale,
                supports=tuple(
                    dict.fromkeys(x for x in (_pick(everything, s) for s in a.supports) if x != aid)
                ),
            )
            for aid, a in zip(self.assumption_ids, self.raw.assumptions, strict=True)
        ]

    def meta(self) -> CaseMeta:
        r = self.raw.meta
        as_of = None
        if r.as_of is not None:  # T001: no evidence after it
            as_of = (self.last_day or dt.date(2021, 12, 31)) + dt.timedelta(days=r.as_of)
        return CaseMeta(
            title=r.title,
            question=r.question,
            as_of=as_of,
            authors=tuple(dict.fromkeys(NAMES[a] for a in r.authors)),
            description=r.description,
            notes=r.notes,
            independent_sets=r.independent_sets,
        )


def _apart(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[1] < b[0] or a[0] > b[1]


def _agreeing(
    spec: Likelihood | LikelihoodRatio | None, way: str
) -> Likelihood | LikelihoodRatio | None:
    """`spec`, turned to point the way of its rating (L004)."""
    if isinstance(spec, LikelihoodRatio):
        if (way == "supports" and spec.value < 1) or (way == "contradicts" and spec.value > 1):
            return LikelihoodRatio(value=round(1 / spec.value, 6))
    elif isinstance(spec, Likelihood) and spec.if_false:
        ratio = spec.if_true / spec.if_false
        if (way == "supports" and ratio < 1) or (way == "contradicts" and ratio > 1):
            return Likelihood(if_true=spec.if_false, if_false=spec.if_true)
    return spec


# -- the public strategies ---------------------------------------------------------------


def _options(
    *,
    min_sources: int,
    max_sources: int,
    min_evidence: int,
    max_evidence: int,
    min_hypotheses: int,
    max_hypotheses: int,
    min_sets: int,
    max_sets: int,
    max_links: int,
    include: Collection[Part],
    warning_free: bool,
    texts: TextMode,
) -> _Options:
    """The options checked, as `InvalidArgument` names them."""
    for name, low, high in (
        ("sources", min_sources, max_sources),
        ("evidence", min_evidence, max_evidence),
        ("hypotheses", min_hypotheses, max_hypotheses),
        ("sets", min_sets, max_sets),
    ):
        check_sizes(name, low, high)
    if min_sources < 1:
        raise InvalidArgument("min_sources must be at least 1: evidence needs a source to quote")
    check_count("max_links", max_links)
    if isinstance(include, str) or not all(part in PARTS for part in include):
        raise InvalidArgument(
            f"include={include!r} must be a collection of {', '.join(PARTS)}"
            + (" (a list: a string is read letter by letter)" if isinstance(include, str) else "")
        )
    chosen = frozenset(include)
    if min_sets and "hypothesis_sets" not in chosen:
        raise InvalidArgument(f"min_sets={min_sets} needs 'hypothesis_sets' in include")
    if max_hypotheses < 2 * min_sets:
        raise InvalidArgument(
            f"min_sets={min_sets} needs {2 * min_sets} hypotheses, but "
            f"max_hypotheses={max_hypotheses}"
        )
    if not isinstance(warning_free, bool):
        raise InvalidArgument(f"warning_free={warning_free!r} must be True or False")
    if texts not in ("plain", "hostile"):
        raise InvalidArgument(f"texts={texts!r} must be 'plain' or 'hostile'")
    if warning_free and texts == "hostile":
        raise InvalidArgument(
            "warning_free=True takes texts='plain': the text checks (quotes found twice, "
            "restated hypotheses, names like an actor's) may speak about any other text"
        )
    if warning_free and max_hypotheses and not max_evidence:
        raise InvalidArgument(
            "warning_free=True links every hypothesis to an item (H001), so with "
            "max_hypotheses above 0 it needs max_evidence of at least 1"
        )
    low_evidence = max(min_evidence, 1) if warning_free and min_hypotheses else min_evidence
    return _Options(
        sources=(min_sources, max_sources),
        evidence=(low_evidence, max_evidence),
        hypotheses=(max(min_hypotheses, 2 * min_sets), max_hypotheses),
        sets=(min_sets, max_sets),
        max_links=max_links,
        include=chosen,
        warning_free=warning_free,
        texts=texts,
    )


def _built(o: _Options) -> Callable[[_CaseRaw], SourcedCase]:
    def build(raw: _CaseRaw) -> SourcedCase:
        if o.warning_free and raw.hypotheses and not raw.evidence:
            raw = raw._replace(hypotheses=[])  # no item to link them to: H001
        return _Build(raw, o).run()

    return build


def sourced_cases(
    *,
    min_sources: int = 1,
    max_sources: int = 4,
    min_evidence: int = 0,
    max_evidence: int = 8,
    min_hypotheses: int = 0,
    max_hypotheses: int = 5,
    min_sets: int = 0,
    max_sets: int = 2,
    max_links: int = 20,
    include: Collection[Part] = PARTS,
    warning_free: bool = False,
    texts: TextMode = "plain",
) -> st.SearchStrategy[SourcedCase]:
    """A valid case with the texts of its sources.

    Valid means that the checks find no error: every reference resolves; every quote is
    a verbatim cut of its source's text (some with an elision); sets have two or more
    hypotheses and priors that add up; dates are in order and none is after the as-of
    date; no scenario takes two rivals as true, and given scenario probabilities add up
    to at most 1; arguments and links agree on which way each item bears.

    What is drawn: sources with grades, dates, authors and lineages (some republish their
    original's text); evidence of every kind with partial dates and ranges, actors and
    tags; hypotheses with descriptions, parents, periods and priors; disjoint sets,
    exhaustive or not, with uniform, non-uniform or no priors; links with every rating
    and relevance, stances, likelihoods and rationales; and, as `include` allows, actors,
    arguments (pro and con, undercut, weighted), assumptions, scenarios with indicators
    and observations, events, drivers with cross-consistency assessments, and an as-of
    date. Up to three of each optional collection, two indicators and two events.

    Args:
        min_sources: Fewest sources (at least 1: evidence quotes them).
        max_sources: Most sources.
        min_evidence: Fewest evidence items.
        max_evidence: Most evidence items.
        min_hypotheses: Fewest hypotheses (raised to ``2 * min_sets``).
        max_hypotheses: Most hypotheses.
        min_sets: Fewest hypothesis sets (each has two to four hypotheses).
        max_sets: Most hypothesis sets.
        max_links: Most links (one per pair of an item and a hypothesis).
        include: The optional collections that may appear (`PARTS`: all of them).
        warning_free: Draw only cases the checks find nothing to warn about either
            (findings of severity ``info`` remain): within a set, each item is rated C or
            CC against one member and N against the others, and only when two or more
            lineages bear on the set; every hypothesis has a link; support from one
            lineage counts once; items outside a hypothesis's period are rated NA; quotes
            point at one place; events are dated by their evidence; scenarios take a
            hypothesis as false only beside the rival they take as true.
        texts: ``"plain"``, sentences of a small vocabulary; or ``"hostile"``, any
            Unicode and strings YAML may misread (``no``, ``0123``, ``1e3``, ``a: b``,
            ``2020-01-03``), with ids that look like them too, to test readers and writers.
            The checks may then find warnings about the text (a quote found twice).

    Raises:
        InvalidArgument: An option is of the wrong type or out of range (when called,
            not when drawn).

    Shrinking: every collection shrinks towards its minimum by deleting objects, any of
    which can go without breaking a reference; texts shrink to a few words, ratings to C,
    optional fields to absent, dates to ``2019``.
    """
    o = _options(
        min_sources=min_sources,
        max_sources=max_sources,
        min_evidence=min_evidence,
        max_evidence=max_evidence,
        min_hypotheses=min_hypotheses,
        max_hypotheses=max_hypotheses,
        min_sets=min_sets,
        max_sets=max_sets,
        max_links=max_links,
        include=include,
        warning_free=warning_free,
        texts=texts,
    )
    return combine(_built(o), _raw_strategy(o))


def _case_of(drawn: SourcedCase) -> Case:
    return drawn.case


def cases(
    *,
    min_sources: int = 1,
    max_sources: int = 4,
    min_evidence: int = 0,
    max_evidence: int = 8,
    min_hypotheses: int = 0,
    max_hypotheses: int = 5,
    min_sets: int = 0,
    max_sets: int = 2,
    max_links: int = 20,
    include: Collection[Part] = PARTS,
    warning_free: bool = False,
    texts: TextMode = "plain",
) -> st.SearchStrategy[Case]:
    """A valid case: `sourced_cases` without the texts (the options are the same).

    This is the strategy `st.from_type(Case)` draws from.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(cases(min_sets=1, include=["hypothesis_sets", "links"]))
        ... def test_has_a_set(case):
        ...     assert case.hypothesis_sets and not case.scenarios
        >>> test_has_a_set()
    """
    drawn = sourced_cases(
        min_sources=min_sources,
        max_sources=max_sources,
        min_evidence=min_evidence,
        max_evidence=max_evidence,
        min_hypotheses=min_hypotheses,
        max_hypotheses=max_hypotheses,
        min_sets=min_sets,
        max_sets=max_sets,
        max_links=max_links,
        include=include,
        warning_free=warning_free,
        texts=texts,
    )
    return combine(_case_of, drawn)


def fields(
    *,
    min_drivers: int = 1,
    max_drivers: int = 4,
    max_states: int = 4,
    inconsistent: float = 0.3,
) -> st.SearchStrategy[Case]:
    """A case holding a morphological field: drivers, states and cross-consistency scores.

    Each driver has 2 to `max_states` states. About a share `inconsistent` of the
    pairs of states is assessed ``inconsistent``; the rest are left out (consistent),
    called ``consistent``, or given a graded score.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(fields(max_drivers=3))
        ... def test_has_drivers(case):
        ...     assert 1 <= len(case.drivers) <= 3
        >>> test_has_drivers()
    """
    check_sizes("drivers", min_drivers, max_drivers)
    if min_drivers < 1:
        raise InvalidArgument(f"min_drivers={min_drivers!r}: a field has at least one driver")
    if isinstance(max_states, bool) or not isinstance(max_states, int) or max_states < 2:
        raise InvalidArgument(f"max_states={max_states!r}: a driver has at least two states")
    if not isinstance(inconsistent, (int, float)) or not 0.0 <= inconsistent <= 1.0:
        raise InvalidArgument(f"inconsistent={inconsistent!r} must be a share from 0 to 1")
    sizes = st.lists(st.integers(2, max_states), min_size=min_drivers, max_size=max_drivers)
    roll = st.floats(0.0, 1.0)
    graded: st.SearchStrategy[ConsistencyWord | float] = st.sampled_from(
        ("consistent", 0.25, 0.5, 0.75)
    )

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        shape = draw(sizes)
        drivers = [
            Driver(
                id=f"d{d}",
                name=f"Driver {d}",
                states=tuple(DriverState(id=f"s{k}", name=f"State {k}") for k in range(n)),
            )
            for d, n in enumerate(shape)
        ]
        assessments = []
        for a, b in itertools.combinations(range(len(shape)), 2):
            for i in range(shape[a]):
                for j in range(shape[b]):
                    chance = draw(roll)
                    if chance < inconsistent:
                        value: ConsistencyWord | float = "inconsistent"
                    elif chance < inconsistent + (1 - inconsistent) / 3:
                        value = draw(graded)
                    else:
                        continue
                    assessments.append(
                        CrossConsistency(pair=(f"d{a}=s{i}", f"d{b}=s{j}"), value=value)
                    )
        return Case(
            meta=CaseMeta(title="A field"), drivers=tuple(drivers), consistency=tuple(assessments)
        )

    return build()
