"""Every analysis result is read-only and converts to JSON, the same JSON the CLI prints."""

from __future__ import annotations

import dataclasses
import inspect
import json
import typing
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from functools import cache
from typing import Any

import pytest

import scenarios.analysis
import scenarios.checks
from scenarios import Case, CaseMeta, Indicator, Observation, Scenario, load
from scenarios.analysis import (
    DEFAULT_GRADES,
    ArgumentationFramework,
    ach,
    alternative_futures,
    analyse,
    case_graph,
    evaluate,
    futures,
    morphology,
    posteriors,
    provenance_report,
    ranked_configurations,
    solve,
)
from scenarios.checks import check, check_file
from scenarios.io import SourceTexts, read_source_texts
from scenarios.model import ArgumentGraph
from tests.support import EXAMPLE, SEEDS, Cli

ROWS, COLUMNS = "tehran-line", "militias-and-sadr"  # the example's 2x2 matrix (make demo)


@cache
def _case() -> Case:
    return load(EXAMPLE)


def _texts() -> SourceTexts:
    return read_source_texts(_case(), case_dir=EXAMPLE.parent, sources_dir=SEEDS)


def _watched() -> Case:
    """Two scenarios and an indicator seen once: a futures result with a step."""
    return Case(
        meta=CaseMeta(title="Watched"),
        scenarios=[
            Scenario(id="up", name="Up", probability=0.5),
            Scenario(id="down", name="Down", probability=0.5),
        ],
        indicators=[
            Indicator(
                id="sign",
                name="A sign",
                expectations={"up": "likely", "down": "unlikely"},
                observations=[Observation(date="2021")],
            )
        ],
    )


def _sets() -> list[str]:
    return [group.id for group in _case().hypothesis_sets]


# Each result, built as the command that prints it builds it: (name, build, command line).
RESULTS: list[tuple[str, Callable[[], Any], tuple[str, ...] | None]] = [
    ("ach", lambda: [ach(_case(), s) for s in _sets()], ("ach", str(EXAMPLE))),
    ("bayes", lambda: [posteriors(_case(), s) for s in _sets()], ("bayes", str(EXAMPLE))),
    ("evaluate", lambda: evaluate(case_graph(_case())), ("evaluate", str(EXAMPLE))),
    ("futures", lambda: futures(_case()), ("futures", str(EXAMPLE))),
    ("futures-steps", lambda: futures(_watched()), None),
    (
        "morph",
        lambda: morphology(_case(), matrix=(ROWS, COLUMNS)),
        ("morph", str(EXAMPLE), "--matrix", ROWS, COLUMNS),
    ),
    ("analyse", lambda: analyse(_case()), ("analyse", str(EXAMPLE))),
    (
        "provenance",
        lambda: provenance_report(_case(), _texts()),
        ("provenance", str(EXAMPLE), "--sources", str(SEEDS)),
    ),
    (
        "check",
        lambda: check_file(EXAMPLE, sources=SEEDS),
        ("check", str(EXAMPLE), "--sources", str(SEEDS)),
    ),
    ("configurations", lambda: ranked_configurations(_case(), top=3), None),
    ("matrix", lambda: alternative_futures(_case(), ROWS, COLUMNS), None),
    ("findings", lambda: list(check(_case(), texts=_texts())), None),
    ("findings-tuple", lambda: check(_case(), texts=_texts()), None),
    ("grades", lambda: DEFAULT_GRADES, None),
    (
        "dung",
        lambda: solve(ArgumentationFramework("abc", [("a", "b"), ("b", "c")]), "EE-PR"),
        None,
    ),
]
IDS = [name for name, *_ in RESULTS]


def _json(result: Any) -> Any:
    if isinstance(result, list):
        return [_json(one) for one in result]
    return result.to_json()


def _mappings(value: object, where: str) -> Iterator[tuple[str, Mapping[Any, Any]]]:
    """Every mapping a result holds, however deep, with where it is.

    The inputs a result keeps (the case, the source texts read) are not results.
    """
    if isinstance(value, Case | SourceTexts):
        return
    if isinstance(value, Mapping):
        yield where, value
        for key, item in value.items():
            yield from _mappings(item, f"{where}[{key!r}]")
    elif isinstance(value, list | tuple):
        for k, item in enumerate(value):
            yield from _mappings(item, f"{where}[{k}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _mappings(getattr(value, field.name), f"{where}.{field.name}")


@pytest.mark.parametrize(("name", "build", "argv"), RESULTS, ids=IDS)
def test_results_convert_to_json(
    name: str, build: Callable[[], Any], argv: tuple[str, ...] | None
) -> None:
    data = _json(build())
    assert json.loads(json.dumps(data)) == json.loads(json.dumps(data, sort_keys=True))


@pytest.mark.parametrize(("name", "build", "argv"), RESULTS, ids=IDS)
def test_result_mappings_are_read_only(
    name: str, build: Callable[[], Any], argv: tuple[str, ...] | None
) -> None:
    found = list(_mappings(build(), name))
    for where, mapping in found:
        assert not isinstance(mapping, MutableMapping), where
        with pytest.raises(TypeError):
            mapping[next(iter(mapping), "key")] = None  # type: ignore[index]


def test_the_futures_steps_are_checked() -> None:
    assert futures(_watched()).steps


def test_the_ach_result_refuses_a_new_rating_even_from_a_dict_it_was_given() -> None:
    result = ach(_case(), _sets()[0])
    with pytest.raises(TypeError):
        result.ratings[("x", "y")] = "C"  # type: ignore[index]
    ratings = dict(result.ratings)
    again = dataclasses.replace(result, ratings=ratings)
    ratings[("x", "y")] = "C"
    assert ("x", "y") not in again.ratings


@pytest.mark.parametrize(
    ("name", "build", "argv"), [r for r in RESULTS if r[2] is not None], ids=lambda v: v
)
def test_the_cli_prints_to_json(
    cli: Cli, name: str, build: Callable[[], Any], argv: tuple[str, ...]
) -> None:
    ran = cli(*argv, "--format", "json")
    assert json.loads(ran.out) == json.loads(json.dumps(_json(build())))


def test_check_json_rows_are_the_findings_to_json(cli: Cli) -> None:
    report = check_file(EXAMPLE, sources=SEEDS)
    rows = report.to_json()
    assert rows, "the example keeps findings on purpose"
    for row, finding, where in zip(rows, report.findings, report.locations, strict=True):
        assert row == {
            **{k: v for k, v in finding.to_json().items() if k != "path"},
            "location": {**dataclasses.asdict(where), "path": finding.to_json()["path"]},
        }


def _result_types() -> set[type]:
    """The classes the public analysis and check functions return (inside containers too)."""
    found: set[type] = set()
    for module in (scenarios.analysis, scenarios.checks):
        for name in module.__all__:
            function = getattr(module, name)
            if not inspect.isfunction(function) or name == "register":
                continue
            returned = typing.get_type_hints(function)["return"]
            stack = [returned]
            while stack:
                hint = stack.pop()
                stack.extend(typing.get_args(hint))
                origin = typing.get_origin(hint) or hint
                if (
                    isinstance(origin, type)
                    and origin.__module__.startswith("scenarios.")
                    and not issubclass(origin, BaseException)  # `refusal` gives the error
                ):
                    found.add(origin)
    return found


def test_every_result_type_has_to_json_and_is_tested() -> None:
    results = _result_types() - {ArgumentGraph}  # what `case_graph` gives is `evaluate`'s input
    assert {t for t in results if not hasattr(t, "to_json")} == set()
    tested = set()
    for _, build, _ in RESULTS:
        built = build()
        tested |= {type(one) for one in (built if isinstance(built, list) else [built])}
    assert results - tested == set()
