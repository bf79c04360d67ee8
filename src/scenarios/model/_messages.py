"""What a validation error means, in the analyst's words, with how to fix it.

One home for these messages: files (`scenarios.io.load`, located at file:line:col),
`CaseBuilder` and records built in Python (`RecordError`, located by field path) say the
same thing about the same mistake.

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
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from scenarios.errors import RecordError
from scenarios.model._paths import Path, format_path
from scenarios.types import ID_PATTERN, PARTIAL_DATE_PATTERN, TEXT_PATTERN

__all__ = ["MAX_EXPLAINED", "explain", "explained", "record_error"]

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


def explain(error: ErrorDetails, raw: str | None = None) -> tuple[str, str | None]:  # noqa: PLR0911 - a branch per error type
    """A message and a hint for one validation error.

    Args:
        error: One of pydantic's `ValidationError.errors()`.
        raw: The value as written in the file, when known (a hint may quote it).
    """
    kind, loc, value = error["type"], error["loc"], error.get("input")
    field = str(loc[-1]) if loc else ""
    if kind in ("missing", "missing_argument"):
        if loc and isinstance(loc[-1], int):
            return "missing: the list is too short", None
        return f"missing required field {field!r}", None
    if kind == "unexpected_positional_argument":
        return f"{value!r} is given without the name of its field", "write field=value"
    if kind in _CONSTRAINTS:
        return _out_of_bounds(error, field if loc and isinstance(loc[-1], str) else "")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"unknown field {field!r}", _unknown_field_hint(field)
    if kind in ("tuple_type", "list_type"):
        return (
            f"expected a list, got {type(value).__name__} {value!r}",
            f"write a list, even of one: [{value}], or one '- item' per line",
        )
    if kind in ("dataclass_type", "model_type"):
        name = error.get("ctx", {}).get("class_name", "record")
        return (
            f"expected {name} or a mapping of its fields, got {type(value).__name__} {value!r}",
            None,
        )
    if kind == "string_type":
        hint = f'quote it: "{raw}"' if raw is not None else "write it as text"
        return f"expected text, got {type(value).__name__} {value!r}", hint
    if kind == "bool_type":
        return (
            f"expected true or false, got {value!r}",
            "write true or false (YAML 1.2 reads yes, no, on and off as text)",
        )
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return f"expected a number, got the text {value!r}", "write the number without quotes"
    if kind == "string_pattern_mismatch":
        return _mismatch(value, str(error.get("ctx", {}).get("pattern")), error["msg"])
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"expected a day, got {value!r}", "write the day as YYYY-MM-DD"
    return error["msg"].removeprefix("Value error, "), None


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
    if isinstance(value, str):
        close = [o for o in options if o.lower() == value.lower()]
        close = close or difflib.get_close_matches(value, options, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean {close[0]!r}?"
    return message, f"write one of {', '.join(map(repr, options))}"


def _unknown_field_hint(field: str) -> str:
    """How to fix an unknown field: a stray comma in ``{ ... }`` makes one out of prose."""
    if " " in field.strip() or field.rstrip().endswith((".", ",")):
        return COMMA_HINT
    return UNKNOWN_FIELD_HINT


def explained(exc: ValidationError, within: Path = ()) -> str:
    """Every problem of `exc`, one per line with its document path and its hint below it.

    Args:
        exc: The error.
        within: Where the validated object stands in the case (``("links", 3)``).

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
    errors = exc.errors(include_url=False)
    lines = []
    for error in errors[:MAX_EXPLAINED]:
        message, hint = explain(error)
        path = format_path((*within, *error["loc"]))
        lines.append(f"{path}: {message}" if path else message)
        if hint:
            lines.append(f"  hint: {hint}")
    if len(errors) > MAX_EXPLAINED:
        lines.append(f"and {len(errors) - MAX_EXPLAINED:,} more problems")
        lines.append("  hint: fix these first")
    return "\n".join(lines)


def record_error(exc: ValidationError, what: str, within: Path = ()) -> RecordError:
    """The library's error for what pydantic found building `what`, located and hinted.

    The one conversion of a `ValidationError` at the edge of the library: records,
    `Case` and `CaseBuilder` all raise what this returns.

    Args:
        exc: Pydantic's error.
        what: What was being built, for the first line (``Link``, ``the case being built``).
        within: Where the object stands in the case, prefixed to each field path.
    """
    count = exc.error_count()
    head = f"{count} problem{'s' if count != 1 else ''} in {what}"
    return RecordError(f"{head}\n{explained(exc, within)}", exc.errors(include_url=False))
