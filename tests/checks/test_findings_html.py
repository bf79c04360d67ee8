"""Findings show as a table in a notebook, as the other results do (issue 16)."""

from __future__ import annotations

from scenarios import Case
from scenarios.checks import check, filter_findings


def test_findings_from_check_show_as_a_table() -> None:
    broken = Case.unchecked(
        {"meta": {"title": "t"}, "links": [{"evidence": "e", "hypothesis": "h", "rating": "C"}]}
    )
    found = check(broken)
    # Before: a plain tuple, shown in Jupyter as its repr.
    shown = found._repr_html_()
    assert shown.startswith("<table><caption>2 findings</caption>")
    assert "<td>R002</td><td>error</td><td>links[0].evidence</td>" in shown
    assert isinstance(found, tuple)
    kept = filter_findings(found, ignore=["R002"])
    assert "0 findings</caption>" in kept._repr_html_()
    assert check(broken, ignore=["R"])._repr_html_().startswith("<table><caption>0 findings")
