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
from scenarios.io import Limits, case_schema, dump, dumps, load, loads
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
from scenarios.provenance import Anchor, Lineage, anchor_case, anchor_quote, evidence_grade

__all__ = [
    "CATALOGUE",
    "Actor",
    "AnalysisError",
    "Anchor",
    "Argument",
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
    "anchor_case",
    "anchor_quote",
    "case_schema",
    "check",
    "check_file",
    "dump",
    "dumps",
    "evidence_grade",
    "load",
    "loads",
]
