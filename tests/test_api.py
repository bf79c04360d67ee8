"""The public API: exported names are pinned, and every public module documents itself."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

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
    "RecordError",
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


PACKAGES = ["scenarios"] + [
    f"scenarios.{info.name}"
    for info in pkgutil.iter_modules(scenarios.__path__)
    if info.ispkg and not info.name.startswith("_")
]
"""The public packages; each names its API in ``__all__``."""
PUBLIC_MODULES = {
    "scenarios.checks": {"docs", "integrity", "provenance", "reasoning", "review", "timeline"}
}
"""Modules meant to be imported by name: the check families (and the docs generator)."""


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_is_the_librarys_own_and_no_module(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert not inspect.ismodule(value), f"{package}.{name} is a module"
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__.split(".")[0] == "scenarios", (package, name, value.__module__)


@pytest.mark.parametrize("package", PACKAGES[1:])
def test_implementation_modules_are_private(package: str) -> None:
    # A public name of a package can never shadow its module (`scenarios.analysis.ach` the
    # function against the module of the same name): modules are private, or listed above.
    module = importlib.import_module(package)
    found = {info.name for info in pkgutil.iter_modules(module.__path__)}
    public = {name for name in found if not name.startswith("_")}
    assert public == PUBLIC_MODULES.get(package, set()), package
    assert not public & set(module.__all__), package


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
