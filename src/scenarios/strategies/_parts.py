"""Strategies for the parts of a case, and one standalone strategy per record.

The parts: ids, texts, sources, quotes, evidence, hypotheses and links. The standalone
records (`RECORDS`) are what `st.from_type` draws for each record class.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from scenarios.model import (
    Actor,
    Argument,
    Assumption,
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
    Source,
    Span,
    stance_of,
)
from scenarios.strategies._texts import (
    PLAIN,
    STATEMENT_WORDS,
    WORDS,
    combine,
    date_text,
    dates,
    word_lists,
)
from scenarios.types import RATINGS, Rating

__all__ = [
    "RATINGS_C_FIRST",
    "RECORDS",
    "any_likelihoods",
    "check_count",
    "check_sizes",
    "evidences",
    "hypotheses",
    "ids",
    "likelihoods",
    "links",
    "quotes",
    "source_texts",
    "sources",
]

RATINGS_C_FIRST: Final[tuple[Rating, ...]] = ("C", *(r for r in RATINGS if r != "C"))
"""The ratings, C first: drawn ratings shrink towards C."""


def check_count(name: str, value: object, *, low: int = 0) -> int:
    """`value` as a whole number of at least `low`, or `InvalidArgument` naming `name`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidArgument(f"{name}={value!r} must be a whole number of at least {low}")
    return value


def check_sizes(name: str, low: object, high: object, *, has_min: bool = True) -> None:
    """``min_<name>`` and ``max_<name>``: whole numbers, the maximum not below the minimum."""
    if has_min:
        check_count(f"min_{name}", low)
    if isinstance(high, bool) or not isinstance(high, int) or high < low:  # type: ignore[operator]
        at_least = f"min_{name}={low}" if has_min else str(low)
        raise InvalidArgument(f"max_{name}={high!r} must be a whole number of at least {at_least}")


def ids(*, prefix: str = "") -> st.SearchStrategy[str]:
    """Readable slug ids such as ``leaders-3``; shrinks towards short ones.

    Args:
        prefix: Put before every id (lowercase letters, digits and ``-``), or nothing.
    """
    if not isinstance(prefix, str) or not all(
        c in string.ascii_lowercase + string.digits + "-" for c in prefix
    ):
        raise InvalidArgument(f"prefix={prefix!r} must use lowercase letters, digits and '-'")
    return combine(
        lambda word, n: f"{prefix}{word}-{n}", st.sampled_from(WORDS), st.integers(0, 999)
    )


def _sentences(words: list[str]) -> str:
    return " ".join(
        word + ("." if i % 9 == 8 or i == len(words) - 1 else "") for i, word in enumerate(words)
    )


def source_texts(*, min_words: int = 8, max_words: int = 60) -> st.SearchStrategy[str]:
    """Article-like text: sentences of plain words; shrinks towards ``min_words`` words."""
    check_sizes("words", min_words, max_words)
    if min_words < 1:
        raise InvalidArgument("min_words must be at least 1: a text has words")
    return word_lists(WORDS, min_words, max_words).map(_sentences)


def sources(
    *, id: str | None = None, min_words: int = 8, max_words: int = 60
) -> st.SearchStrategy[tuple[Source, str]]:
    """A source with a grade, and its text: ``(Source, text)``."""
    check_sizes("words", min_words, max_words)
    return combine(
        lambda sid, title, grade, text: (
            Source(id=sid, title=title, reliability=grade, text_path=f"{sid}.txt"),
            text,
        ),
        st.just(id) if id is not None else ids(prefix="src-"),
        PLAIN.short,
        st.none() | st.sampled_from("ABCDEF"),
        source_texts(min_words=min_words, max_words=max_words),
    )


def quotes(
    *, source: str, text: str, min_words: int = 2, max_words: int = 12
) -> st.SearchStrategy[Quote]:
    """A verbatim quote: a run of whole words cut from `text`; shrinks to the first words."""
    check_sizes("words", min_words, max_words)
    words = text.split(" ")
    if len(words) < min_words:
        raise InvalidArgument(f"text has {len(words)} words, fewer than min_words={min_words}")

    def cut(length: int, start: int) -> Quote:
        start %= len(words) - length + 1
        return Quote(source=source, text=" ".join(words[start : start + length]).rstrip("."))

    return combine(cut, st.integers(min_words, min(max_words, len(words))), st.integers(0, 999))


def evidences(
    *, texts: Mapping[str, str], id: str | None = None, max_quotes: int = 2
) -> st.SearchStrategy[Evidence]:
    """An evidence item quoting one or more of `texts` (text by source id)."""
    if not texts:
        raise InvalidArgument("texts must hold at least one source text to quote")
    check_sizes("quotes", 1, max_quotes, has_min=False)
    cuts = {s: quotes(source=s, text=t, min_words=1) for s, t in texts.items()}
    chosen = st.lists(st.sampled_from(sorted(texts)), min_size=1, max_size=max_quotes, unique=True)

    @st.composite
    def item(draw: st.DrawFn) -> Evidence:
        cited = tuple(draw(cuts[s]) for s in draw(chosen))
        year = draw(st.integers(2019, 2021))
        return Evidence(
            id=id if id is not None else draw(ids(prefix="ev-")),
            claim=draw(PLAIN.claim),
            quotes=cited,
            credibility=draw(st.integers(1, 6)),
            kind=draw(st.sampled_from(["statement", "event", "report", "assessment", "data"])),
            occurred=draw(st.none() | st.just(str(year))),
            reported=draw(st.none() | st.just(f"{year + 1}-01")),
        )

    return item()


def hypotheses(*, id: str | None = None) -> st.SearchStrategy[Hypothesis]:
    """A hypothesis with a one-sentence statement (in other words than drawn claims)."""
    return combine(
        lambda hid, statement: Hypothesis(id=hid, statement=statement),
        st.just(id) if id is not None else ids(prefix="hyp-"),
        PLAIN.statement,
    )


likelihoods: Final[st.SearchStrategy[Likelihood | LikelihoodRatio]] = st.one_of(
    combine(lambda v: LikelihoodRatio(value=v), st.sampled_from((2.0, 0.5, 3.0, 0.25, 10.0, 0.1))),
    combine(
        lambda t, f: Likelihood(if_true=t, if_false=f),
        st.sampled_from((0.8, 0.2, 0.5, 0.9, 0.1, 0.6)),
        st.none() | st.sampled_from((0.3, 0.7, 0.5, 0.1, 0.9)),
    ),
)
"""Explicit likelihoods: ratios and P(E|H), with or without P(E|not H); never 0."""

any_likelihoods: Final[st.SearchStrategy[Likelihood | LikelihoodRatio]] = st.one_of(
    combine(lambda v: LikelihoodRatio(value=v), st.floats(1e-6, 1e6)),
    combine(
        lambda t, f: Likelihood(if_true=t, if_false=f),
        st.floats(1e-6, 1.0),
        st.none() | st.floats(1e-6, 1.0),
    ),
)
"""Likelihoods of any size a float can say (for files: reading and writing numbers)."""


def links(*, evidence: Sequence[str], hypotheses: Sequence[str]) -> st.SearchStrategy[Link]:
    """A link between one of `evidence` and one of `hypotheses`; ratings shrink towards C."""
    if not evidence or not hypotheses:
        raise InvalidArgument("links need at least one evidence id and one hypothesis id")
    return combine(
        lambda e, h, rating, relevance, stated, likelihood, rationale: Link(
            evidence=e,
            hypothesis=h,
            rating=rating,
            relevance=relevance,
            stance=stance_of(rating) if stated else None,
            likelihood=likelihood,
            rationale=rationale,
        ),
        st.sampled_from(list(evidence)),
        st.sampled_from(list(hypotheses)),
        st.sampled_from(RATINGS_C_FIRST),
        st.sampled_from(["medium", "low", "high"]),
        st.booleans(),
        st.none() | likelihoods,
        st.none() | PLAIN.prose,
    )


# -- one valid record of each kind, for st.from_type -----------------------------------

_ID: Final = combine(lambda w, n: f"{w}-{n}", st.sampled_from(WORDS), st.integers(1, 9))
_DATE: Final = dates.map(date_text)
_OPT_PROSE: Final = st.none() | PLAIN.prose


def _hypothesis_set(hid: str, members: list[str], exhaustive: bool, given: bool) -> HypothesisSet:
    priors = {h: round(1 / len(members), 6) for h in members} if given and exhaustive else {}
    if priors:  # exactly 1 in sum
        priors[members[-1]] = round(1 - sum(priors[h] for h in members[:-1]), 6)
    return HypothesisSet(
        id=hid,
        question="Which of them holds?",
        hypotheses=tuple(members),
        exhaustive=exhaustive,
        priors=priors,
    )


def _driver(did: str, name: str, n: int) -> Driver:
    return Driver(
        id=did,
        name=name,
        states=tuple(DriverState(id=f"s{k}", name=f"State {k}") for k in range(n)),
    )


RECORDS: Final[Mapping[type[Any], st.SearchStrategy[Any]]] = {
    Source: sources(id=None, min_words=8, max_words=20).map(lambda pair: pair[0]),
    Span: combine(lambda a, n: Span(start=a, end=a + n), st.integers(0, 500), st.integers(1, 80)),
    Quote: combine(lambda s, t: Quote(source=s, text=t), _ID, PLAIN.claim),
    Evidence: evidences(texts={"seed-1": "the militia leaders said the attack was a warning."}),
    Hypothesis: combine(
        lambda h, s, d, p: Hypothesis(id=h, statement=s, description=d, period=p),
        _ID,
        PLAIN.statement,
        _OPT_PROSE,
        st.none() | _DATE,
    ),
    HypothesisSet: combine(
        _hypothesis_set,
        _ID,
        st.lists(st.sampled_from(STATEMENT_WORDS), min_size=2, max_size=4, unique=True),
        st.booleans(),
        st.booleans(),
    ),
    Link: links(evidence=["e1", "e2"], hypotheses=["h1", "h2"]),
    LikelihoodRatio: combine(lambda v: LikelihoodRatio(value=v), st.floats(0.05, 20)),
    Likelihood: combine(
        lambda t, f: Likelihood(if_true=t, if_false=f),
        st.floats(0.01, 1),
        st.none() | st.floats(0.01, 1),
    ),
    Actor: combine(
        lambda a, n, k, al, d: Actor(id=a, name=n, kind=k, aliases=al, description=d),
        _ID,
        st.sampled_from(("Amal Haddad", "Northern Brigade", "Republic of Avalon")),
        st.sampled_from(("person", "organisation", "state")),
        st.lists(st.sampled_from(("A. Haddad", "Abu Amal")), max_size=2, unique=True).map(tuple),
        _OPT_PROSE,
    ),
    Argument: combine(
        lambda a, ps, c, stance, w, d: Argument(
            id=a, premises=tuple(ps), conclusion=c, stance=stance, weight=w, description=d
        ),
        _ID,
        st.lists(st.sampled_from(("e1", "e2", "as1")), min_size=1, max_size=3, unique=True),
        st.sampled_from(("h1", "h2")),
        st.sampled_from(("pro", "con")),
        st.none() | st.sampled_from((0.5, 0.8, 1.0)),
        _OPT_PROSE,
    ),
    Assumption: combine(
        lambda a, s, status, sup: Assumption(id=a, statement=s, status=status, supports=sup),
        _ID,
        PLAIN.claim,
        st.sampled_from(("unchecked", "solid", "caveated", "unsupported")),
        st.lists(st.sampled_from(("h1", "arg1")), max_size=2, unique=True).map(tuple),
    ),
    Scenario: combine(
        lambda s, n, h, p, narrative: Scenario(
            id=s, name=n, horizon=h, probability=p, narrative=narrative
        ),
        _ID,
        PLAIN.short,
        st.none() | _DATE,
        st.none() | st.sampled_from((0.1, 0.25, 0.5)),
        _OPT_PROSE,
    ),
    Observation: combine(
        lambda d, seen, ev, note: Observation(date=d, observed=seen, evidence=ev, note=note),
        _DATE,
        st.booleans(),
        st.lists(st.sampled_from(("e1", "e2")), max_size=2, unique=True).map(tuple),
        _OPT_PROSE,
    ),
    Indicator: combine(
        lambda i, n, ex: Indicator(id=i, name=n, expectations=ex),
        _ID,
        PLAIN.short,
        st.dictionaries(
            st.sampled_from(("sc1", "sc2")),
            st.sampled_from(("likely", "unlikely", "neutral", 0.2, 0.9)),
        ),
    ),
    Event: combine(
        lambda e, t, d, ev: Event(id=e, title=t, date=d, evidence=ev),
        _ID,
        PLAIN.short,
        _DATE,
        st.lists(st.sampled_from(("e1", "e2")), max_size=2, unique=True).map(tuple),
    ),
    DriverState: combine(lambda s, n: DriverState(id=s, name=n), _ID, PLAIN.short),
    Driver: combine(_driver, _ID, PLAIN.short, st.integers(2, 4)),
    CrossConsistency: combine(
        lambda a, b, v: CrossConsistency(pair=(f"d1={a}", f"d2={b}"), value=v),
        st.sampled_from(("s0", "s1")),
        st.sampled_from(("s0", "s1")),
        st.sampled_from(("consistent", "inconsistent", 0.5, 0.0, 0.75)),
    ),
    CaseMeta: combine(
        lambda t, q, tags: CaseMeta(title=t, question=q, authors=tags),
        PLAIN.short,
        st.none() | st.just("Who decides?"),
        st.lists(st.sampled_from(("A. Analyst", "B. Reviewer")), max_size=2, unique=True).map(
            tuple
        ),
    ),
}
"""A strategy for each kind of record (references name ids that a case would hold)."""
