"""The ACH matrix as a table: HTML (cells coloured by rating), Markdown and CSV.

Rows are evidence items, most diagnostic first; columns are the set's hypotheses in
rank order; the footer holds the inconsistency counts and weighted scores. User text
is escaped for HTML (`scenarios._escape.html_text`); for CSV every cell goes through
`scenarios._escape.csv_cell` (no formula injection) and the `csv` module; for Markdown
through `scenarios._escape.markdown_cell` (no HTML, no links, no broken table).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Final

from scenarios._escape import csv_cell, html_text, markdown_cell
from scenarios._optional import require
from scenarios.analysis import AchResult
from scenarios.model import Case
from scenarios.render._layout import PALETTE

if TYPE_CHECKING:
    import pandas  # optional: imported when a DataFrame is asked for

__all__ = ["RATING_COLOURS", "ach_dataframe", "matrix_csv", "matrix_html", "matrix_markdown"]

RATING_COLOURS: Final = {
    "CC": PALETTE["supports"],
    "C": "#9ecae1",  # a tint of the support blue
    "N": "#f6f8fa",
    "I": "#f5c09a",  # a tint of the attack vermillion
    "II": "#b04a00",  # the attack vermillion, darkened so white text reads (5.5:1)
    "NA": "#ffffff",
}
"""Cell colours by rating, in the diagrams' palette (`PALETTE`); the rating is always
written too (colour is never alone), in text of at least 4.5:1 contrast on its cell."""

_TEXT_ON: Final = {"CC": "#ffffff", "II": "#ffffff"}


def _claim(case: Case, evidence: str) -> str:
    return getattr(case.get(evidence), "claim", evidence)


def _rows(case: Case, result: AchResult) -> list[list[str]]:
    order = result.ranking
    rows = [["evidence", "claim", "diagnosticity", *order]]
    for e in result.evidence:
        rows.append(
            [
                e,
                _claim(case, e),
                str(result.diagnosticity[e]),
                *(result.ratings.get((e, h), "") for h in order),
            ]
        )
    by = {s.hypothesis: s for s in result.scores}
    rows.append(["inconsistencies", "", "", *(str(by[h].inconsistencies) for h in order)])
    rows.append(["weighted score", "", "", *(f"{by[h].weighted:.2f}" for h in order)])
    rows.append(["rank", "", "", *(_rank(by[h].rank, tied=by[h].tied) for h in order)])
    return rows


def matrix_csv(case: Case, result: AchResult) -> str:
    """The matrix as CSV: a header row, one row per item, then counts, scores and ranks."""
    out = io.StringIO()
    rows = [[csv_cell(cell) for cell in row] for row in _rows(case, result)]
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def matrix_markdown(case: Case, result: AchResult) -> str:
    """The matrix as a Markdown table (HTML, Markdown, pipes and newlines in text escaped)."""
    rows = [[markdown_cell(cell) for cell in row] for row in _rows(case, result)]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


def _rank(rank: int, *, tied: bool) -> str:
    return f"{rank}=" if tied else str(rank)


def matrix_html(case: Case, result: AchResult) -> str:
    """The matrix as an HTML table, cells coloured by rating (the rating is written too)."""
    order = result.ranking
    statements = {h.id: h.statement for h in case.hypotheses}
    head = "".join(
        f'<th scope="col" title="{html_text(statements.get(h, h))}">{html_text(h)}</th>'
        for h in order
    )
    body = []
    for e in result.evidence:
        cells = []
        for h in order:
            rating = result.ratings.get((e, h))
            if rating is None:
                cells.append("<td></td>")
                continue
            style = f"background:{RATING_COLOURS[rating]};color:{_TEXT_ON.get(rating, '#1f2328')}"
            cells.append(f'<td class="rating {rating}" style="{style}">{rating}</td>')
        body.append(
            f'<tr><th scope="row" title="{html_text(_claim(case, e))}">'
            f"{html_text(e)}</th><td>{result.diagnosticity[e]}</td>{''.join(cells)}</tr>"
        )
    by = {s.hypothesis: s for s in result.scores}
    foot = (
        f"<tr><th>inconsistencies</th><td></td>"
        f"{''.join(f'<td>{by[h].inconsistencies}</td>' for h in order)}</tr>"
        f"<tr><th>weighted score</th><td></td>"
        f"{''.join(f'<td>{by[h].weighted:.2f}</td>' for h in order)}</tr>"
        f"<tr><th>rank</th><td></td>"
        f"{''.join(f'<td>{_rank(by[h].rank, tied=by[h].tied)}</td>' for h in order)}</tr>"
    )
    return (
        f'<table class="ach"><caption>{html_text(result.question)}</caption>'
        f'<thead><tr><th scope="col">evidence</th><th scope="col">diagnosticity</th>{head}'
        f"</tr></thead><tbody>{''.join(body)}</tbody><tfoot>{foot}</tfoot></table>"
    )


def ach_dataframe(case: Case, result: AchResult) -> pandas.DataFrame:
    """The matrix as a pandas DataFrame (rows: items; columns: hypotheses in rank order).

    Raises:
        ImportError: pandas is not installed; the message says how to install it.

    Examples:
        >>> from scenarios import CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source
        >>> from scenarios import ach
        >>> b = CaseBuilder(title="t")
        >>> b.add(Source(id="s", title="S"), Hypothesis(id="a", statement="A."),
        ...       Hypothesis(id="b", statement="B."),
        ...       HypothesisSet(id="q", question="Which?", hypotheses=["a", "b"]),
        ...       Evidence(id="e", claim="E.", quotes=[Quote(source="s", text="q")]))
        >>> b.link("e", "a", "I")
        >>> b.link("e", "b", "C")
        >>> case = b.build()
        >>> ach_dataframe(case, ach(case, "q")).values.tolist()
        [['E.', 2, 'C', 'I']]
    """
    pd = require("pandas", extra="pandas", feature="ach_dataframe")
    order = list(result.ranking)
    frame: pandas.DataFrame = pd.DataFrame(
        [[result.ratings.get((e, h)) for h in order] for e in result.evidence],
        index=pd.Index(list(result.evidence), name="evidence"),
        columns=order,
    )
    frame.insert(0, "diagnosticity", [result.diagnosticity[e] for e in result.evidence])
    frame.insert(0, "claim", [_claim(case, e) for e in result.evidence])
    return frame
