"""The HTML matrix speaks the diagrams' colours, and every rating stays legible on its cell."""

from __future__ import annotations

from scenarios.render import RATING_COLOURS
from scenarios.render._layout import PALETTE
from scenarios.render._matrix import _TEXT_ON
from scenarios.types import RATINGS


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_rating_has_a_cell_colour_its_letter_reads_on() -> None:
    assert set(RATING_COLOURS) == set(RATINGS)
    for rating, cell in RATING_COLOURS.items():
        text = _TEXT_ON.get(rating, "#1f2328")
        assert contrast(cell, text) >= 4.5, (rating, cell, text)


def test_the_strong_ratings_take_the_diagrams_support_colour() -> None:
    # Before: the matrix kept green and red after the diagrams moved to blue and vermillion.
    assert RATING_COLOURS["CC"].lower() == PALETTE["supports"].lower()
    assert luminance(RATING_COLOURS["II"]) < luminance(RATING_COLOURS["I"])
