"""scenarios: structured arguments and scenario modeling.

Model sources and the quotes taken from them, evidence, competing hypotheses and
the links between them as typed, validated Python objects and files.

Examples:
    >>> import scenarios
    >>> case = scenarios.loads("meta: {title: Demo}", format="yaml")
    >>> case.meta.title
    'Demo'
"""

from scenarios._version import __version__
from scenarios.analysis import (
    ArgumentationFramework,
    ach,
    all_posteriors,
    analyse,
    case_graph,
    evaluate,
    futures,
    morphology,
    posteriors,
)
from scenarios.checks import CATALOGUE, CheckInfo, CheckReport, Finding, check, check_file
from scenarios.errors import (
    AnalysisError,
    CaseFileError,
    FileProblem,
    IntegrityError,
    OptionError,
    PathNotFoundError,
    ScenariosError,
    UnknownIdError,
)
from scenarios.io import Limits, case_schema, convert, dump, dumps, load, loads, read_source_texts
from scenarios.model import (
    Actor,
    Argument,
    Assumption,
    Case,
    CaseBuilder,
    CaseMeta,
    CrossConsistency,
    Driver,
    DriverState,
    Event,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Indicator,
    IntegrityProblem,
    Likelihood,
    LikelihoodRatio,
    Link,
    Observation,
    Quote,
    Scenario,
    Source,
    Span,
)
from scenarios.provenance import (
    Anchor,
    Lineage,
    anchor_case,
    anchor_quote,
    evidence_grade,
    near_duplicates,
)
from scenarios.render import argument_map, argument_view, report_html, write_diagram

__all__ = [
    "CATALOGUE",
    "Actor",
    "AnalysisError",
    "Anchor",
    "Argument",
    "ArgumentationFramework",
    "Assumption",
    "Case",
    "CaseBuilder",
    "CaseFileError",
    "CaseMeta",
    "CheckInfo",
    "CheckReport",
    "CrossConsistency",
    "Driver",
    "DriverState",
    "Event",
    "Evidence",
    "FileProblem",
    "Finding",
    "Hypothesis",
    "HypothesisSet",
    "Indicator",
    "IntegrityError",
    "IntegrityProblem",
    "Likelihood",
    "LikelihoodRatio",
    "Limits",
    "Lineage",
    "Link",
    "Observation",
    "OptionError",
    "PathNotFoundError",
    "Quote",
    "Scenario",
    "ScenariosError",
    "Source",
    "Span",
    "UnknownIdError",
    "__version__",
    "ach",
    "all_posteriors",
    "analyse",
    "anchor_case",
    "anchor_quote",
    "argument_map",
    "argument_view",
    "case_graph",
    "case_schema",
    "check",
    "check_file",
    "convert",
    "dump",
    "dumps",
    "evaluate",
    "evidence_grade",
    "futures",
    "load",
    "loads",
    "morphology",
    "near_duplicates",
    "posteriors",
    "read_source_texts",
    "report_html",
    "write_diagram",
]
