"""The words, texts, ids and dates the strategies are made of (built once, at import)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from functools import partial
from typing import Any, Final, Literal, TypeAlias, TypeVar

from hypothesis import strategies as st

__all__ = [
    "HOSTILE",
    "LOOKALIKE_IDS",
    "LOOKALIKE_TEXTS",
    "NAMES",
    "PLAIN",
    "STATEMENT_WORDS",
    "TAGS",
    "WORDS",
    "DateRaw",
    "TextKind",
    "TextMode",
    "Texts",
    "combine",
    "date_text",
    "dates",
    "joined",
    "later",
    "plain_texts",
    "sentence",
    "word_lists",
    "words_of",
]

TextMode: TypeAlias = Literal["plain", "hostile"]
"""Where free text comes from: a small vocabulary, or anything YAML and Unicode allow."""

# Lowercase words only, so that no generated text has a name an actor's resembles (N001),
# and no word contains another's letters 'zq' (used by defects for text that is nowhere).
WORDS: Final = tuple(
    (  # noqa: SIM905 - a sentence of words reads better than thirty quoted ones
        "militia leaders rocket attack embassy force commander statement interview government "
        "parliament withdrawal sanctions escalation leverage negotiation threat border election "
        "speech report brigade faction drone convoy minister council deadline offensive truce"
    ).split()
)

# Hypothesis statements use other words than claims, so that no drawn claim restates a
# drawn hypothesis (V003's circular support).
STATEMENT_WORDS: Final = tuple(
    (  # noqa: SIM905 - as above
        "holds wins fails grows shrinks stalls spreads retreats persists weakens hardens "
        "splits merges yields resists prevails falters recovers"
    ).split()
)

NAMES: Final = tuple(
    (  # noqa: SIM905 - as above
        "Amal Haddad|Basim Khalil|Dalia Mansour|Farid Nasser|Hana Rahimi|Jamal Saleh|"
        "Karim Tamimi|Layla Yousef|Northern Brigade|River Council|Coastal Front|Republic of Avalon"
    ).split("|")
)

TAGS: Final = ("jcpoa", "rocket attack", "border", "2021 talks", "drones")

# Strings a YAML 1.1 reader, or a careless writer, takes for something else.
LOOKALIKE_TEXTS: Final = (
    "no",
    "yes",
    "0123",
    "1e3",
    "null",
    "~",
    "- x",
    "a: b",
    "#c",
    "'q'",
    "2020-01-03",
    "[1, 2]",
    "{k: v}",
    "&anchor",
    "*alias",
    "!tag",
    "%",
    "@",
    "`",
    "|",
    ">",
    "on",
    "Off",
    "NaN",
    ".inf",
    "0x1F",
    "12:30:45",
    "line\nbreak",
    " leading and trailing ",
    "tab\there",
    "\u00e9t\u00e9 \u2014 \u201cquoted\u201d",
    "\U0001f600",
    "\u202eright to left",
)
LOOKALIKE_IDS: Final = (
    "no",
    "yes",
    "on",
    "off",
    "null",
    "true",
    "false",
    "0123",
    "1e3",
    "12.5",
    "1_000",
    "0x1f",
    "inf",
    "nan",
    "y",
    "n",
    "2020-06-25",
    "2020-06",
    "12",
)

T = TypeVar("T")


def combine(
    target: Callable[..., T], *parts: st.SearchStrategy[Any], **named: st.SearchStrategy[Any]
) -> st.SearchStrategy[T]:
    """``st.builds(target, *parts, **named)``, drawn as one step.

    `st.builds` and `st.tuples` mark each argument for Hypothesis' explain phase, which
    then runs the test up to a hundred times per argument to see whether it matters: on
    a case of a few hundred drawn values, minutes after the failure was found. Drawn
    here, the case is one argument of the test, and the failure is reported at once.
    """

    @st.composite
    def draw_all(draw: st.DrawFn) -> T:
        return target(*[draw(part) for part in parts], **{k: draw(v) for k, v in named.items()})

    return draw_all()


def joined(*parts: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, ...]]:
    """``st.tuples(*parts)``, drawn as one step (see `combine`)."""
    return combine(lambda *values: values, *parts)


DateRaw: TypeAlias = tuple[int, int, int, int, int | None]
"""A drawn date: year offset from 2019, month, day, precision (year, month, day), span."""

dates: Final[st.SearchStrategy[DateRaw]] = joined(
    st.integers(0, 2),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
    st.none() | st.integers(0, 3),
)
"""Partial dates from 2019 to 2021 and ranges; shrinks towards ``2019``."""


def _format(day: dt.date, precision: int) -> str:
    return day.isoformat()[: (4, 7, 10)[precision]]


def date_text(raw: DateRaw) -> str:
    """A `PartialDate` from a drawn one: ``2020``, ``2020-06``, ``2020-06-25`` or a range.

    Examples:
        >>> date_text((1, 6, 25, 2, None)), date_text((0, 1, 1, 1, 2))
        ('2020-06-25', '2019-01/2019-04')
    """
    years, month, day, precision, span = raw
    start = dt.date(2019 + years, month, day)
    text = _format(start, precision)
    if span is None:
        return text
    if precision == 0:
        end = dt.date(start.year + span + 1, 1, 1)
    elif precision == 1:
        months = start.month - 1 + span + 1
        end = dt.date(start.year + months // 12, months % 12 + 1, 1)
    else:
        end = start + dt.timedelta(days=span + 1)
    return f"{text}/{_format(end, precision)}"


def later(day: dt.date, days: int, precision: int) -> str:
    """A `PartialDate` `days` after `day`, at `precision`: it ends on or after `day`."""
    return _format(day + dt.timedelta(days=days), precision)


def words_of(pool: tuple[str, ...], seed: int, n: int) -> list[str]:
    """`n` words of `pool` chosen by `seed`: seed 0 takes them in order, as a shrunk text.

    Examples:
        >>> words_of(("a", "b", "c"), 0, 4), len(words_of(("a", "b", "c"), 7, 4))
        (['a', 'b', 'c', 'a'], 4)
    """
    if seed == 0:
        return [pool[i % len(pool)] for i in range(n)]
    return random.Random(seed).choices(pool, k=n)


def word_lists(
    pool: tuple[str, ...], min_words: int, max_words: int
) -> st.SearchStrategy[list[str]]:
    """Lists of words of `pool`, drawn as two numbers (which words, how many).

    Two choices per text rather than two per word: generation stays fast, and a failing
    case shrinks in few steps, towards the first words of the pool.
    """
    return combine(
        partial(words_of, pool), st.integers(0, 2**20), st.integers(min_words, max_words)
    )


def sentence(pool: tuple[str, ...], min_words: int, max_words: int) -> st.SearchStrategy[str]:
    """A sentence of words of `pool`, capitalised, with a full stop; shrinks to few words."""
    return word_lists(pool, min_words, max_words).map(
        lambda words: " ".join(words).capitalize() + "."
    )


def _visible(text: str) -> str:
    """Free text needs a visible character: give one to a text of spaces only."""
    return text if text.strip() else f"x{text}"


TextKind: TypeAlias = Literal["short", "claim", "statement", "prose", "question"]
"""What a text is for: a title or name, a claim, a hypothesis's statement, a rationale or
description, a question."""

_PLAIN_SHAPES: Final[dict[str, tuple[tuple[str, ...], int, int, str]]] = {
    "short": (WORDS, 1, 4, ""),
    "claim": (WORDS, 3, 10, "."),
    "statement": (STATEMENT_WORDS, 3, 8, "."),
    "prose": (WORDS, 4, 14, "."),
    "question": (WORDS, 2, 6, "?"),
}


def plain_texts(kinds: tuple[TextKind, ...], seed: int) -> tuple[str, ...]:
    """Texts of these kinds, all chosen by one `seed` (0: the shortest, words in order).

    Examples:
        >>> plain_texts(("short", "statement"), 0)
        ('Militia', 'Holds wins fails.')
    """
    rng = random.Random(seed) if seed else None
    out = []
    for kind in kinds:
        pool, low, high, end = _PLAIN_SHAPES[kind]
        words = list(pool[:low]) if rng is None else rng.choices(pool, k=rng.randint(low, high))
        out.append(" ".join(words).capitalize() + end)
    return tuple(out)


class Texts:
    """The text strategies of one mode, built once per mode.

    Attributes:
        short: Titles and names.
        claim: Claims (the words of source texts).
        statement: Hypothesis statements (words no claim uses).
        prose: Rationales, descriptions, notes, narratives.
    """

    def __init__(self, mode: TextMode) -> None:
        self.mode = mode
        if mode == "plain":
            self.short = sentence(WORDS, 1, 4).map(lambda s: s[:-1])
            self.claim = sentence(WORDS, 3, 10)
            self.statement = sentence(STATEMENT_WORDS, 3, 8)
            self.prose = sentence(WORDS, 4, 14)
        else:
            anything = st.one_of(
                st.sampled_from(LOOKALIKE_TEXTS),
                st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40),
            ).map(_visible)
            self.short = self.claim = self.statement = self.prose = anything
        self._anything = self.prose
        self._blocks: dict[tuple[TextKind, ...], st.SearchStrategy[tuple[str, ...]]] = {}

    def block(self, *kinds: TextKind) -> st.SearchStrategy[tuple[str, ...]]:
        """The texts one object needs.

        With plain texts, only their kinds: `plain_texts` makes them from the object's
        drawn bytes, so that they cost no draw.
        """
        if kinds not in self._blocks:
            if self.mode == "plain":  # no draw: the object's own drawn bytes choose them
                self._blocks[kinds] = st.just(kinds)
            else:
                self._blocks[kinds] = joined(
                    *(
                        self._anything.map(lambda q: q + "?") if k == "question" else self._anything
                        for k in kinds
                    )
                )
        return self._blocks[kinds]


PLAIN: Final = Texts("plain")
HOSTILE: Final = Texts("hostile")
