"""Where the evidence comes from: sources with grades, lineage and texts; actors; grades.

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="mei", title="Original", reliability="B"),
    ...       Source(id="copy", title="Copy", derived_from=("mei",)),
    ...       Evidence(id="e1", claim="c", credibility=2, quotes=(Quote(source="copy", text="q"),)))
    >>> report = provenance_report(b.build())
    >>> [(s.id, s.lineage, s.text) for s in report.sources]
    [('mei', 'mei', 'none'), ('copy', 'mei', 'none')]
    >>> [(e.id, e.grade, e.lineages) for e in report.evidence]
    [('e1', 'F2', ('mei',))]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Literal, TypeAlias

from scenarios.io import SourceTexts
from scenarios.model import Case
from scenarios.provenance import (
    RELIABILITY_MEANINGS,
    Lineage,
    NearDuplicate,
    actor_mentions,
    anchor_case,
    evidence_grade,
    near_duplicates,
)

__all__ = [
    "ActorRow",
    "EvidenceRow",
    "ProvenanceReport",
    "SourceRow",
    "TextState",
    "provenance_report",
]

TextState: TypeAlias = Literal["none", "missing", "unusable", "read", "changed"]
"""A source's text: none declared, declared but not found, unusable, read (and unchanged
since anchoring, or first read), or read but changed since its digest was recorded."""


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source: grade, lineage, text and quotes.

    Attributes:
        id: Source id.
        title: Title.
        grade: Reliability letter (F when unknown) and its meaning.
        lineage: Lineage group (sources that share an origin share a group).
        derived_from: Declared parents.
        copies: Sources whose text is a near-duplicate of this one's, with containment.
        text: What became of its text.
        quotes: How many quotes cite it.
        anchored: How many of those were found in its text.
    """

    id: str
    title: str
    grade: str
    lineage: str
    derived_from: tuple[str, ...]
    copies: tuple[tuple[str, float], ...]
    text: TextState
    quotes: int
    anchored: int


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One actor and where the evidence mentions them.

    Attributes:
        id: Actor id.
        name: Name.
        names: Name and aliases.
        mentions: ``(place, words)`` pairs: ``<evidence id>.claim`` or ``.quotes[i]``.
    """

    id: str
    name: str
    names: tuple[str, ...]
    mentions: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One evidence item with its combined grade and lineage.

    Attributes:
        id: Evidence id.
        grade: Combined grade such as ``B2``.
        sources: Sources quoted.
        lineages: Lineage groups of those sources (one group: not independent).
    """

    id: str
    grade: str
    sources: tuple[str, ...]
    lineages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProvenanceReport:
    """Sources, actors and evidence, with what was found in the texts.

    Attributes:
        sources: One row per source, in case order.
        actors: One row per actor, in case order.
        evidence: One row per evidence item, in case order.
        duplicates: Near-duplicate pairs among the texts read.
    """

    sources: tuple[SourceRow, ...]
    actors: tuple[ActorRow, ...]
    evidence: tuple[EvidenceRow, ...]
    duplicates: tuple[NearDuplicate, ...]

    def to_json(self) -> dict[str, Any]:
        """The report as JSON data (what ``scenarios provenance --format json`` prints)."""
        return asdict(self)


def provenance_report(case: Case, texts: SourceTexts | None = None) -> ProvenanceReport:
    """Everything known about where the evidence of `case` comes from.

    Complexity: near-linear in objects and text length (one anchoring pass,
    one shingling pass, one mention scan).

    Args:
        case: The case.
        texts: Its source texts, when they were looked for.
    """
    texts = texts or SourceTexts()
    anchoring = anchor_case(case, texts.texts)
    duplicates = near_duplicates(texts.texts)
    lineage = Lineage.of(case)
    quotes = Counter(q.source for q in anchoring.quotes)
    found = Counter(q.source for q in anchoring.quotes if q.state in ("anchored", "ambiguous"))
    copies: dict[str, list[tuple[str, float]]] = {}
    for pair in duplicates:
        copies.setdefault(pair.a, []).append((pair.b, pair.containment))
        copies.setdefault(pair.b, []).append((pair.a, pair.containment))
    unusable = {p.source for p in texts.problems}

    def state(source: str) -> TextState:
        if source in unusable:
            return "unusable"
        if source in anchoring.changed:
            return "changed"
        if source in texts.texts:
            return "read"
        # looked for and not found, as against no text to look for (citation only)
        return "missing" if texts.missing.get(source, "").startswith("no text at") else "none"

    sources = tuple(
        SourceRow(
            s.id,
            s.title,
            f"{s.grade} ({RELIABILITY_MEANINGS[s.grade]})",
            lineage.group(s.id),
            s.derived_from,
            tuple(copies.get(s.id, ())),
            state(s.id),
            quotes[s.id],
            found[s.id],
        )
        for s in case.sources
    )
    mentions = actor_mentions(case)
    actors = tuple(
        ActorRow(a.id, a.name, a.names, tuple((where, m.text) for where, m in mentions[a.id]))
        for a in case.actors
    )
    evidence = tuple(
        EvidenceRow(
            e.id,
            evidence_grade(case, e),
            e.sources,
            tuple(sorted({lineage.group(s) for s in e.sources if s in lineage.groups})),
        )
        for e in case.evidence
    )
    return ProvenanceReport(sources, actors, evidence, tuple(duplicates))
