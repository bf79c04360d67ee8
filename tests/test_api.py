"""The public API: exported names are pinned, and every public module documents itself."""

from __future__ import annotations

import importlib
import pkgutil

import scenarios

EXPECTED = [
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


def test_exported_names_are_pinned_and_sorted() -> None:
    assert scenarios.__all__ == EXPECTED

    # ruff's isort-style order: CONSTANTS, then Classes, then everything else.
    def group(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert scenarios.__all__ == sorted(scenarios.__all__, key=group)
    for name in scenarios.__all__:
        assert getattr(scenarios, name) is not None


def test_public_modules_have_docstring_and_all() -> None:
    for info in pkgutil.walk_packages(scenarios.__path__, "scenarios."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        assert (module.__doc__ or "").strip(), info.name
        if info.name != "scenarios.cli" or hasattr(module, "__all__"):
            assert hasattr(module, "__all__"), info.name
            for name in module.__all__:
                assert hasattr(module, name), f"{info.name}.{name}"


def test_errors_refine_builtins() -> None:
    refines = {
        scenarios.CaseFileError: ValueError,
        scenarios.IntegrityError: ValueError,
        scenarios.UnknownIdError: LookupError,
        scenarios.AnalysisError: ValueError,
        scenarios.OptionError: ValueError,
        scenarios.PathNotFoundError: FileNotFoundError,
    }
    for error, builtin in refines.items():
        assert issubclass(error, builtin)
        assert issubclass(error, scenarios.ScenariosError)
