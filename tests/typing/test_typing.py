"""The files of `tests/typing` type-check, and the types they rely on hold at run time."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import typing
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from mypy import api as mypy_api
from pydantic import BaseModel

import scenarios.model
from scenarios.model import Case
from scenarios.model import _case as case_module
from tests.typing import records

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CHECKED = sorted(p for p in HERE.glob("*.py") if not p.name.startswith(("test_", "__")))


def test_typing_files_pass_mypy_strict(request: pytest.FixtureRequest) -> None:
    # A cache of its own under .pytest_cache: warm on later runs, shared with no one.
    cache = request.config.cache.mkdir("mypy-typing") if request.config.cache else None
    options = ["--config-file", str(ROOT / "pyproject.toml"), "--strict", "--no-error-summary"]
    if cache is not None:
        options += ["--cache-dir", str(cache)]
    out, err, status = mypy_api.run([*options, *map(str, CHECKED)])
    assert (status, out, err) == (0, "", "")


def _fields(cls: Any) -> list[str]:
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        return list(cls.model_fields)
    return [f.name for f in dataclasses.fields(cls)]


def _tuple_fields(cls: type) -> list[str]:
    """The fields the class keeps as tuples (``tuple[...]``, `TupleOf`, `PairOf`)."""
    hints = typing.get_type_hints(cls)
    return [name for name in _fields(cls) if typing.get_origin(hints[name]) is tuple]


# What the library reports, not what callers build: `integrity_problems` and `references`.
OUTPUTS = {"IntegrityProblem", "Reference"}

MODEL_CLASSES = sorted(
    (
        cls
        for name in sorted(set(scenarios.model.__all__) - OUTPUTS)
        if isinstance(cls := getattr(scenarios.model, name), type)
        and (dataclasses.is_dataclass(cls) or issubclass(cls, BaseModel))
        and _tuple_fields(cls)
    ),
    key=lambda cls: cls.__name__,
)


def _objects(value: object) -> Iterator[object]:
    """`value` and every model object inside it."""
    if isinstance(value, list | tuple):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, BaseModel) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type)
    ):
        yield value
        for name in _fields(type(value)):
            yield from _objects(getattr(value, name))


BUILT = [obj for value in vars(records).values() for obj in _objects(value)]


def test_the_model_has_tuple_fields_to_check() -> None:
    names = {cls.__name__ for cls in MODEL_CLASSES}
    assert {"Case", "CaseMeta", "Evidence", "HypothesisSet", "Source", "Issue"} <= names


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_tuple_field_is_built_from_a_list_in_the_typing_file(cls: type) -> None:
    built = [obj for obj in BUILT if type(obj) is cls]
    assert built, f"tests/typing/records.py builds no {cls.__name__}"
    for name in _tuple_fields(cls):
        values = [getattr(obj, name) for obj in built]
        assert any(values), f"tests/typing/records.py gives {cls.__name__}.{name} no items"
        assert all(type(value) is tuple for value in values), (cls.__name__, name)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_tuple_field_accepts_a_list_and_stores_a_tuple(cls: type) -> None:
    for obj in (obj for obj in BUILT if type(obj) is cls):
        fields = _tuple_fields(cls)
        given = {name: getattr(obj, name) for name in _fields(cls)}
        again = cls(**{**given, **{name: list(given[name]) for name in fields}})
        assert again == obj
        assert all(type(getattr(again, name)) is tuple for name in fields)
        # Records are hashable, but for those holding a (read-only) mapping; a case is not.
        if not isinstance(obj, BaseModel) and not any(
            isinstance(value, Mapping) for value in given.values()
        ):
            assert hash(again) == hash(obj)


def _typing_init(cls: type, module: Any) -> list[tuple[str, object, bool, object]]:
    """(name, annotation, has default, default) of the ``if TYPE_CHECKING`` __init__."""
    tree = ast.parse(inspect.getsource(module))
    (body,) = (node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Case")
    (init,) = (
        node
        for branch in body.body
        if isinstance(branch, ast.If) and ast.unparse(branch.test) == "TYPE_CHECKING"
        for node in branch.body
        if isinstance(node, ast.FunctionDef) and node.name == "__init__"
    )
    namespace = vars(module)
    out = []
    for arg, default in zip(init.args.kwonlyargs, init.args.kw_defaults, strict=True):
        assert arg.annotation is not None
        annotation = eval(ast.unparse(arg.annotation), namespace)
        value = None if default is None else ast.literal_eval(default)
        out.append((arg.arg, annotation, default is not None, value))
    return out


def test_the_typed_signature_of_case_follows_its_fields() -> None:
    expected = []
    for name, info in Case.model_fields.items():
        annotation: object = info.annotation
        if typing.get_origin(annotation) is tuple:
            (item, _) = typing.get_args(annotation)
            annotation = Sequence[item]  # type: ignore[valid-type]
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        expected.append((name, annotation, not info.is_required(), default))
    assert _typing_init(Case, case_module) == expected
