"""The HTML report: one self-contained file with the map, the analysis and the evidence.

Built with Jinja2 with autoescaping on, from a template shipped with the package; the
only HTML inserted as is comes from this library's own renderers (the Graphviz SVG of
the map, the scenario tree and the morphological field, whose text Graphviz escapes;
the timeline, escaped by `svg_text`; the ACH matrix, escaped by `matrix_html`; and the
notes that explain each figure where it first appears, escaped by `_Notes`).
The page loads nothing: styles are inline and a Content-Security-Policy forbids
scripts and remote resources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import graphviz
import jinja2
from markupsafe import Markup

from scenarios._escape import html_text
from scenarios._version import __version__
from scenarios.analysis import (
    CANNOT_ASSESS,
    OTHER,
    CaseAnalysis,
    SetAnalysis,
    analyse,
    icd203_words,
)
from scenarios.analysis._morphology import (
    alternative_futures,
    count_configurations,
    field_size,
    ranked_configurations,
)
from scenarios.checks import Finding
from scenarios.errors import RenderError
from scenarios.model import Case, HypothesisSet
from scenarios.provenance import RELIABILITY_MEANINGS, Lineage, evidence_grade
from scenarios.render._argument_map import argument_map
from scenarios.render._argument_view import argument_view
from scenarios.render._escape import safe_url
from scenarios.render._futures import morphological_field, scenario_tree
from scenarios.render._glossary import Glossary
from scenarios.render._matrix import matrix_html
from scenarios.render._output import DEFAULT_TIMEOUT, render
from scenarios.render._timeline import timeline_svg
from scenarios.types import date_bounds

__all__ = ["report_html"]

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("scenarios.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
_PROLOG = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_TOP_CONFIGURATIONS = 10
_MAX_SET_MAP_ITEMS = 150  # beyond this a set's map is unreadable on a page, and slow to lay out
_LABELS: Final = {
    "rank": "ACH rank",
    "posterior": "posterior",
    "judgement": "judgement",
    "range": "a range (“likely to very likely”)",
    "lineages": "lineages",
    "grade": "best grade",
    "other": "(other)",
    "label": "Carneades",
    "diagnosticity": "diagnosticity",
    "score": "score",
}
"""What each figure is called in the report, where its explanation does not say it itself."""


class _Notes:
    """Explains each figure of the report once, where it first shows, in the words of `GLOSSARY`.

    `GLOSSARY` is `scenarios.render._glossary`'s, shared with the text output. The template
    calls it as it goes down the page, so the first call for a figure is its
    first appearance. Everything it returns is escaped here.
    """

    def __init__(self) -> None:
        self._once = Glossary()

    def caption(self, terms: Sequence[str]) -> Markup:
        """A ``<figcaption>`` explaining those of `terms` not yet explained; else nothing."""
        said = [(term, self._once(term, "{}")) for term in terms]
        lines = "".join(f"<span>{self._head(term, text)}</span>" for term, text in said if text)
        return Markup(f'<figcaption class="notes">{lines}</figcaption>' if lines else "")

    def inline(self, term: str, form: str = " ({})") -> Markup:
        """The explanation of `term` put in `form` (HTML), the first time; else nothing."""
        text = self._once(term, "{}")
        return Markup(form.format(html_text(text)) if text else "")

    @staticmethod
    def _head(term: str, text: str) -> str:
        """``<b>posterior</b>: the probability ...``; a text that names its figure keeps it."""
        if term in _LABELS:
            return f"<b>{html_text(_LABELS[term])}</b>: {html_text(text)}"
        head, _, rest = text.partition(": ")
        return f"<b>{html_text(head)}</b>: {html_text(rest)}"


def _judgement_terms(one: SetAnalysis) -> tuple[str, ...]:
    """The figures a set's judgement table shows, in the order of its columns."""
    posteriors = one.bayes.posteriors if one.bayes else ()
    judged = [p for p in posteriors if p.words != CANNOT_ASSESS]
    shown = {
        "rank": any(r.rank is not None for r in one.rows),
        "posterior": bool(posteriors),
        "judgement": bool(judged),
        "range": any(
            icd203_words(p.confidence.low) != icd203_words(p.confidence.high) for p in judged
        ),
        "lineages": bool(posteriors),
        "grade": any(p.confidence.best_grade for p in posteriors),
        "other": any(r.hypothesis == OTHER for r in one.rows),
        "label": any(r.label for r in one.rows),
    }
    return tuple(term for term, yes in shown.items() if yes)


def _svg(graph: graphviz.Digraph, what: str, timeout: float) -> tuple[Markup | None, str]:
    try:
        svg = render(graph, "svg", timeout=timeout).decode("utf-8")
    except RenderError as exc:  # Graphviz missing or too slow: the report still comes out
        return None, f"The {what} could not be drawn: {exc}"
    return Markup(_PROLOG.sub("", svg, count=1)), ""


def _set_map(case: Case, set_id: str, timeout: float) -> tuple[Markup | None, str]:
    """One set's map, unless it is too large to read on a page; else why not."""
    items = {link.evidence for h in case.hypotheses_of(set_id) for link in case.links_of(h.id)}
    if len(items) > _MAX_SET_MAP_ITEMS:
        return None, (
            f"This set's map ({len(items)} items) is too large for the page: draw it with "
            f"scenarios render CASE --set {set_id} -o map.svg."
        )
    return _svg(argument_map(case, hypothesis_set=set_id), "map", timeout)


def _set_arguments(
    case: Case, set_id: str, analysis: CaseAnalysis, timeout: float
) -> tuple[Markup | None, str]:
    """One set's argument view, when arguments bear on it (else the set map says it all)."""
    members = set(case.get(set_id, HypothesisSet).hypotheses)
    rated = {link.evidence for h in members for link in case.links_of(h)}
    if not any(a.conclusion in members | rated for a in case.arguments):
        return None, ""
    view = argument_view(case, hypothesis_set=set_id, analysis=analysis)
    return _svg(view, "argument view", timeout)


def _futures_view(case: Case, analysis: CaseAnalysis, timeout: float) -> dict[str, Any] | None:
    if not case.scenarios:
        return None
    result = analysis.futures
    if result is None:  # rival hypotheses in one scenario (C001): say so, go on
        return {"error": f"No scenario probabilities: {analysis.missing.get('futures', '')}"}
    tree, _ = _svg(scenario_tree(case, result=result), "scenario tree", timeout)
    return {"error": "", "result": result, "tree": tree}


def _field_view(case: Case, timeout: float) -> dict[str, Any] | None:
    if not case.drivers:
        return None
    best = ranked_configurations(case, top=_TOP_CONFIGURATIONS)
    two = [d.id for d in case.drivers if len(d.states) == 2][:2]
    svg, _ = _svg(
        morphological_field(case, highlight=best[0].states if best else None), "field", timeout
    )
    return {
        "size": field_size(case),
        "drivers": len(case.drivers),
        "consistent": count_configurations(case),
        "best": best,
        "svg": svg,
        "matrix": alternative_futures(case, *two) if len(two) == 2 else None,
    }


def report_html(
    case: Case, *, findings: tuple[Finding, ...] = (), timeout: float = DEFAULT_TIMEOUT
) -> str:
    """The report of `case` as one self-contained HTML page.

    Args:
        case: The case.
        findings: Check findings to list (see `scenarios.check`).
        timeout: Seconds the map's layout may take.
    """
    lineage = Lineage.of(case)
    analysis = analyse(case, lineage=lineage)
    sets = []
    for one in analysis.sets:
        sets.append(
            {
                "ach": one.ach,
                "analysis": one,
                "terms": _judgement_terms(one),
                "bayes": one.bayes or _no_bayes(),
                "posterior": {p.hypothesis: p for p in one.bayes.posteriors} if one.bayes else {},
                "matrix": Markup(matrix_html(case, one.ach)),
                "map": _set_map(case, one.set, timeout),  # (svg, why there is none)
                "arguments": _set_arguments(case, one.set, analysis, timeout),
            }
        )
    map_svg, map_missing = _svg(argument_map(case), "map", timeout)
    sources = {s.id: _source_view(s, lineage) for s in case.sources}
    template = _ENVIRONMENT.get_template("report.html.j2")
    return template.render(
        case=case,
        version=__version__,
        findings=findings,
        map_svg=map_svg,
        map_missing=map_missing,
        sets=sets,
        statements={OTHER: "(other)"} | {h.id: h.statement for h in case.hypotheses},
        evidence=[{"item": e, "grade": evidence_grade(case, e)} for e in case.evidence],
        sources=sources,
        source_rows=list(sources.values()),
        events=sorted(case.events, key=lambda e: date_bounds(e.date)),
        futures=_futures_view(case, analysis, timeout),
        narratives={s.id: s.narrative or "" for s in case.scenarios},
        horizons={s.id: s.horizon for s in case.scenarios},
        field=_field_view(case, timeout),
        timeline_svg=Markup(timeline_svg(case)),
        timeline_has_observations=any(i.observations for i in case.indicators),
        notes=_Notes(),
    )


def _no_bayes() -> dict[str, Any]:
    """Posteriors cannot be computed (partial priors, H003): show none rather than fail."""
    return {"posteriors": [], "uncounted": []}


def _source_view(source: Any, lineage: Lineage) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "url": safe_url(source.url),
        "grade": f"{source.grade} ({RELIABILITY_MEANINGS[source.grade]})",
        "lineage": lineage.group(source.id),
        "derived_from": source.derived_from,
        "publisher": source.publisher,
        "published": source.published,
    }
