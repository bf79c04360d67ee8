"""Analysis: pure functions over a case, one family per module, returning frozen results."""

from scenarios.analysis.provenance import (
    ActorRow,
    EvidenceRow,
    ProvenanceReport,
    SourceRow,
    provenance_report,
)

__all__ = ["ActorRow", "EvidenceRow", "ProvenanceReport", "SourceRow", "provenance_report"]
