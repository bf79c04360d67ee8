"""Quote anchoring: exact, typography-tolerant, elisions, and never a misquote."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scenarios.provenance._anchoring import (
    MAX_ELISION_GAP,
    PreparedText,
    anchor_quote,
    closest_passage,
    normalise,
)

WORDS = st.text(alphabet="abcdefghijklm", min_size=1, max_size=7)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "  ", "\u00a0", " \u2014 ", ", ", ": ", "\n\n"])
WRAPS = st.sampled_from([("", ""), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("(", ")")])


def unique(i: int) -> str:
    """Two letters outside the word alphabet, different for every i < 144."""
    return "nopqrstuvwxy"[i // 12 % 12] + "nopqrstuvwxy"[i % 12]


@st.composite
def texts_with_cut(draw: st.DrawFn, *, distinct: bool = False) -> tuple[str, int, int, list[int]]:
    """A text of words, and a cut [start, end) on word boundaries (plus the word starts).

    With `distinct`, no word occurs twice or inside another, so every quote has one place.
    """
    words = draw(st.lists(WORDS, min_size=4, max_size=60))
    if distinct:
        words = [word + unique(i) for i, word in enumerate(words)]
    pieces, starts, offset = [], [], 0
    for i, word in enumerate(words):
        opening, closing = draw(WRAPS)
        token = opening + word + closing
        starts.append(offset)
        pieces.append(token)
        offset += len(token)
        if i < len(words) - 1:
            sep = draw(SEPARATORS)
            pieces.append(sep)
            offset += len(sep)
    text = "".join(pieces)
    first = draw(st.integers(0, len(words) - 2))
    last = draw(st.integers(first + 1, min(len(words) - 1, first + 12)))
    start = starts[first]
    end = starts[last] + len(pieces[2 * last])
    return text, start, end, starts


def retypeset(quote: str, draw: Callable[[st.SearchStrategy[bool]], bool]) -> str:
    """Change only typography: quotes, dashes, spaces and line breaks."""
    out = quote
    if draw(st.booleans()):
        out = (
            out.replace("\u201c", '"')
            .replace("\u201d", '"')
            .replace("\u2019", "'")
            .replace("\u2018", "'")
        )
    if draw(st.booleans()):
        out = out.replace("\u2014", "-")
    if draw(st.booleans()):
        out = " ".join(out.split())  # line breaks and repeated spaces to one space
    return out


@given(st.data())
def test_a_retypeset_cut_anchors_at_its_place(data: st.DataObject) -> None:
    text, start, end, _ = data.draw(texts_with_cut())
    quote = retypeset(text[start:end], data.draw)
    anchor = anchor_quote(quote, text)
    assert anchor is not None
    assert normalise(text[anchor.start : anchor.end]) == normalise(quote)
    if not anchor.ambiguous:  # otherwise it is one of the places (an exact one first)
        assert (anchor.start, anchor.end) == (start, end)


@given(st.data())
def test_a_cut_with_an_elision_anchors_from_first_to_last_piece(data: st.DataObject) -> None:
    text, start, end, starts = data.draw(texts_with_cut(distinct=True))
    inner = [s for s in starts if start < s < end]
    assume(len(inner) >= 2)
    cut_from = data.draw(st.sampled_from(inner[:-1]))
    cut_to = data.draw(st.sampled_from([s for s in inner if s > cut_from]))
    assume(cut_to - cut_from <= MAX_ELISION_GAP)
    marker = data.draw(st.sampled_from([" ... ", "\u2026", " [...] ", " [\u2026] "]))
    quote = text[start:cut_from].rstrip() + marker + text[cut_to:end]
    anchor = anchor_quote(quote, text)
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.matches) == (start, end, 1)


def test_an_elided_quote_takes_the_tightest_span() -> None:
    anchor = anchor_quote("a ... b", "a a a b")
    assert anchor is not None
    assert (anchor.start, anchor.end) == (4, 7)


@given(st.data())
def test_one_changed_word_is_never_anchored(data: st.DataObject) -> None:
    text, start, end, _starts = data.draw(texts_with_cut())
    quote = text[start:end]
    words = quote.split()
    i = data.draw(st.sampled_from([k for k, w in enumerate(words) if any(c.isalpha() for c in w)]))
    change = data.draw(st.sampled_from(["word", "case"]))
    if change == "word":
        words[i] = words[i] + "z"  # 'z' occurs nowhere in the text
    else:
        letters = [j for j, c in enumerate(words[i]) if c.isalpha()]
        j = data.draw(st.sampled_from(letters))
        words[i] = words[i][:j] + words[i][j].upper() + words[i][j + 1 :]
    assert anchor_quote(" ".join(words), text) is None


@given(st.data())
def test_words_out_of_order_are_never_anchored(data: st.DataObject) -> None:
    text, start, end, _ = data.draw(texts_with_cut())
    words = text[start:end].split()
    assume(len(words) >= 2 and words[0] != words[-1])
    swapped = [words[-1], *words[1:-1], words[0]]
    assume(normalise(" ".join(swapped)) not in normalise(text))
    assert anchor_quote(" ".join(swapped), text) is None


def test_an_exact_match_is_ambiguous_if_a_retypeset_one_exists() -> None:
    anchor = anchor_quote("a a", "a a\na b")
    assert anchor is not None
    assert (anchor.start, anchor.method, anchor.matches) == (0, "exact", 2)


def test_exact_match_is_preferred_and_ambiguity_counted() -> None:
    text = "We won't listen. We won't listen."
    anchor = anchor_quote("We won't listen.", text)
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.method, anchor.matches) == (0, 16, "exact", 2)
    assert anchor.ambiguous


@pytest.mark.parametrize(
    ("quote", "text", "span"),
    [
        ('"regardless of other calculations"', "“regardless of other calculations”", (0, 34)),
        ("U.S. forces - and interests", "U.S. forces\u2014and\ninterests", (0, 25)),
        ("from now on... we", "from now on\u2026 we", (0, 15)),
        ("from now on\u2026 we", "from now on... we", (0, 17)),
        (
            "the matter [...] calculations",
            "the matter is related to us, regardless of other calculations",
            (0, 61),
        ),
        ("no\u00a0one talks", "no one   talks", (0, 14)),
    ],
)
def test_typography_examples(quote: str, text: str, span: tuple[int, int]) -> None:
    anchor = anchor_quote(quote, text)
    assert anchor is not None
    assert (anchor.start, anchor.end) == span
    assert anchor.method == "normalised"


@pytest.mark.parametrize(
    ("quote", "text"),
    [
        ("Esmail Qaani", "Esmail Ghaani"),  # spelling
        ("esmail qaani", "Esmail Qaani"),  # letter case
        ("the end [...] the start", "the start and the end"),  # order
        ("first [...] last", "first " + "x" * (MAX_ELISION_GAP + 5) + " last"),  # not one passage
        ("", "anything"),
        ("   ", "anything"),
    ],
)
def test_misquotes_do_not_anchor(quote: str, text: str) -> None:
    assert anchor_quote(quote, text) is None


def test_prepared_text_anchors_many_quotes_in_one_pass() -> None:
    prepared = PreparedText("Abu Mahdi al-Muhannis, the de facto commander")
    anchors = [prepared.anchor(q) for q in ("al-Muhannis", "al\u2013Muhannis", "de facto")]
    assert [(a.start, a.method) for a in anchors if a] == [
        (10, "exact"),
        (10, "normalised"),
        (27, "exact"),
    ]


def test_closest_passage_suggests_but_never_anchors() -> None:
    text = "I sent a clear and frank message to Mr. Esmail Qaani, current commander"
    assert anchor_quote("a clear and frank message to Mr. Esmail Ghaani", text) is None
    suggestion = closest_passage("a clear and frank message to Mr. Esmail Ghaani", text)
    assert suggestion is not None
    assert suggestion.passage == "a clear and frank message to Mr. Esmail Qaani"
    assert suggestion.similarity > 0.9
    assert text[suggestion.start : suggestion.end] == suggestion.passage
    assert closest_passage("zzz", "abc") is None
