r"""Anchoring quotes in their source texts: exact, or tolerant of typography only.

A quote is found in the text exactly, or else after normalising what does not
change what was said: typographic quotes and apostrophes, dashes (and the
spaces around them), the ellipsis character against ``...``, non-breaking and
repeated spaces, and line breaks. A quote may skip text with an elision
(``...``, ``…``, ``[...]``, ``[…]``): its pieces must then appear in order within
one passage. Changed words, spelling, letter case or order are never tolerated;
for such near misses `closest_passage` offers a suggestion, never an anchor.

Offsets always refer to the original text: normalisation is a one-for-one
character translation, so positions in the normalised text are positions in
the original.

Examples:
    >>> text = "Khazali said: “we won’t listen” — and  meant it."
    >>> anchor = anchor_quote('"we won\'t listen" - and meant it', text)
    >>> anchor.method, text[anchor.start:anchor.end]
    ('normalised', '“we won’t listen” — and  meant it')
    >>> anchor_quote("Khazali [...] meant it", text).start
    0
    >>> anchor_quote("we will not listen", text) is None
    True
"""

from __future__ import annotations

import difflib
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

__all__ = [
    "MAX_ELISION_GAP",
    "Anchor",
    "Method",
    "PreparedText",
    "Suggestion",
    "anchor_quote",
    "closest_passage",
    "normalise",
]

Method: TypeAlias = Literal["exact", "normalised"]
"""How a quote was found: as typed, or after normalising typography."""

MAX_ELISION_GAP: Final = 600
"""Most characters an elision may skip between two pieces of a quote (one passage)."""

# One-for-one translations: every character keeps its place.
_TABLE: Final = str.maketrans(
    {
        **dict.fromkeys("“”„‟″«»〝〞＂", '"'),
        **dict.fromkeys("‘’‚‛′´`＇", "'"),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
        # every character str.isspace() knows, so that one space stands for all of them
        **dict.fromkeys(
            "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
            "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000",
            " ",
        ),
    }
)
# Where the comparison form differs in length from the translated text: an ellipsis, and
# runs of spaces and dashes (a lone space or a hyphen inside a word stays as it is).
_COLLAPSE: Final = re.compile(r"…|[ -]{2,}")
_ELISION: Final = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")


def _collapsed(match: re.Match[str]) -> str:
    found = match.group()
    if found == "…":
        return "..."
    return "-" if "-" in found else " "


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote stands in a text.

    Attributes:
        start: Offset of the first character in the original text.
        end: Offset just past the last character (exclusive).
        method: ``exact`` or ``normalised``.
        matches: How many places the quote matches; the first is returned.
    """

    start: int
    end: int
    method: Method
    matches: int

    @property
    def ambiguous(self) -> bool:
        """Whether the quote matches more than one place."""
        return self.matches > 1


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The passage closest to a quote that did not anchor: for "did you mean ...".

    Attributes:
        start: Offset of the passage in the original text.
        end: Offset just past it.
        passage: The passage as the text has it.
        similarity: From 0 to 1 (difflib ratio of the normalised strings).
    """

    start: int
    end: int
    passage: str
    similarity: float


def normalise(text: str) -> str:
    r"""The comparison form of a text: typography unified, spaces collapsed.

    Examples:
        >>> normalise("“Don’t” —\n  stop…")
        '"Don\'t"-stop...'
    """
    return _COLLAPSE.sub(_collapsed, text.translate(_TABLE)).strip()


_PLAIN_BREAKERS: Final = ("  ", " -", "- ", "--", "\n", "\t", "\r", "\f", "\v")


def _comparable(quote: str) -> str:
    """`normalise(quote)`, without the work for plain ASCII text with single spaces."""
    if quote.isascii() and not any(b in quote for b in _PLAIN_BREAKERS):
        return quote
    return normalise(quote)


class PreparedText:
    """A source text prepared once, for anchoring many quotes in it.

    The comparison form (`normalise` without the strip) is searched with
    `str.find`; a short list of breakpoints, one per place where the forms
    differ in length, maps positions back to the original.

    Complexity: O(n) to prepare; each quote then costs one `str.find` scan.
    """

    __slots__ = ("_bounds", "_flat", "original")

    def __init__(self, original: str) -> None:
        self.original = original
        # (start in flat, end in flat, start in original, end in original) per changed stretch
        bounds: list[tuple[int, int, int, int]] = []
        shift = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal shift
            out = _collapsed(match)
            start = match.start() - shift
            bounds.append((start, start + len(out), match.start(), match.end()))
            shift += match.end() - match.start() - len(out)
            return out

        self._flat = _COLLAPSE.sub(replace, original.translate(_TABLE))
        self._bounds = bounds

    def _original(self, flat: int, *, end: bool) -> int:
        """Map a position in the comparison form to the original text.

        A start inside a changed stretch maps to the stretch's start; an
        (exclusive) end maps to its end, and an end where a stretch begins
        stays before it.
        """
        if end:
            k = bisect_left(self._bounds, (flat,)) - 1  # last stretch starting before `flat`
        else:
            k = bisect_right(self._bounds, (flat, math.inf)) - 1  # ... starting at or before
        if k < 0:
            return flat
        _, f_end, o_start, o_end = self._bounds[k]
        if flat >= f_end:
            return o_end + (flat - f_end)
        return o_end if end else o_start

    def anchor(self, quote: str) -> Anchor | None:
        """Anchor `quote` in this text (see `anchor_quote`)."""
        quote = quote.strip()
        if not quote:
            return None
        start = self.original.find(quote)
        if start >= 0:
            # Counted in the comparison form, where every exact occurrence stands too, so a
            # retypeset one elsewhere ("a a" and "a\na") makes it ambiguous: one scan.
            count = max(1, _occurrences(self._flat, _comparable(quote)))
            return Anchor(start, start + len(quote), "exact", count)
        found = self._find([normalise(quote)])
        if found is None and _ELISION.search(quote):
            pieces = [normalise(p) for p in _ELISION.split(quote)]
            found = self._find([p for p in pieces if p])
        return found

    def _complete(self, pieces: list[str], start: int) -> int | None:
        """End of the match whose first piece starts at `start`, or None."""
        end = start + len(pieces[0])
        for piece in pieces[1:]:
            at = self._flat.find(piece, end, end + MAX_ELISION_GAP + len(piece) + 1)
            if at < 0:
                return None
            end = at + len(piece)
        return end

    def _find(self, pieces: list[str]) -> Anchor | None:
        """The first match of `pieces` in order, tightened; counts every start that matches."""
        if not pieces:
            return None
        flat, first = self._flat, pieces[0]
        starts: list[tuple[int, int]] = []  # (start, end) of every start that completes
        at = flat.find(first)
        while at >= 0:
            reach = self._complete(pieces, at)
            if reach is not None:
                starts.append((at, reach))
            at = flat.find(first, at + 1)
        if not starts:
            return None
        end = min(reach for _, reach in starts)
        start = max(s for s, reach in starts if reach == end)  # the tightest span
        return Anchor(
            self._original(start, end=False),
            self._original(end, end=True),
            "normalised",
            len(starts),
        )


def _occurrences(text: str, part: str) -> int:
    """How many places `part` starts in `text`, overlapping ones included."""
    count, at = 0, text.find(part)
    while at >= 0:
        count += 1
        at = text.find(part, at + 1)
    return count


def anchor_quote(quote: str, text: str) -> Anchor | None:
    """Find `quote` in `text`; None when it is not there.

    Exact matches come first; then matches that differ only in typography;
    then, for a quote with elisions, its pieces in order within
    `MAX_ELISION_GAP` characters of each other (the anchor spans from the
    first piece to the last).

    Complexity: O(len(text)) per quote. To anchor many quotes in one text,
    make a `PreparedText` once and call its `anchor` method.

    Args:
        quote: The quote as the analyst typed it.
        text: The source text.

    Returns:
        The first place it matches, with the number of places, or None.
    """
    return PreparedText(text).anchor(quote)


def closest_passage(quote: str, text: str) -> Suggestion | None:
    """The passage of `text` most like `quote`, for a quote that did not anchor.

    Looks around the longest stretch the two share, and scores the window of
    the quote's length there. A suggestion, never an anchor.

    Complexity: O(len(text) * len(quote)) in the worst case (difflib); call it
    only for quotes that failed.

    Examples:
        >>> text = "a message to Mr. Esmail Qaani, now"
        >>> s = closest_passage("a message to Mr. Esmail Ghaani", text)
        >>> s.passage, round(s.similarity, 2)
        ('a message to Mr. Esmail Qaani', 0.95)
    """
    quote = quote.strip()
    if not quote or not text:
        return None
    flat = text.translate(_TABLE)
    needle = quote.translate(_TABLE)
    matcher = difflib.SequenceMatcher(None, flat, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(flat), 0, len(needle))
    if block.size == 0:
        return None
    origin = block.a - block.b
    slack = 12  # characters either way, for inserted or lost letters and words
    starts = _word_edges(flat, origin - slack, origin + slack, start=True) or [max(0, origin)]
    best: Suggestion | None = None
    target = normalise(quote)
    for start in starts:
        aim = start + len(needle)
        for end in _word_edges(flat, aim - slack, aim + slack, start=False) or [
            min(len(text), aim)
        ]:
            if end <= start:
                continue
            score = difflib.SequenceMatcher(None, normalise(text[start:end]), target).ratio()
            if best is None or score > best.similarity:
                best = Suggestion(start, end, text[start:end], score)
    return best


def _word_edges(text: str, low: int, high: int, *, start: bool) -> list[int]:
    """Offsets in [low, high] where a word starts (or ends)."""
    edges = []
    for i in range(max(0, low), min(len(text), high) + 1):
        before = text[i - 1].isalnum() if i > 0 else False
        after = text[i].isalnum() if i < len(text) else False
        if (start and after and not before) or (not start and before and not after):
            edges.append(i)
    return edges
