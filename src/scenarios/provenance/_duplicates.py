"""Near-duplicate sources: undeclared republication found from the texts.

Each text is reduced to its word 5-shingles (lowercased, typography unified,
URLs and markdown link targets removed). Two texts are near-duplicates when
their **containment**, the share of the smaller text's shingles found in the
larger, reaches `DUPLICATE_THRESHOLD` (0.5). Containment rather than Jaccard
similarity, because a republication is often the same article inside a page
with more around it (author notes, links, related articles): on the seed set,
the republished pair has containment 0.72 (Jaccard 0.26), and every other pair
is at most 0.012.

Candidates are found without comparing every pair: each text keeps a
bottom-k sketch (its 64 smallest shingle hashes); a pair is compared exactly
only when one text holds enough of the other's sketch.

Examples:
    >>> original = " ".join(f"word{i}" for i in range(200))
    >>> copy = "Republished with thanks. " + original + " Related articles: none."
    >>> [(d.a, d.b, round(d.containment, 2)) for d in near_duplicates({"x": original, "y": copy})]
    [('x', 'y', 1.0)]
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from heapq import nsmallest
from typing import Final

from scenarios.errors import OptionError
from scenarios.provenance._anchoring import normalise

__all__ = ["DUPLICATE_THRESHOLD", "SHINGLE_WORDS", "NearDuplicate", "near_duplicates", "shingles"]

DUPLICATE_THRESHOLD: Final = 0.5
"""Containment at or above which two texts are near-duplicates."""

SHINGLE_WORDS: Final = 5
"""Words per shingle."""

_SKETCH: Final = 64
_NOISE: Final = re.compile(r"https?://\S+|\(/[^)\s]*\)|\(<[^>]*>\)")
_WORD: Final = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two texts that are largely the same.

    Attributes:
        a: Id of the first text (ids in sorted order).
        b: Id of the second.
        containment: Share of the smaller text's shingles found in the larger (0 to 1).
        jaccard: Shared shingles over all shingles of both (0 to 1).
    """

    a: str
    b: str
    containment: float
    jaccard: float


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Stable 32-bit hashes of the text's word shingles.

    Examples:
        >>> len(shingles("one two three four five six"))
        2
    """
    words = _WORD.findall(_NOISE.sub(" ", normalise(text).lower()))
    return frozenset(
        zlib.crc32(" ".join(words[i : i + size]).encode("utf-8"))
        for i in range(len(words) - size + 1)
    )


def near_duplicates(
    texts: Mapping[str, str], *, threshold: float = DUPLICATE_THRESHOLD
) -> list[NearDuplicate]:
    """Every pair of texts whose containment reaches `threshold`, sorted by id.

    Complexity: near-linear in the total length of the texts (one pass to
    shingle, one to find candidates through the sketches); exact comparison
    only for candidate pairs.

    Args:
        texts: Text by id.
        threshold: Containment from 0 to 1.

    Raises:
        OptionError: `threshold` is not in (0, 1].
    """
    if not 0 < threshold <= 1:
        raise OptionError(f"threshold must be in (0, 1], not {threshold}")
    sets = {key: shingles(text) for key, text in texts.items()}
    sketches = {key: nsmallest(_SKETCH, s) for key, s in sets.items() if s}
    holders: defaultdict[int, list[str]] = defaultdict(list)
    for key, sketch in sketches.items():
        for value in sketch:
            holders[value].append(key)
    candidates: set[tuple[str, str]] = set()
    for key, own in sets.items():
        # How much of each other text's sketch this text holds: high for a text it contains.
        hits = Counter(
            other for value in own if value in holders for other in holders[value] if other != key
        )
        candidates.update(
            (min(key, other), max(key, other))
            for other, count in hits.items()
            if count >= len(sketches[other]) * threshold / 2
        )
    found = []
    for a, b in sorted(candidates):
        small, large = sorted((sets[a], sets[b]), key=len)
        shared = len(small & large)
        if shared / len(small) >= threshold:
            union = len(small) + len(large) - shared
            found.append(NearDuplicate(a, b, shared / len(small), shared / union))
    return found
