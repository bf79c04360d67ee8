"""Provenance: quotes anchored in their sources, source lineage, near-duplicates, actors."""

from scenarios.provenance._actors import (
    AliasSuggestion,
    Mention,
    MentionFinder,
    actor_mentions,
    alias_suggestions,
)
from scenarios.provenance._anchoring import (
    Anchor,
    PreparedText,
    Suggestion,
    anchor_quote,
    closest_passage,
    normalise,
)
from scenarios.provenance._duplicates import NearDuplicate, near_duplicates
from scenarios.provenance._grading import (
    CREDIBILITY_MEANINGS,
    RELIABILITY_MEANINGS,
    evidence_grade,
)
from scenarios.provenance._lineage import Lineage
from scenarios.provenance._quotes import AnchoringReport, QuoteCheck, anchor_case, text_sha256

__all__ = [
    "CREDIBILITY_MEANINGS",
    "RELIABILITY_MEANINGS",
    "AliasSuggestion",
    "Anchor",
    "AnchoringReport",
    "Lineage",
    "Mention",
    "MentionFinder",
    "NearDuplicate",
    "PreparedText",
    "QuoteCheck",
    "Suggestion",
    "actor_mentions",
    "alias_suggestions",
    "anchor_case",
    "anchor_quote",
    "closest_passage",
    "evidence_grade",
    "near_duplicates",
    "normalise",
    "text_sha256",
]
