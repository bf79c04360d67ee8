"""What a validation error means, in the analyst's words, with how to fix it.

One home for these messages: files (`scenarios.io.load`, located at file:line:col),
`CaseBuilder` and records built in Python (`RecordError`, located by field path) say the
same thing about the same mistake. The hint says how to fix it where it was made: in
the file's YAML (``write a list``) or in the Python call (``give a list or tuple``).

Examples:
    >>> from scenarios.model import Hypothesis
    >>> try:
    ...     Hypothesis(id="Bad Id", statement="S.")
    ... except RecordError as exc:
    ...     message, hint = explain(exc.errors()[0])
    >>> message, hint[-8:]
    ("'Bad Id' is not a valid id", "'bad-id'")
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from types import NoneType, UnionType
from typing import Any, Final, Literal, TypeAlias

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from scenarios.errors import RecordError
from scenarios.model._paths import Path, format_path
from scenarios.types import ID_PATTERN, PARTIAL_DATE_PATTERN, TEXT_PATTERN

__all__ = [
    "MAX_EXPLAINED",
    "Origin",
    "closest",
    "explain",
    "explained",
    "field_hint",
    "meaningful",
    "record_error",
]

Origin: TypeAlias = Literal["file", "python"]
"""Where the values validated were given: written in a case file, or passed in Python."""

UNKNOWN_FIELD_HINT: Final = "check its spelling; `scenarios schema` lists every field"
"""How to fix an unknown field that is not prose split by a comma."""
COMMA_HINT: Final = (
    "a comma inside { ... } starts a new field, so the text after it became one: "
    'quote the text that holds the comma ("A, b"), or write the mapping as a block'
)
"""How to fix an 'unknown field' made of prose: a comma split a flow mapping."""
ID_HINT: Final = "ids are lowercase letters and digits joined by '-', '_' or '.', e.g. {!r}"
"""How to write an id; formatted with a suggestion made from the value given."""
DATE_HINT: Final = "write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END of those"
"""How to write a partial date or a period."""
URL_HINT: Final = "write an absolute address, e.g. https://example.org/page"
"""How to write a URL."""
MAX_EXPLAINED: Final = 100
"""Most problems `explained` lists; the rest are counted (fix these first)."""

_QUOTED: Final = re.compile(r"'([^']*)'")
_BOUNDS: Final = {
    "less_than_equal": ("le", "at most"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "greater_than": ("gt", "greater than"),
}
_CONSTRAINTS: Final = {"literal_error", "too_short", *_BOUNDS}


def explain(  # noqa: PLR0911 - a branch per error type
    error: ErrorDetails,
    raw: str | None = None,
    *,
    origin: Origin = "file",
    model: type | None = None,
) -> tuple[str, str | None]:
    """A message and a hint for one validation error.

    Args:
        error: One of pydantic's `ValidationError.errors()`.
        raw: The value as written in the file, when known (a hint may quote it).
        origin: Whether the value was written in a file or given in Python: the hint
            says how to fix it there.
        model: The record or model the error's location starts from, to suggest the
            field meant by an unknown one; `Case` when not given (as for a case file).

    Examples:
        >>> from scenarios.model import Hypothesis, Source
        >>> try:
        ...     Source(id="s", title="T", authors="A. Author")
        ... except RecordError as exc:
        ...     error = exc.errors()[0]
        >>> explain(error)[0]
        "expected a list, got str 'A. Author'"
        >>> explain(error)[1]
        "write a list, even of one: [A. Author], or one '- item' per line"
        >>> explain(error, origin="python")[1]
        "give a list or tuple, even of one: ['A. Author']"
        >>> try:
        ...     Hypothesis(id="h", statment="S.")
        ... except RecordError as exc:
        ...     missing, unknown = exc.errors()
        >>> explain(missing)
        ('missing (required)', None)
        >>> explain(unknown, origin="python", model=Hypothesis)
        ("unknown field 'statment'", "did you mean 'statement'?")
    """
    kind, loc, value = error["type"], error["loc"], error.get("input")
    field = str(loc[-1]) if loc else ""
    if kind in ("missing", "missing_argument"):
        if loc and isinstance(loc[-1], int):
            return "missing: the list is too short", None
        return "missing (required)", None
    if kind == "unexpected_positional_argument":
        return f"{value!r} is given without the name of its field", "write field=value"
    if kind in _CONSTRAINTS:
        return _out_of_bounds(error, field if loc and isinstance(loc[-1], str) else "")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        known = _fields_at(_case() if model is None else model, loc[:-1])
        return f"unknown field {field!r}", _unknown_field_hint(field, known, origin)
    if kind in ("dataclass_type", "model_type"):
        name = error.get("ctx", {}).get("class_name", "record")
        return (
            f"expected {name} or a mapping of its fields, got {type(value).__name__} {value!r}",
            None,
        )
    if kind == "string_pattern_mismatch":
        return _mismatch(value, str(error.get("ctx", {}).get("pattern")), error["msg"])
    return _wrong_type(error, raw, origin) or (error["msg"].removeprefix("Value error, "), None)


def _wrong_type(error: ErrorDetails, raw: str | None, origin: Origin) -> tuple[str, str] | None:
    """A value of the wrong type, with how to write (in a file) or give (in Python) it."""
    kind, value = error["type"], error.get("input")
    python = origin == "python"
    if kind in ("tuple_type", "list_type"):
        return (
            f"expected a list, got {type(value).__name__} {value!r}",
            f"give a list or tuple, even of one: [{value!r}]"
            if python
            else f"write a list, even of one: [{value}], or one '- item' per line",
        )
    if kind == "string_type":
        if python:
            hint = "give a str"
        else:
            hint = f'quote it: "{raw}"' if raw is not None else "write it as text"
        return f"expected text, got {type(value).__name__} {value!r}", hint
    if kind == "bool_type":
        return (
            f"expected true or false, got {value!r}",
            "give True or False"
            if python
            else "write true or false (YAML 1.2 reads yes, no, on and off as text)",
        )
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return (
            f"expected a number, got the text {value!r}",
            "give a number, not a str" if python else "write the number without quotes",
        )
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return (
            f"expected a day, got {value!r}",
            "give a datetime.date or the text 'YYYY-MM-DD'"
            if python and not isinstance(value, str)
            else "write the day as YYYY-MM-DD",
        )
    return None


def _mismatch(value: object, pattern: str, said: str) -> tuple[str, str | None]:
    """Text that does not have the form its field takes: an id, a date, a URL."""
    if pattern == ID_PATTERN:
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "item-1"
        return f"{value!r} is not a valid id", ID_HINT.format(slug)
    if pattern == TEXT_PATTERN:
        return "must hold some text, not only white space", None
    if pattern == PARTIAL_DATE_PATTERN:
        return f"{value!r} is not a calendar date", DATE_HINT
    if pattern.startswith("^https?://"):
        return f"{value!r} is not an http or https URL", URL_HINT
    return said, None


def _out_of_bounds(error: ErrorDetails, field: str) -> tuple[str, str | None]:
    """A value outside its field's vocabulary, range or length."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx", {})
    if kind == "literal_error":
        return _not_one_of(field, value, ctx)
    if kind == "too_short":
        least = ctx.get("min_length")
        got = ctx.get("actual_length")
        return f"needs at least {least} item{'s' if least != 1 else ''}, got {got}", None
    bound, words = _BOUNDS[kind]
    return f"must be {words} {ctx.get(bound)}, got {value!r}", None


def _not_one_of(field: str, value: object, ctx: dict[str, Any]) -> tuple[str, str | None]:
    """``'c' is not a rating; did you mean 'C'?``, with the values allowed as the hint."""
    expected = str(ctx.get("expected", ""))
    options = _QUOTED.findall(expected)
    noun = field.replace("_", " ") or "allowed value"
    message = f"{value!r} is not {'an' if noun[0] in 'aeiou' else 'a'} {noun}"
    if not options:
        return message, f"write {expected}" if expected else None
    if isinstance(value, str) and (close := closest(value, options)):
        message += f"; did you mean {close!r}?"
    return message, f"write one of {', '.join(map(repr, options))}"


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option `word` most likely means, for "did you mean ...?"; None if none is close.

    An option that differs only in case comes first, then the closest by `difflib`.

    Examples:
        >>> closest("statment", ["id", "statement", "description"])
        'statement'
        >>> closest("c", ["CC", "C", "N"])
        'C'
        >>> closest("colour", ["id", "title"]) is None
        True
    """
    options = list(options)
    same = [o for o in options if o.lower() == word.lower()]
    close = same or difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return close[0] if close else None


def field_hint(field: str, fields: Sequence[str]) -> str:
    """How to fix a field name that `fields` lacks: the one meant, or every one.

    Examples:
        >>> field_hint("hypothesis", ["meta", "hypotheses", "links"])
        "did you mean 'hypotheses'?"
        >>> field_hint("colour", ["id", "title"])
        'fields: id, title'
    """
    close = closest(field, fields)
    return f"did you mean {close!r}?" if close else f"fields: {', '.join(fields)}"


def _unknown_field_hint(field: str, fields: Sequence[str], origin: Origin) -> str:
    """How to fix an unknown field: the one meant; in a file, perhaps a stray comma.

    A stray comma in a YAML ``{ ... }`` makes a field out of prose.
    """
    if origin == "file" and (" " in field.strip() or field.rstrip().endswith((".", ","))):
        return COMMA_HINT
    if (origin == "python" and fields) or closest(field, fields):
        return field_hint(field, fields)  # in Python, the fields beat `scenarios schema`
    return UNKNOWN_FIELD_HINT


_Kind: TypeAlias = Any  # a class or a type expression (``tuple[Quote, ...]``, ``X | None``)


def _case() -> type:
    """`Case`, the root of a case file's locations (imported late: it imports this)."""
    from scenarios.model._case import Case  # noqa: PLC0415 - _case imports this module

    return Case


def _fields_at(model: type, path: Sequence[int | str]) -> tuple[str, ...]:
    """The field names of the record found at `path` from `model`; () if none is found.

    Follows pydantic's locations: a field name into a record, an index into a tuple, a
    key into a mapping, a member's ``kind`` or class name into a union.
    """
    kind: _Kind = model
    for step in path:
        kind = _step(_bare(kind), step)
        if kind is None:
            return ()
    return tuple(_fields_of(_bare(kind)))


def _bare(kind: _Kind) -> _Kind:
    """`kind` without ``Annotated[...]`` and without ``| None``."""
    while True:
        origin: Any = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, UnionType):
            members = [m for m in typing.get_args(kind) if m is not NoneType]
            if len(members) != 1:
                return kind
            kind = members[0]
        else:
            return kind


def _fields_of(kind: _Kind) -> dict[str, Any]:
    """The fields of a record or model by name, each with its `FieldInfo`; else {}."""
    fields = getattr(kind, "__pydantic_fields__", None) if isinstance(kind, type) else None
    return fields if isinstance(fields, dict) else {}


def _step(kind: _Kind, step: int | str) -> _Kind | None:
    """What one step of a location leads to inside `kind`; None if it leads nowhere known."""
    if fields := _fields_of(kind):
        info = fields.get(step) if isinstance(step, str) else None
        return None if info is None else info.annotation
    origin: Any = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (tuple, list, Sequence) and isinstance(step, int) and args:
        return (
            args[0]
            if origin is not tuple or args[-1] is Ellipsis
            else args[min(step, len(args) - 1)]
        )
    if origin in (dict, Mapping) and len(args) == 2:
        return args[1]
    if origin in (typing.Union, UnionType):
        for member in map(_bare, args):
            tag = _fields_of(member).get("kind")
            if step in (getattr(member, "__name__", None), tag and tag.default):
                return member
    return None


def meaningful(errors: Sequence[ErrorDetails]) -> list[ErrorDetails]:
    """Pydantic's errors without the echoes of others.

    A collection is "too short" when its own items failed (``quotes: needs at least 1
    item, got 0`` after a bad quote): that says nothing the item's error does not.
    Complexity: O(errors x depth).
    """
    failed_inside = {tuple(e["loc"][:i]) for e in errors for i in range(len(e["loc"]))}
    return [
        e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in failed_inside)
    ]


def explained(
    exc: ValidationError,
    within: Path = (),
    *,
    origin: Origin = "python",
    model: type | None = None,
) -> str:
    """Every problem of `exc`, one per line with its document path and its hint below it.

    Args:
        exc: The error.
        within: Where the validated object stands in the case (``("links", 3)``).
        origin: Whether the values were written in a file or given in Python (the
            default: `record_error` explains Python calls, the file loader `explain`).
        model: What was validated, when not a `Case`: `within` is then empty.

    Examples:
        >>> from scenarios.model import Link
        >>> try:
        ...     Link.__pydantic_validator__.validate_python(
        ...         {"evidence": "e", "hypothesis": "h", "rating": "X"})
        ... except ValidationError as exc:
        ...     print(explained(exc, ("links", 0)))
        links[0].rating: 'X' is not a rating
          hint: write one of 'CC', 'C', 'N', 'I', 'II', 'NA'
    """
    errors = meaningful(exc.errors(include_url=False))
    lines = []
    for error in errors[:MAX_EXPLAINED]:
        full = (*within, *error["loc"])
        message, hint = explain({**error, "loc": full}, origin=origin, model=model)
        path = format_path(full)
        lines.append(f"{path}: {message}" if path else message)
        if hint:
            lines.append(f"  hint: {hint}")
    if len(errors) > MAX_EXPLAINED:
        lines.append(f"and {len(errors) - MAX_EXPLAINED:,} more problems")
        lines.append("  hint: fix these first")
    return "\n".join(lines)


def record_error(exc: ValidationError, what: str | type, within: Path = ()) -> RecordError:
    """The library's error for what pydantic found building `what`, located and hinted.

    The one conversion of a `ValidationError` at the edge of the library: records,
    `Case` and `CaseBuilder` all raise what this returns. The values were given in
    Python, and each hint says how to fix the call.

    Args:
        exc: Pydantic's error.
        what: The record class being built, or what was being built in words, for the
            first line (``Link``, ``the case being built``); words stand for a case.
        within: Where the object stands in the case, prefixed to each field path.
    """
    count = len(meaningful(exc.errors(include_url=False)))
    name = what.__name__ if isinstance(what, type) else what
    model = what if isinstance(what, type) and not within else None
    head = f"{count} problem{'s' if count != 1 else ''} in {name}"
    text = explained(exc, within, model=model)
    return RecordError(f"{head}\n{text}", exc.errors(include_url=False))
