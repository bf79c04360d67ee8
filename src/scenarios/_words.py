"""Small pieces of English the messages and outputs share, written once."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["series"]


def series(items: Iterable[str]) -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c``.

    Examples:
        >>> series(["a"]), series(["a", "b"]), series(["a", "b", "c"])
        ('a', 'a and b', 'a, b and c')
    """
    names = list(items)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
