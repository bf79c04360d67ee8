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
from scenarios.analysis.futures import (
    FuturesResult,
    ScenarioProbability,
    Step,
    WatchItem,
    futures,
)
from scenarios.analysis.morphology import (
    Configuration,
    FuturesMatrix,
    Quadrant,
    alternative_futures,
    consistent_configurations,
    count_configurations,
    ranked_configurations,
)
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
    "Configuration",
    "Contribution",
    "EvidenceRow",
    "FuturesMatrix",
    "FuturesResult",
    "HypothesisScore",
    "Issue",
    "Labelling",
    "Linchpin",
    "Posterior",
    "ProvenanceReport",
    "Quadrant",
    "ScenarioProbability",
    "SourceRow",
    "Step",
    "WatchItem",
    "ach",
    "alternative_futures",
    "case_graph",
    "consistent_configurations",
    "count_configurations",
    "evaluate",
    "futures",
    "icd203_words",
    "posteriors",
    "provenance_report",
    "ranked_configurations",
]
