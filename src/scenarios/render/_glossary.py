"""What each figure of the outputs means, in one place: the text output and the report say it.

Each explanation is written once, here, and each output says it once, where the figure
first appears (`Glossary`). The report escapes it as it puts it in.
"""

from __future__ import annotations

from typing import Final

__all__ = ["GLOSSARY", "Glossary"]

GLOSSARY: Final = {
    "weighted": "weighted score: each I counts -1 and each II -2, times the item's "
    "credibility and relevance weights; nearer 0 ranks higher",
    "linchpin": "an item that, dropped or read as deceptive with its ratings reversed, "
    "would change the leader",
    "lineages": "independent origins of the evidence: a text and its copies are one "
    "lineage, counted once",
    "grade": "the best grade among them: source reliability A-F, information credibility 1-6",
    "range": "how far it moves when any one link is re-rated a step",
    "other": "what the set does not name, since it is not exhaustive",
    "points": "percentage points, from the posterior without the item to that with it",
    "rivals": "the posteriors of a set add up to 1, so an item that raises some "
    "hypotheses lowers the others, even one it is not rated against, and the other way round",
    "uncounted": "items a copy of their source retells: they add nothing new",
    "bits": "diagnosticity: how much seeing the indicator, or not, would tell about which "
    "scenario comes true, in bits; 1 bit settles an even choice between two",
    "none-named": "the futures none of the scenarios describes",
    "score": "the first figure says how well the states hold together: the weakest "
    "pair's score, 1 when no pair was judged less than consistent",
    "weight": "an argument's Carneades weight, 0 to 1, from its premises (scaled, for "
    "a case, by the item's grade, rating and relevance); a proof standard (PE: "
    "preponderance of evidence) compares the positions' strongest weights",
    "rank": "the least inconsistent hypothesis first, by weighted score; = marks a tie",
    "posterior": "the probability after every counted item, each weighed by its ratings, "
    "grades, relevance and lineage, starting from the prior",
    "judgement": "how likely, in ICD 203's words, and how confident: high takes three or "
    "more independent lineages, two of them well graded (A-C, 1-3), and no one-step "
    "re-rating moving it out of its band; moderate two, one well graded; else low, with why",
    "label": "in when the hypothesis is argued for more strongly than against, under its "
    "proof standard; out when not; undecided when a loop of arguments leaves it open",
    "diagnosticity": "the spread of an item's ratings across the set, highest minus lowest "
    "on CC=2 to II=-2: an item rated alike everywhere has none and cannot help choose",
}
"""What each figure means, said once where it first appears."""


class Glossary:
    """Says what a figure means the first time it appears in one output, and never again.

    Examples:
        >>> gloss = Glossary()
        >>> gloss("other", " ({})")
        ' (what the set does not name, since it is not exhaustive)'
        >>> gloss("other", " ({})")
        ''
    """

    def __init__(self) -> None:
        self._said: set[str] = set()

    def __call__(self, term: str, form: str = " ({})") -> str:
        """What `term` means, put in `form`, the first time; else nothing."""
        if term in self._said:
            return ""
        self._said.add(term)
        return form.format(GLOSSARY[term])
