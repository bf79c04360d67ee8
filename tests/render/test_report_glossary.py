"""The report explains each of its figures once, where the figure first appears (issue 16).

The page is read as a reader sees it: its text, with the elements each piece of text sits
in. A figure's first use is found by where the report puts it (a column heading, a cell,
a paragraph); its explanation must appear once in the whole page, inside the block (the
figure, table or paragraph) that first shows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scenarios import Case, CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source, load
from scenarios.render import report_html
from scenarios.render._glossary import GLOSSARY
from tests.support import EXAMPLE

BRIDGE = Path(__file__).parents[2] / "examples" / "bridge_collapse" / "case.yaml"
_BLOCKS = ("p", "table", "div", "li", "blockquote", "details")
_VOID = {"meta", "br", "img", "hr", "input", "link", "wbr", "col", "area", "base", "source"}


@dataclass
class Piece:
    """One run of text, where it starts in the page's text, and the elements around it."""

    text: str
    at: int
    tags: tuple[tuple[str, str], ...]  # (tag, class) from the outermost in
    block: int  # the index of the element that makes its block


class Page(HTMLParser):
    """The visible text of a report and, for each piece, the block that holds it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.pieces: list[Piece] = []
        self.spans: dict[int, list[int]] = {}  # element index -> [start, end) in the text
        self._open: list[tuple[str, str, int]] = []
        self._count = 0
        self._hidden = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        self._count += 1
        self._open.append((tag, dict(attrs).get("class") or "", self._count))
        self.spans[self._count] = [len(self.text), len(self.text)]
        self._hidden += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, _, index = self._open.pop()
            self.spans[index][1] = len(self.text)
            self._hidden -= name in ("style", "title")
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._hidden or not data.strip():
            return
        figures = [index for name, _, index in self._open if name == "figure"]
        blocks = [index for name, _, index in self._open if name in _BLOCKS]
        block = figures[0] if figures else blocks[-1] if blocks else 0
        tags = tuple((name, cls) for name, cls, _ in self._open)
        self.pieces.append(Piece(data, len(self.text), tags, block))
        self.text += data

    def first(self, found: Callable[[Piece], bool]) -> Piece | None:
        return next((piece for piece in self.pieces if found(piece)), None)


def _in(tag: str) -> Callable[[Piece], bool]:
    return lambda piece: bool(piece.tags) and piece.tags[-1][0] == tag


def _heading(*names: str) -> Callable[[Piece], bool]:
    return lambda piece: _in("th")(piece) and piece.text.strip() in names


def _cell(pattern: str) -> Callable[[Piece], bool]:
    return lambda piece: _in("td")(piece) and re.search(pattern, piece.text) is not None


def _paragraph(pattern: str) -> Callable[[Piece], bool]:
    return lambda piece: _in("p")(piece) and re.search(pattern, piece.text) is not None


_CONFIDENCE = r", (low|moderate|high) confidence"
FIRST_USE: dict[str, Callable[[Piece], bool]] = {
    "rank": _heading("ACH rank"),
    "posterior": _heading("posterior"),
    "judgement": _cell(_CONFIDENCE),
    "range": _cell(r"^[a-z ]+ to [a-z ]+" + _CONFIDENCE),
    "lineages": _heading("lineages, best grade"),
    "grade": lambda piece: (
        (_in("td")(piece) or piece.tags[-1] == ("span", "grade"))
        and re.search(r"\b[A-F][1-6]$", piece.text) is not None
    ),
    "other": _cell(r"^\(other\)$"),
    "label": _heading("Carneades"),
    "weight": _paragraph(r"\bweight \d"),
    "diagnosticity": _heading("diagnosticity"),
    "weighted": _heading("weighted score"),
    "linchpin": _paragraph(r"^Linchpin\b"),
    "uncounted": _paragraph(r"^Counted once with their lineage\b"),
    "bits": _heading("diagnosticity (bits)"),
    "score": _heading("score"),
}
"""Where each figure the report explains first shows, as a test on a piece of its text."""


def explained_where_first_shown(case: Case) -> dict[str, str]:
    """Each figure the report of `case` shows, and what is wrong with its explanation."""
    page = Page(report_html(case))
    text = page.text
    wrong = {}
    for term, found in FIRST_USE.items():
        use = page.first(found)
        said = GLOSSARY[term]
        if use is None:
            if said in text:
                wrong[term] = "explained, but the report does not show it"
            continue
        start, end = page.spans[use.block]
        if text.count(said) != 1:
            wrong[term] = f"explained {text.count(said)} times"
        elif not start <= text.index(said) < end:
            wrong[term] = f"explained away from its first use, {use.text!r}"
    return wrong


@pytest.mark.parametrize(
    ("path", "not_shown"),
    [
        (EXAMPLE, {"uncounted"}),  # no item retold by a copy
        # nor a weight in a sentence, an indicator still to be seen, or drivers
        (BRIDGE, {"uncounted", "weight", "bits", "score"}),
    ],
    ids=["iran_militias", "bridge_collapse"],
)
def test_each_figure_is_explained_once_where_it_first_appears(
    path: Path, not_shown: set[str]
) -> None:
    case = load(path)
    page = Page(report_html(case))
    shown = {term for term, found in FIRST_USE.items() if page.first(found)}
    assert shown == set(FIRST_USE) - not_shown
    # Before: "weighted score -1.41", "0.185 bits", "4, B2", "(weight 0.11; ...)" and the
    # rest with no word on what they are.
    assert explained_where_first_shown(case) == {}


def retold() -> Case:
    """An item and its retelling by a copy of its source: counted once."""
    b = CaseBuilder(title="t")
    b.add(
        Source(id="blog", title="Blog", reliability="B"),
        Source(id="paper", title="Paper", reliability="B", derived_from=("blog",)),
        Hypothesis(id="a", statement="A."),
        Hypothesis(id="b", statement="B."),
        HypothesisSet(id="q", question="Which?", hypotheses=("a", "b")),
        Evidence(id="e", claim="E.", quotes=(Quote(source="blog", text="q"),), credibility=2),
        Evidence(id="f", claim="F.", quotes=(Quote(source="paper", text="q"),), credibility=2),
    )
    for item in ("e", "f"):
        b.link(item, "a", "C")
        b.link(item, "b", "I")
    return b.build()


def test_items_counted_once_with_their_lineage_are_explained() -> None:
    page = Page(report_html(retold()))
    assert page.first(FIRST_USE["uncounted"]) is not None
    assert page.first(FIRST_USE["other"]) is not None  # the set is open
    assert explained_where_first_shown(retold()) == {}


def test_a_figure_the_report_does_not_show_is_not_explained() -> None:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S", reliability="B"),
        Hypothesis(id="a", statement="A."),
        Hypothesis(id="b", statement="B."),
        HypothesisSet(id="q", question="Which?", hypotheses=("a", "b"), exhaustive=True),
        Evidence(id="e", claim="E.", quotes=(Quote(source="s", text="q"),), credibility=2),
    )
    b.link("e", "a", "C")
    page = Page(report_html(b.build()))
    for term in ("other", "uncounted", "bits", "score", "weight"):
        assert page.first(FIRST_USE[term]) is None, term
        assert GLOSSARY[term] not in page.text, term
    assert explained_where_first_shown(b.build()) == {}


def test_the_explanations_are_escaped_text() -> None:
    page = report_html(load(EXAMPLE))
    assert "<script" not in page
    # The weighted score's "-1" and "II -2" arrive as text, not markup.
    assert "each I counts -1 and each II -2" in page


def test_a_grade_first_shown_in_the_evidence_is_explained_there() -> None:
    b = CaseBuilder(title="t")  # no set: no judgement table shows a grade before the evidence
    b.add(
        Source(id="s", title="S", reliability="B"),
        Evidence(id="e", claim="E.", quotes=(Quote(source="s", text="q"),), credibility=2),
        Evidence(id="f", claim="F.", quotes=(Quote(source="s", text="q"),), credibility=3),
    )
    page = Page(report_html(b.build()))
    use = page.first(FIRST_USE["grade"])
    assert use is not None
    assert use.tags[-1] == ("span", "grade")
    assert explained_where_first_shown(b.build()) == {}
