"""Analysis: pure functions over a case, one family per module, returning frozen results."""

from scenarios.analysis.ach import AchResult, HypothesisScore, Linchpin, ach
from scenarios.analysis.bayes import (
    BayesResult,
    Confidence,
    Contribution,
    GradeModel,
    Posterior,
    all_posteriors,
    icd203_words,
    posteriors,
)
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
from scenarios.analysis.overview import CaseAnalysis, MethodRow, SetAnalysis, analyse
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
    "CaseAnalysis",
    "Confidence",
    "Configuration",
    "Contribution",
    "EvidenceRow",
    "FuturesMatrix",
    "FuturesResult",
    "GradeModel",
    "HypothesisScore",
    "Issue",
    "Labelling",
    "Linchpin",
    "MethodRow",
    "Posterior",
    "ProvenanceReport",
    "Quadrant",
    "ScenarioProbability",
    "SetAnalysis",
    "SourceRow",
    "Step",
    "WatchItem",
    "ach",
    "all_posteriors",
    "alternative_futures",
    "analyse",
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
