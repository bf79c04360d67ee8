"""Analysis: pure functions over a case, one family per module, returning frozen results.

- `ach`: Analysis of Competing Hypotheses (weighted inconsistency, linchpins).
- `posteriors`, `all_posteriors`: Bayesian updating under the graded lineage model
  (docs/bayes.md), each posterior with its `Confidence`.
- `evaluate`, `case_graph`: Carneades argument evaluation, of a case or a Carneades graph.
- `ArgumentationFramework`, `solve`: Dung frameworks and the ICCMA tasks.
- `futures`, `morphology` and friends: scenarios, indicators and morphological fields.
- `analyse`: every method side by side, with why they differ.
- `provenance_report`: sources, lineages, grades and quotes.
"""

from scenarios.analysis._ach import AchResult, HypothesisScore, Linchpin, ach
from scenarios.analysis._bayes import (
    CANNOT_ASSESS,
    DEFAULT_GRADES,
    OTHER,
    BayesResult,
    Confidence,
    Contribution,
    GradeModel,
    Posterior,
    all_posteriors,
    icd203_words,
    posteriors,
    refusal,
)
from scenarios.analysis._carneades import Label, Labelling, case_graph, evaluate
from scenarios.analysis._dung import (
    SEMANTICS,
    TASKS,
    ArgumentationFramework,
    Semantics,
    Task,
    solve,
)
from scenarios.analysis._futures import (
    FuturesResult,
    ScenarioProbability,
    Step,
    WatchItem,
    futures,
)
from scenarios.analysis._morphology import (
    Configuration,
    FieldAnalysis,
    FuturesMatrix,
    Quadrant,
    alternative_futures,
    consistent_configurations,
    count_configurations,
    morphology,
    ranked_configurations,
)
from scenarios.analysis._overview import CaseAnalysis, MethodRow, SetAnalysis, analyse
from scenarios.analysis._provenance import (
    ActorRow,
    EvidenceRow,
    ProvenanceReport,
    SourceRow,
    provenance_report,
)

__all__ = [
    "CANNOT_ASSESS",
    "DEFAULT_GRADES",
    "OTHER",
    "SEMANTICS",
    "TASKS",
    "AchResult",
    "ActorRow",
    "ArgumentationFramework",
    "BayesResult",
    "CaseAnalysis",
    "Confidence",
    "Configuration",
    "Contribution",
    "EvidenceRow",
    "FieldAnalysis",
    "FuturesMatrix",
    "FuturesResult",
    "GradeModel",
    "HypothesisScore",
    "Label",
    "Labelling",
    "Linchpin",
    "MethodRow",
    "Posterior",
    "ProvenanceReport",
    "Quadrant",
    "ScenarioProbability",
    "Semantics",
    "SetAnalysis",
    "SourceRow",
    "Step",
    "Task",
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
    "morphology",
    "posteriors",
    "provenance_report",
    "ranked_configurations",
    "refusal",
    "solve",
]
