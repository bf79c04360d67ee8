"""The shared configuration of every model, and the `record` decorator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar, dataclass_transform

import pydantic
from pydantic import ConfigDict, Field, SerializerFunctionWrapHandler, ValidationError
from pydantic_core import ArgsKwargs

from scenarios.model._messages import record_error
from scenarios.types import ReadOnlyMap

__all__ = ["MODEL_CONFIG", "PRETTY_REPR", "construct", "record", "tagged"]

MODEL_CONFIG: Final = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)
"""One configuration for every model: frozen, unknown keys refused, field docs in the schema."""

# Dataclasses take `frozen` from the decorator (pydantic warns when both say it).
_RECORD_CONFIG: Final = ConfigDict(**{k: v for k, v in MODEL_CONFIG.items() if k != "frozen"})  # type: ignore[typeddict-item]

T = TypeVar("T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(Field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a frozen, slotted, keyword-only pydantic dataclass with `MODEL_CONFIG`.

    Records are dataclasses rather than `BaseModel` subclasses because a case
    holds hundreds of thousands of them and a slotted dataclass instance costs
    about half as much to validate and build (see ``benchmarks/``); they
    validate, serialise and produce JSON Schema exactly as models do. Their repr
    shows only the fields that differ from their defaults, so that a record in a
    failing test's report reads at a glance. A wrong field raises the library's
    `RecordError`, each problem on a line led by its field path, instead of pydantic's
    `ValidationError`; validation inside pydantic (a record nested in a case) is not
    affected, as it does not call ``__init__``.

    Examples:
        >>> from scenarios import Link
        >>> Link(evidence="e1", hypothesis="h1", rating="I", relevance="high")
        Link(evidence='e1', hypothesis='h1', rating='I', relevance='high')
    """
    made = pydantic.dataclasses.dataclass(
        frozen=True, slots=True, kw_only=True, config=_RECORD_CONFIG
    )(cls)
    made.__init__ = _checked_init(made)  # type: ignore[method-assign]
    made.__repr__ = _compact_repr  # type: ignore[method-assign]
    made._repr_pretty_ = PRETTY_REPR  # type: ignore[attr-defined]  # Hypothesis' reports use it
    # The same class comes back, now a pydantic dataclass; mypy sees a different type.
    return made  # type: ignore[return-value]


def _checked_init(cls: type) -> Callable[..., None]:
    """Pydantic's dataclass ``__init__``, raising `RecordError` for what it finds.

    The same call as pydantic's own (the validator looked up on the instance, so that a
    deferred build still completes), with nothing added on the way of a valid record.
    """

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            self.__pydantic_validator__.validate_python(
                ArgsKwargs(args, kwargs), self_instance=self
            )
        except ValidationError as exc:
            raise record_error(exc, type(self)) from None

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


class _PrettyRepr:
    """A ``_repr_pretty_`` that shows ``repr(obj)``.

    Pretty-printers (Hypothesis' reports, IPython) then show the compact repr, not every
    field. The class itself has none, so that it prints as a class.
    """

    def __get__(self, obj: object, owner: type | None = None) -> Callable[[Any, bool], None] | None:
        if obj is None:
            return None
        return lambda printer, cycle: printer.text(repr(obj))


PRETTY_REPR: Final = _PrettyRepr()
"""Set as ``_repr_pretty_`` on a class whose repr is already compact."""


def _compact_repr(self: Any) -> str:
    """``Class(field=value, ...)`` for the fields that differ from their defaults.

    A read-only mapping shows as the dict the constructor takes (``drivers={...}``),
    not as ``ReadOnlyMap({...})``.
    """
    shown = []
    for name, info in type(self).__pydantic_fields__.items():
        value = getattr(self, name)
        if not info.is_required() and value == info.get_default(call_default_factory=True):
            continue
        shown.append(f"{name}={dict(value) if isinstance(value, ReadOnlyMap) else value!r}")
    return f"{type(self).__name__}({', '.join(shown)})"


R = TypeVar("R")


def construct(original: R, **changes: Any) -> R:
    """A copy of a record with `changes`, without validation (like `BaseModel.model_construct`).

    Only for values that are valid by construction, such as spans just found
    in a text: validating 10,000 records again costs more than finding them.
    """
    cls = type(original)
    made = object.__new__(cls)
    for name in cls.__dataclass_fields__:  # type: ignore[attr-defined]
        object.__setattr__(made, name, changes.get(name, getattr(original, name)))
    return made


def tagged(value: Any, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
    """Serialiser for union members: keep the ``kind`` tag even when defaults are left out.

    Call it from a ``model_serializer(mode="wrap")`` method of a record with a
    ``kind`` literal, so that a file written with ``exclude_defaults`` still
    says which member of the union each value is.
    """
    data: dict[str, Any] = handler(value)
    return {"kind": value.kind, **data}
