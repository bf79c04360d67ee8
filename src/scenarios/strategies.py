"""Hypothesis strategies for property-testing cases: yours and the library's own.

Strategies follow Hypothesis' own style: plural nouns, keyword-only options,
``min_size``/``max_size`` where a size is drawn, and arguments checked up
front (an ``InvalidArgument`` names what is wrong). They are registered through
Hypothesis' entry point, so ``st.from_type(Case)`` works without importing this
module.

- `ids()`, `source_texts()`, `sources()`, `quotes()`, `evidences()`,
  `hypotheses()`, `links()`: the parts.
- `sourced_cases()`: a valid case together with its source texts: every
  reference resolves, every quote is a verbatim cut of its source's text, every
  set has two or more hypotheses and priors that add up to 1, dates are in order, and
  within a set each item is rated C against one member and N against the others, and only
  when two or more lineages bear on the set (a matrix the review checks, V, find sound).
  `cases()` is the same without the texts.
- `fields()`: a case holding only a morphological field (drivers, states and
  cross-consistency assessments).
- `defective_cases()`: a valid case with one known defect injected, and the code
  of the finding it must cause (see `DEFECTS`).

Shrinking: collections shrink towards their minimum sizes, texts towards a few
words, and ratings towards ``C``, so a failing case shrinks to a handful of
short, readable objects.

Examples:
    >>> from hypothesis import given, settings
    >>> from scenarios import check
    >>> @settings(max_examples=10)
    ... @given(sourced_cases())
    ... def test_no_errors(drawn):
    ...     assert not [f for f in check(drawn.case) if f.severity == "error"]
    >>> test_no_errors()
"""

from __future__ import annotations

import dataclasses
import itertools
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from scenarios.io.texts import SourceTexts
from scenarios.model.case import Case, CaseMeta
from scenarios.model.evidence import Evidence
from scenarios.model.futures import CrossConsistency, Driver, DriverState
from scenarios.model.hypotheses import Hypothesis, HypothesisSet
from scenarios.model.integrity import COLLECTIONS
from scenarios.model.links import Link
from scenarios.model.sources import Quote, Source
from scenarios.types import RATINGS, ConsistencyWord, Rating

__all__ = [
    "DEFECTS",
    "DefectiveCase",
    "SourcedCase",
    "cases",
    "defective_cases",
    "evidences",
    "fields",
    "hypotheses",
    "ids",
    "links",
    "quotes",
    "source_texts",
    "sourced_cases",
    "sources",
]

# Lowercase words only, so that no generated name resembles an actor's (N001), and no
# word contains another's letters 'zq' (used by defects for text that is nowhere).
_WORDS: Final = tuple(
    (  # noqa: SIM905 - a sentence of words reads better than thirty quoted ones
        "militia leaders rocket attack embassy force commander statement interview government "
        "parliament withdrawal sanctions escalation leverage negotiation threat border election "
        "speech report brigade faction drone convoy minister council deadline offensive truce"
    ).split()
)

# Hypothesis statements use other words than claims, so that no drawn claim restates a
# drawn hypothesis (V003's circular support).
_STATEMENT_WORDS: Final = tuple(
    (  # noqa: SIM905 - as above
        "holds wins fails grows shrinks stalls spreads retreats persists weakens hardens "
        "splits merges yields resists prevails falters recovers"
    ).split()
)


@dataclass(frozen=True, slots=True)
class SourcedCase:
    """A case and the texts of its sources.

    Attributes:
        case: The case.
        texts: Text by source id, as `scenarios.check` takes them.
    """

    case: Case
    texts: SourceTexts


@dataclass(frozen=True, slots=True)
class DefectiveCase:
    """A case with one known defect, and the finding it must cause.

    Attributes:
        case: The case (built without the integrity check, so R defects survive).
        texts: Text by source id.
        code: The check code the defect must cause.
        defect: What was injected, in words.
    """

    case: Case
    texts: SourceTexts
    code: str
    defect: str


def _check_sizes(name: str, low: int, high: int | None) -> None:
    if not isinstance(low, int) or low < 0:
        raise InvalidArgument(f"min_{name}={low!r} must be a whole number of at least 0")
    if high is not None and (not isinstance(high, int) or high < low):
        raise InvalidArgument(
            f"max_{name}={high!r} must be a whole number of at least min_{name}={low}"
        )


def ids(*, prefix: str = "") -> st.SearchStrategy[str]:
    """Readable slug ids such as ``leaders-3``; shrinks towards short ones.

    Args:
        prefix: Put before every id (must itself be a valid id start, or empty).
    """
    if prefix and not all(c in string.ascii_lowercase + string.digits + "-" for c in prefix):
        raise InvalidArgument(f"prefix={prefix!r} must use lowercase letters, digits and '-'")
    return st.builds(
        lambda word, n: f"{prefix}{word}-{n}", st.sampled_from(_WORDS), st.integers(0, 999)
    )


def source_texts(*, min_words: int = 8, max_words: int = 60) -> st.SearchStrategy[str]:
    """Article-like text: sentences of plain words; shrinks towards ``min_words`` words."""
    _check_sizes("words", min_words, max_words)
    if min_words < 1:
        raise InvalidArgument("min_words must be at least 1: a text has words")

    def sentences(words: list[str]) -> str:
        out = []
        for i, word in enumerate(words):
            out.append(word + ("." if i % 9 == 8 or i == len(words) - 1 else ""))
        return " ".join(out)

    return st.lists(st.sampled_from(_WORDS), min_size=min_words, max_size=max_words).map(sentences)


def sources(
    *, id: str | None = None, min_words: int = 8, max_words: int = 60
) -> st.SearchStrategy[tuple[Source, str]]:
    """A source with a grade, and its text: ``(Source, text)``."""
    _check_sizes("words", min_words, max_words)
    return st.builds(
        lambda sid, title, grade, text: (
            Source(id=sid, title=title.capitalize(), reliability=grade, text_path=f"{sid}.txt"),
            text,
        ),
        st.just(id) if id is not None else ids(prefix="src-"),
        source_texts(min_words=2, max_words=6),
        st.none() | st.sampled_from("ABCDEF"),
        source_texts(min_words=min_words, max_words=max_words),
    )


def quotes(
    *, source: str, text: str, min_words: int = 2, max_words: int = 12
) -> st.SearchStrategy[Quote]:
    """A verbatim quote: a run of whole words cut from `text`; shrinks to the first words."""
    _check_sizes("words", min_words, max_words)
    words = text.split(" ")
    if len(words) < min_words:
        raise InvalidArgument(f"text has {len(words)} words, fewer than min_words={min_words}")

    @st.composite
    def cut(draw: st.DrawFn) -> Quote:
        length = draw(st.integers(min_words, min(max_words, len(words))))
        start = draw(st.integers(0, len(words) - length))
        return Quote(source=source, text=" ".join(words[start : start + length]).rstrip("."))

    return cut()


def evidences(
    *, texts: Mapping[str, str], id: str | None = None, max_quotes: int = 2
) -> st.SearchStrategy[Evidence]:
    """An evidence item quoting one or more of `texts` (text by source id)."""
    if not texts:
        raise InvalidArgument("texts must hold at least one source text to quote")
    _check_sizes("quotes", 1, max_quotes)

    @st.composite
    def item(draw: st.DrawFn) -> Evidence:
        chosen = draw(
            st.lists(st.sampled_from(sorted(texts)), min_size=1, max_size=max_quotes, unique=True)
        )
        cited = tuple(draw(quotes(source=s, text=texts[s])) for s in chosen)
        year = draw(st.integers(2019, 2021))
        return Evidence(
            id=id if id is not None else draw(ids(prefix="ev-")),
            claim=draw(source_texts(min_words=3, max_words=10)).capitalize(),
            quotes=cited,
            credibility=draw(st.integers(1, 6)),
            kind=draw(st.sampled_from(["statement", "event", "report", "assessment", "data"])),
            occurred=draw(st.none() | st.just(str(year))),
            reported=draw(st.none() | st.just(f"{year + 1}-01")),
        )

    return item()


def hypotheses(*, id: str | None = None) -> st.SearchStrategy[Hypothesis]:
    """A hypothesis with a one-sentence statement (in other words than drawn claims)."""
    return st.builds(
        lambda hid, words: Hypothesis(id=hid, statement=" ".join(words).capitalize() + "."),
        st.just(id) if id is not None else ids(prefix="hyp-"),
        st.lists(st.sampled_from(_STATEMENT_WORDS), min_size=3, max_size=8),
    )


def links(*, evidence: Sequence[str], hypotheses: Sequence[str]) -> st.SearchStrategy[Link]:
    """A link between one of `evidence` and one of `hypotheses`; ratings shrink towards C."""
    if not evidence or not hypotheses:
        raise InvalidArgument("links need at least one evidence id and one hypothesis id")
    ratings: tuple[Rating, ...] = ("C", *(r for r in RATINGS if r != "C"))
    return st.builds(
        lambda e, h, rating, relevance: Link(
            evidence=e, hypothesis=h, rating=rating, relevance=relevance
        ),
        st.sampled_from(list(evidence)),
        st.sampled_from(list(hypotheses)),
        st.sampled_from(ratings),
        st.sampled_from(["medium", "low", "high"]),
    )


def sourced_cases(
    *,
    min_sources: int = 1,
    max_sources: int = 4,
    min_evidence: int = 0,
    max_evidence: int = 8,
    min_hypotheses: int = 0,
    max_hypotheses: int = 5,
    max_links: int = 20,
) -> st.SearchStrategy[SourcedCase]:
    """A valid case with the texts of its sources (see the module docstring for "valid")."""
    for name, low, high in (
        ("sources", min_sources, max_sources),
        ("evidence", min_evidence, max_evidence),
        ("hypotheses", min_hypotheses, max_hypotheses),
    ):
        _check_sizes(name, low, high)
    if min_sources < 1:
        raise InvalidArgument("min_sources must be at least 1: evidence needs a source to quote")
    _check_sizes("links", 0, max_links)

    @st.composite
    def build(draw: st.DrawFn) -> SourcedCase:
        n_sources = draw(st.integers(min_sources, max_sources))
        n_hyp = draw(st.integers(min_hypotheses, max_hypotheses))
        n_ev = draw(st.integers(min_evidence, max_evidence))
        total = n_sources + n_hyp + n_ev
        names = draw(st.lists(ids(), min_size=total, max_size=total, unique=True))
        source_ids, hyp_ids = names[:n_sources], names[n_sources : n_sources + n_hyp]
        ev_ids = names[n_sources + n_hyp :]
        drawn_sources = []
        for i, sid in enumerate(source_ids):
            source, text = draw(sources(id=sid))
            if i and draw(st.booleans()):  # lineage only towards earlier sources: no cycles
                source = dataclasses.replace(source, derived_from=(source_ids[i - 1],))
            drawn_sources.append((source, text))
        texts = {s.id: t for s, t in drawn_sources}
        items = [draw(evidences(texts=texts, id=eid)) for eid in ev_ids]
        found = [draw(hypotheses(id=hid)) for hid in hyp_ids]
        pairs = (
            draw(
                st.lists(
                    st.tuples(st.sampled_from(ev_ids), st.sampled_from(hyp_ids)),
                    unique=True,
                    max_size=max_links,
                )
            )
            if ev_ids and hyp_ids
            else []
        )
        ratings: tuple[Rating, ...] = ("C", *(r for r in RATINGS if r != "C"))
        members: tuple[str, ...] = ()
        if len(hyp_ids) >= 2 and draw(st.booleans()):
            members = tuple(hyp_ids)
        # Within the set, each item is rated C against one member and N against the others:
        # a sound matrix by the review checks (no two members alike, no item against all, no
        # untested leader). Evidence from one lineage alone does not move the set (it is rated
        # N throughout), so no posterior rests on one lineage.
        favourite = {
            e: draw(st.sampled_from(sorted(h for f, h in pairs if f == e and h in members)))
            for e in dict.fromkeys(e for e, h in pairs if h in members)
        }
        origin: dict[str, str] = {}
        for source, _ in drawn_sources:
            origin[source.id] = origin[source.derived_from[0]] if source.derived_from else source.id
        lineages = {origin[q.source] for item in items if item.id in favourite for q in item.quotes}
        if len(lineages) < 2:
            favourite = {}
        joined = tuple(
            Link(
                evidence=e,
                hypothesis=h,
                rating=(
                    ("C" if favourite.get(e) == h else "N")
                    if h in members
                    else draw(st.sampled_from(ratings))
                ),
            )
            for e, h in pairs
        )
        groups = []
        if members:
            groups.append(
                HypothesisSet(
                    id=f"set-{hyp_ids[0]}",
                    question="Which of them is true?",
                    hypotheses=members,
                    exhaustive=True,
                    priors={h: 1 / len(members) for h in members},
                )
            )
        case = Case(
            meta=CaseMeta(title=draw(source_texts(min_words=2, max_words=6)).capitalize()),
            sources=tuple(s for s, _ in drawn_sources),
            evidence=tuple(items),
            hypotheses=tuple(found),
            hypothesis_sets=tuple(groups),
            links=joined,
        )
        return SourcedCase(case, SourceTexts(texts=texts))

    return build()


def cases(**options: int) -> st.SearchStrategy[Case]:
    """A valid case: `sourced_cases` without the texts (takes the same options)."""
    return sourced_cases(**options).map(lambda drawn: drawn.case)


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
    _check_sizes("drivers", min_drivers, max_drivers)
    if min_drivers < 1:
        raise InvalidArgument(f"min_drivers={min_drivers!r}: a field has at least one driver")
    if not isinstance(max_states, int) or max_states < 2:
        raise InvalidArgument(f"max_states={max_states!r}: a driver has at least two states")
    if not 0.0 <= inconsistent <= 1.0:
        raise InvalidArgument(f"inconsistent={inconsistent!r} must be a share from 0 to 1")

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        sizes = draw(
            st.lists(st.integers(2, max_states), min_size=min_drivers, max_size=max_drivers)
        )
        drivers = [
            Driver(
                id=f"d{d}",
                name=f"Driver {d}",
                states=tuple(DriverState(id=f"s{k}", name=f"State {k}") for k in range(n)),
            )
            for d, n in enumerate(sizes)
        ]
        assessments = []
        for a, b in itertools.combinations(range(len(sizes)), 2):
            for i in range(sizes[a]):
                for j in range(sizes[b]):
                    roll = draw(st.floats(0.0, 1.0))
                    if roll < inconsistent:
                        value: ConsistencyWord | float = "inconsistent"
                    elif roll < inconsistent + (1 - inconsistent) / 3:
                        value = draw(st.sampled_from(("consistent", 0.25, 0.5, 0.75)))
                    else:
                        continue
                    assessments.append(
                        CrossConsistency(pair=(f"d{a}=s{i}", f"d{b}=s{j}"), value=value)
                    )
        return Case(
            meta=CaseMeta(title="A field"), drivers=tuple(drivers), consistency=tuple(assessments)
        )

    return build()


# -- defects ---------------------------------------------------------------------------

Data = dict[str, Any]
_Defect = Callable[[Data, dict[str, str]], str]
_SOURCE: Final = {"id": "x-src", "title": "Injected source"}
_TEXT: Final = "the injected text says what it says and nothing more than that today"


def _evidence(eid: str, source: str = "x-src", text: str = "injected text", **extra: Any) -> Data:
    return {
        "id": eid,
        "claim": "An injected claim.",
        "quotes": [{"source": source, "text": text}],
        **extra,
    }


def _hyps(*hids: str) -> list[Data]:
    return [{"id": h, "statement": f"Injected hypothesis {h}."} for h in hids]


def _with_source(data: Data, texts: dict[str, str]) -> None:
    data["sources"].append(dict(_SOURCE))
    texts["x-src"] = _TEXT


def _linked_item(data: Data, texts: dict[str, str]) -> None:
    """An item x-e, quoting an injected source, linked C to a hypothesis x-h."""
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    data["hypotheses"] += _hyps("x-h")
    data["links"].append({"evidence": "x-e", "hypothesis": "x-h", "rating": "C"})


def _r001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{"id": data["sources"][0]["id"], "statement": "Same id as a source."}]
    return "a hypothesis with the id of a source"


def _r002(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{"id": "x-h", "statement": "Orphan.", "parent": "x-missing"}]
    return "a parent that does not exist"


def _r003(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{"id": "x-h", "statement": "S.", "parent": data["sources"][0]["id"]}]
    return "a source named as a parent hypothesis"


def _r004(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    data["hypotheses"] += _hyps("x-h")
    data["links"] += [{"evidence": "x-e", "hypothesis": "x-h", "rating": "C"}] * 2
    return "the same link twice"


def _r005(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h1", "x-h2", "x-h3")
    data["hypothesis_sets"].append(
        {
            "id": "x-set",
            "question": "Q?",
            "hypotheses": ["x-h1", "x-h2"],
            "priors": {"x-h1": 0.5, "x-h2": 0.5, "x-h3": 0.0},
        }
    )
    return "a prior for a hypothesis outside the set"


def _r006(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{**_hyps("x-h1")[0], "prior": 0.5}, *_hyps("x-h2")]
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    return "a prior on a hypothesis that is in a set"


def _field(data: Data, *consistency: Data) -> None:
    data["drivers"] += [
        {
            "id": "x-us",
            "name": "U.S.",
            "states": [{"id": "stay", "name": "Stay"}, {"id": "leave", "name": "Leave"}],
        },
        {
            "id": "x-ir",
            "name": "Iran",
            "states": [{"id": "push", "name": "Push"}, {"id": "calm", "name": "Calm"}],
        },
    ]
    data["consistency"] += consistency


def _r007(data: Data, texts: dict[str, str]) -> str:
    _field(data)
    data["drivers"][-1]["states"].append({"id": "calm", "name": "Calm again"})
    return "a driver with one state id twice"


def _r008(data: Data, texts: dict[str, str]) -> str:
    _field(data, {"pair": ["x-us=leave", "x-ir=pull"], "value": "inconsistent"})
    return "an assessment of a state the driver does not have"


def _r009(data: Data, texts: dict[str, str]) -> str:
    _field(data, {"pair": ["x-us=leave", "x-us=stay"], "value": 0.5})
    return "an assessment of two states of one driver"


def _r010(data: Data, texts: dict[str, str]) -> str:
    pair = ["x-us=leave", "x-ir=push"]
    _field(data, {"pair": pair, "value": 0.2}, {"pair": pair[::-1], "value": "consistent"})
    return "the same pair assessed twice"


def _q001(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e", text="zq words nowhere zq"))
    return "a quote that is not in its source"


def _q002(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e", text="says"))  # "text says what it says"
    return "a quote found twice in its source"


def _q003(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["sources"][-1]["sha256"] = "ab" * 32
    return "a recorded digest that does not match the text"


def _q004(data: Data, texts: dict[str, str]) -> str:
    data["sources"].append({"id": "x-src", "title": "No text"})
    data["evidence"].append(_evidence("x-e"))
    return "a quote from a source without text"


def _twin_sources(data: Data, texts: dict[str, str]) -> None:
    data["sources"] += [{"id": "x-a", "title": "Original"}, {"id": "x-b", "title": "Copy"}]
    texts["x-a"] = _TEXT
    texts["x-b"] = "Republished. " + _TEXT


def _s001(data: Data, texts: dict[str, str]) -> str:
    _twin_sources(data, texts)
    return "two near-duplicate texts with no declared lineage"


def _s002(data: Data, texts: dict[str, str]) -> str:
    _twin_sources(data, texts)
    data["evidence"] += [
        _evidence("x-e1", "x-a", "the injected text"),
        _evidence("x-e2", "x-b", "nothing more"),
    ]
    data["hypotheses"] += _hyps("x-h")
    data["links"] += [{"evidence": e, "hypothesis": "x-h", "rating": "C"} for e in ("x-e1", "x-e2")]
    return "support counted twice from a text and its undeclared copy"


def _s003(data: Data, texts: dict[str, str]) -> str:
    data["sources"] += [
        {"id": "x-a", "title": "A", "derived_from": ["x-b"]},
        {"id": "x-b", "title": "B", "derived_from": ["x-a"]},
    ]
    return "two sources derived from each other"


def _n001(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["actors"].append({"id": "x-actor", "name": "Qasem Soleimani"})
    data["evidence"].append({**_evidence("x-e"), "claim": "Solemani was there."})
    return "a misspelt actor name"


def _l001(data: Data, texts: dict[str, str]) -> str:
    _linked_item(data, texts)
    data["arguments"].append(
        {"id": "x-arg", "premises": ["x-e"], "conclusion": "x-h", "stance": "con"}
    )
    return "an item that supports and contradicts one hypothesis"


def _l002(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    data["hypotheses"] += _hyps("x-h")
    data["links"].append(
        {"evidence": "x-e", "hypothesis": "x-h", "rating": "II", "stance": "supports"}
    )
    return "a stance against its rating"


def _l004(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    data["hypotheses"] += _hyps("x-h")
    data["links"].append(
        {
            "evidence": "x-e",
            "hypothesis": "x-h",
            "rating": "C",
            "likelihood": {"kind": "ratio", "value": 0.25},
        }
    )
    return "a likelihood against its rating"


def _l003(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    data["hypotheses"] += _hyps("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    data["links"] += [{"evidence": "x-e", "hypothesis": h, "rating": "N"} for h in ("x-h1", "x-h2")]
    return "an item rated alike against a whole set"


def _a001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h1", "x-h2")
    data["arguments"] += [
        {"id": "x-a1", "premises": ["x-h1"], "conclusion": "x-h2"},
        {"id": "x-a2", "premises": ["x-h2"], "conclusion": "x-h1"},
    ]
    return "two arguments supporting each other"


def _a002(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h")
    data["arguments"].append({"id": "x-a", "premises": ["x-h"], "conclusion": "x-h"})
    return "an argument assuming its conclusion"


def _a003(data: Data, texts: dict[str, str]) -> str:
    data["assumptions"].append({"id": "x-as", "statement": "Nothing rests on this."})
    return "an assumption nothing rests on"


def _h001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    return "a set of hypotheses with no evidence"


def _h002(data: Data, texts: dict[str, str]) -> str:
    data["sources"] += [
        {"id": "x-a", "title": "Original"},
        {"id": "x-b", "title": "Copy", "derived_from": ["x-a"]},
    ]
    data["evidence"] += [_evidence("x-e1", "x-a"), _evidence("x-e2", "x-b")]
    data["hypotheses"] += _hyps("x-h")
    data["links"] += [{"evidence": e, "hypothesis": "x-h", "rating": "C"} for e in ("x-e1", "x-e2")]
    return "support only from an article and its copy"


def _h003(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {
            "id": "x-set",
            "question": "Q?",
            "hypotheses": ["x-h1", "x-h2"],
            "exhaustive": True,
            "priors": {"x-h1": 0.5, "x-h2": 0.3},
        }
    )
    return "priors that add up to 0.8 in an exhaustive set"


def _h004(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h")
    data["hypothesis_sets"].append({"id": "x-set", "question": "Q?", "hypotheses": ["x-h"]})
    return "a set of one"


def _h005(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h")
    return "a hypothesis nothing refers to"


def _h006(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [
        {"id": "x-a", "statement": "A.", "parent": "x-b"},
        {"id": "x-b", "statement": "B.", "parent": "x-a"},
    ]
    return "two hypotheses each other's parent"


def _t001(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["meta"]["as_of"] = "2018-12-31"
    data["evidence"].append(_evidence("x-e", occurred="2021-07-04"))
    return "evidence after the as-of date"


def _t002(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e", occurred="2021-07-04", reported="2021-07-01"))
    return "evidence reported before it happened"


def _t003(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e", occurred="2020-06"))
    data["events"].append(
        {"id": "x-ev", "title": "Event", "date": "2020-07-15", "evidence": ["x-e"]}
    )
    return "an event whose evidence happened a month earlier"


def _c001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    data["scenarios"].append(
        {"id": "x-sc", "name": "Both", "assumes": {"x-h1": True, "x-h2": True}}
    )
    return "a scenario resting on two exclusive hypotheses"


def _c002(data: Data, texts: dict[str, str]) -> str:
    data["scenarios"] += [{"id": "x-sc1", "name": "One"}, {"id": "x-sc2", "name": "Two"}]
    everyone = [s["id"] for s in data["scenarios"]]
    data["indicators"].append(
        {"id": "x-ind", "name": "Watch", "expectations": dict.fromkeys(everyone, "likely")}
    )
    return "an indicator every scenario expects alike"


def _c003(data: Data, texts: dict[str, str]) -> str:
    _field(data, {"pair": ["x-us=leave", "x-ir=push"], "value": "inconsistent"})
    data["scenarios"].append(
        {"id": "x-sc", "name": "Alone", "drivers": {"x-us": "leave", "x-ir": "push"}}
    )
    return "a scenario on a pair of states ruled out"


def _c004(data: Data, texts: dict[str, str]) -> str:
    data["scenarios"] += [{"id": "x-sc1", "name": "One"}, {"id": "x-sc2", "name": "Two"}]
    data["indicators"].append({"id": "x-ind", "name": "Watch", "expectations": {"x-sc1": 0.9}})
    return "an indicator silent on a scenario"


def _c005(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h")
    data["scenarios"] += [
        {"id": "x-yes", "name": "Yes", "assumes": {"x-h": True}, "probability": 0.8},
        {"id": "x-no", "name": "No", "assumes": {"x-h": False}, "probability": 0.5},
    ]
    return "exclusive scenarios whose probabilities add up to 1.3"


def _c006(data: Data, texts: dict[str, str]) -> str:
    _linked_item(data, texts)
    data["scenarios"] += [{"id": "x-sc", "name": "Yes", "assumes": {"x-h": True}}]
    data["indicators"].append(
        {
            "id": "x-ind",
            "name": "Watch",
            "expectations": {"x-sc": "likely"},
            "observations": [{"date": "2021-01", "evidence": ["x-e"]}],
        }
    )
    return "an observation citing evidence the scenario's hypothesis already weighs"


def _set(data: Data, *members: str, exhaustive: bool = False) -> None:
    data["hypotheses"] += _hyps(*members)
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": list(members), "exhaustive": exhaustive}
    )


def _rate(data: Data, item: str, **ratings: str) -> None:
    """Link `item` to hypotheses ``x-<name>`` with the ratings given by name."""
    data["links"] += [
        {"evidence": item, "hypothesis": f"x-{h}", "rating": r} for h, r in ratings.items()
    ]


def _v001(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    _set(data, "x-h1", "x-h2")
    _rate(data, "x-e", h1="C", h2="C")
    return "two hypotheses of a set rated alike on their only item"


def _v002(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e", occurred="2015-06"))
    data["hypotheses"].append({**_hyps("x-h")[0], "period": "2016-01/2016-12"})
    _rate(data, "x-e", h="I")
    return "an item from 2015 rated against a hypothesis about 2016"


def _v003(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e", kind="assessment"))
    data["hypotheses"] += _hyps("x-h")
    data["links"].append(
        {"evidence": "x-e", "hypothesis": "x-h", "rating": "CC", "relevance": "high"}
    )
    return "an assessment rated CC with high relevance"


def _v004(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"].append(_evidence("x-e"))
    _set(data, "x-h1", "x-h2")
    _rate(data, "x-e", h1="I", h2="II")
    return "an item inconsistent with both hypotheses of a set"


def _v005(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["evidence"] += [_evidence("x-e1"), _evidence("x-e2")]
    _set(data, "x-h1", "x-h2")
    _rate(data, "x-e1", h1="C", h2="I")
    _rate(data, "x-e2", h1="C", h2="I")
    data["events"].append(
        {"id": "x-ev", "title": "Event", "date": "2020-06", "evidence": ["x-e1", "x-e2"]}
    )
    return "two items of one event both counted in a set"


def _v006(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    _set(data, "x-h1", "x-h2")
    for k, (leader, rival) in enumerate((("N", "C"), ("N", "C"), ("N", "C"), ("C", "I"))):
        data["evidence"].append(_evidence(f"x-e{k}"))
        _rate(data, f"x-e{k}", h1=leader, h2=rival)
    return "a leader rated on one item of the four its rival was tested on"


def _v007(data: Data, texts: dict[str, str]) -> str:
    _set(data, "x-h1", "x-h2", "x-h3")
    data["scenarios"].append({"id": "x-sc", "name": "Not one", "assumes": {"x-h1": False}})
    return "a scenario resting on the negation of one of three rivals"


def _v008(data: Data, texts: dict[str, str]) -> str:
    _with_source(data, texts)
    data["sources"][-1]["reliability"] = "A"
    data["evidence"].append(_evidence("x-e", credibility=1))
    _set(data, "x-h1", "x-h2", exhaustive=True)
    _rate(data, "x-e", h1="CC", h2="II")
    return "a very likely posterior from one item of one source"


def _v009(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += _hyps("x-h")
    data["assumptions"].append(
        {"id": "x-as", "statement": "Taken for granted.", "status": "solid", "supports": ["x-h"]}
    )
    return "a solid assumption with no argument for it"


DEFECTS: Final[Mapping[str, _Defect]] = {
    "R001": _r001,
    "R002": _r002,
    "R003": _r003,
    "R004": _r004,
    "R005": _r005,
    "R006": _r006,
    "R007": _r007,
    "R008": _r008,
    "R009": _r009,
    "R010": _r010,
    "Q001": _q001,
    "Q002": _q002,
    "Q003": _q003,
    "Q004": _q004,
    "S001": _s001,
    "S002": _s002,
    "S003": _s003,
    "N001": _n001,
    "L001": _l001,
    "L002": _l002,
    "L003": _l003,
    "L004": _l004,
    "A001": _a001,
    "A002": _a002,
    "A003": _a003,
    "H001": _h001,
    "H002": _h002,
    "H003": _h003,
    "H004": _h004,
    "H005": _h005,
    "H006": _h006,
    "T001": _t001,
    "T002": _t002,
    "T003": _t003,
    "C001": _c001,
    "C002": _c002,
    "C003": _c003,
    "C004": _c004,
    "C005": _c005,
    "C006": _c006,
    "V001": _v001,
    "V002": _v002,
    "V003": _v003,
    "V004": _v004,
    "V005": _v005,
    "V006": _v006,
    "V007": _v007,
    "V008": _v008,
    "V009": _v009,
}
"""How to inject each defect, by the code it must cause. Q005 is missing: it needs a file."""


def defective_cases(
    *, codes: Sequence[str] | None = None, **options: int
) -> st.SearchStrategy[DefectiveCase]:
    """A valid case (from `sourced_cases(**options)`) with one defect from `DEFECTS` injected.

    Args:
        codes: Only these codes (default: all of `DEFECTS`).
        **options: Passed to `sourced_cases`.

    Examples:
        >>> from hypothesis import given, settings
        >>> from scenarios import check
        >>> @settings(max_examples=20)
        ... @given(defective_cases(codes=["H004", "L002"]))
        ... def test_flagged(drawn):
        ...     assert drawn.code in {f.code for f in check(drawn.case, texts=drawn.texts)}
        >>> test_flagged()
    """
    chosen = list(DEFECTS) if codes is None else list(codes)
    unknown = [code for code in chosen if code not in DEFECTS]
    if unknown or not chosen:
        raise InvalidArgument(
            f"codes={codes!r}: no defect is known for {unknown or 'no code'}; "
            f"choose from {', '.join(DEFECTS)}"
        )

    def inject(base: SourcedCase, code: str) -> DefectiveCase:
        data = base.case.model_dump(mode="json")
        for name in COLLECTIONS:
            data.setdefault(name, [])
        texts = dict(base.texts.texts)
        defect = DEFECTS[code](data, texts)
        return DefectiveCase(Case.unchecked(data), SourceTexts(texts=texts), code, defect)

    return st.builds(inject, sourced_cases(**options), st.sampled_from(chosen))
