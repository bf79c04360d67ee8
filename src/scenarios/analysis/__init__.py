"""Analysis: pure functions over a case, one family per module, returning frozen results."""

from scenarios.analysis.ach import AchResult, HypothesisScore, Linchpin, ach
from scenarios.analysis.bayes import BayesResult, Contribution, Posterior, icd203_words, posteriors
from scenarios.analysis.carneades import (
    ArgumentGraph,
    CArgument,
    Issue,
    Labelling,
    case_graph,
    evaluate,
)
from scenarios.analysis.dung import ArgumentationFramework
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
    "ArgumentGraph",
    "ArgumentationFramework",
    "BayesResult",
    "CArgument",
    "Contribution",
    "EvidenceRow",
    "HypothesisScore",
    "Issue",
    "Labelling",
    "Linchpin",
    "Posterior",
    "ProvenanceReport",
    "SourceRow",
    "ach",
    "case_graph",
    "evaluate",
    "icd203_words",
    "posteriors",
    "provenance_report",
]
