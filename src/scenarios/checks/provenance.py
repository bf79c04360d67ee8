"""The Q, S and N families: quotes against their texts, source lineage, actor names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from scenarios._words import series
from scenarios.checks._defects import TEXT, Data, evidence, hypotheses, with_source
from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._graph import cycles
from scenarios.checks._registry import CheckContext, register
from scenarios.provenance import alias_suggestions
from scenarios.types import date_bounds

__all__ = ["CHECKS"]

_ONE_QUOTE: Final = """meta: {title: Example}
sources: [{id: s, title: A source%s}]
evidence: [{id: e, claim: He refused., quotes: [{source: s, text: %s}]}]
"""
_WORDS: Final = "the militias said they will continue the operations and increase them in quantity"
_TWO_TEXTS: Final = (("a", _WORDS), ("b", "Republished: " + _WORDS))

# -- defects: how to cause each finding (see `scenarios.strategies.defective_cases`) --------


def _q001(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e", text="zq words nowhere zq"))
    return "a quote that is not in its source"


def _q002(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e", text="says"))  # "text says what it says"
    return "a quote found twice in its source"


def _q003(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["sources"][-1]["sha256"] = "ab" * 32
    return "a recorded digest that does not match the text"


def _q004(data: Data, texts: dict[str, str]) -> str:
    data["sources"].append({"id": "x-src", "title": "No text"})
    data["evidence"].append(evidence("x-e"))
    return "a quote from a source without text"


def _twin_sources(data: Data, texts: dict[str, str]) -> None:
    data["sources"] += [{"id": "x-a", "title": "Original"}, {"id": "x-b", "title": "Copy"}]
    texts["x-a"] = TEXT
    texts["x-b"] = "Republished. " + TEXT


def _s001(data: Data, texts: dict[str, str]) -> str:
    _twin_sources(data, texts)
    return "two near-duplicate texts with no declared lineage"


def _s002(data: Data, texts: dict[str, str]) -> str:
    _twin_sources(data, texts)
    data["evidence"] += [
        evidence("x-e1", "x-a", "the injected text"),
        evidence("x-e2", "x-b", "nothing more"),
    ]
    data["hypotheses"] += hypotheses("x-h")
    data["links"] += [{"evidence": e, "hypothesis": "x-h", "rating": "C"} for e in ("x-e1", "x-e2")]
    return "support counted twice from a text and its undeclared copy"


def _s003(data: Data, texts: dict[str, str]) -> str:
    data["sources"] += [
        {"id": "x-a", "title": "A", "derived_from": ["x-b"]},
        {"id": "x-b", "title": "B", "derived_from": ["x-a"]},
    ]
    return "two sources derived from each other"


def _n001(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["actors"].append({"id": "x-actor", "name": "Qasem Soleimani"})
    data["evidence"].append({**evidence("x-e"), "claim": "Solemani was there."})
    return "a misspelt actor name"


QUOTE_NOT_FOUND: Final = CheckInfo(
    "Q001",
    "quote-not-found",
    "error",
    "A quote does not occur in its source's text.",
    "Copy the words exactly as the source has them; mark skipped text with [...].",
    _ONE_QUOTE % ("", "we will not listen"),
    (("s", "He said: we won't listen."),),
    defect=_q001,
)
QUOTE_AMBIGUOUS: Final = CheckInfo(
    "Q002",
    "quote-ambiguous",
    "warning",
    "A quote occurs in several places of its source.",
    "Quote a longer passage so that it points at one place.",
    _ONE_QUOTE % ("", "no"),
    (("s", "He said no, and no again."),),
    defect=_q002,
)
TEXT_CHANGED: Final = CheckInfo(
    "Q003",
    "source-text-changed",
    "warning",
    "A source's text differs from the SHA-256 recorded when its quotes were anchored.",
    "Check the quotes against the new text, then record the new digest (scenarios anchor).",
    _ONE_QUOTE % (", sha256: " + "ab" * 32, "refused"),
    (("s", "He refused."),),
    defect=_q003,
)
QUOTE_UNVERIFIED: Final = CheckInfo(
    "Q004",
    "quote-unverified",
    "info",
    "A quote's source has no text to check it against.",
    "Give the source a text_path, or pass the folder of texts with --sources.",
    _ONE_QUOTE % ("", "refused"),
    defect=_q004,
)
TEXT_UNUSABLE: Final = CheckInfo(
    "Q005",
    "source-text-unusable",
    "error",
    "A source's text exists but cannot be used (path outside its folder, too large, not UTF-8).",
    "Keep texts inside the case's folder, as UTF-8, under 16 MiB.",
    # No example: it takes a file on disk (a link out of the folder, or a Latin-1 file).
)
TEXT_NOT_FOUND: Final = CheckInfo(
    "Q006",
    "source-text-not-found",
    "warning",
    "A source declares a text_path, but no file is there, so its quotes go unverified.",
    "Fix text_path (it is read against --sources, then against the case's folder), or "
    "save the text there.",
    # No example: it takes a folder looked in (`scenarios.io.read_source_texts`).
)
UNDECLARED_COPY: Final = CheckInfo(
    "S001",
    "undeclared-near-duplicate",
    "warning",
    "Two source texts are near-duplicates but neither is declared derived from the other "
    "or from a common origin.",
    "Declare the lineage with derived_from, so their evidence is not counted as independent.",
    "meta: {title: Example}\nsources: [{id: a, title: Original}, {id: b, title: Republished}]\n",
    _TWO_TEXTS,
    defect=_s001,
)
COPIES_AS_INDEPENDENT: Final = CheckInfo(
    "S002",
    "copies-counted-as-independent",
    "warning",
    "A hypothesis counts more independent lineages of support than it has: some of its "
    "sources are near-duplicates of each other.",
    "Declare the lineage with derived_from, and weigh the copies as one.",
    """meta: {title: Example}
sources: [{id: a, title: Original}, {id: b, title: Republished}]
evidence:
  - {id: e1, claim: One., quotes: [{source: a, text: the militias said}]}
  - {id: e2, claim: Two., quotes: [{source: b, text: increase them}]}
hypotheses: [{id: h, statement: It is so.}]
links: [{evidence: e1, hypothesis: h, rating: C}, {evidence: e2, hypothesis: h, rating: C}]
""",
    _TWO_TEXTS,
    defect=_s002,
)
LINEAGE_CYCLE: Final = CheckInfo(
    "S003",
    "lineage-cycle",
    "error",
    "Sources are derived from each other in a circle.",
    "A source cannot be its own origin: fix derived_from.",
    """meta: {title: Example}
sources: [{id: a, title: A, derived_from: [b]}, {id: b, title: B, derived_from: [a]}]
""",
    defect=_s003,
)
NAME_LIKE_ALIAS: Final = CheckInfo(
    "N001",
    "name-close-to-alias",
    "info",
    "A name in a claim or quote is not a known actor name but looks like one.",
    "If it is the same actor, add the spelling to the actor's aliases.",
    """meta: {title: Example}
sources: [{id: s, title: A source}]
actors: [{id: soleimani, name: Qasem Soleimani}]
evidence: [{id: e, claim: Solemani was killed in January 2020., quotes: [{source: s, text: q}]}]
""",
    defect=_n001,
)

CHECKS: Final = (
    QUOTE_NOT_FOUND,
    QUOTE_AMBIGUOUS,
    TEXT_CHANGED,
    QUOTE_UNVERIFIED,
    TEXT_UNUSABLE,
    TEXT_NOT_FOUND,
    UNDECLARED_COPY,
    COPIES_AS_INDEPENDENT,
    LINEAGE_CYCLE,
    NAME_LIKE_ALIAS,
)
"""The catalogue entries of these families."""


@register(QUOTE_NOT_FOUND, QUOTE_AMBIGUOUS, QUOTE_UNVERIFIED, TEXT_NOT_FOUND)
def quote_findings(context: CheckContext) -> Iterator[Finding]:
    """Each quote against its source's text. O(texts + quotes x source length).

    A source whose declared text is not found gets one warning (Q006), saying where it
    was looked for, instead of the info (Q004) of a source that has no text to look for.
    """
    unverified: dict[str, int] = {}
    for q in context.anchoring.quotes:
        objects = (q.evidence, q.source)
        where = f"evidence {q.evidence!r} quote {q.index + 1}"
        if q.state == "not-found":
            hint = None
            if q.suggestion is not None and q.suggestion.similarity >= 0.6:
                hint = (
                    f"did you mean {q.suggestion.passage!r} "
                    f"({q.suggestion.similarity:.0%} similar, at {q.suggestion.start})?"
                )
            yield QUOTE_NOT_FOUND.finding(
                f"{where} is not in the text of source {q.source!r}",
                objects,
                q.path,
                hint,
            )
        elif q.state == "ambiguous" and q.anchor is not None:
            yield QUOTE_AMBIGUOUS.finding(
                f"{where} occurs {q.anchor.matches} times in "
                f"source {q.source!r}; the first is used",
                objects,
                q.path,
            )
        elif q.state == "unverified":
            unverified[q.source] = unverified.get(q.source, 0) + 1
    declared = {s.id: s.text_path for s in context.case.sources}
    for source, looked in sorted(context.texts.not_found.items()):
        # Whether or not it has quotes: a declared text that is missing also leaves the
        # near-duplicate check (S001) blind to it.
        count = unverified.pop(source, 0)
        quotes = f"{count} quote{'s' if count != 1 else ''}"
        yield TEXT_NOT_FOUND.finding(
            f"source {source!r} declares text_path {declared[source]!r}, but no file is there "
            f"(looked at {series(map(str, looked))}), so "
            + (
                f"its {quotes} {'go' if count > 1 else 'goes'} unverified"
                if count
                else "it cannot be compared with the other texts"
            ),
            (source,),
            context.path("sources", source, "text_path"),
        )
    for source, count in sorted(unverified.items()):
        quotes = f"{count} quote{'s' if count > 1 else ''}"
        reason = context.texts.missing.get(source, "no text was read")
        yield QUOTE_UNVERIFIED.finding(
            f"{quotes} of source {source!r} unverified: {reason}",
            (source,),
            context.path("sources", source),
        )


@register(TEXT_CHANGED, TEXT_UNUSABLE)
def text_findings(context: CheckContext) -> Iterator[Finding]:
    """Texts that changed since anchoring, and texts that cannot be used. O(sources)."""
    positions = {s.id: i for i, s in enumerate(context.case.sources)}
    for source in context.anchoring.changed:
        yield TEXT_CHANGED.finding(
            f"the text of source {source!r} changed since its quotes "
            "were anchored; they were anchored afresh",
            (source,),
            ("sources", positions[source], "sha256"),
        )
    for problem in context.texts.problems:
        yield TEXT_UNUSABLE.finding(
            problem.message,
            (problem.source,),
            ("sources", positions.get(problem.source, 0)),
            problem.hint,
        )


@register(UNDECLARED_COPY)
def copy_findings(context: CheckContext) -> Iterator[Finding]:
    """Near-duplicate texts whose lineage is not declared. Near-linear (sketches)."""
    positions = {s.id: i for i, s in enumerate(context.case.sources)}
    published = {s.id: s.published for s in context.case.sources}
    lineage = context.lineage
    for pair in context.duplicates:
        if lineage.group(pair.a) != lineage.group(pair.b):
            copy, original = _copy_and_original(pair.a, pair.b, published)
            hint = (
                f"declare {copy!r} derived_from {original!r}: it was published later "
                "(or both from their original)"
                if copy
                else f"declare the later of {pair.a!r} and {pair.b!r} derived_from the "
                "earlier (their publication dates do not say which), or both from their "
                "original"
            )
            yield UNDECLARED_COPY.finding(
                f"sources {pair.a!r} and {pair.b!r} are near-duplicates "
                f"({pair.containment:.0%} of the shorter text is in the longer) with no "
                "declared lineage",
                (pair.a, pair.b),
                ("sources", positions[copy or pair.b]),
                hint,
            )


def _copy_and_original(
    a: str, b: str, published: dict[str, str | None]
) -> tuple[str | None, str | None]:
    """The later-published of two sources (the copy) and the earlier, or (None, None).

    The dates tell them apart when one's first possible day is after the other's last.
    """
    when_a, when_b = published.get(a), published.get(b)
    if not when_a or not when_b:
        return None, None
    (a_first, a_last), (b_first, b_last) = date_bounds(when_a), date_bounds(when_b)
    if b_first > a_last:
        return b, a
    if a_first > b_last:
        return a, b
    return None, None


@register(NAME_LIKE_ALIAS)
def alias_findings(context: CheckContext) -> Iterator[Finding]:
    """Unknown names close to a known actor name. O(words x name words), pruned."""
    positions = {e.id: i for i, e in enumerate(context.case.evidence)}
    for s in alias_suggestions(context.case):
        yield NAME_LIKE_ALIAS.finding(
            f"{s.name!r} in evidence {s.evidence!r} looks like "
            f"{s.alias!r} ({s.similarity:.0%} similar), a name of actor {s.actor!r}",
            (s.evidence, s.actor),
            ("evidence", positions[s.evidence]),
            f"if it is the same actor, add {s.name!r} to the aliases of {s.actor!r}",
        )


@register(COPIES_AS_INDEPENDENT)
def copies_as_independent(context: CheckContext) -> Iterator[Finding]:
    """Corroboration that shrinks once near-duplicates are joined. O(links), given the texts."""
    if not context.duplicates:
        return
    case = context.case
    declared, joined = context.lineage, context.lineage_with_copies
    for i, hypothesis in enumerate(case.hypotheses):
        claimed = declared.corroboration(case, hypothesis.id)
        real = joined.corroboration(case, hypothesis.id)
        if real < claimed:
            yield COPIES_AS_INDEPENDENT.finding(
                f"hypothesis {hypothesis.id!r} has support "
                f"from {claimed} lineages as declared, but {real} once near-duplicate "
                "sources are joined",
                (hypothesis.id,),
                ("hypotheses", i),
            )


@register(LINEAGE_CYCLE)
def lineage_cycles(context: CheckContext) -> Iterator[Finding]:
    """Circles in derived_from (Tarjan). O(sources + derived_from)."""
    edges = {s.id: list(s.derived_from) for s in context.case.sources}
    for component in cycles(edges):
        members = sorted(component)
        yield LINEAGE_CYCLE.finding(
            f"sources {', '.join(members)} are derived from each other in a circle",
            tuple(members),
            context.path("sources", members[0], "derived_from"),
        )
