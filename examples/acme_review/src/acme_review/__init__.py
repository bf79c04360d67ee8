"""Acme's house tooling for scenarios cases: a one-row-per-question summary."""

from __future__ import annotations

from scenarios import Case

__all__ = ["summary_rows"]


def summary_rows(case: Case) -> list[dict[str, str | int]]:
    """One row per hypothesis set: its question, its hypotheses, and the items weighed."""
    rows: list[dict[str, str | int]] = []
    for group in case.hypothesis_sets:
        items = {link.evidence for h in group.hypotheses for link in case.links_of(h)}
        rows.append(
            {
                "set": group.id,
                "question": group.question,
                "hypotheses": ", ".join(group.hypotheses),
                "items": len(items),
            }
        )
    return rows
