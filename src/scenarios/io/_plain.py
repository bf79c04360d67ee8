"""One policy for the plain data every reader and writer handles: nesting depth and numbers.

- **Depth**: at most `MAX_DEPTH` nested mappings and lists, the top level counting as
  one (YAML and JSON, case files, AIF maps, Carneades files; the writers check the free
  ``meta.extensions`` too, so a file the tool writes is a file it reads).
- **Numbers**: finite (no NaN or infinity, which JSON cannot hold), and integers of at
  most `MAX_INT_DIGITS` decimal digits (Python's own conversion limit).

Examples:
    >>> offence({"a": [1, 2.5, {"b": float("nan")}]})[:2]
    (('a', 2, 'b'), 'NaN and infinity are not allowed')
    >>> offence([[[]]], max_depth=2)[1]
    'nesting deeper than 2 levels'
    >>> offence({"a": 1}) is None
    True
"""

from __future__ import annotations

import math
from typing import Any, Final

__all__ = ["MAX_DEPTH", "MAX_INT_BITS", "MAX_INT_DIGITS", "number_problem", "offence"]

MAX_DEPTH: Final = 32
"""Deepest nesting of mappings and lists in any file read or written (a case needs < 10)."""

MAX_INT_DIGITS: Final = 4_300
"""Longest integer, in decimal digits, read or written (Python's conversion limit)."""

MAX_INT_BITS: Final = int(MAX_INT_DIGITS * math.log2(10))
"""The same bound in bits, for integers read in hexadecimal or octal."""

Offence = tuple[tuple[str | int, ...], str, str]
"""Where (a document path), what, and the fix."""


def number_problem(value: object) -> tuple[str, str] | None:
    """What is wrong with a number under the policy, and the fix; None if nothing.

    Examples:
        >>> number_problem(float("inf"))[0]
        'NaN and infinity are not allowed'
        >>> number_problem(10**5000)[0]
        'integer of more than 4,300 digits'
        >>> number_problem(True) is None
        True
    """
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN and infinity are not allowed", "write a finite number, or quote it as text"
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        return (
            f"integer of more than {MAX_INT_DIGITS:,} digits",
            "quote it if it is an identifier or text",
        )
    return None


def offence(value: Any, *, max_depth: int = MAX_DEPTH, depth: int = 0) -> Offence | None:
    """The first place where `value` breaks the policy, or None.

    `depth` is how deep `value` itself sits (0: it is the top level). Complexity:
    O(n) in the number of values, recursion at most `max_depth` deep.
    """
    if isinstance(value, dict | list):
        if depth >= max_depth:
            return (), f"nesting deeper than {max_depth} levels", "files are shallow; flatten it"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(item, dict | list | float | int):
                found = offence(item, max_depth=max_depth, depth=depth + 1)
                if found is not None:
                    return (key, *found[0]), found[1], found[2]
        return None
    problem = number_problem(value)
    return None if problem is None else ((), *problem)
