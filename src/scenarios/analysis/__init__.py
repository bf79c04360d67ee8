"""Analysis: pure functions over a case, one family per module, returning frozen results."""

from scenarios.analysis.ach import AchResult, HypothesisScore, Linchpin, ach
from scenarios.analysis.provenance import (
    ActorRow,
    EvidenceRow,
    ProvenanceReport,
    SourceRow,
    provenance_report,
)

__all__ = [
    "AchResult",
    "ActorRow",
    "EvidenceRow",
    "HypothesisScore",
    "Linchpin",
    "ProvenanceReport",
    "SourceRow",
    "ach",
    "provenance_report",
]
