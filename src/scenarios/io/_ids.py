"""Case ids made from other formats' names and ids, in one place."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["unique_id"]

_NOT_ID: Final = re.compile(r"[^a-z0-9]+")


def unique_id(name: str, taken: set[str], *, prefix: str = "", fallback: str = "node") -> str:
    """A valid case id for `name`, not in `taken` (and added to it).

    Lowercase letters and digits, every other run of characters a hyphen, at most 60
    characters, then ``-2``, ``-3``... until it is new.

    Examples:
        >>> taken = set()
        >>> unique_id("Public refusal", taken), unique_id("Public  Refusal!", taken)
        ('public-refusal', 'public-refusal-2')
        >>> unique_id("Ω", taken, prefix="aif-")
        'aif-node'
    """
    base = (prefix + (_NOT_ID.sub("-", name.lower()).strip("-") or fallback))[:60].rstrip("-")
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    taken.add(found)
    return found
