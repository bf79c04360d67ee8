"""The case as pandas tables: one row per evidence item, one row per link.

pandas is optional (``pip install 'scenarios[pandas]'``) and imported only when a table
is asked for. The ACH matrix as a table is `scenarios.render.ach_dataframe`.

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S", reliability="B"), Hypothesis(id="h", statement="H."),
    ...       Evidence(id="e", claim="E.", quotes=(Quote(source="s", text="q"),), credibility=2))
    >>> b.link("e", "h", "CC", rationale="Because.")
    >>> evidence_frame(b.build()).loc["e", ["grade", "sources"]].tolist()
    ['B2', 's']
    >>> links_frame(b.build())[["evidence", "hypothesis", "rating", "stance"]].values.tolist()
    [['e', 'h', 'CC', 'supports']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from scenarios._optional import require
from scenarios.model import Case, stance_of
from scenarios.provenance import evidence_grade

if TYPE_CHECKING:
    import pandas  # optional: imported when a table is asked for

__all__ = ["evidence_frame", "links_frame"]


_EVIDENCE: Final = ("id", "claim", "kind", "grade", "credibility", "occurred", "reported",
                    "sources", "quotes", "actors", "tags", "links")  # fmt: skip
_LINKS: Final = ("evidence", "hypothesis", "rating", "stance", "relevance", "rationale")


def _frame(feature: str, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pandas.DataFrame:
    """A DataFrame of `rows` with these columns (also when there are no rows)."""
    pd = require("pandas", extra="pandas", feature=feature)
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=list(columns))
    return frame


def _join(values: tuple[str, ...]) -> str:
    return "; ".join(values)


def evidence_frame(case: Case) -> pandas.DataFrame:
    """One row per evidence item, indexed by id: claim, kind, grade, dates, sources, quotes.

    Multi-valued cells (sources, quotes, actors, tags) are joined with ``"; "``.
    O(evidence + quotes).

    Raises:
        ImportError: pandas is not installed; the message says how to install it.
    """
    rows = [
        {
            "id": item.id,
            "claim": item.claim,
            "kind": item.kind,
            "grade": evidence_grade(case, item),
            "credibility": item.credibility,
            "occurred": item.occurred,
            "reported": item.reported,
            "sources": _join(item.sources),
            "quotes": _join(tuple(q.text for q in item.quotes)),
            "actors": _join(item.actors),
            "tags": _join(item.tags),
            "links": len(case.links_from(item.id)),
        }
        for item in case.evidence
    ]
    return _frame("evidence_frame", rows, _EVIDENCE).set_index("id")


def links_frame(case: Case) -> pandas.DataFrame:
    """One row per link: evidence, hypothesis, rating, stance, relevance, rationale. O(links).

    Raises:
        ImportError: pandas is not installed; the message says how to install it.
    """
    rows = [
        {
            "evidence": link.evidence,
            "hypothesis": link.hypothesis,
            "rating": link.rating,
            "stance": stance_of(link.rating),
            "relevance": link.relevance,
            "rationale": link.rationale,
        }
        for link in case.links
    ]
    return _frame("links_frame", rows, _LINKS)
