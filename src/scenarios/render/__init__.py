"""Rendering: argument maps, matrices, diagrams, the HTML report and the text output.

Every file is written safely (`scenarios.io.write_atomic`).

- `argument_map`, `argument_view`: the evidence map and the reasoning view (DOT graphs);
  `render`/`write_diagram` lay them out with Graphviz, killed on a timeout.
- `report_html`: the self-contained HTML report (no script; see docs/security.md).
- `ach_text`, `bayes_text`, `analysis_text`, ...: the text the command line prints.
- `matrix_html`, `matrix_markdown`, `matrix_csv`, `ach_dataframe`: the ACH matrix.
- `scenario_tree`, `morphological_field`, `timeline_svg`: the futures and time diagrams.
- `visible`, `html_text`: user text made safe for a terminal and for HTML.
"""

from scenarios._escape import html_text
from scenarios.render._argument_map import (
    EDGE_STYLES,
    NODE_STYLES,
    Clustering,
    RankDir,
    argument_map,
)
from scenarios.render._argument_view import argument_view
from scenarios.render._futures import morphological_field, scenario_tree
from scenarios.render._matrix import (
    RATING_COLOURS,
    ach_dataframe,
    matrix_csv,
    matrix_html,
    matrix_markdown,
)
from scenarios.render._output import (
    DEFAULT_TIMEOUT,
    DIAGRAM_SUFFIXES,
    OutputFormat,
    choose_engine,
    layout_size,
    render,
    write_diagram,
)
from scenarios.render._report import report_html
from scenarios.render._text import (
    ach_csv,
    ach_markdown,
    ach_text,
    analysis_text,
    bayes_text,
    futures_text,
    labelling_text,
    morphology_text,
    provenance_text,
    visible,
)
from scenarios.render._timeline import TimelineItem, timeline_items, timeline_svg

__all__ = [
    "DEFAULT_TIMEOUT",
    "DIAGRAM_SUFFIXES",
    "EDGE_STYLES",
    "NODE_STYLES",
    "RATING_COLOURS",
    "Clustering",
    "OutputFormat",
    "RankDir",
    "TimelineItem",
    "ach_csv",
    "ach_dataframe",
    "ach_markdown",
    "ach_text",
    "analysis_text",
    "argument_map",
    "argument_view",
    "bayes_text",
    "choose_engine",
    "futures_text",
    "html_text",
    "labelling_text",
    "layout_size",
    "matrix_csv",
    "matrix_html",
    "matrix_markdown",
    "morphological_field",
    "morphology_text",
    "provenance_text",
    "render",
    "report_html",
    "scenario_tree",
    "timeline_items",
    "timeline_svg",
    "visible",
    "write_diagram",
]
