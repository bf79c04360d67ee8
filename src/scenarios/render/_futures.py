"""Diagrams of futures: the morphological field and the scenario tree, as `graphviz.Digraph`.

Like the argument maps, every user text reaches DOT through `scenarios.render._escape`
and node ids are generated, so ids and names cannot inject DOT; write them with
`scenarios.render.write_diagram` (atomic, with a timeout and a clear error when
Graphviz is missing).

Examples:
    >>> from scenarios import Case, CaseMeta, Driver, DriverState
    >>> case = Case(meta=CaseMeta(title="t"), drivers=(Driver(
    ...     id="us", name="U.S. <posture>",
    ...     states=(DriverState(id="stay", name="Stay"), DriverState(id="go", name="Go"))),))
    >>> dot = morphological_field(case, highlight={"us": "go"}).source
    >>> "U.S. &lt;posture&gt;" in dot, 'BGCOLOR="#fbd38d"' in dot
    (True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import graphviz

from scenarios.analysis._futures import FuturesResult, expectation_probability, futures
from scenarios.errors import AnalysisError
from scenarios.model import Case, Hypothesis, ScenarioExpectation
from scenarios.render._escape import attribute_text, html_lines

__all__ = ["morphological_field", "scenario_tree"]

_CHOSEN: Final = "#fbd38d"
_PLAIN: Final = "#ffffff"
_RULED_OUT: Final = "#e2e8f0"


def morphological_field(
    case: Case,
    *,
    highlight: Mapping[str, str] | None = None,
    ruled_out: frozenset[str] = frozenset(),
) -> graphviz.Digraph:
    """The field as one table: a row per driver, a cell per state.

    Args:
        case: The case with its drivers.
        highlight: A configuration (state by driver id) to shade, e.g. a scenario's
            `drivers` or a `Configuration.states`.
        ruled_out: ``driver=state`` keys to grey out (e.g. states no consistent
            configuration uses).

    Raises:
        AnalysisError: The case declares no drivers.

    Complexity: O(drivers × states).
    """
    if not case.drivers:
        raise AnalysisError(
            "the case declares no drivers, so it has no morphological field",
            hint="add drivers (each with states) and cross-consistency assessments",
        )
    chosen = dict(highlight or {})
    width = max(len(d.states) for d in case.drivers)
    rows = []
    for driver in case.drivers:
        cells = [f'<TD ALIGN="LEFT"><B>{html_lines(driver.name, width=24, max_chars=80)}</B></TD>']
        for state in driver.states:
            key = f"{driver.id}={state.id}"
            colour = (
                _CHOSEN
                if chosen.get(driver.id) == state.id
                else _RULED_OUT
                if key in ruled_out
                else _PLAIN
            )
            cells.append(
                f'<TD BGCOLOR="{colour}">{html_lines(state.name, width=18, max_chars=60)}</TD>'
            )
        cells += ["<TD></TD>"] * (width - len(driver.states))
        rows.append("<TR>" + "".join(cells) + "</TR>")
    graph = graphviz.Digraph(name="morphological_field")
    graph.attr("node", shape="plaintext", fontname="Helvetica", fontsize="11")
    graph.node(
        "field",
        '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">'
        + "".join(rows)
        + "</TABLE>>",
    )
    return graph


def _expectation_style(value: ScenarioExpectation) -> dict[str, str]:
    p = expectation_probability(value)
    if p > 0.5:
        return {"color": "#2f855a", "style": "solid"}
    if p < 0.5:
        return {"color": "#c53030", "style": "dashed"}
    return {"color": "#718096", "style": "dotted"}


def scenario_tree(case: Case, *, result: FuturesResult | None = None) -> graphviz.Digraph:
    """Hypothesis states → scenarios → indicators, left to right.

    A hypothesis node leads to each scenario that rests on it (the edge says
    whether the scenario takes it as true or false); a scenario leads to each
    indicator, solid green when it expects the indicator, dashed red when it does
    not, dotted grey when neutral. Scenario nodes show their probability, and
    indicators that have fired are filled.

    Args:
        case: The case.
        result: Its `futures` result (computed when not given).

    Complexity: O(assumptions + expectations).
    """
    found = result if result is not None else futures(case)
    chance = {s.scenario: s for s in found.scenarios}
    fired = {w.indicator for w in found.fired}
    graph = graphviz.Digraph(name="scenario_tree")
    graph.attr(rankdir="LR", fontname="Helvetica", nodesep="0.25")
    graph.attr("node", fontname="Helvetica", fontsize="10")
    graph.attr("edge", fontname="Helvetica", fontsize="9")
    ids: dict[str, str] = {}

    def node_id(key: str) -> str:
        return ids.setdefault(key, f"n{len(ids) + 1}")

    for scenario in case.scenarios:
        for h, value in scenario.assumes.items():
            if f"h:{h}" not in ids:
                statement = case.get(h, Hypothesis).statement
                graph.node(
                    node_id(f"h:{h}"),
                    f"<{html_lines(statement, width=30, max_chars=140)}>",
                    tooltip=attribute_text(f"{h}: {statement}"),
                    shape="box",
                    style="rounded,filled",
                    fillcolor="#ebf4ff",
                )
            graph.edge(
                node_id(f"h:{h}"), node_id(f"s:{scenario.id}"), label="true" if value else "false"
            )
        shown = chance[scenario.id]
        odds = (
            f"{shown.probability:.0%}, {shown.words}"
            if shown.probability is not None
            else "probability unknown"
        )
        graph.node(
            node_id(f"s:{scenario.id}"),
            f"<<B>{html_lines(scenario.name, width=26, max_chars=80)}</B>"
            f"<BR/>{html_lines(odds, width=40, max_chars=60)}>",
            tooltip=attribute_text(scenario.narrative or scenario.name),
            shape="box",
            style="filled",
            fillcolor="#fefcbf",
        )
    for indicator in case.indicators:
        graph.node(
            node_id(f"i:{indicator.id}"),
            f"<{html_lines(indicator.name, width=28, max_chars=120)}>",
            tooltip=attribute_text(indicator.description or indicator.name),
            shape="note",
            style="filled",
            fillcolor="#fed7d7" if indicator.id in fired else "#ffffff",
        )
        for scenario_id, expected in indicator.expectations.items():
            graph.edge(
                node_id(f"s:{scenario_id}"),
                node_id(f"i:{indicator.id}"),
                tooltip=attribute_text(f"{scenario_id} expects it {expected}"),
                **_expectation_style(expected),
            )
    return graph
