"""Anchoring every quote of a case in its source's text, and recording where it stands."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

from scenarios.model import Case, Evidence, Quote, Span
from scenarios.model._base import construct
from scenarios.model._paths import Path
from scenarios.provenance._anchoring import (
    Anchor,
    PreparedText,
    Suggestion,
    closest_passage,
    normalise,
)

__all__ = ["AnchoringReport", "QuoteCheck", "QuoteState", "anchor_case", "text_sha256"]

QuoteState: TypeAlias = Literal["anchored", "ambiguous", "not-found", "unverified"]
"""What became of a quote: found once, found in several places, not found, or not checked
(its source has no text)."""


def text_sha256(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes, as recorded in `Source.sha256`.

    Examples:
        >>> text_sha256("")[:12]
        'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """The outcome for one quote.

    Attributes:
        evidence: Id of the evidence item.
        position: Position of the evidence item in the case.
        index: Position of the quote in the item's quotes.
        source: Id of the source quoted.
        state: anchored, ambiguous, not-found or unverified.
        anchor: Where it stands, when found.
        suggestion: The closest passage, when not found.
        reason: Why it is unverified.
    """

    evidence: str
    position: int
    index: int
    source: str
    state: QuoteState
    anchor: Anchor | None = None
    suggestion: Suggestion | None = None
    reason: str | None = None

    @property
    def path(self) -> Path:
        """Where the quote's text stands in the document: ``evidence[i].quotes[j].text``."""
        return ("evidence", self.position, "quotes", self.index, "text")


@dataclass(frozen=True, slots=True)
class AnchoringReport:
    """The case with spans and text digests recorded, and what was found.

    Attributes:
        case: The case with every found quote's span and every read source's
            SHA-256 recorded (the input case is unchanged).
        quotes: One check per quote, in document order.
        changed: Ids of sources whose text differs from the recorded SHA-256.
    """

    case: Case
    quotes: tuple[QuoteCheck, ...]
    changed: tuple[str, ...]


_SPAN = Span(start=0, end=1)  # a template: spans found in a text are valid by construction


def _still_there(quote: Quote, text: str) -> bool:
    span = quote.span
    return (
        span is not None
        and span.end <= len(text)
        and (normalise(text[span.start : span.end]) == normalise(quote.text))
    )


def anchor_case(case: Case, texts: Mapping[str, str]) -> AnchoringReport:
    """Anchor every quote whose source has a text; record spans and digests.

    A quote whose recorded span still holds it, in an unchanged text, is
    accepted without a search. A source whose text changed since its digest
    was recorded is reported, and its quotes are anchored afresh (a quote that
    is gone is then not-found).

    Complexity: O(total text + quotes x their source's length); each text is
    normalised once.

    Args:
        case: The case.
        texts: Source text by source id (see `scenarios.io.read_source_texts`).

    Returns:
        The updated case and a check per quote.
    """
    digests = {sid: text_sha256(text) for sid, text in texts.items()}
    changed = tuple(
        s.id for s in case.sources if s.id in digests and s.sha256 and s.sha256 != digests[s.id]
    )
    prepared: dict[str, PreparedText] = {}
    checks: list[QuoteCheck] = []
    evidence: list[Evidence] = []
    for position, item in enumerate(case.evidence):
        quotes: list[Quote] = []
        for index, quote in enumerate(item.quotes):
            text = texts.get(quote.source)
            if text is None:
                checks.append(
                    QuoteCheck(
                        item.id,
                        position,
                        index,
                        quote.source,
                        "unverified",
                        reason="its source has no text",
                    )
                )
                quotes.append(quote)
                continue
            if quote.source not in changed and _still_there(quote, text):
                assert quote.span is not None
                anchor = Anchor(quote.span.start, quote.span.end, "exact", 1)
                checks.append(
                    QuoteCheck(item.id, position, index, quote.source, "anchored", anchor)
                )
                quotes.append(quote)
                continue
            if quote.source not in prepared:
                prepared[quote.source] = PreparedText(text)
            found = prepared[quote.source].anchor(quote.text)
            if found is None:
                suggestion = closest_passage(quote.text, text)
                checks.append(
                    QuoteCheck(
                        item.id, position, index, quote.source, "not-found", suggestion=suggestion
                    )
                )
                quotes.append(construct(quote, span=None) if quote.span else quote)
                continue
            state: QuoteState = "ambiguous" if found.ambiguous else "anchored"
            checks.append(QuoteCheck(item.id, position, index, quote.source, state, found))
            span = construct(_SPAN, start=found.start, end=found.end)
            quotes.append(construct(quote, span=span))
        same = all(a is b for a, b in zip(quotes, item.quotes, strict=True))
        evidence.append(item if same else construct(item, quotes=tuple(quotes)))
    sources = tuple(
        construct(s, sha256=digests[s.id]) if s.id in digests and s.sha256 != digests[s.id] else s
        for s in case.sources
    )
    fields = {name: getattr(case, name) for name in type(case).model_fields}
    updated = Case.model_construct(**{**fields, "evidence": tuple(evidence), "sources": sources})
    return AnchoringReport(updated, tuple(checks), changed)
