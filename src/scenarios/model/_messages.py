"""What a validation error means, in the analyst's words, with how to fix it.

One home for these messages: files (`scenarios.io.load`, located at file:line:col) and
`CaseBuilder` (located by document path) say the same thing about the same mistake.

Examples:
    >>> from pydantic import ValidationError
    >>> from scenarios.model import Hypothesis
    >>> try:
    ...     Hypothesis(id="Bad Id", statement="S.")
    ... except ValidationError as exc:
    ...     message, hint = explain(exc.errors()[0])
    >>> message, hint[-8:]
    ("'Bad Id' is not a valid id", "'bad-id'")
"""

from __future__ import annotations

import re
from typing import Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from scenarios.model._integrity import Path, format_path
from scenarios.types import ID_PATTERN, PARTIAL_DATE_PATTERN

__all__ = ["explain", "explained"]

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


def explain(error: ErrorDetails, raw: str | None = None) -> tuple[str, str | None]:  # noqa: PLR0911 - a branch per error type
    """A message and a hint for one validation error.

    Args:
        error: One of pydantic's `ValidationError.errors()`.
        raw: The value as written in the file, when known (a hint may quote it).
    """
    kind, loc, value = error["type"], error["loc"], error.get("input")
    field = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"missing required field {field!r}", None
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"unknown field {field!r}", _unknown_field_hint(field)
    if kind in ("tuple_type", "list_type"):
        return (
            f"expected a list, got {type(value).__name__} {value!r}",
            f"write a list, even of one: [{value}], or one '- item' per line",
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
    pattern = error.get("ctx", {}).get("pattern")
    if kind == "string_pattern_mismatch" and pattern == ID_PATTERN:
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "item-1"
        return f"{value!r} is not a valid id", ID_HINT.format(slug)
    if kind == "string_pattern_mismatch" and pattern == PARTIAL_DATE_PATTERN:
        return f"{value!r} is not a calendar date", DATE_HINT
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"expected a day, got {value!r}", "write the day as YYYY-MM-DD"
    return error["msg"].removeprefix("Value error, "), None


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
        ...     Link(evidence="e", hypothesis="h", rating="X")
        ... except ValidationError as exc:
        ...     print(explained(exc, ("links", 0)))
        links[0].rating: Input should be 'CC', 'C', 'N', 'I', 'II' or 'NA'
    """
    lines = []
    for error in exc.errors(include_url=False):
        message, hint = explain(error)
        lines.append(f"{format_path((*within, *error['loc']))}: {message}")
        if hint:
            lines.append(f"  hint: {hint}")
    return "\n".join(lines)
